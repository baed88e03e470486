package retailoutlets_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// An Alfamart payment against the fake server: create a fixed payment code
// for the order, show the code to the customer, and learn of the payment
// from its callback, matched to the order by external_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *retailoutlets.FixedPaymentCodePayment, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb retailoutlets.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.FixedPaymentCode != nil {
			paid <- cb.FixedPaymentCode
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ro := retailoutlets.New(client)
	code, err := ro.CreateFixedPaymentCode(context.Background(), &retailoutlets.CreateFixedPaymentCodeParams{
		ExternalID:       "order-1234-1",
		RetailOutletName: retailoutlets.RetailOutletNameAlfamart,
		Name:             "Rika Sutanto",
		ExpectedAmount:   50000,
		IsSingleUse:      xendit.Ptr(true),
		PaymentCode:      xendit.Ptr("123456"),
	})
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("pay at Alfamart with code", code.PaymentCode, "-", code.Status)

	_ = srv.PayFixedPaymentCode(code.ID, 0) // the customer pays the cashier
	got := <-paid
	fmt.Println("callback:", got.ExternalID, got.Status, got.Amount, "paid:", got.Status.Succeeded())
	// Output:
	// pay at Alfamart with code TEST123456 - ACTIVE
	// callback: order-1234-1 SETTLING 50000 paid: true
}
