package invoices_test

import (
	"context"
	"fmt"
	"log"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/invoices"
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
	inv := invoices.New(client)

	created, err := inv.Create(ctx, &invoices.CreateParams{
		ExternalID: "order-42",
		Amount:     150000,
		Currency:   xendit.Ptr(xendit.CurrencyIDR),
		Items:      []invoices.Item{{Name: "Air Conditioner", Quantity: 1, Price: 150000}},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created.ExternalID, created.Status) // send the customer to created.InvoiceURL

	// The customer pays; the invoice callback says PAID, and so does Get.
	if err := srv.PayInvoice(created.ID); err != nil {
		log.Fatal(err)
	}
	paid, err := inv.Get(ctx, created.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(paid.Status, paid.Status.Succeeded(), paid.PaymentChannel)
	// Output:
	// order-42 PENDING
	// PAID true BCA
}
