package customers_test

import (
	"context"
	"fmt"
	"log"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
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
	api := customers.New(client)

	cust, err := api.Create(ctx, &customers.CreateParams{
		ReferenceID:      "customer-42",
		Type:             customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "John", Surname: xendit.Ptr("Doe")},
		MobileNumber:     xendit.Ptr("+628121234567890"),
	})
	if err != nil {
		log.Fatal(err)
	}
	// Replace the e-mail and clear the mobile number; nothing else changes.
	cust, err = api.Update(ctx, cust.ID, &customers.UpdateParams{
		Email:        xendit.Set("john@example.com"),
		MobileNumber: xendit.Null[string](),
	})
	if err != nil {
		log.Fatal(err)
	}
	found, err := api.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "customer-42"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cust.IndividualDetail.GivenNames, *cust.Email, cust.MobileNumber == nil, len(found.Data))
	// Output: John john@example.com true 1
}
