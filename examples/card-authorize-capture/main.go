// Card-authorize-capture holds the funds on a card when an order is placed
// and captures what was shipped; a second order is cancelled and its
// authorization reversed.
//
//	go run ./examples/card-authorize-capture
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit,
// which plays Xendit.js in the browser too. With a test-mode key it needs a
// token from Xendit.js (a checkout page with your public key): set
// XENDIT_CARD_TOKEN_ID and XENDIT_CARD_AUTHENTICATION_ID to what
// createToken returned, for a multiple-use token so both orders can use it.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	cc, browser := cards.New(client), demo.CardTokens(fake)
	run := time.Now().Unix()

	// Store the order with its external_id before calling: if the call ends
	// with an unknown outcome, GetChargeByExternalID tells what happened.
	order := fmt.Sprintf("order-%d-attempt-1", run)
	fmt.Printf("\n1. Authorize IDR 150,000 for %s (capture: false)\n", order)
	auth := authorize(ctx, cc, browser(), order, 150000)
	fmt.Printf("   Charge %s is %s for %.0f; 3DS authenticated (ECI %s): %v.\n",
		auth.ID, auth.Status, auth.AuthorizedAmount, auth.ECI, auth.ECI.Authenticated())

	fmt.Println("\n2. Try to capture more than was authorized")
	_, err := cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 200000})
	demo.Explain(err)

	fmt.Println("\n3. One item is out of stock: capture IDR 120,000; the rest is released")
	charge, err := cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 120000})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Charge %s is %s: %.0f captured of %.0f.\n", charge.ID, charge.Status, charge.CaptureAmount, charge.AuthorizedAmount)

	cancelled := fmt.Sprintf("order-%d-attempt-1", run+1)
	fmt.Printf("\n4. Authorize %s, then the customer cancels: reverse it\n", cancelled)
	auth2 := authorize(ctx, cc, browser(), cancelled, 80000)
	rev, err := cc.ReverseAuthorization(ctx, auth2.ID, &cards.ReverseAuthorizationParams{ExternalID: cancelled + "-reversal"})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Reversal %s: %.0f released.\n", rev.Status, rev.Amount)

	fmt.Println("\n5. A reversed authorization cannot be captured")
	_, err = cc.CaptureCharge(ctx, auth2.ID, &cards.CaptureChargeParams{Amount: 80000})
	demo.Explain(err)
	fmt.Println("\nDone.")
}

func authorize(ctx context.Context, cc *cards.Client, tok cards.Tokenization, externalID string, amount float64) *cards.Charge {
	params := &cards.CreateChargeParams{TokenID: tok.ID, ExternalID: externalID, Amount: amount, Currency: xendit.Ptr(xendit.CurrencyIDR)}
	if tok.AuthenticationID != "" {
		params.AuthenticationID = xendit.Ptr(tok.AuthenticationID)
	}
	auth, err := cc.CreateAuthorization(ctx, params)
	if xendit.OutcomeUnknown(err) {
		// No idempotency header on charges: look it up, never resend blindly.
		auth, err = cc.GetChargeByExternalID(ctx, externalID)
	}
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	if auth.Status.Failed() {
		fmt.Printf("   Declined: %s (retry the same card: %v).\n", auth.FailureReason, auth.FailureReason.Retryable())
		os.Exit(1)
	}
	return auth
}
