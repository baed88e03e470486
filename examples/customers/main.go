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
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/google/uuid"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client, fake := connect()
	if fake != nil {
		defer fake.Close()
	}
	api := customers.New(client)

	// Your own id for the customer, unique in your account: it is how you
	// find the customer again if a create's outcome is unknown.
	reference := fmt.Sprintf("customer-%d", time.Now().UnixNano())
	params := &customers.CreateParams{
		ReferenceID:      reference,
		Type:             customers.Individual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi", Surname: xendit.Ptr("Santoso")},
		Email:            xendit.Ptr("budi@example.com"),
		MobileNumber:     xendit.Ptr("+6281234567890"),
	}

	step("1. Create an INDIVIDUAL customer with an idempotency key")
	// Store the key with your order before calling: sent again, it makes
	// Xendit answer with the first result instead of creating a second one.
	key := uuid.NewString()
	var resp xendit.Response
	cust, err := api.Create(ctx, params, xendit.WithIdempotencyKey(key), xendit.CaptureResponse(&resp))
	if err != nil {
		explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Created customer %s for reference_id %s.\n", cust.ID, cust.ReferenceID)
	fmt.Printf("   Idempotency key sent: %s\n", resp.IdempotencyKey)

	step("2. The same call with the same key (say, after a timeout) creates nothing new")
	again, err := api.Create(ctx, params, xendit.WithIdempotencyKey(key))
	if err != nil {
		explain(err)
	} else {
		fmt.Printf("   Xendit answered with the same customer: %s (same as before: %t).\n", again.ID, again.ID == cust.ID)
	}

	step("3. Find the customer by your reference_id")
	found, err := api.GetByReferenceID(ctx, reference)
	if err != nil {
		explain(err)
		os.Exit(1)
	}
	for _, c := range found.Data {
		name := "(no name)"
		if c.IndividualDetail != nil {
			name = c.IndividualDetail.GivenNames
		}
		fmt.Printf("   Found %s: %s, e-mail %s, mobile %s.\n", c.ID, name, show(c.Email), show(c.MobileNumber))
	}

	step("4. PATCH: set the phone number, clear the mobile number, leave the rest alone")
	cust, err = api.Update(ctx, cust.ID, &customers.UpdateParams{
		PhoneNumber:  xendit.Set("+62215551234"),
		MobileNumber: xendit.Null[string](), // sent as "mobile_number": null
	})
	if err != nil {
		explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Now: phone %s, mobile %s, e-mail %s (unchanged).\n", show(cust.PhoneNumber), show(cust.MobileNumber), show(cust.Email))

	step("5. Creating another customer with the same reference_id fails")
	_, err = api.Create(ctx, params) // a fresh idempotency key is generated
	if errors.Is(err, xendit.ErrDuplicate) {
		fmt.Printf("   errors.Is(err, xendit.ErrDuplicate) is true: reference_id %s is taken.\n", reference)
		fmt.Println("   Look the customer up by reference_id (step 3) and update it instead.")
	} else {
		explain(err)
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

// connect returns a client for real Xendit when XENDIT_SECRET_KEY is set,
// else for an in-process fake.
func connect() (*xendit.Client, *xendittest.Server) {
	if os.Getenv(xendit.EnvSecretKey) != "" {
		client, err := xendit.NewFromEnv()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("Using Xendit at %s with the key in %s.\n", client.BaseURL(), xendit.EnvSecretKey)
		return client, nil
	}
	fake := xendittest.NewServer()
	client, err := fake.Client()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s is not set, so this runs against a fake Xendit (nothing leaves this machine).\n", xendit.EnvSecretKey)
	return client, fake
}

func step(s string) { fmt.Println("\n" + s) }

// explain prints an error the way an application would inspect it.
func explain(err error) {
	var (
		invalid *xendit.ValidationError
		apiErr  *xendit.Error
	)
	switch {
	case err == nil:
		fmt.Println("   No error.")
	case errors.As(err, &invalid):
		fmt.Printf("   Rejected before sending: field %q %s.\n", invalid.Field, invalid.Reason)
	case errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s (request id %s).\n", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	default:
		fmt.Printf("   The call failed: %v\n", err)
	}
}
