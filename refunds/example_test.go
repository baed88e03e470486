package refunds_test

import (
	"context"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/refunds"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Refunding part of a paid payment request against the fake server, then
// reading the refund back once the channel has returned the money.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ctx := context.Background()

	// A card payment request, paid.
	paid, err := paymentrequests.New(client).CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr("order-1234"), Amount: xendit.Ptr(25000.0), Currency: xendit.CurrencyIDR,
		PaymentMethodID: xendit.Ptr(srv.NewCardPaymentMethod(xendittest.CardToken{})),
	})
	if err != nil {
		fmt.Println("payment failed:", err)
		return
	}
	_ = srv.CompletePaymentRequest(paid.ID)

	rf := refunds.New(client)
	r, err := rf.Create(ctx, &refunds.CreateParams{
		PaymentRequestID: xendit.Ptr(paid.ID),
		ReferenceID:      xendit.Ptr("order-1234-refund-1"),
		Amount:           xendit.Ptr(5000.0),
		Reason:           xendit.Ptr(refunds.ReasonRequestedByCustomer),
	})
	if err != nil {
		fmt.Println("refund failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("refund:", r.Amount, r.Currency, r.Status)

	_ = srv.CompleteRefund(r.ID) // the channel returns the money
	got, _ := rf.Get(ctx, r.ID)
	fmt.Println("later:", got.Status, got.Status.Succeeded())
	// Output:
	// refund: 5000 IDR PENDING
	// later: SUCCEEDED true
}
