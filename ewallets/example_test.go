package ewallets_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A one-time ShopeePay checkout against the fake server: create the charge,
// send the customer to its checkout URL, and learn the outcome from the
// ewallet.capture callback, matched to the order by reference_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *ewallets.Charge, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb ewallets.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Event == ewallets.EventCapture {
			paid <- cb.Charge
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ew := ewallets.New(client)
	charge, err := ew.CreateCharge(context.Background(), &ewallets.CreateChargeParams{
		ReferenceID:       "order-1234-attempt-1",
		Currency:          ewallets.IDR,
		Amount:            25000,
		CheckoutMethod:    ewallets.OneTimePayment,
		ChannelCode:       ewallets.ChannelShopeePayID,
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: "https://shop.example/orders/1234"},
	})
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("status:", charge.Status, "- redirect:", charge.IsRedirectRequired)

	_ = srv.CompleteEWalletCharge(charge.ID) // the customer pays in the ShopeePay app
	got := <-paid
	fmt.Println("callback:", got.ReferenceID, got.Status, got.ChargeAmount)
	// Output:
	// status: PENDING - redirect: true
	// callback: order-1234-attempt-1 SUCCEEDED 25000
}
