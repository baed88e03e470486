package contracttest

import (
	"context"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
)

const paymentRequestID = "pr-1fdaf346-dd2e-4b6c-b938-124c7167a822"

// TestPaymentRequestFile runs the Payment Requests API's calls against
// payment_request.yaml, one Prism per answer mode.
func TestPaymentRequestFile(t *testing.T) {
	t.Parallel()
	each(t, prFile, paymentRequestCalls)
}

func paymentRequestCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := paymentrequests.New(c.client)

	p, err := api.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr("order-1234"), Amount: xendit.Ptr(15000.0), Currency: xendit.CurrencyIDR,
		Description: xendit.Ptr("Tea"), CaptureMethod: xendit.Ptr(paymentrequests.CaptureMethodAutomatic),
		Initiator: xendit.Ptr(paymentrequests.InitiatorCustomer),
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			ReferenceID: xendit.Ptr("pm-ref-1"),
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "SHOPEEPAY",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/ok"}},
		},
		ShippingInformation: &paymentrequests.ShippingInformation{Country: "ID", City: xendit.Ptr("Jakarta")},
		Items: []paymentrequests.Item{{Name: "Tea", Category: "FOOD", Currency: xendit.CurrencyIDR, Quantity: 1, Price: 15000,
			ReferenceID: xendit.Ptr("sku-1")}},
		Metadata: map[string]any{"sku": "sku-1"},
	}, xendit.ForUserID("5f9a3fbd571a1c4068aa40ce"))
	c.decoded("CreatePaymentRequest", p, err)

	p, err = api.GetPaymentRequest(ctx, paymentRequestID)
	c.decoded("GetPaymentRequest", p, err)

	page, err := api.ListPaymentRequests(ctx, &paymentrequests.ListPaymentRequestsParams{ReferenceIDs: []string{"order-1234"},
		IDs: []string{paymentRequestID}, CustomerIDs: []string{"cust-1"}, Limit: xendit.Ptr(10), AfterID: xendit.Ptr(paymentRequestID)})
	c.decoded("ListPaymentRequests", page, err)

	p, err = api.AuthorizePaymentRequest(ctx, paymentRequestID, &paymentrequests.AuthorizePaymentRequestParams{AuthCode: "123456"})
	c.decoded("AuthorizePaymentRequest", p, err)

	p, err = api.ResendAuth(ctx, paymentRequestID)
	c.decoded("ResendAuth", p, err)

	capture, err := api.CreateCapture(ctx, paymentRequestID, &paymentrequests.CreateCaptureParams{CaptureAmount: 15000,
		ReferenceID: xendit.Ptr("capture-1")})
	c.decoded("CreateCapture", capture, err)

	captures, err := api.ListCaptures(ctx, paymentRequestID, &paymentrequests.ListCapturesParams{Limit: xendit.Ptr(10)})
	c.decoded("ListCaptures", captures, err)
}
