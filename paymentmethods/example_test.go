package paymentmethods_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A virtual account paid once, against the fake server: create the payment
// method, let a test-mode payer transfer to it (SimulatePayment), and learn
// of the payment from the payment.succeeded callback, matched to the order
// by reference_id. A payment callback is the payment request's: it is
// decoded with the paymentrequests package.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *paymentrequests.Payment, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb paymentrequests.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Event == paymentrequests.EventPaymentSucceeded {
			paid <- cb.Payment
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	pms := paymentmethods.New(client)
	ctx := context.Background()
	pm, err := pms.Create(ctx, &paymentmethods.CreateParams{
		Type:        paymentmethods.TypeVirtualAccount,
		Reusability: paymentmethods.ReusabilityOneTimeUse,
		ReferenceID: xendit.Ptr("order-1234"),
		VirtualAccount: &paymentmethods.VirtualAccount{
			Amount: xendit.Ptr(25000.0), Currency: xendit.CurrencyIDR,
			ChannelCode:       paymentmethods.VirtualAccountChannelBNI,
			ChannelProperties: &paymentmethods.VirtualAccountChannelProperties{CustomerName: "Rika Sutanto"},
		},
	})
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println(pm.Type, pm.ChannelCode(), pm.Status)

	// In test mode, pay it as the customer's transfer would.
	if err := pms.SimulatePayment(ctx, pm.ID, nil); err != nil {
		fmt.Println("simulate failed:", err)
		return
	}
	got := <-paid
	fmt.Println("callback:", got.ReferenceID, got.Status, got.Amount)
	// Output:
	// VIRTUAL_ACCOUNT BNI ACTIVE
	// callback: order-1234 SUCCEEDED 25000
}
