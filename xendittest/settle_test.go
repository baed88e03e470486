package xendittest_test

import (
	"math"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

// platform is a fake with one LIVE sub-account, callbacks set for both
// accounts, and a split rule that sends 10% of an IDR or PHP payment to
// the platform.
type platform struct {
	srv  *xendittest.Server
	c    *xendit.Client
	sub  string
	rule string
}

func newPlatform(t *testing.T) *platform { return newPlatformWith(t, &receiver{}) }

// newPlatformWith sends the callbacks to h.
func newPlatformWith(t *testing.T, h http.Handler) *platform {
	t.Helper()
	srv := xendittest.New(xendittest.WithCallbackClient(inMemory(h)))
	t.Cleanup(srv.Close)
	c, err := srv.Client()
	require.NoError(t, err)
	xp := xenplatform.New(c)
	acc, err := xp.CreateAccount(t.Context(), &xenplatform.CreateAccountParams{Email: "stall@example.com",
		Type: xendit.Ptr(xenplatform.AccountTypeOwned), PublicProfile: &xenplatform.PublicProfile{BusinessName: "Stall"}})
	require.NoError(t, err)
	srv.SetCallbacks("", xendittest.Callbacks{URL: "https://platform.example/hooks"})
	srv.SetCallbacks(acc.ID, xendittest.Callbacks{URL: "https://stall.example/hooks"})
	var routes []xenplatform.Route
	for _, cur := range []xendit.Currency{xendit.CurrencyIDR, xendit.CurrencyPHP} {
		routes = append(routes, xenplatform.Route{PercentAmount: xendit.Ptr(10.0), Currency: cur,
			DestinationAccountID: srv.PlatformUserID(""), ReferenceID: "fee-" + string(cur)})
	}
	rule, err := xp.CreateSplitRule(t.Context(), &xenplatform.CreateSplitRuleParams{Name: "platform fee", Routes: routes})
	require.NoError(t, err)
	return &platform{srv: srv, c: c, sub: acc.ID, rule: rule.ID}
}

// as acts for the sub-account; create also applies the split rule.
func (p *platform) as() xendit.RequestOption { return xendit.ForUserID(p.sub) }
func (p *platform) create() []xendit.RequestOption {
	return []xendit.RequestOption{p.as(), xendit.WithSplitRule(p.rule)}
}

func (p *platform) balance(t *testing.T, cur xendit.Currency, opts ...xendit.RequestOption) float64 {
	t.Helper()
	b, err := balance.New(p.c).Get(t.Context(), &balance.GetParams{Currency: &cur}, opts...)
	require.NoError(t, err)
	return b.Balance
}

func (p *platform) payments(t *testing.T, cur xendit.Currency, cat transactions.ChannelCategory, opts ...xendit.RequestOption) []transactions.Transaction {
	t.Helper()
	page, err := transactions.New(p.c).List(t.Context(), &transactions.ListParams{Currency: cur,
		Types: []transactions.Type{transactions.TypePayment}, ChannelCategories: []transactions.ChannelCategory{cat}}, opts...)
	require.NoError(t, err)
	return page.Data
}

// moneyIn is one way a product takes a payment on the fake.
type moneyIn struct {
	name     string
	category transactions.ChannelCategory
	currency xendit.Currency
	amount   float64
	// product is the callback product of the payment ("" when it sends
	// none); split whether the create documents with-split-rule.
	product string
	split   bool
	// pay makes the payment for p's sub-account, with p's split rule, and
	// returns the payment's id when the API shows it ("" otherwise).
	pay func(t *testing.T, p *platform) string
}

// TestPaymentsAreTheSubAccountsOwnAndSplit: on every money-in product, a
// payment made for a sub-account credits its balance and is its
// transaction (not the platform's), its callback goes to the sub-account,
// and the split rule of the create moves 10% to the platform.
func TestPaymentsAreTheSubAccountsOwnAndSplit(t *testing.T) {
	t.Parallel()
	for _, tc := range moneyInProducts() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := newPlatform(t)
			paymentID := tc.pay(t, p)

			share := 0.0
			if tc.split {
				share = math.Round(tc.amount * 0.1)
			}
			assert.Equal(t, tc.amount-share, p.balance(t, tc.currency, p.as()), "the sub-account's balance")
			assert.Equal(t, share, p.balance(t, tc.currency), "the platform's balance: its share alone")
			mine := p.payments(t, tc.currency, tc.category, p.as())
			if assert.Len(t, mine, 1, "the sub-account's %s payment", tc.category) {
				assert.Equal(t, tc.amount, mine[0].Amount)
				assert.Equal(t, transactions.CashflowMoneyIn, mine[0].Cashflow)
				if paymentID != "" {
					assert.Equal(t, paymentID, mine[0].ProductID)
				}
			}
			assert.Empty(t, p.payments(t, tc.currency, tc.category), "the platform has no such payment")

			if tc.product != "" {
				require.NoError(t, p.srv.WaitDeliveries(t.Context(), p.sub))
				assert.Contains(t, products(p.srv.Deliveries(p.sub)), tc.product, "the callback goes to the sub-account")
				assert.NotContains(t, products(p.srv.Deliveries("")), tc.product, "and not to the platform")
			}
		})
	}
}

func products(ds []xendittest.Delivery) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Product)
	}
	return out
}

// TestSplitRulesAreKeptPerProduct: a card charge and an invoice can have
// the same id (the 24-digit ids count per kind); the invoice's split rule
// does not split the card charge.
func TestSplitRulesAreKeptPerProduct(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	inv := createInvoice(t, p, p.create()...)
	charge := chargeCard(t, p, p.as())
	require.Equal(t, inv, charge, "the premise: equal ids")
	assert.Equal(t, 50_000.0, p.balance(t, xendit.CurrencyIDR, p.as()), "the charge is not split")
	require.NoError(t, p.srv.PayInvoice(inv))
	assert.Equal(t, 95_000.0, p.balance(t, xendit.CurrencyIDR, p.as()), "the invoice is")
	assert.Equal(t, 5_000.0, p.balance(t, xendit.CurrencyIDR))
}

// TestAPaymentForThePlatformStaysThePlatforms: without for-user-id, the
// money and the transaction are the platform's, and its split rule moves
// a share to the sub-account named as destination.
func TestAPaymentForThePlatformStaysThePlatforms(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	rule, err := xenplatform.New(p.c).CreateSplitRule(t.Context(), &xenplatform.CreateSplitRuleParams{Name: "stall's cut",
		Routes: []xenplatform.Route{{FlatAmount: xendit.Ptr(2_000.0), Currency: xendit.CurrencyIDR, DestinationAccountID: p.sub, ReferenceID: "cut"}}})
	require.NoError(t, err)
	require.NoError(t, p.srv.PayInvoice(createInvoice(t, p, xendit.WithSplitRule(rule.ID))))
	assert.Equal(t, 48_000.0, p.balance(t, xendit.CurrencyIDR))
	assert.Equal(t, 2_000.0, p.balance(t, xendit.CurrencyIDR, p.as()))
	assert.Len(t, p.payments(t, xendit.CurrencyIDR, transactions.ChannelCategoryVirtualAccount), 1)
	assert.Empty(t, p.payments(t, xendit.CurrencyIDR, transactions.ChannelCategoryVirtualAccount, p.as()))
}

// TestTheBalanceIsCreditedBeforeTheCallback: a receiver that reads the
// balance when the payment's callback arrives sees the money, from a test
// hook (PayInvoice) as from an API call (Simulate Payment).
func TestTheBalanceIsCreditedBeforeTheCallback(t *testing.T) {
	t.Parallel()
	seen := make(chan float64, 4)
	var p *platform
	p = newPlatformWith(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Host == "stall.example" {
			b, err := balance.New(p.c).Get(r.Context(), &balance.GetParams{Currency: xendit.Ptr(xendit.CurrencyIDR)}, p.as())
			if err == nil {
				seen <- b.Balance
			}
		}
	}))
	require.NoError(t, p.srv.PayInvoice(createInvoice(t, p, p.as())))
	assert.Equal(t, 50_000.0, <-seen)
	va := createVA(t, p)
	<-seen // the account's created callback
	_, err := virtualaccounts.New(p.c).SimulatePayment(t.Context(), va.ExternalID, &virtualaccounts.SimulatePaymentParams{Amount: 50_000}, p.as())
	require.NoError(t, err)
	assert.Equal(t, 95_000.0, <-seen, "50,000 more, less the platform's 10%")
}
