// Qr-payment takes a QRIS payment: it creates a dynamic QR code for an
// order, pays it as a test-mode payer (Simulate Payment), receives the
// qr.payment callback that says it was paid, and refunds part of it.
//
//	go run ./examples/qr-payment
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// sends the callbacks to a local webhook endpoint. With a test-mode key it
// creates and pays the QR code at Xendit; Xendit then sends the callbacks
// to the URL set in your Dashboard, which this program cannot receive.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	qr := qrcodes.New(client)
	var callbacks <-chan *qrcodes.Callback
	if fake != nil {
		// Xendit refuses a QR code with nowhere to send its callbacks.
		callbacks = demo.Listen[qrcodes.Callback](fake)
	}

	// The order's reference_id is stored before the call: payments carry
	// it, so each callback is matched back to its order.
	reference := fmt.Sprintf("order-%d-attempt-1", time.Now().Unix())
	demo.Step("1. Create a dynamic QRIS code of IDR 25,000 for " + reference)
	code, err := qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: reference, Type: qrcodes.QRCodeTypeDynamic, Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(25000.0),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   QR code %s is %s until %s. Render this string as the QR image:\n   %s\n",
		code.ID, code.Status, code.ExpiresAt.Format(time.RFC3339), code.QRString)

	demo.Step("2. A static QRPh code is refused before sending: QRPh has none")
	_, err = qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: reference + "-ph", Type: qrcodes.QRCodeTypeStatic, Currency: xendit.CurrencyPHP,
	})
	demo.Explain(err)

	demo.Step("3. A payer scans it and pays (Simulate Payment, test mode only)")
	payment, err := qr.SimulatePayment(ctx, code.ID, nil)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payment %s of %.0f %s is %s.\n", payment.ID, payment.Amount, payment.Currency, payment.Status)
	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's \"QR code paid\" URL with the payment.")
		return
	}
	cb := demo.Await(callbacks)
	fmt.Printf("   Callback %s: order %s paid %.0f %s (receipt %s).\n", cb.Event, cb.Payment.ReferenceID,
		cb.Payment.Amount, cb.Payment.Currency, cb.Payment.PaymentDetail.ReceiptID)

	demo.Step("4. A dynamic code is paid once: paying it again fails")
	_, err = qr.SimulatePayment(ctx, code.ID, nil)
	demo.Explain(err)

	demo.Step("5. Refund IDR 5,000 of the payment")
	refund, err := qr.CreateRefund(ctx, payment.ID, &qrcodes.CreateRefundParams{
		Amount: xendit.Ptr(5000.0), Reason: xendit.Ptr(qrcodes.RefundReasonRequestedByCustomer),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Refund %s is %s; the result comes by callback.\n", refund.ID, refund.Status)
	cb = demo.Await(callbacks)
	fmt.Printf("   Callback %s: refund of %.0f is %s.\n", cb.Event, cb.Refund.RefundAmount, cb.Refund.Status)

	demo.Step("6. If Xendit answers 503 to a create, it is retried with the same idempotency-key")
	fake.InjectFault(xendittest.Fault{Path: "/qr_codes", Status: 503})
	var resp xendit.Response
	again, err := qr.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: reference + "-2", Type: qrcodes.QRCodeTypeDynamic, Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(1000.0),
	}, xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   QR code %s created in %d attempts, with one key (%s).\n", again.ID, resp.Attempts, resp.IdempotencyKey)

	demo.Step("7. If Xendit answers 503 to Simulate Payment, which has no idempotency key, it is not sent again")
	fake.InjectFault(xendittest.Fault{Path: "/qr_codes/" + again.ID + "/payments/simulate", Status: 503, Times: 3})
	_, err = qr.SimulatePayment(ctx, again.ID, nil, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		fmt.Printf("   Sent %d time(s). The payment may exist: list the code's payments before paying again.\n", resp.Attempts)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create and pay the QR code at Xendit.")
}
