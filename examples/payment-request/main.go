// Payment-request takes one order's payments through Xendit's unified
// Payments API: the customer pays part by eWallet (ShopeePay) and part by
// card, each payment authorised first and captured after, one of them is
// refunded, and the callbacks of each step arrive at one webhook endpoint.
//
//	go run ./examples/payment-request
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// plays the customer and sends the callbacks to a local webhook endpoint.
// With a test-mode key it creates the eWallet payment at Xendit, prints
// where to send the customer and stops: the customer's steps happen in a
// browser, a card payment method is made there with Xendit's tokenization,
// and Xendit sends the callbacks to the URLs set in your Dashboard.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/refunds"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// callback is whichever callback arrives: payment and refund callbacks
// can share one URL, and each package decodes the other's events as
// unknown ones, with nothing set.
type callback struct {
	Payment paymentrequests.Callback
	Refund  refunds.Callback
}

func (c *callback) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &c.Payment); err != nil {
		return err
	}
	return json.Unmarshal(b, &c.Refund)
}

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	pr, rf := paymentrequests.New(client), refunds.New(client)
	var callbacks <-chan *callback
	if fake != nil {
		callbacks = demo.Listen[callback](fake)
	}
	// Payments carry the order's reference_id back in their callbacks.
	order := fmt.Sprintf("order-%d", time.Now().Unix())

	demo.Step("1. Charge IDR 15,000 of " + order + " to ShopeePay, to be captured when the goods ship")
	ewallet, err := pr.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr(order + "-ewallet"), Amount: xendit.Ptr(15000.0), Currency: xendit.CurrencyIDR,
		Country: xendit.Ptr(paymentrequests.CountryID), CaptureMethod: xendit.Ptr(paymentrequests.CaptureMethodManual),
		PaymentMethod: &paymentrequests.PaymentMethodParams{
			Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "SHOPEEPAY",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/orders/paid"}},
		},
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payment request %s is %s: send the customer to %s\n", ewallet.ID, ewallet.Status,
		ewallet.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeWeb))
	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's payment_awaiting_capture URL once the customer authorises.")
		return
	}
	ewallet = authorizeAndCapture(ctx, pr, fake, callbacks, ewallet)

	demo.Step("2. Charge IDR 25,000 of " + order + " to a saved card (tokenized in the browser)")
	card, err := pr.CreatePaymentRequest(ctx, &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr(order + "-card"), Amount: xendit.Ptr(25000.0), Currency: xendit.CurrencyIDR,
		CaptureMethod:   xendit.Ptr(paymentrequests.CaptureMethodManual),
		PaymentMethodID: xendit.Ptr(fake.NewCardPaymentMethod(xendittest.CardToken{})),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payment request %s (%s) is %s: 3-D Secure at %s\n", card.ID,
		card.PaymentMethod.Card.CardInformation.MaskedCardNumber, card.Status,
		card.ActionURL(paymentrequests.ActionTypeAuth, paymentrequests.URLTypeWeb))
	card = authorizeAndCapture(ctx, pr, fake, callbacks, card)

	demo.Step("3. A captured payment cannot be captured again")
	_, err = pr.CreateCapture(ctx, card.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 1})
	demo.Explain(err)

	demo.Step("4. The customer returns the eWallet part: refund IDR 15,000")
	refund, err := rf.Create(ctx, &refunds.CreateParams{
		PaymentRequestID: xendit.Ptr(ewallet.ID), ReferenceID: xendit.Ptr(order + "-refund-1"),
		Reason: xendit.Ptr(refunds.ReasonRequestedByCustomer),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Refund %s of %.0f %s via %s is %s.\n", refund.ID, refund.Amount, refund.Currency, refund.ChannelCode, refund.Status)
	if err := fake.CompleteRefund(refund.ID); err != nil { // the wallet returns the money
		demo.Explain(err)
		os.Exit(1)
	}
	cb := demo.Await(callbacks).Refund
	fmt.Printf("   Callback %s: refund %s is %s.\n", cb.Event, *cb.Refund.ReferenceID, cb.Refund.Status)

	demo.Step("5. Nothing more can be refunded from it")
	_, err = rf.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr(ewallet.ID), Amount: xendit.Ptr(1.0)})
	demo.Explain(err)
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the payment at Xendit.")
}

// authorizeAndCapture plays the customer authorising p (on the fake),
// waits for payment.awaiting_capture, captures the whole amount and waits
// for capture.succeeded.
func authorizeAndCapture(ctx context.Context, pr *paymentrequests.Client, fake *xendittest.Server, callbacks <-chan *callback,
	p *paymentrequests.PaymentRequest) *paymentrequests.PaymentRequest {
	if err := fake.CompletePaymentRequest(p.ID); err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	cb := demo.Await(callbacks).Payment
	fmt.Printf("   Callback %s: %s authorised %.0f %s.\n", cb.Event, cb.Payment.ReferenceID, cb.Payment.Amount, cb.Payment.Currency)

	capture, err := pr.CreateCapture(ctx, p.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: cb.Payment.Amount})
	if err != nil {
		// No idempotency header: on xendit.OutcomeUnknown, list the
		// captures before capturing again.
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Captured %.0f of %.0f: %s.\n", capture.CapturedAmount, capture.AuthorizedAmount, capture.Status)
	cb = demo.Await(callbacks).Payment
	fmt.Printf("   Callback %s: capture %s is %s.\n", cb.Event, cb.Capture.ID, cb.Capture.Status)
	done, err := pr.GetPaymentRequest(ctx, p.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Payment request %s is %s.\n", done.ID, done.Status)
	return done
}
