// Payment-methods saves and uses payment methods of the unified payments
// API: a virtual account paid once, and a direct debit account linked with
// an OTP, paused, listed and unlinked; the callbacks say when each was
// paid or activated.
//
//	go run ./examples/payment-methods
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// sends the callbacks to a local webhook endpoint. With a test-mode key it
// calls Xendit; Xendit then sends the callbacks to the URL set in your
// Dashboard, which this program cannot receive, and the OTP is the one
// your test account's bank sends (set XENDIT_OTP).
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
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	pms := paymentmethods.New(client)
	// One endpoint receives both kinds of callback: payment_method.* are
	// this package's, payment.* the payment's, which paymentrequests owns.
	var callbacks <-chan *json.RawMessage
	if fake != nil {
		callbacks = demo.Listen[json.RawMessage](fake)
	}
	await := func() []byte {
		if callbacks == nil {
			fmt.Println("   (Xendit sends the callback to your Dashboard's URL.)")
			return nil
		}
		body := *demo.Await(callbacks)
		if cb, err := paymentmethods.ParseCallback(body); err == nil {
			fmt.Printf("   Callback %s.\n", cb.Event)
		}
		return body
	}

	// The order's reference_id is stored before the call: after an
	// ambiguous failure, List finds the payment method by it.
	reference := fmt.Sprintf("order-%d", time.Now().Unix())
	demo.Step("1. A virtual account of IDR 25,000 for " + reference)
	va, err := pms.Create(ctx, &paymentmethods.CreateParams{
		Type: paymentmethods.TypeVirtualAccount, Reusability: paymentmethods.ReusabilityOneTimeUse,
		ReferenceID: xendit.Ptr(reference),
		VirtualAccount: &paymentmethods.VirtualAccount{
			Amount: xendit.Ptr(25000.0), Currency: xendit.CurrencyIDR, ChannelCode: paymentmethods.VirtualAccountChannelBNI,
			ChannelProperties: &paymentmethods.VirtualAccountChannelProperties{CustomerName: "Rika Sutanto"},
		},
	})
	if err != nil {
		reconcile(ctx, pms, reference, err)
		os.Exit(1)
	}
	fmt.Printf("   %s is %s: transfer to %s %s.\n", va.ID, va.Status, va.ChannelCode(), *va.VirtualAccount.ChannelProperties.VirtualAccountNumber)

	demo.Step("2. The customer transfers (Simulate Payment, test mode only)")
	if err := pms.SimulatePayment(ctx, va.ID, nil); err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	if cb, err := paymentrequests.ParseCallback(await()); err == nil && cb.Payment != nil {
		fmt.Printf("   Order %s: %.0f %s %s.\n", cb.Payment.ReferenceID, cb.Payment.Amount, cb.Payment.Currency, cb.Payment.Status)
	}

	demo.Step("3. A ShopeePay link without a country is refused before sending")
	_, err = pms.Create(ctx, &paymentmethods.CreateParams{
		Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityMultipleUse, CustomerID: xendit.Ptr("cust-1"),
		EWallet: &paymentmethods.EWallet{ChannelCode: paymentmethods.EWalletChannelShopeePay},
	})
	demo.Explain(err)

	customer := "cust-" + reference
	demo.Step("4. Link the customer's BRI debit card; the bank sends an OTP")
	dd, err := pms.Create(ctx, &paymentmethods.CreateParams{
		Type: paymentmethods.TypeDirectDebit, Reusability: paymentmethods.ReusabilityMultipleUse,
		CustomerID: xendit.Ptr(customer),
		DirectDebit: &paymentmethods.DirectDebit{ChannelCode: paymentmethods.DirectDebitChannelBRI,
			ChannelProperties: &paymentmethods.DirectDebitChannelProperties{
				MobileNumber: xendit.Ptr("+6287774441111"), CardLastFour: xendit.Ptr("1234"),
				CardExpiry: xendit.Ptr("06/30"), Email: xendit.Ptr("rika@example.com")}},
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   %s is %s.\n", dd.ID, dd.Status)

	demo.Step("5. A wrong OTP, then the right one")
	_, err = pms.Authorize(ctx, dd.ID, &paymentmethods.AuthorizeParams{AuthCode: "000000"})
	demo.Explain(err)
	otp := os.Getenv("XENDIT_OTP")
	if fake != nil {
		otp = xendittest.PaymentMethodOTP
	}
	dd, err = pms.Authorize(ctx, dd.ID, &paymentmethods.AuthorizeParams{AuthCode: otp})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   %s is %s.\n", dd.ID, dd.Status)
	await()

	demo.Step("6. Pause it, list the customer's payment methods, unlink it")
	if _, err := pms.Update(ctx, dd.ID, &paymentmethods.UpdateParams{Status: xendit.Set(paymentmethods.StatusInactive)}); err != nil {
		demo.Explain(err)
	}
	for pm, err := range pms.All(ctx, &paymentmethods.ListParams{CustomerID: xendit.Ptr(customer)}) {
		if err != nil {
			demo.Explain(err)
			break
		}
		fmt.Printf("   %s %s %s is %s.\n", pm.ID, pm.Type, pm.ChannelCode(), pm.Status)
	}
	gone, err := pms.Expire(ctx, dd.ID, nil)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   %s is %s.\n", gone.ID, gone.Status)
}

// reconcile is what to do when a create fails: if Xendit may have made the
// payment method, look it up by reference_id before creating another.
func reconcile(ctx context.Context, pms *paymentmethods.Client, reference string, err error) {
	demo.Explain(err)
	if !xendit.OutcomeUnknown(err) {
		return
	}
	page, lerr := pms.List(ctx, &paymentmethods.ListParams{ReferenceID: xendit.Ptr(reference)})
	if lerr == nil && len(page.Data) > 0 {
		fmt.Printf("   It was made after all: %s.\n", page.Data[0].ID)
	}
}
