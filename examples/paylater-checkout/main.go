// Paylater-checkout sells a rice cooker on Kredivo installments: it asks for
// the plans Kredivo offers, charges one, and receives the paylater.payment
// callback once the customer approves.
//
//	go run ./examples/paylater-checkout
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit. With
// a test-mode key it calls Xendit; set XENDIT_CUSTOMER_ID to a customer with
// given_names, surname, email, mobile_number and an address, as PayLater
// requires.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/paylater"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	pl := paylater.New(client)
	customer := os.Getenv("XENDIT_CUSTOMER_ID")
	if customer == "" {
		customer = "cust-demo"
	}

	items := []paylater.OrderItem{{
		Type: paylater.PhysicalProduct, ReferenceID: "SKU-42", Name: "Rice cooker", NetUnitAmount: 450000, Quantity: 2,
		URL: "https://shop.example/rice-cooker", Category: "Appliances",
	}}
	demo.Step("1. An amount that does not match the items is refused before sending")
	_, err := pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: customer, ChannelCode: paylater.ChannelKredivo,
		Currency: paylater.IDR, Amount: 850000, OrderItems: items})
	demo.Explain(err)

	demo.Step("2. Ask Kredivo for installment plans for IDR 900,000")
	plan, err := pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: customer, ChannelCode: paylater.ChannelKredivo,
		Currency: paylater.IDR, Amount: paylater.Total(items), OrderItems: items})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	for _, o := range plan.Options {
		fmt.Printf("   Plan option: %s, %d x %.0f every %d %s\n", o.Description, o.TotalRecurrence, o.InstallmentAmount, o.IntervalCount, o.Interval)
	}

	reference := fmt.Sprintf("order-%d-attempt-1", time.Now().Unix())
	demo.Step("3. Charge the plan as " + reference)
	charge, err := pl.CreateCharge(ctx, &paylater.CreateChargeParams{
		PlanID: plan.ID, ReferenceID: reference,
		SuccessRedirectURL: "https://shop.example/orders/paid", FailureRedirectURL: "https://shop.example/orders/failed",
	})
	if err != nil {
		demo.Explain(err)
		if xendit.OutcomeUnknown(err) {
			fmt.Println("   The charge may exist: wait for its callback (reference_id " + reference + ") before trying again.")
		}
		os.Exit(1)
	}
	fmt.Printf("   Charge %s is %s. Send the customer to Kredivo before %s:\n   %s\n",
		charge.ID, charge.Status, charge.ExpiresAt.Format(time.RFC3339), charge.Actions.DesktopWebCheckoutURL)
	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's PayLater callback URL once the customer approves.")
		return
	}

	demo.Step("4. The customer approves at Kredivo; Xendit calls back")
	callbacks := demo.Listen[paylater.PaymentCallback](fake)
	if err := fake.CompletePayLaterCharge(charge.ID); err != nil {
		log.Fatal(err)
	}
	cb := <-callbacks // CompletePayLaterCharge returns after delivery
	fmt.Printf("   Callback %s: order %s is %s (%.0f %s).\n", cb.Event, cb.Data.ReferenceID, cb.Data.Status, cb.Data.Amount, cb.Data.Currency)

	demo.Step("5. Refund it in full")
	refund, err := pl.CreateRefund(ctx, &paylater.CreateRefundParams{ChargeID: charge.ID, Reason: xendit.Ptr(paylater.ReasonChangeOfMind)})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Refund %s of %.0f is %s.\n", refund.ID, refund.Amount, refund.Status)
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to run the first steps at Xendit.")
}
