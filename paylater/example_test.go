package paylater_test

import (
	"context"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paylater"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A Kredivo checkout against the fake server: a plan for the order, a
// charge on the plan, and the customer completing the provider's checkout.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	pl := paylater.New(client)
	ctx := context.Background()

	items := []paylater.OrderItem{{
		Type: paylater.ItemTypePhysicalProduct, ReferenceID: "SKU-42", Name: "Rice cooker", NetUnitAmount: 450000, Quantity: 2,
		URL: "https://shop.example/rice-cooker", Category: "Appliances",
	}}
	plan, err := pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{
		CustomerID: "cust-123", ChannelCode: paylater.ChannelKredivo, Currency: xendit.CurrencyIDR,
		Amount: paylater.Total(items), OrderItems: items,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	charge, err := pl.CreateCharge(ctx, &paylater.CreateChargeParams{
		PlanID: plan.ID, ReferenceID: "order-77-attempt-1",
		SuccessRedirectURL: "https://shop.example/orders/77", FailureRedirectURL: "https://shop.example/orders/77/failed",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("amount:", charge.Amount, "status:", charge.Status)

	_ = srv.CompletePayLaterCharge(charge.ID) // the customer approves at Kredivo
	charge, _ = pl.GetCharge(ctx, charge.ID)
	fmt.Println("status:", charge.Status)
	// Output:
	// amount: 900000 status: PENDING
	// status: SUCCEEDED
}

// Refunding a paid BillEase charge in full, the only refund BillEase takes.
func ExampleClient_CreateRefund() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client()
	pl := paylater.New(client)
	ctx := context.Background()

	items := []paylater.OrderItem{{
		Type: paylater.ItemTypePhysicalProduct, ReferenceID: "SKU-7", Name: "Fan", NetUnitAmount: 1999.50, Quantity: 1,
		URL: "https://shop.example/fan", Category: "Appliances",
	}}
	plan, err := pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{
		CustomerID: "cust-123", ChannelCode: paylater.ChannelBillEase, Currency: xendit.CurrencyPHP,
		Amount: paylater.Total(items), OrderItems: items,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	charge, err := pl.CreateCharge(ctx, &paylater.CreateChargeParams{
		PlanID: plan.ID, ReferenceID: "order-78-attempt-1",
		SuccessRedirectURL: "https://shop.example/orders/78", FailureRedirectURL: "https://shop.example/orders/78/failed",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = srv.CompletePayLaterCharge(charge.ID) // the customer approves at BillEase

	refund, err := pl.CreateRefund(ctx, charge.ID, &paylater.CreateRefundParams{Reason: xendit.Ptr(paylater.RefundReasonChangeOfMind)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f %s %s\n", refund.Amount, refund.Currency, refund.Status)
	// Output:
	// 1999.50 PHP PENDING
}
