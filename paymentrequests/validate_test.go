package paymentrequests_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
)

func TestCreatePaymentRequestRules(t *testing.T) {
	t.Parallel()
	for field, breakIt := range map[string]func(p *paymentrequests.CreatePaymentRequestParams){
		"":         func(*paymentrequests.CreatePaymentRequestParams) {},
		"currency": func(p *paymentrequests.CreatePaymentRequestParams) { p.Currency = "USD" },
		"amount":   func(p *paymentrequests.CreatePaymentRequestParams) { p.Amount = xendit.Ptr(0.0) },
		"reference_id": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.ReferenceID = xendit.Ptr(string(make([]byte, 256)))
		},
		"payment_method":      func(p *paymentrequests.CreatePaymentRequestParams) { p.PaymentMethod = nil },
		"payment_method_id":   func(p *paymentrequests.CreatePaymentRequestParams) { p.PaymentMethodID = xendit.Ptr("pm-1") },
		"payment_method.type": func(p *paymentrequests.CreatePaymentRequestParams) { p.PaymentMethod.Type = "" },
		"payment_method.reusability": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.PaymentMethod.Reusability = "TWICE"
		},
		"payment_method.ewallet": func(p *paymentrequests.CreatePaymentRequestParams) { p.PaymentMethod.EWallet = nil },
		"payment_method.qr_code": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.PaymentMethod.QRCode = &paymentrequests.ChannelParams{ChannelCode: "QRIS"}
		},
		"payment_method.ewallet.channel_code": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.PaymentMethod.EWallet.ChannelCode = ""
		},
		"channel_properties.success_return_url": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.ChannelProperties = &paymentrequests.ChannelProperties{SuccessReturnURL: xendit.Ptr("shop.example/ok")}
		},
		"shipping_information.country": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.ShippingInformation = &paymentrequests.ShippingInformation{City: xendit.Ptr("Jakarta")}
		},
		"items[1].category": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.Items = []paymentrequests.Item{item(), item()}
			p.Items[1].Category = ""
		},
		"items[0].quantity": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.Items = []paymentrequests.Item{item()}
			p.Items[0].Quantity = 0
		},
		"metadata": func(p *paymentrequests.CreatePaymentRequestParams) {
			p.Metadata = map[string]any{}
			for i := range 51 {
				p.Metadata[string(rune('a'+i%26))+string(rune('a'+i/26))] = "v"
			}
		},
	} {
		p := shopeePay("order-1")
		breakIt(p)
		fake.Invalid(t, p.Validate(), field)
	}
	saved := &paymentrequests.CreatePaymentRequestParams{Currency: xendit.CurrencyPHP, PaymentMethodID: xendit.Ptr("")}
	fake.Invalid(t, saved.Validate(), "payment_method_id")
	card := shopeePay("order-1")
	card.PaymentMethod.Type = paymentmethods.TypeCard
	fake.Invalid(t, card.Validate(), "payment_method.type")
}

func item() paymentrequests.Item {
	return paymentrequests.Item{Name: "Tea", Category: "FOOD", Currency: xendit.CurrencyIDR, Quantity: 1, Price: 15000}
}

func TestOtherParamsRules(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&paymentrequests.CreateCaptureParams{}).Validate(), "capture_amount")
	fake.Invalid(t, (&paymentrequests.CreateCaptureParams{CaptureAmount: 1}).Validate(), "")
	fake.Invalid(t, (&paymentrequests.AuthorizePaymentRequestParams{}).Validate(), "auth_code")
	fake.Invalid(t, (&paymentrequests.ListPaymentRequestsParams{Limit: xendit.Ptr(0)}).Validate(), "limit")
	fake.Invalid(t, (&paymentrequests.ListCapturesParams{Limit: xendit.Ptr(-1)}).Validate(), "limit")
}

func TestParamsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	_, err := f.pr.CreatePaymentRequest(ctx, nil)
	fake.Invalid(t, err, "params")
	_, err = f.pr.CreateCapture(ctx, "pr-1", nil)
	fake.Invalid(t, err, "params")
	_, err = f.pr.AuthorizePaymentRequest(ctx, "pr-1", &paymentrequests.AuthorizePaymentRequestParams{})
	fake.Invalid(t, err, "auth_code")
	_, err = f.pr.ListCaptures(ctx, "pr-1", &paymentrequests.ListCapturesParams{Limit: xendit.Ptr(0)})
	fake.Invalid(t, err, "limit")
	for _, err := range f.pr.AllPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{Limit: xendit.Ptr(0)}) {
		fake.Invalid(t, err, "limit")
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
