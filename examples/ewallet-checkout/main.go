// Ewallet-checkout takes a one-time ShopeePay payment, receives the
// ewallet.capture callback that says it was paid, and refunds part of it.
//
//	go run ./examples/ewallet-checkout
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// plays the customer and sends the callbacks to a local webhook endpoint.
// With a test-mode key it creates the charge at Xendit and prints the
// checkout URL; Xendit then sends the callback to the URL set in your
// Dashboard, which this program cannot receive.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	ew := ewallets.New(client)

	// The order's reference_id is stored before the call: if the call ends
	// with an unknown outcome, the callback carrying it tells what happened.
	reference := fmt.Sprintf("order-%d-attempt-1", time.Now().Unix())
	demo.Step("1. Create a ShopeePay charge of IDR 25,000 for " + reference)
	params := &ewallets.CreateChargeParams{
		ReferenceID: reference, Currency: ewallets.IDR, Amount: 25000,
		CheckoutMethod: ewallets.OneTimePayment, ChannelCode: ewallets.ChannelShopeePayID,
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: "https://shop.example/orders/paid"},
	}
	charge, err := ew.CreateCharge(ctx, params)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Charge %s is %s. Send the customer to:\n   %s\n", charge.ID, charge.Status, charge.CheckoutURL(true))

	demo.Step("2. A charge without the redirect URL ShopeePay needs is refused before sending")
	params.ChannelProperties = nil
	_, err = ew.CreateCharge(ctx, params)
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's eWallet callback URL once the customer pays.")
		return
	}
	callbacks := demo.Listen[ewallets.Callback](fake)

	demo.Step("3. The customer pays in the ShopeePay app; Xendit calls back")
	if err := fake.CompleteEWalletCharge(charge.ID); err != nil {
		log.Fatal(err)
	}
	cb := demo.Await(callbacks)
	fmt.Printf("   Callback %s: order %s is %s (%.0f %s).\n", cb.Event, cb.Charge.ReferenceID, cb.Charge.Status,
		cb.Charge.ChargeAmount, cb.Charge.Currency)

	demo.Step("4. Refund IDR 5,000 of it")
	refund, err := ew.CreateRefund(ctx, &ewallets.CreateRefundParams{
		ChargeID: charge.ID, Amount: xendit.Ptr(5000.0), Reason: xendit.Ptr(ewallets.ReasonRequestedByCustomer),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Refund %s is %s; the result comes by callback.\n", refund.ID, refund.Status)
	cb = demo.Await(callbacks)
	fmt.Printf("   Callback %s: refund of %.0f is %s.\n", cb.Event, cb.Refund.RefundAmount, cb.Refund.Status)

	demo.Step("5. If Xendit answers 503, the charge is not sent again")
	fake.InjectFault(xendittest.Fault{Path: "/ewallets/charges", Status: 503, Times: 3})
	params.ReferenceID = fmt.Sprintf("order-%d-attempt-1", time.Now().Unix()+1)
	params.ChannelProperties = &ewallets.ChannelProperties{SuccessRedirectURL: "https://shop.example/orders/paid"}
	var resp xendit.Response
	_, err = ew.CreateCharge(ctx, params, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		fmt.Printf("   Sent %d time(s). The charge may exist: wait for a callback with reference_id %s\n"+
			"   before charging again, and use a new reference_id for a new attempt.\n", resp.Attempts, params.ReferenceID)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the charge at Xendit.")
}
