package xenplatform_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

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

type fixture struct {
	srv       *xendittest.Server
	c         *xendit.Client
	xp        *xenplatform.Client
	callbacks <-chan fake.Delivery[xenplatform.Callback]
}

// newFixture is a fake with FastRetries, so that a request the SDK wrongly
// repeated would show in the fake's count.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	return &fixture{srv: srv, c: c, xp: xenplatform.New(c), callbacks: fake.Callbacks[xenplatform.Callback](t, srv)}
}

func owned(email string) *xenplatform.CreateAccountParams {
	return &xenplatform.CreateAccountParams{Email: email, Type: xendit.Ptr(xenplatform.AccountTypeOwned),
		PublicProfile: &xenplatform.PublicProfile{BusinessName: "Stall of " + email}}
}

// subAccount creates an OWNED account and waits for its account.created.
func (f *fixture) subAccount(t *testing.T, email string) *xenplatform.Account {
	t.Helper()
	a, err := f.xp.CreateAccount(context.Background(), owned(email))
	require.NoError(t, err)
	cb := fake.Next(t, f.callbacks).Payload
	require.Equal(t, xenplatform.EventAccountCreated, cb.Event)
	require.Equal(t, a.ID, cb.Account.ID)
	return a
}

func TestOwnedAccountIsLiveAndAnnouncedToThePlatform(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	a, err := f.xp.CreateAccount(t.Context(), owned("angie@example.com"))
	require.NoError(t, err)
	assert.Equal(t, xenplatform.AccountTypeOwned, a.Type)
	assert.True(t, a.Status.Active())
	d := fake.Next(t, f.callbacks)
	assert.Equal(t, xenplatform.EventAccountCreated, d.Payload.Event)
	assert.Equal(t, a.ID, d.Payload.Account.ID)
	assert.Equal(t, f.srv.PlatformUserID(""), d.Payload.BusinessID)
	assert.NotEmpty(t, d.Header.Get("webhook-id"))

	got, err := f.xp.GetAccount(t.Context(), a.ID)
	require.NoError(t, err)
	assert.Equal(t, "Stall of angie@example.com", got.PublicProfile.BusinessName)
	_, err = f.xp.GetAccount(t.Context(), "5cafeb170a2b18519b1b0000")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

// The sub-account is a merchant of its own on every product: its charges,
// balance and transactions are not the platform's, and the reverse.
func TestSubAccountHasItsOwnObjectsBalanceAndTransactions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")
	forSub := xendit.ForUserID(sub.ID)
	f.srv.SetBalance(xendittest.Account{Currency: "IDR"}, 1_000)
	f.srv.SetBalance(xendittest.Account{Currency: "IDR", ForUserID: sub.ID}, 42_000)

	bal := balance.New(f.c)
	mine, err := bal.Get(t.Context(), nil)
	require.NoError(t, err)
	theirs, err := bal.Get(t.Context(), nil, forSub)
	require.NoError(t, err)
	assert.Equal(t, 1_000.0, mine.Balance)
	assert.Equal(t, 42_000.0, theirs.Balance)

	ew := ewallets.New(f.c)
	ch, err := ew.CreateCharge(t.Context(), &ewallets.CreateChargeParams{ReferenceID: "sub-order-1", Currency: xendit.CurrencyIDR,
		Amount: 10_000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment, ChannelCode: xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/ok")}}, forSub)
	require.NoError(t, err)
	_, err = ew.GetCharge(t.Context(), ch.ID)
	assert.ErrorIs(t, err, xendit.ErrNotFound, "the platform does not see its sub-account's charge")
	_, err = ew.GetCharge(t.Context(), ch.ID, forSub)
	require.NoError(t, err)

	require.NoError(t, f.srv.CompleteEWalletCharge(ch.ID))
	theirs, err = bal.Get(t.Context(), nil, forSub)
	require.NoError(t, err)
	assert.Equal(t, 52_000.0, theirs.Balance, "the payment is credited to the sub-account")
	mine, err = bal.Get(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, 1_000.0, mine.Balance)

	txs := transactions.New(f.c)
	page, err := txs.List(t.Context(), &transactions.ListParams{Currency: xendit.CurrencyIDR}, forSub)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, ch.ID, page.Data[0].ProductID)
	page, err = txs.List(t.Context(), &transactions.ListParams{Currency: xendit.CurrencyIDR})
	require.NoError(t, err)
	assert.Empty(t, page.Data)
}

// A request for a sub-account that is not live fails on any product with
// ErrSubAccount, not ErrNotFound, although the status is 404.
func TestSubAccountThatIsNotLiveIsRefusedOnEveryProduct(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "sub@example.com")
	bal := balance.New(f.c)
	require.NoError(t, f.srv.SuspendAccount(sub.ID, "FRAUD_PROMO_ABUSE"))
	cb := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, xenplatform.EventAccountSuspended, cb.Event)
	assert.Equal(t, "FRAUD_PROMO_ABUSE", cb.Suspension.Reason)

	var resp xendit.Response
	_, err := bal.Get(t.Context(), nil, xendit.ForUserID(sub.ID), xendit.CaptureResponse(&resp))
	require.ErrorIs(t, err, xendit.ErrSubAccount)
	assert.NotErrorIs(t, err, xendit.ErrNotFound)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusNotFound, xe.StatusCode)
	assert.Equal(t, xenplatform.CodeSubAccountNotLive, xe.Code)
	assert.Equal(t, 1, resp.Attempts, "not retried: waiting, not repeating, cures it")

	require.NoError(t, f.srv.ClearAccount(sub.ID))
	assert.Equal(t, xenplatform.EventAccountCleared, fake.Next(t, f.callbacks).Payload.Event)
	_, err = bal.Get(t.Context(), nil, xendit.ForUserID(sub.ID))
	require.NoError(t, err)

	managed, err := f.xp.CreateAccount(t.Context(), &xenplatform.CreateAccountParams{Email: "m@example.com",
		Type: xendit.Ptr(xenplatform.AccountTypeManaged)})
	require.NoError(t, err)
	assert.Equal(t, xenplatform.AccountStatusInvited, managed.Status)
	_, err = bal.Get(t.Context(), nil, xendit.ForUserID(managed.ID))
	require.ErrorIs(t, err, xendit.ErrSubAccount)
	require.NoError(t, f.srv.ActivateAccount(managed.ID))
	assert.Equal(t, xenplatform.EventAccountRegistered, fake.Next(t, f.callbacks).Payload.Event)
	activated := fake.Next(t, f.callbacks).Payload
	assert.Equal(t, xenplatform.EventAccountActivated, activated.Event)
	assert.True(t, activated.Account.Status.Active())
	_, err = bal.Get(t.Context(), nil, xendit.ForUserID(managed.ID))
	require.NoError(t, err)
}

func TestListAndAllAccountsPageByAfterID(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var want []string
	for i := range 5 {
		a, err := f.xp.CreateAccount(t.Context(), owned(fmt.Sprintf("s%d@example.com", i)))
		require.NoError(t, err)
		want = append(want, a.ID)
	}
	_, err := f.xp.CreateAccount(t.Context(), &xenplatform.CreateAccountParams{Email: "m@example.com", Type: xendit.Ptr(xenplatform.AccountTypeManaged)})
	require.NoError(t, err)

	page, err := f.xp.ListAccounts(t.Context(), &xenplatform.ListAccountsParams{Limit: xendit.Ptr(2), Type: xendit.Ptr(xenplatform.AccountTypeOwned)})
	require.NoError(t, err)
	assert.True(t, page.HasMore)
	require.Len(t, page.Links, 1)

	var got []string
	for a, err := range f.xp.AllAccounts(t.Context(), &xenplatform.ListAccountsParams{Limit: xendit.Ptr(2),
		Status: []xenplatform.AccountStatus{xenplatform.AccountStatusLive}}, xendit.CaptureResponse(new(xendit.Response))) {
		require.NoError(t, err)
		got = append(got, a.ID)
	}
	assert.Equal(t, want, got, "every LIVE account once, oldest first; the INVITED one filtered out")
	assert.Equal(t, 3, fake.Count(f.srv, http.MethodGet, "/v2/accounts")-1, "three pages of two")
}

func TestUpdateAccountAndLinkAccountHolder(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	sub := f.subAccount(t, "old@example.com")
	a, err := f.xp.UpdateAccount(t.Context(), sub.ID, &xenplatform.UpdateAccountParams{Email: "new@example.com",
		PublicProfile: xendit.Set(xenplatform.PublicProfile{BusinessName: "Renamed"})})
	require.NoError(t, err)
	assert.Equal(t, "new@example.com", a.Email)
	assert.Equal(t, "Renamed", a.PublicProfile.BusinessName)
	sent := f.srv.Requests()
	assert.JSONEq(t, `{"email":"new@example.com","public_profile":{"business_name":"Renamed"}}`, string(sent[len(sent)-1].Body))

	h, err := f.xp.CreateAccountHolder(t.Context(), holderParams())
	require.NoError(t, err)
	a, err = f.xp.LinkAccountHolder(t.Context(), sub.ID, &xenplatform.LinkAccountHolderParams{AccountHolderID: h.ID})
	require.NoError(t, err)
	assert.Equal(t, h.ID, a.AccountHolderID)
	sent = f.srv.Requests()
	assert.JSONEq(t, `{"account_holder_id":"`+h.ID+`"}`, string(sent[len(sent)-1].Body), "linking sends only the holder")
	h, err = f.xp.GetAccountHolder(t.Context(), h.ID)
	require.NoError(t, err)
	assert.False(t, h.KYC.RequestedAt.IsZero(), "linking requests KYC")
}
