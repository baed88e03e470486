// Card-charge-refund charges a card, refunds part of it, and shows what
// makes refunds safe to retry and charges not.
//
//	go run ./examples/card-charge-refund
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit,
// which plays Xendit.js and injects the failures. With a test-mode key it
// charges the token in XENDIT_CARD_TOKEN_ID (and
// XENDIT_CARD_AUTHENTICATION_ID), which a checkout page created with
// Xendit.js, and refunds part of it; the failure demonstrations need the
// fake and are skipped.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start(xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 2, MinWait: 10 * time.Millisecond, MaxWait: 50 * time.Millisecond}))
	defer stop()
	tok := demo.CardTokens(fake)() // what Xendit.js posts to your server
	cc := cards.New(client)

	order := fmt.Sprintf("order-%d-attempt-1", time.Now().Unix())
	fmt.Printf("\n1. Charge IDR 200,000 for %s\n", order)
	chargeParams := &cards.CreateChargeParams{TokenID: tok.ID, ExternalID: order, Amount: 200000, Currency: xendit.Ptr(xendit.CurrencyIDR)}
	if tok.AuthenticationID != "" {
		chargeParams.AuthenticationID = xendit.Ptr(tok.AuthenticationID)
	}
	charge, err := cc.CreateCharge(ctx, chargeParams)
	if err != nil {
		fail(err)
	}
	if !charge.Status.Succeeded() {
		fail(fmt.Errorf("charge %s is %s (%s)", charge.ID, charge.Status, charge.FailureReason))
	}
	fmt.Printf("   Charge %s is %s: %.0f on %s (CVN check %s).\n", charge.ID, charge.Status, charge.CaptureAmount,
		charge.MaskedCardNumber, charge.CVNCode)

	fmt.Println("\n2. Refund IDR 50,000; Xendit answers 503 twice first")
	if fake != nil {
		fake.InjectFault(xendittest.Fault{Path: "/credit_card_charges/" + charge.ID + "/refunds", Status: 503, Times: 2})
	}
	params := &cards.CreateRefundParams{Amount: 50000, ExternalID: order + "-refund-1"}
	var resp xendit.Response
	refund, err := cc.CreateRefund(ctx, charge.ID, params, xendit.CaptureResponse(&resp))
	if err != nil {
		fail(err)
	}
	fmt.Printf("   Refund %s is %s (succeeded: %v) after %d attempt(s), all with X-IDEMPOTENCY-KEY %s.\n",
		refund.ID, refund.Status, refund.Status.Succeeded(), resp.Attempts, resp.IdempotencyKey)

	fmt.Println("\n3. Sending it again with the same key returns the same refund")
	again, err := cc.CreateRefund(ctx, charge.ID, params, xendit.WithIdempotencyKey(resp.IdempotencyKey))
	if err != nil {
		fail(err)
	}
	fmt.Printf("   Same refund: %v.\n", again.ID == refund.ID)

	fmt.Println("\n4. The same key with another amount is refused")
	other := *params
	other.Amount = 60000
	_, err = cc.CreateRefund(ctx, charge.ID, &other, xendit.WithIdempotencyKey(resp.IdempotencyKey))
	fmt.Printf("   ErrIdempotencyConflict: %v.\n", errors.Is(err, xendit.ErrIdempotencyConflict))

	if fake == nil {
		fmt.Println("\nDone (steps 5 and 6 need the fake).")
		return
	}
	fmt.Println("\n5. A charge that meets a 503 is sent once, never repeated")
	fake.InjectFault(xendittest.Fault{Path: "/credit_card_charges", Status: 503, Times: 3})
	order2 := fmt.Sprintf("order-%d-attempt-1", time.Now().Unix()+1)
	tok2 := fake.NewCardToken(xendittest.CardToken{})
	_, err = cc.CreateCharge(ctx, &cards.CreateChargeParams{TokenID: tok2.ID, ExternalID: order2, Amount: 75000},
		xendit.CaptureResponse(&resp))
	fmt.Printf("   Sent %d time(s); outcome unknown: %v.\n", resp.Attempts, xendit.OutcomeUnknown(err))

	fmt.Println("\n6. Reconcile by external_id before charging again")
	_, err = cc.GetChargeByExternalID(ctx, order2)
	if errors.Is(err, xendit.ErrNotFound) {
		fmt.Printf("   No charge %s exists: charge again with a new external_id.\n", order2)
	}
	fmt.Println("\nDone.")
}

func fail(err error) {
	fmt.Println("   Failed:", err)
	os.Exit(1)
}
