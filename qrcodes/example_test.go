package qrcodes_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A QRIS payment against the fake server: create a dynamic QR code for the
// order, let a test-mode payer pay it (SimulatePayment), and learn of the
// payment from the qr.payment callback, matched to the order by
// reference_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *qrcodes.Payment, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb qrcodes.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Event == qrcodes.EventPayment {
			paid <- cb.Payment
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	qr := qrcodes.New(client)
	ctx := context.Background()
	code, err := qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: "order-1234-attempt-1",
		Type:        qrcodes.QRCodeTypeDynamic,
		Currency:    xendit.CurrencyIDR,
		Amount:      xendit.Ptr(25000.0),
	}, qrcodes.WithWebhookURL(receiver.URL+"/hooks/qr"))
	if err != nil {
		fmt.Println("create failed:", err)
		return
	}
	fmt.Println("status:", code.Status, "- render:", code.QRString != "")

	// In test mode, pay it as a payer scanning it would.
	if _, err := qr.SimulatePayment(ctx, code.ID, nil); err != nil {
		fmt.Println("simulate failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	got := <-paid
	fmt.Println("callback:", got.ReferenceID, got.Status, got.Amount)
	// Output:
	// status: ACTIVE - render: true
	// callback: order-1234-attempt-1 SUCCEEDED 25000
}

// Refunding part of a QR payment, then reading every refund of it.
func ExampleClient_CreateRefund() {
	srv := xendittest.NewServer()
	defer srv.Close()
	// Xendit refuses a QR code with nowhere to send its callbacks: here,
	// a receiver that accepts them all, set as the Dashboard's URL.
	receiver := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL})
	client, _ := srv.Client()
	qr := qrcodes.New(client)
	ctx := context.Background()

	code, err := qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: "order-1235-attempt-1", Type: qrcodes.QRCodeTypeDynamic,
		Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(25000.0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	payment, err := qr.SimulatePayment(ctx, code.ID, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	refund, err := qr.CreateRefund(ctx, payment.ID, &qrcodes.CreateRefundParams{
		Amount: xendit.Ptr(5000.0),
		Reason: xendit.Ptr(qrcodes.RefundReasonRequestedByCustomer),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("refund:", refund.RefundAmount, refund.Status)

	for r, err := range qr.AllRefunds(ctx, payment.ID, nil) {
		if err != nil { // xendit.ErrPagination past 50 refunds: the API has no cursor
			fmt.Println(err)
			return
		}
		fmt.Println(r.RefundAmount, r.Status)
	}
	// Output:
	// refund: 5000 PENDING
	// 5000 SUCCEEDED
}
