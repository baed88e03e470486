// Customers creates a customer safely, finds it again by your own
// reference id, changes it with a PATCH, and shows what happens when the
// same reference id is used twice.
//
//	go run ./examples/customers
//
// With XENDIT_SECRET_KEY set it talks to Xendit (use a test-mode key, which
// starts with xnd_development_). Without it, it starts an in-process fake
// Xendit from the xendittest package, so it runs offline with no account.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/google/uuid"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
)

func main() {
	ctx, client, _, stop := demo.Start()
	defer stop()
	api := customers.New(client)

	// Your own id for the customer, unique in your account: it is how you
	// find the customer again if a create's outcome is unknown.
	reference := fmt.Sprintf("customer-%d", time.Now().UnixNano())
	params := &customers.CreateParams{
		ReferenceID:      reference,
		Type:             customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi", Surname: xendit.Ptr("Santoso")},
		Email:            xendit.Ptr("budi@example.com"),
		MobileNumber:     xendit.Ptr("+6281234567890"),
	}

	demo.Step("1. Create an INDIVIDUAL customer with an idempotency key")
	// Store the key with your order before calling: sent again, it makes
	// Xendit answer with the first result instead of creating a second one.
	key := uuid.NewString()
	var resp xendit.Response
	cust, err := api.Create(ctx, params, xendit.WithIdempotencyKey(key), xendit.CaptureResponse(&resp))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Created customer %s for reference_id %s.\n", cust.ID, cust.ReferenceID)
	fmt.Printf("   Idempotency key sent: %s\n", resp.IdempotencyKey)

	demo.Step("2. The same call with the same key (say, after a timeout) creates nothing new")
	again, err := api.Create(ctx, params, xendit.WithIdempotencyKey(key))
	if err != nil {
		demo.Explain(err)
	} else {
		fmt.Printf("   Xendit answered with the same customer: %s (same as before: %t).\n", again.ID, again.ID == cust.ID)
	}

	demo.Step("3. Find the customer by your reference_id")
	found, err := api.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: reference})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	for _, c := range found.Data {
		name := "(no name)"
		if c.IndividualDetail != nil {
			name = c.IndividualDetail.GivenNames
		}
		fmt.Printf("   Found %s: %s, e-mail %s, mobile %s.\n", c.ID, name, show(c.Email), show(c.MobileNumber))
	}

	demo.Step("4. PATCH: set the phone number, clear the mobile number, leave the rest alone")
	cust, err = api.Update(ctx, cust.ID, &customers.UpdateParams{
		PhoneNumber:  xendit.Set("+62215551234"),
		MobileNumber: xendit.Null[string](), // sent as "mobile_number": null
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Now: phone %s, mobile %s, e-mail %s (unchanged).\n", show(cust.PhoneNumber), show(cust.MobileNumber), show(cust.Email))

	demo.Step("5. Creating another customer with the same reference_id fails")
	_, err = api.Create(ctx, params) // a fresh idempotency key is generated
	if errors.Is(err, xendit.ErrDuplicate) {
		fmt.Printf("   errors.Is(err, xendit.ErrDuplicate) is true: reference_id %s is taken.\n", reference)
		fmt.Println("   Look the customer up by reference_id (step 3) and update it instead.")
	} else {
		demo.Explain(err)
	}
	fmt.Println("\nDone.")
}

// show prints an optional field.
func show(s *string) string {
	if s == nil {
		return "(none)"
	}
	return *s
}
