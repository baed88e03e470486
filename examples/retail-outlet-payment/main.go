// Retail-outlet-payment takes a cash payment at a retail outlet twice: in
// Indonesia with an Alfamart fixed payment code, in the Philippines with a
// 7-Eleven CLIQQ payment code. For each it shows the code to the customer,
// receives the payment callback on one webhook endpoint for both, and
// matches it back to the order by the id the order gave the code. Then it
// shows a create whose outcome is unknown, which the SDK does not repeat.
//
//	go run ./examples/retail-outlet-payment
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// plays the customer at the cashier and sends the callbacks to a local
// webhook endpoint. With a test-mode key it creates the codes at Xendit;
// Xendit then sends the callbacks to the URL set in your Dashboard, which
// this program cannot receive.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	ro := retailoutlets.New(client)

	// Each attempt at a code gets its own id, stored with the order before
	// the call: Xendit does not deduplicate creates, and the payment
	// callback names the code by this id.
	order := fmt.Sprintf("order-%d", time.Now().Unix())
	orders := map[string]string{order + "-id-1": order, order + "-ph-1": order}

	demo.Step("1. Create an Alfamart code of IDR 50,000 for " + order)
	fixed, err := ro.CreateFixedPaymentCode(ctx, &retailoutlets.CreateFixedPaymentCodeParams{
		ExternalID: order + "-id-1", RetailOutletName: retailoutlets.RetailOutletNameAlfamart,
		Name: "Rika Sutanto", ExpectedAmount: 50000, IsSingleUse: xendit.Ptr(true),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Tell the Alfamart cashier: %s (%s, %s).\n", fixed.PaymentCode, fixed.Name, fixed.Status)

	demo.Step("2. Create a 7-Eleven CLIQQ code of PHP 500 for the same order")
	code, err := ro.CreatePaymentCode(ctx, &retailoutlets.CreatePaymentCodeParams{
		ReferenceID: order + "-ph-1", ChannelCode: retailoutlets.Channel7ElevenCliqq, Amount: xendit.Ptr(500.0),
		Currency: xendit.CurrencyPHP, CustomerName: "Juan dela Cruz", Market: retailoutlets.CountryPH,
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Tell the 7-Eleven cashier: %s (expires %s).\n", code.PaymentCode, code.ExpiresAt.Format(time.RFC3339))

	demo.Step("3. A code of your choice is not possible at 7-Eleven: refused before sending")
	_, err = ro.CreatePaymentCode(ctx, &retailoutlets.CreatePaymentCodeParams{
		ReferenceID: order + "-ph-2", ChannelCode: retailoutlets.Channel7Eleven, PaymentCode: xendit.Ptr("12345"),
		Currency: xendit.CurrencyPHP, CustomerName: "Juan dela Cruz", Market: retailoutlets.CountryPH,
	})
	demo.Explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's retail outlet callback URL once the customer pays.")
		return
	}
	callbacks := demo.Listen[retailoutlets.Callback](fake)

	demo.Step("4. The customers pay at the cashiers; Xendit calls back, and each payment finds its order")
	if err := fake.PayFixedPaymentCode(fixed.ID, 0); err != nil {
		log.Fatal(err)
	}
	if err := fake.PayPaymentCode(code.ID, 0); err != nil {
		log.Fatal(err)
	}
	for range 2 {
		cb := demo.Await(callbacks)
		switch {
		case cb.FixedPaymentCode != nil:
			p := cb.FixedPaymentCode
			fmt.Printf("   Indonesia: %s paid %.0f IDR at %s (%s, paid: %v) for order %s.\n",
				p.ExternalID, p.Amount, p.RetailOutletName, p.Status, p.Status.Succeeded(), orders[p.ExternalID])
		case cb.PaymentCode != nil:
			p := cb.PaymentCode
			fmt.Printf("   Philippines: %s paid %.0f %s at %s (%s, paid: %v) for order %s.\n",
				p.ReferenceID, p.Amount, p.Currency, p.ChannelCode, p.Status, p.Status.Succeeded(), orders[p.ReferenceID])
		}
	}
	spent, err := ro.GetFixedPaymentCode(ctx, fixed.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   The single-use Alfamart code is now %s.\n", spent.Status)

	demo.Step("5. If Xendit answers 503, the create is not sent again: the caller decides")
	fake.InjectFault(xendittest.Fault{Path: "/fixed_payment_code", Method: "POST", Status: 503, Times: 3})
	var resp xendit.Response
	_, err = ro.CreateFixedPaymentCode(ctx, &retailoutlets.CreateFixedPaymentCodeParams{
		ExternalID: order + "-id-2", RetailOutletName: retailoutlets.RetailOutletNameIndomaret,
		Name: "Rika Sutanto", ExpectedAmount: 50000,
	}, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		fmt.Printf("   Sent %d time(s); the code may exist but nobody saw its number. Keep %s-id-2 as abandoned\n"+
			"   and create the next attempt with a new external_id (%s-id-3).\n", resp.Attempts, order, order)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the codes at Xendit.")
}
