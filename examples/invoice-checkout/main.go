// Invoice-checkout creates an invoice (Xendit's hosted checkout page),
// receives the invoice callback that says it was paid, expires an unpaid
// one, and recovers from a create whose outcome is unknown by looking the
// invoice up by external_id.
//
//	go run ./examples/invoice-checkout
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// plays the customer and sends the callbacks to a local webhook endpoint.
// With a test-mode key it creates the invoice at Xendit and prints its
// checkout URL; Xendit then sends the callback to the URL set in your
// Dashboard, which this program cannot receive.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/invoices"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	inv := invoices.New(client)

	// The order's external_id is stored before the call: Xendit does not
	// deduplicate it, and it is how an invoice is found again.
	order := fmt.Sprintf("order-%d", time.Now().Unix())
	demo.Step("1. Create an invoice of IDR 150,000 for " + order)
	params := &invoices.CreateParams{
		ExternalID: order, Amount: 150000, Currency: xendit.Ptr(xendit.CurrencyIDR),
		Description:        xendit.Ptr("Air Conditioner"),
		Items:              []invoices.Item{{Name: "Air Conditioner", Quantity: 1, Price: 150000}},
		SuccessRedirectURL: xendit.Ptr("https://shop.example/orders/paid"),
	}
	created, err := inv.Create(ctx, params)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Invoice %s is %s. Send the customer to:\n   %s\n", created.ID, created.Status, created.InvoiceURL)

	demo.Step("2. An invoice that lasts more than a year is refused before sending")
	_, err = inv.Create(ctx, &invoices.CreateParams{ExternalID: order + "-long", Amount: 1, InvoiceDuration: xendit.Ptr(400 * 86400)})
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's invoice callback URL once the customer pays.")
		return
	}
	callbacks := demo.Listen[invoices.Callback](fake)

	demo.Step("3. The customer pays on the checkout page; Xendit calls back")
	if err := fake.PayInvoice(created.ID); err != nil {
		log.Fatal(err)
	}
	cb := demo.Await(callbacks)
	fmt.Printf("   Callback: order %s is %s (%.0f %s by %s %s).\n", cb.ExternalID, cb.Status, *cb.PaidAmount,
		cb.Currency, cb.PaymentMethod, cb.PaymentChannel)

	demo.Step("4. Expire an invoice the customer abandoned")
	params.ExternalID = order + "-abandoned"
	abandoned, err := inv.Create(ctx, params)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	expired, err := inv.Expire(ctx, abandoned.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Invoice %s is %s.\n", expired.ID, expired.Status)
	cb = demo.Await(callbacks)
	fmt.Printf("   Callback: order %s is %s.\n", cb.ExternalID, cb.Status)

	demo.Step("5. If Xendit answers 503, the invoice is not sent again: look it up by external_id")
	fake.InjectFault(xendittest.Fault{Path: "/v2/invoices", Method: "POST", Status: 503, Times: 3})
	params.ExternalID = order + "-retry"
	var resp xendit.Response
	_, err = inv.Create(ctx, params, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		found, err := inv.ListByExternalID(ctx, params.ExternalID)
		if err != nil {
			demo.Explain(err)
			os.Exit(1)
		}
		fmt.Printf("   Sent %d time(s); %d invoice(s) with external_id %s, so it is safe to create it now.\n",
			resp.Attempts, len(found.Data), params.ExternalID)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the invoice at Xendit.")
}
