// Platform runs a xenPlatform marketplace: it creates a sub-account for a
// seller, sets where the seller's callbacks go, charges a buyer on the
// seller's behalf with a split rule that keeps a platform fee, moves money
// back with a transfer, and reads both balances.
//
//	go run ./examples/platform
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// keeps the seller's objects, balance and callbacks apart from the
// platform's, plays the buyer and sends the callbacks to local webhook
// endpoints. With a test-mode key of a xenPlatform account it also needs
// XENDIT_PLATFORM_USER_ID (the platform's user id, from the Dashboard's
// xenPlatform tab) and XENDIT_WEBHOOK_URL (where the seller's eWallet
// callbacks should go); it stops after the charge, which a buyer must pay.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	xp := xenplatform.New(client)
	platformID, webhookURL := os.Getenv("XENDIT_PLATFORM_USER_ID"), os.Getenv("XENDIT_WEBHOOK_URL")
	var platformEvents <-chan *xenplatform.Callback
	var sellerEvents <-chan *xendit.WebhookEvent
	var sellerTokens *tokenSwap
	if fake != nil {
		platformID = fake.PlatformUserID("")
		platformEvents = demo.Listen[xenplatform.Callback](fake)
		var url string
		sellerEvents, sellerTokens, url = listenForSellers()
		webhookURL = url
	} else if platformID == "" || webhookURL == "" {
		log.Fatal("set XENDIT_PLATFORM_USER_ID and XENDIT_WEBHOOK_URL (see the program's doc)")
	}
	run := time.Now().Unix()

	demo.Step("1. Create an OWNED sub-account for the seller")
	seller, err := xp.CreateAccount(ctx, &xenplatform.CreateAccountParams{
		Email:         fmt.Sprintf("seller-%d@example.com", run),
		Type:          xendit.Ptr(xenplatform.AccountTypeOwned),
		PublicProfile: &xenplatform.PublicProfile{BusinessName: "Angie's Lemonade"},
	})
	if err != nil {
		demo.Explain(err) // on xendit.OutcomeUnknown: ListAccounts by email before creating again
		os.Exit(1)
	}
	fmt.Printf("   Account %s is %s.\n", seller.ID, seller.Status)
	if platformEvents != nil {
		cb := demo.Await(platformEvents)
		fmt.Printf("   Callback %s: account %s can now be transacted for.\n", cb.Event, cb.Account.ID)
	}
	forSeller := xendit.ForUserID(seller.ID) // every call for the seller carries for-user-id

	demo.Step("2. Send the seller's eWallet callbacks to our endpoint, with the seller's own token")
	hook, err := xp.SetWebhookURL(ctx, xenplatform.WebhookTypeEWallet, &xenplatform.SetWebhookURLParams{URL: webhookURL}, forSeller)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Set for %s; its callback token (store it as a secret) prints as %v.\n", hook.UserID, hook.CallbackToken)
	if sellerTokens != nil {
		sellerTokens.register(hook.UserID, string(hook.CallbackToken))
	}

	demo.Step("3. A split rule: the platform keeps 10% of each payment")
	rule, err := xp.CreateSplitRule(ctx, &xenplatform.CreateSplitRuleParams{Name: "platform fee", Routes: []xenplatform.Route{{
		PercentAmount: xendit.Ptr(10.0), Currency: xendit.CurrencyIDR, DestinationAccountID: platformID, ReferenceID: "platform-fee",
	}}})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Split rule %s.\n", rule.ID)

	demo.Step("4. Charge a buyer IDR 50,000 on the seller's behalf, with the split rule")
	charge, err := ewallets.New(client).CreateCharge(ctx, &ewallets.CreateChargeParams{
		ReferenceID: fmt.Sprintf("order-%d", run), Currency: xendit.CurrencyIDR, Amount: 50000,
		CheckoutMethod: ewallets.CheckoutMethodOneTimePayment, ChannelCode: xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/orders/paid")},
	}, forSeller, xendit.WithSplitRule(rule.ID))
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Charge %s is %s. Send the buyer to:\n   %s\n", charge.ID, charge.Status, charge.CheckoutURL(true))
	if fake == nil {
		fmt.Println("\nDone. Once the buyer pays, Xendit calls the seller's eWallet URL; then transfer and read balances.")
		return
	}
	if err := fake.CompleteEWalletCharge(charge.ID); err != nil {
		log.Fatal(err)
	}
	e := demo.Await(sellerEvents)
	var cb ewallets.Callback
	if err := e.Decode(&cb); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   Callback %s for %s, verified with its token: %s is %s.\n", cb.Event, e.Label, cb.Charge.ReferenceID, cb.Charge.Status)

	demo.Step("5. Transfer IDR 5,000 from the seller to the platform (a delivery fee)")
	transfer := &xenplatform.CreateTransferParams{Reference: fmt.Sprintf("delivery-%d", run), Amount: 5000,
		SourceUserID: seller.ID, DestinationUserID: platformID}
	tr, err := createTransferOnce(ctx, xp, transfer)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Transfer %s is %s.\n", tr.Reference, tr.Status)

	demo.Step("6. Read both balances")
	bal := balance.New(client)
	for _, who := range []struct {
		name string
		opts []xendit.RequestOption
	}{{"platform", nil}, {"seller", []xendit.RequestOption{forSeller}}} {
		b, err := bal.Get(ctx, nil, who.opts...)
		if err != nil {
			demo.Explain(err)
			os.Exit(1)
		}
		fmt.Printf("   The %s holds IDR %.0f.\n", who.name, b.Balance)
	}

	demo.Step("7. Xendit suspends the seller: calls for it fail with ErrSubAccount")
	if err := fake.SuspendAccount(seller.ID, "FRAUD_PROMO_ABUSE"); err != nil {
		log.Fatal(err)
	}
	cbs := demo.Await(platformEvents)
	fmt.Printf("   Callback %s: %s (%s).\n", cbs.Event, cbs.Suspension.Status, cbs.Suspension.Reason)
	_, err = bal.Get(ctx, nil, forSeller)
	fmt.Printf("   errors.Is(err, xendit.ErrSubAccount): %v.\n", errors.Is(err, xendit.ErrSubAccount))
	demo.Explain(err)
}

// createTransferOnce creates a transfer and, when the outcome is unknown
// (Xendit may have made it, and the SDK does not send it twice), looks it
// up by its reference before sending it again.
func createTransferOnce(ctx context.Context, xp *xenplatform.Client, p *xenplatform.CreateTransferParams) (*xenplatform.Transfer, error) {
	tr, err := xp.CreateTransfer(ctx, p)
	if !xendit.OutcomeUnknown(err) {
		return tr, err
	}
	tr, err = xp.GetTransferByReference(ctx, p.Reference)
	if errors.Is(err, xendit.ErrNotFound) {
		return xp.CreateTransfer(ctx, p)
	}
	return tr, err
}

// tokenSwap is a webhook endpoint whose tokens grow as sub-accounts are
// added: each sub-account's callbacks carry its own token, registered
// under its id, so the event's Label says whose they are.
type tokenSwap struct {
	tokens  []xendit.WebhookOption
	handler atomic.Pointer[xendit.WebhookHandler]
	fn      xendit.WebhookFunc
}

func (s *tokenSwap) register(accountID, token string) {
	s.tokens = append(s.tokens, xendit.WithCallbackTokensFor(accountID, token))
	h, err := xendit.NewWebhookHandler(s.fn, s.tokens...)
	if err != nil {
		log.Fatal(err)
	}
	s.handler.Store(h)
}

func (s *tokenSwap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := s.handler.Load()
	if h == nil {
		http.Error(w, "no sub-account registered yet", http.StatusUnauthorized)
		return
	}
	h.ServeHTTP(w, r)
}

// listenForSellers starts the sellers' webhook endpoint on loopback.
func listenForSellers() (<-chan *xendit.WebhookEvent, *tokenSwap, string) {
	events := make(chan *xendit.WebhookEvent, 4)
	swap := &tokenSwap{fn: func(_ context.Context, e *xendit.WebhookEvent) error {
		events <- e
		return nil
	}}
	receiver := httptest.NewServer(swap)
	return events, swap, receiver.URL
}
