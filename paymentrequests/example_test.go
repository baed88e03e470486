package paymentrequests_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// An eWallet payment against the fake server, authorised now and captured
// when the goods ship: create the payment request, send the customer to
// its AUTH URL, learn from the payment.awaiting_capture callback that the
// money is held, and capture it.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	events := make(chan *paymentrequests.Callback, 2)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb paymentrequests.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		events <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	pr := paymentrequests.New(client)
	ctx := context.Background()
	p, err := pr.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID:   xendit.Ptr("order-1234"),
		Amount:        xendit.Ptr(15000.0),
		Currency:      xendit.CurrencyIDR,
		CaptureMethod: xendit.Ptr(paymentrequests.CaptureMethodManual),
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type:        paymentmethods.TypeEWallet,
			Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{
				ChannelCode:       "SHOPEEPAY",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/paid"},
			},
		},
	})
	if err != nil {
		fmt.Println("create failed:", err)
		return
	}
	fmt.Println("status:", p.Status, "- redirect:", p.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeWeb) != "")

	_ = srv.CompletePaymentRequest(p.ID) // the customer authorises in the wallet
	cb := <-events
	fmt.Println("callback:", cb.Event, cb.Payment.ReferenceID, cb.Payment.Status.AwaitingCapture())

	c, err := pr.CreateCapture(ctx, p.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 15000})
	if err != nil {
		fmt.Println("capture failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("captured:", c.CapturedAmount, c.Status)
	fmt.Println("callback:", (<-events).Event)
	// Output:
	// status: REQUIRES_ACTION - redirect: true
	// callback: payment.awaiting_capture order-1234 true
	// captured: 15000 SUCCEEDED
	// callback: capture.succeeded
}
