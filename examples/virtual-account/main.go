// Virtual-account creates a closed, single-use bank virtual account for an
// order, receives the callback that says it is ready, pays it with a
// simulated bank transfer, receives the payment callback and matches it to
// the order by external_id, and shows what to do when a create's outcome is
// unknown.
//
//	go run ./examples/virtual-account
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// sends the callbacks to a local webhook endpoint. With a test-mode key it
// creates the account and simulates the payment at Xendit; Xendit then
// sends the callbacks to the URLs set in your Dashboard, which this program
// cannot receive.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	vas := virtualaccounts.New(client)
	var callbacks <-chan *virtualaccounts.Callback
	if fake != nil {
		callbacks = demo.Listen[virtualaccounts.Callback](fake)
	}

	// The order's external_id is stored before the call: Xendit does not
	// deduplicate creates, and callbacks carry it back.
	order := fmt.Sprintf("order-%d", time.Now().Unix())
	demo.Step("1. Create a closed, single-use BNI account of IDR 150,000 for " + order)
	params := &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: order, BankCode: virtualaccounts.BankBNI, Name: "Michael Chen",
		IsClosed: xendit.Ptr(true), IsSingleUse: xendit.Ptr(true), ExpectedAmount: xendit.Ptr(150000.0),
	}
	va, err := vas.CreateVirtualAccount(ctx, params)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Account %s is %s. Ask the customer to transfer IDR 150,000 to %s %s.\n",
		va.ID, va.Status, va.BankCode, va.AccountNumber)

	demo.Step("2. A suggested amount at BNI is refused before sending (BRI and MANDIRI only)")
	_, err = vas.CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: order + "-suggested", BankCode: virtualaccounts.BankBNI, Name: "Michael Chen", SuggestedAmount: xendit.Ptr(1000.0)})
	demo.Explain(err)

	if callbacks != nil {
		cb := demo.Await(callbacks)
		fmt.Printf("   Callback: account %s for %s is %s.\n", cb.VirtualAccount.ID, cb.VirtualAccount.ExternalID, cb.VirtualAccount.Status)
	}

	demo.Step("3. The customer transfers the amount (simulated, test mode only)")
	sim, err := vas.SimulatePayment(ctx, order, &virtualaccounts.SimulatePaymentParams{Amount: 150000})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Simulation %s.\n", sim.Status)
	if callbacks == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's virtual account callback URLs.")
		return
	}
	cb := demo.Await(callbacks)
	p := cb.Payment
	fmt.Printf("   Callback: payment %s of %.0f %s into %s %s; order %s is paid.\n",
		p.PaymentID, p.Amount, p.Currency, p.BankCode, p.MerchantCode+p.AccountNumber, p.ExternalID)
	again, err := vas.GetPayment(ctx, p.PaymentID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	used, err := vas.GetVirtualAccount(ctx, va.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   GetPayment agrees (%.0f %s); the single-use account is now %s.\n", again.Amount, again.Currency, used.Status)

	demo.Step("4. If Xendit answers 503, the account is not created again: reconcile by external_id")
	fake.InjectFault(xendittest.Fault{Path: "/callback_virtual_accounts", Method: "POST", Status: 503, Times: 3})
	params.ExternalID = order + "-retry"
	var resp xendit.Response
	_, err = vas.CreateVirtualAccount(ctx, params, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		fmt.Printf("   Sent %d time(s). The API has no lookup by external_id: before creating another account,\n"+
			"   wait for a created/updated callback with external_id %s (see the package doc).\n", resp.Attempts, params.ExternalID)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the account at Xendit.")
}
