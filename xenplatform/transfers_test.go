package xenplatform_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/xendittest"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

func (f *fixture) balanceOf(t *testing.T, opts ...xendit.RequestOption) float64 {
	t.Helper()
	b, err := balance.New(f.c).Get(context.Background(), nil, opts...)
	require.NoError(t, err)
	return b.Balance
}

func TestTransferMovesBalanceAndLeavesTransactionsOnBothSides(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")
	platform := f.srv.PlatformUserID("")
	f.srv.SetBalance(xendittest.Account{Currency: "IDR"}, 100_000)
	params := &xenplatform.CreateTransferParams{Reference: "payout-1", Amount: 30_000, SourceUserID: platform, DestinationUserID: sub.ID}

	tr, err := f.xp.CreateTransfer(t.Context(), params)
	require.NoError(t, err)
	assert.True(t, tr.Status.Succeeded())
	assert.Equal(t, 70_000.0, f.balanceOf(t))
	assert.Equal(t, 30_000.0, f.balanceOf(t, xendit.ForUserID(sub.ID)))

	got, err := f.xp.GetTransferByReference(t.Context(), "payout-1")
	require.NoError(t, err)
	assert.Equal(t, tr.TransferID, got.TransferID)
	assert.Equal(t, 1, fake.Count(f.srv, http.MethodGet, "/transfers/reference=payout-1"), "the literal reference= segment")

	for _, side := range []struct {
		opts []xendit.RequestOption
		flow transactions.Cashflow
	}{{nil, transactions.CashflowMoneyOut}, {[]xendit.RequestOption{xendit.ForUserID(sub.ID)}, transactions.CashflowMoneyIn}} {
		page, err := transactions.New(f.c).List(t.Context(), &transactions.ListParams{Currency: xendit.CurrencyIDR,
			Types: []transactions.Type{transactions.TypeTransfer}}, side.opts...)
		require.NoError(t, err)
		require.Len(t, page.Data, 1)
		assert.Equal(t, side.flow, page.Data[0].Cashflow)
		assert.Equal(t, transactions.ChannelCategoryXenPlatform, page.Data[0].ChannelCategory)
		assert.Equal(t, "payout-1", page.Data[0].ReferenceID)
	}

	// The same reference again: refused, whatever the payload.
	_, err = f.xp.CreateTransfer(t.Context(), params)
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
	other := *params
	other.Amount = 1
	_, err = f.xp.CreateTransfer(t.Context(), &other)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xenplatform.CodeMismatchPayloadForReference, xe.Code)
	assert.Equal(t, 70_000.0, f.balanceOf(t), "nothing moved twice")

	for code, p := range map[string]*xenplatform.CreateTransferParams{
		xenplatform.CodeInsufficientBalance: {Reference: "too-much", Amount: 1_000_000, SourceUserID: platform, DestinationUserID: sub.ID},
		xenplatform.CodeInvalidSourceOrDestination: {Reference: "nobody", Amount: 1, SourceUserID: platform,
			DestinationUserID: "5cafeb170a2b18519b1b0000"},
	} {
		_, err := f.xp.CreateTransfer(t.Context(), p)
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, code, xe.Code)
	}
	_, err = f.xp.GetTransferByReference(t.Context(), "never-made")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	require.NoError(t, f.srv.SuspendAccount(sub.ID, "FRAUD_PROMO_ABUSE"))
	_, err = f.xp.CreateTransfer(t.Context(), &xenplatform.CreateTransferParams{Reference: "back", Amount: 1, SourceUserID: sub.ID, DestinationUserID: platform})
	assert.ErrorIs(t, err, xendit.ErrSubAccount, "403 from Create Transfer, the same category")
}

// A payment made for a sub-account with a split rule: the sub-account is
// credited, and each route's part moves on to its destination.
func TestSplitRuleSplitsASubAccountsPayment(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")
	platform := f.srv.PlatformUserID("")
	rule, err := f.xp.CreateSplitRule(t.Context(), &xenplatform.CreateSplitRuleParams{Name: "platform fee", Routes: []xenplatform.Route{
		{PercentAmount: xendit.Ptr(10.0), Currency: xendit.CurrencyIDR, DestinationAccountID: platform, ReferenceID: "fee"},
		{FlatAmount: xendit.Ptr(1_000.0), Currency: xendit.CurrencyIDR, DestinationAccountID: platform, ReferenceID: "delivery"},
	}})
	require.NoError(t, err)
	assert.Regexp(t, `^splitru_`, rule.ID)

	ew := ewallets.New(f.c)
	ch, err := ew.CreateCharge(t.Context(), &ewallets.CreateChargeParams{ReferenceID: "order-1", Currency: xendit.CurrencyIDR,
		Amount: 50_000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment, ChannelCode: xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/ok")}},
		xendit.ForUserID(sub.ID), xendit.WithSplitRule(rule.ID))
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteEWalletCharge(ch.ID))

	assert.Equal(t, 44_000.0, f.balanceOf(t, xendit.ForUserID(sub.ID)), "50,000 less 10% and 1,000")
	assert.Equal(t, 6_000.0, f.balanceOf(t))

	_, err = f.xp.CreateSplitRule(t.Context(), &xenplatform.CreateSplitRuleParams{Name: "x", Routes: []xenplatform.Route{
		{FlatAmount: xendit.Ptr(1.0), Currency: xendit.CurrencyIDR, DestinationAccountID: "5cafeb170a2b18519b1b0000", ReferenceID: "r"}}})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xenplatform.CodeDestinationAccountNotFound, xe.Code)
}

// A sub-account's callbacks go where SetWebhookURL put them, with its own
// token, and a webhook handler that knows the token by the account's id
// verifies them; the platform's receiver gets none of them.
func TestSetWebhookURLRoutesTheSubAccountsCallbacks(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")

	got := make(chan *xendit.WebhookEvent, 4)
	// The URL is set before the token is known: the receiver finds its
	// handler when the first callback arrives.
	var handler atomic.Pointer[xendit.WebhookHandler]
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.Load().ServeHTTP(w, r) }))
	t.Cleanup(receiver.Close)
	w, err := f.xp.SetWebhookURL(t.Context(), xenplatform.WebhookTypeEWallet, &xenplatform.SetWebhookURLParams{URL: receiver.URL},
		xendit.ForUserID(sub.ID))
	require.NoError(t, err)
	assert.Equal(t, sub.ID, w.UserID)
	require.NotEmpty(t, string(w.CallbackToken))
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		got <- e
		return nil
	}, xendit.WithCallbackTokensFor(w.UserID, string(w.CallbackToken)))
	require.NoError(t, err)
	handler.Store(h)

	ch, err := ewallets.New(f.c).CreateCharge(t.Context(), &ewallets.CreateChargeParams{ReferenceID: "order-1", Currency: xendit.CurrencyIDR,
		Amount: 5_000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment, ChannelCode: xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/ok")}}, xendit.ForUserID(sub.ID))
	require.NoError(t, err)
	require.NoError(t, f.srv.CompleteEWalletCharge(ch.ID))
	select {
	case e := <-got:
		assert.Equal(t, sub.ID, e.Label, "verified with the sub-account's token")
		var cb ewallets.Callback
		require.NoError(t, e.Decode(&cb))
		assert.Equal(t, ch.ID, cb.Charge.ID)
	case <-time.After(5 * time.Second):
		t.Fatal("the sub-account's callback did not arrive")
	}
	select {
	case d := <-f.callbacks:
		t.Fatalf("the platform received the sub-account's callback: %+v", d.Payload)
	default:
	}
}
