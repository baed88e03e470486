package contracttest

import (
	"context"
	"testing"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

const paymentMethodFile = "payment_method.yaml"

const paymentMethodID = "pm-c30d4800-afe4-4e58-ad5f-cc006d169139"

// TestPaymentMethodFile runs the Payment Methods API's calls against
// payment_method.yaml, one Prism per seed of dynamic answers. Static mode
// is left out: the file's only response example is the schema's generated
// placeholder (type, status and the channel objects null, metadata the
// string "{}"), which breaks the file's own schema, and no operation names
// another.
func TestPaymentMethodFile(t *testing.T) {
	t.Parallel()
	for _, seed := range seeds {
		t.Run(string(dynamic(seed)), func(t *testing.T) {
			t.Parallel()
			paymentMethodCalls(t, newContract(t, paymentMethodFile, dynamic(seed)))
		})
	}
}

// paymentMethodCreates are one create per channel type, each with every
// field of its object the file defines.
func paymentMethodCreates() map[string]*paymentmethods.CreateParams {
	s := xendit.Ptr[string]
	back := &paymentmethods.EWalletChannelProperties{SuccessReturnURL: s("https://shop.example/ok"),
		FailureReturnURL: s("https://shop.example/no"), CancelReturnURL: s("https://shop.example/cancel")}
	return map[string]*paymentmethods.CreateParams{
		"EWALLET": {Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityMultipleUse,
			Country: xendit.Ptr(paymentmethods.CountryPH), CustomerID: s("cust-1"), ReferenceID: s("pm-ref-1"),
			Description: s("contract test"), Metadata: map[string]any{"sku": "example-1234"},
			EWallet: &paymentmethods.EWallet{ChannelCode: paymentmethods.EWalletChannelMaya, ChannelProperties: back}},
		"DIRECT_DEBIT": {Type: paymentmethods.TypeDirectDebit, Reusability: paymentmethods.ReusabilityMultipleUse,
			CustomerID: s("cust-1"),
			DirectDebit: &paymentmethods.DirectDebit{ChannelCode: paymentmethods.DirectDebitChannelBRI,
				ChannelProperties: &paymentmethods.DirectDebitChannelProperties{MobileNumber: s("+6287774441111"),
					CardLastFour: s("1234"), CardExpiry: s("06/30"), Email: s("rika@example.com"),
					SuccessReturnURL: s("https://shop.example/ok"), FailureReturnURL: s("https://shop.example/no")}}},
		"CARD": {Type: paymentmethods.TypeCard, Reusability: paymentmethods.ReusabilityOneTimeUse,
			Card: &paymentmethods.CardParams{Currency: xendit.CurrencyIDR,
				ChannelProperties: &paymentmethods.CardChannelProperties{SkipThreeDSecure: xendit.Ptr(false),
					SuccessReturnURL: s("https://shop.example/ok"), FailureReturnURL: s("https://shop.example/no"),
					CardOnFileType: xendit.Ptr(paymentmethods.CardOnFileTypeCustomerUnscheduled)},
				CardInformation: &paymentmethods.CardDetails{CardNumber: "4000000000001091", ExpiryMonth: "12",
					ExpiryYear: "2030", CardholderName: s("Rika Sutanto"), CVV: s("123")}},
			BillingInformation: &paymentmethods.BillingInformation{Country: "ID", StreetLine1: s("Jl. Sudirman 1"),
				City: s("Jakarta"), ProvinceState: s("DKI Jakarta"), PostalCode: s("10220")}},
		"OVER_THE_COUNTER": {Type: paymentmethods.TypeOverTheCounter, Reusability: paymentmethods.ReusabilityOneTimeUse,
			OverTheCounter: &paymentmethods.OverTheCounter{Amount: xendit.Ptr(10000.0), Currency: xendit.CurrencyIDR,
				ChannelCode: paymentmethods.OverTheCounterChannelAlfamart,
				ChannelProperties: &paymentmethods.OverTheCounterChannelProperties{CustomerName: "Rika Sutanto",
					ExpiresAt: xendit.Time{Time: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}}}},
		"VIRTUAL_ACCOUNT": {Type: paymentmethods.TypeVirtualAccount, Reusability: paymentmethods.ReusabilityMultipleUse,
			VirtualAccount: &paymentmethods.VirtualAccount{MinAmount: xendit.Ptr(10000.0), MaxAmount: xendit.Ptr(50000.0),
				Currency: xendit.CurrencyIDR, ChannelCode: paymentmethods.VirtualAccountChannelBNI,
				ChannelProperties: &paymentmethods.VirtualAccountChannelProperties{CustomerName: "Rika Sutanto",
					SuggestedAmount: xendit.Ptr(20000.0)}}},
		"QR_CODE": {Type: paymentmethods.TypeQRCode, Reusability: paymentmethods.ReusabilityOneTimeUse,
			QRCode: &paymentmethods.QRCode{Amount: xendit.Ptr(10000.0), Currency: xendit.CurrencyIDR,
				ChannelCode: paymentmethods.QRCodeChannelQRIS}},
	}
}

func paymentMethodCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := paymentmethods.New(c.client)
	for name, p := range paymentMethodCreates() {
		pm, err := api.Create(ctx, p, xendit.ForUserID("62efe4c33e45694d63f585f8"))
		c.decoded("Create "+name, pm, err)
	}

	pm, err := api.Get(ctx, paymentMethodID)
	c.decoded("Get", pm, err)

	page, err := api.List(ctx, &paymentmethods.ListParams{
		ID: []string{paymentMethodID}, Type: []paymentmethods.Type{paymentmethods.TypeEWallet, paymentmethods.TypeCard},
		Status:      []paymentmethods.Status{paymentmethods.StatusActive},
		Reusability: xendit.Ptr(paymentmethods.ReusabilityMultipleUse), CustomerID: xendit.Ptr("cust-1"),
		ReferenceID: xendit.Ptr("pm-ref-1"), AfterID: xendit.Ptr(paymentMethodID), Limit: xendit.Ptr(10),
	})
	c.decoded("List", page, err)

	pm, err = api.Update(ctx, paymentMethodID, &paymentmethods.UpdateParams{
		Description: xendit.Set("updated"), ReferenceID: xendit.Set("pm-ref-2"),
		Status: xendit.Set(paymentmethods.StatusInactive),
		VirtualAccount: xendit.Set(paymentmethods.VirtualAccountUpdate{MinAmount: xendit.Set(5000.0),
			ChannelProperties: xendit.Set(paymentmethods.VirtualAccountChannelPropertiesUpdate{SuggestedAmount: xendit.Set(15000.0)})}),
	})
	c.decoded("Update", pm, err)

	pm, err = api.Expire(ctx, paymentMethodID, &paymentmethods.ExpireParams{
		SuccessReturnURL: xendit.Ptr("https://shop.example/ok"), FailureReturnURL: xendit.Ptr("https://shop.example/no")})
	c.decoded("Expire", pm, err)

	pm, err = api.Authorize(ctx, paymentMethodID, &paymentmethods.AuthorizeParams{AuthCode: "333000"})
	c.decoded("Authorize", pm, err)

	payments, err := api.ListPayments(ctx, paymentMethodID, &paymentmethods.ListPaymentsParams{Limit: xendit.Ptr(10),
		Status: []string{"SUCCEEDED"}, Currency: []xendit.Currency{xendit.CurrencyIDR}})
	c.check("ListPayments", err)
	_ = payments

	err = api.SimulatePayment(ctx, paymentMethodID, &paymentmethods.SimulatePaymentParams{Amount: xendit.Ptr(10000.0)})
	c.check("SimulatePayment", err)
}
