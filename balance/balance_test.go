package balance_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func newServer(t *testing.T) (*xendittest.Server, *balance.Client) {
	t.Helper()
	srv, c := fake.Server(t, fake.NoRetries)
	return srv, balance.New(c)
}

func TestGetSendsTheQueryAndSubAccount(t *testing.T) {
	t.Parallel()
	srv, bal := newServer(t)
	srv.SetBalance(xendittest.Account{AccountType: "HOLDING", Currency: "PHP", ForUserID: "5f9a3fbd571a34173ffe0b9c"}, 1520.75)
	at := time.Date(2024, 1, 1, 7, 0, 0, 0, time.FixedZone("WIB", 7*3600))

	got, err := bal.Get(context.Background(), &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeHolding), Currency: xendit.Ptr(xendit.CurrencyPHP), AtTimestamp: at},
		xendit.ForUserID("5f9a3fbd571a34173ffe0b9c"))
	require.NoError(t, err)
	assert.Equal(t, 1520.75, got.Balance, "fractions survive for non-IDR currencies")

	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/balance", reqs[0].Path)
	assert.Equal(t, "account_type=HOLDING&at_timestamp=2024-01-01T00%3A00%3A00.000Z&currency=PHP", reqs[0].Query)
	assert.Equal(t, "5f9a3fbd571a34173ffe0b9c", reqs[0].Header.Get("for-user-id"))
}

func TestNilParamsReadTheDefaultCashBalance(t *testing.T) {
	t.Parallel()
	srv, bal := newServer(t)
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 1241231)
	got, err := bal.Get(context.Background(), nil)
	require.NoError(t, err)
	assert.Equal(t, 1241231.0, got.Balance)
	assert.Empty(t, srv.Requests()[0].Query)
}

func TestMultiCurrencyAccountNeedsACurrency(t *testing.T) {
	t.Parallel()
	srv, bal := newServer(t)
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 1)
	srv.SetBalance(xendittest.Account{Currency: "USD"}, 2)
	_, err := bal.Get(context.Background(), nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, xendit.CodeAPIValidation, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrValidation)

	got, err := bal.Get(context.Background(), &balance.GetParams{Currency: xendit.Ptr(xendit.CurrencyUSD)})
	require.NoError(t, err)
	assert.Equal(t, 2.0, got.Balance)
}

func TestBadParamsFailBeforeSending(t *testing.T) {
	t.Parallel()
	srv, bal := newServer(t)
	for field, p := range map[string]*balance.GetParams{
		"account_type": {AccountType: xendit.Ptr(balance.AccountType("SAVINGS"))},
		"currency":     {Currency: xendit.Ptr(xendit.Currency("rupiah"))},
	} {
		_, err := bal.Get(context.Background(), p)
		var ve *xendit.ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, field, ve.Field)
	}
	assert.Empty(t, srv.Requests())
}

func TestWrongKeyIsUnauthorized(t *testing.T) {
	t.Parallel()
	srv, _ := newServer(t)
	c, err := xendit.New("xnd_development_not_the_right_key", xendit.WithBaseURL(srv.URL))
	require.NoError(t, err)
	_, err = balance.New(c).Get(context.Background(), nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 401, xe.StatusCode)
	assert.Equal(t, xendit.CodeInvalidAPIKey, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrUnauthorized)
}

func TestEmptyParamsSendNoQuery(t *testing.T) {
	t.Parallel()
	srv, bal := newServer(t)
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 5)
	got, err := bal.Get(context.Background(), &balance.GetParams{})
	require.NoError(t, err)
	assert.Equal(t, 5.0, got.Balance)
	assert.Empty(t, srv.Requests()[0].Query)
}
