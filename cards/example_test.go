package cards_test

import (
	"context"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Authorize a card when the order is placed, capture what was shipped.
// The token and authentication ids come from Xendit.js in the customer's
// browser; here the fake server plays Xendit.js.
func Example_authorizeThenCapture() {
	srv := xendittest.NewServer()
	defer srv.Close()
	fromBrowser := srv.NewCardToken(xendittest.CardToken{}) // what Xendit.js posts to your server

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	cc := cards.New(client)
	ctx := context.Background()
	auth, err := cc.CreateAuthorization(ctx, &cards.CreateChargeParams{
		TokenID:          fromBrowser.ID,
		AuthenticationID: xendit.Ptr(fromBrowser.AuthenticationID),
		ExternalID:       "order-1234-attempt-1",
		Amount:           150000,
		Currency:         xendit.Ptr(xendit.CurrencyIDR),
	})
	if err != nil {
		fmt.Println("authorize failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	if auth.Status.Failed() {
		fmt.Println("declined:", auth.FailureReason)
		return
	}
	fmt.Println(auth.Status, auth.AuthorizedAmount, "3DS authenticated:", auth.ECI.Authenticated())

	// One item was out of stock: capture less; the rest is released.
	charge, err := cc.CaptureCharge(ctx, auth.ID, &cards.CaptureChargeParams{Amount: 120000})
	if err != nil {
		fmt.Println("capture failed:", err)
		return
	}
	fmt.Println(charge.Status, charge.CaptureAmount, "succeeded:", charge.Status.Succeeded())
	// Output:
	// AUTHORIZED 150000 3DS authenticated: true
	// CAPTURED 120000 succeeded: true
}

// Charge a card, then refund part of it. The refund carries an
// X-IDEMPOTENCY-KEY, so a retry never refunds twice.
func Example_chargeThenRefund() {
	srv := xendittest.NewServer()
	defer srv.Close()
	fromBrowser := srv.NewCardToken(xendittest.CardToken{})

	client, _ := srv.Client()
	cc := cards.New(client)
	ctx := context.Background()
	charge, err := cc.CreateCharge(ctx, &cards.CreateChargeParams{
		TokenID: fromBrowser.ID, AuthenticationID: xendit.Ptr(fromBrowser.AuthenticationID),
		ExternalID: "order-5678-attempt-1", Amount: 200000, Currency: xendit.Ptr(xendit.CurrencyIDR),
	})
	if err != nil {
		fmt.Println("charge failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println(charge.Status, charge.CaptureAmount)

	var resp xendit.Response
	refund, err := cc.CreateRefund(ctx, charge.ID, &cards.CreateRefundParams{
		Amount: 50000, ExternalID: "order-5678-refund-1",
	}, xendit.CaptureResponse(&resp))
	if err != nil {
		fmt.Println("refund failed:", err)
		return
	}
	// Card refunds answer REQUESTED when they succeeded.
	fmt.Println("refund", refund.Status, refund.Amount, "succeeded:", refund.Status.Succeeded(),
		"- idempotency key sent:", resp.IdempotencyKey != "")
	// Output:
	// CAPTURED 200000
	// refund REQUESTED 50000 succeeded: true - idempotency key sent: true
}

// Walk the active promotions, then change one: a PATCH sends only the
// fields set.
func ExampleClient_AllPromotions() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client()
	cc := cards.New(client)
	ctx := context.Background()
	_, err := cc.CreatePromotion(ctx, &cards.CreatePromotionParams{
		ReferenceID: "BRI_20", Description: "20% off BRI cards", ChannelCode: xendit.Ptr("BRI"),
		DiscountPercent: xendit.Ptr(20.0),
	})
	if err != nil {
		fmt.Println("create failed:", err)
		return
	}

	active := &cards.ListPromotionsParams{Status: xendit.Ptr(cards.PromotionStatusActive)}
	for p, err := range cc.AllPromotions(ctx, active) {
		if err != nil {
			fmt.Println("list failed:", err)
			return
		}
		u, err := cc.UpdatePromotion(ctx, p.ID, &cards.UpdatePromotionParams{Description: xendit.Set("25% off BRI cards"),
			DiscountPercent: xendit.Set(25.0)})
		if err != nil {
			fmt.Println("update failed:", err)
			return
		}
		fmt.Println(u.ReferenceID, u.Status, u.Description)
	}
	// Output:
	// BRI_20 ACTIVE 25% off BRI cards
}
