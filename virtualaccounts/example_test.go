package virtualaccounts_test

import (
	"context"
	"fmt"
	"log"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	srv := xendittest.NewServer() // a fake Xendit; use xendit.New(secretKey) for the real one
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	vas := virtualaccounts.New(client)

	// A closed, single-use account for one order: it takes exactly the
	// order's amount, once.
	va, err := vas.CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{
		ExternalID:     "order-42",
		BankCode:       virtualaccounts.BankBNI,
		Name:           "Michael Chen",
		IsClosed:       xendit.Ptr(true),
		IsSingleUse:    xendit.Ptr(true),
		ExpectedAmount: xendit.Ptr(150000.0),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(va.ExternalID, va.BankCode, va.Status) // show the customer va.AccountNumber

	// The customer transfers the amount; the payment callback carries the
	// payment, and GetPayment reads it again.
	paymentID, err := srv.PayVirtualAccount(va.ID, 150000)
	if err != nil {
		log.Fatal(err)
	}
	payment, err := vas.GetPayment(ctx, paymentID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(payment.ExternalID, payment.Amount, payment.Currency)

	used, err := vas.GetVirtualAccount(ctx, va.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(used.Status, used.Status.Active())
	// Output:
	// order-42 BNI PENDING
	// order-42 150000 IDR
	// INACTIVE false
}
