package transactions_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func newServer(t *testing.T) (*xendittest.Server, *transactions.Client) {
	srv, c := fake.Server(t, fake.NoRetries)
	return srv, transactions.New(c)
}

func idr(limit int) *transactions.ListParams {
	return &transactions.ListParams{Currency: xendit.CurrencyIDR, Limit: xendit.Ptr(limit)}
}

func TestStatusHelpers(t *testing.T) {
	t.Parallel()
	assert.True(t, transactions.StatusSuccess.Succeeded())
	assert.True(t, transactions.StatusPending.Pending())
	assert.True(t, transactions.StatusFailed.Failed())
	for _, s := range []transactions.Status{transactions.StatusVoided, transactions.StatusReversed} {
		assert.False(t, s.Succeeded() || s.Pending() || s.Failed(), s)
	}
	assert.True(t, transactions.SettlementStatusSettled.Succeeded())
	assert.False(t, transactions.SettlementStatusPending.Succeeded())
	assert.False(t, transactions.FeeStatusPending.Succeeded())
}

func TestListQuery(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	_, err := api.List(context.Background(), &transactions.ListParams{
		Currency:          xendit.CurrencyPHP,
		Types:             []transactions.Type{transactions.TypePayment},
		ChannelCategories: []transactions.ChannelCategory{transactions.ChannelCategoryEWallet, transactions.ChannelCategoryRetailOutlet},
		CreatedFrom:       time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		Amount:            xendit.Ptr(1500.0),
		ReferenceID:       xendit.Ptr(""),
		Limit:             xendit.Ptr(5),
	})
	require.NoError(t, err)
	reqs := srv.Requests()
	q, err := url.ParseQuery(reqs[len(reqs)-1].Query)
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"currency": {"PHP"}, "types": {"PAYMENT"}, "channel_categories": {"EWALLET", "RETAIL_OUTLET"},
		"created[gte]": {"2024-01-01T00:00:00.000Z"}, "amount": {"1500"}, "limit": {"5"},
		"reference_id": {""},
	}, q, "a set optional field is sent, even empty")
}

func TestListValidation(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	for name, tc := range map[string]struct {
		params *transactions.ListParams
		field  string
	}{
		"nil":         {nil, "params"},
		"no currency": {&transactions.ListParams{}, "currency"},
		"bad":         {&transactions.ListParams{Currency: "idr"}, "currency"},
		"limit high":  {idr(51), "limit"},
		"limit zero":  {idr(0), "limit"},
		"both":        {&transactions.ListParams{Currency: xendit.CurrencyIDR, AfterID: xendit.Ptr("a"), BeforeID: xendit.Ptr("b")}, "after_id"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := api.List(context.Background(), tc.params)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	t.Cleanup(func() { assert.Empty(t, srv.Requests()) })
}

func TestAllRefusesBadParamsWithoutSending(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	for name, p := range map[string]*transactions.ListParams{
		"nil":       nil,
		"before_id": {Currency: xendit.CurrencyIDR, BeforeID: xendit.Ptr("txn_1")},
	} {
		_, err := collect(t, api, p)
		var ve *xendit.ValidationError
		require.ErrorAs(t, err, &ve, name)
	}
	assert.Empty(t, srv.Requests())
}

func collect(t *testing.T, api *transactions.Client, p *transactions.ListParams, opts ...xendit.RequestOption) ([]string, error) {
	t.Helper()
	var ids []string
	for tx, err := range api.All(context.Background(), p, opts...) {
		if err != nil {
			return ids, err
		}
		ids = append(ids, tx.ID)
	}
	return ids, nil
}

func TestAllPagesLazily(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	seeded := srv.SeedTransactions(25)
	srv.AddTransactions(xendittest.Transaction{Currency: "PHP"})
	ids, err := collect(t, api, idr(10))
	require.NoError(t, err)
	require.Len(t, ids, 25)
	assert.Equal(t, seeded[24].ID, ids[0], "newest first")
	assert.Equal(t, seeded[0].ID, ids[24])
	assert.Len(t, srv.Requests(), 3)

	n := 0
	for range api.All(context.Background(), idr(10)) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Len(t, srv.Requests(), 4, "breaking in the first page fetches no second page")

	tx, err := api.Get(context.Background(), seeded[3].ID)
	require.NoError(t, err)
	assert.Equal(t, 4000.0, tx.Amount)
	assert.Equal(t, xendit.CurrencyIDR, tx.Currency)
	_, err = api.Get(context.Background(), "txn_missing")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, transactions.CodeNotFound, xe.Code)
}

func TestAllStartsAfterTheCallersAfterID(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	seeded := srv.SeedTransactions(5)
	p := idr(2)
	p.AfterID = &seeded[3].ID // newest first: 0005, 0004 | 0003, ...
	ids, err := collect(t, api, p)
	require.NoError(t, err)
	assert.Equal(t, []string{seeded[2].ID, seeded[1].ID, seeded[0].ID}, ids)
	assert.Equal(t, seeded[3].ID, *p.AfterID, "the caller's params are not changed")
}

// CaptureResponse passed to All holds, inside the loop, the response of the
// page the current transaction came from.
func TestAllCapturesEachPagesResponse(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	srv.SeedTransactions(5)
	var resp xendit.Response
	seen := map[string]int{}
	for tx, err := range api.All(context.Background(), idr(2), xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		require.NotEmpty(t, resp.RequestID, tx.ID)
		seen[resp.RequestID]++
	}
	assert.Len(t, seen, 3, "one response per page")
	for id, n := range seen {
		assert.LessOrEqual(t, n, 2, id)
	}
}

func TestAllStopsOnError(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t)
	srv.SeedTransactions(15)
	var ids []string
	var gotErr error
	for tx, err := range api.All(context.Background(), idr(10)) {
		if err != nil {
			gotErr = err
			break
		}
		ids = append(ids, tx.ID)
		if len(ids) == 1 {
			srv.InjectFault(xendittest.Fault{Path: "/transactions", Status: http.StatusBadRequest,
				Body: `{"error_code":"FEATURE_NOT_AVAILABLE","message":"no"}`})
		}
	}
	assert.Len(t, ids, 10)
	var xe *xendit.Error
	require.ErrorAs(t, gotErr, &xe)
	assert.Equal(t, transactions.CodeFeatureNotAvailable, xe.Code)
}

// pagesServer answers GET /transactions from pages, after_id by after_id,
// and counts the calls.
func pagesServer(t *testing.T, pages map[string]string) (*transactions.Client, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprint(w, pages[r.URL.Query().Get("after_id")])
	}))
	t.Cleanup(ts.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(ts.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	return transactions.New(c), &calls
}

func TestAllFollowsTheLastIDOverHTTP(t *testing.T) {
	t.Parallel()
	api, calls := pagesServer(t, map[string]string{
		"":      `{"data":[{"id":"txn_a"},{"id":"txn_b"}],"has_more":true,"links":[{"href":"/transactions?after_id=txn_b","rel":"next","method":"GET"}]}`,
		"txn_b": `{"data":[{"id":"txn_c"},{"id":"txn_d"}],"has_more":true}`,
		"txn_d": `{"data":[{"id":"txn_e"}],"has_more":false}`,
	})
	ids, err := collect(t, api, &transactions.ListParams{Currency: xendit.CurrencyIDR})
	require.NoError(t, err)
	assert.Equal(t, []string{"txn_a", "txn_b", "txn_c", "txn_d", "txn_e"}, ids)
	assert.EqualValues(t, 3, calls.Load())
}

func TestAllNeverLoopsOnARepeatedCursor(t *testing.T) {
	t.Parallel()
	page := `{"data":[{"id":"txn_a"},{"id":"txn_b"}],"has_more":true}`
	api, calls := pagesServer(t, map[string]string{"": page, "txn_b": page})
	ids, err := collect(t, api, &transactions.ListParams{Currency: xendit.CurrencyIDR})
	require.ErrorIs(t, err, xendit.ErrPagination)
	assert.Contains(t, err.Error(), "txn_b")
	assert.Equal(t, []string{"txn_a", "txn_b", "txn_a", "txn_b"}, ids)
	assert.EqualValues(t, 2, calls.Load())
}

// A page that says has_more but holds nothing to page on from ends the walk
// with ErrPagination, not silently as if the list were complete.
func TestAllRefusesHasMoreWithoutACursor(t *testing.T) {
	t.Parallel()
	api, calls := pagesServer(t, map[string]string{"": `{"data":[],"has_more":true}`})
	_, err := collect(t, api, &transactions.ListParams{Currency: xendit.CurrencyIDR})
	require.ErrorIs(t, err, xendit.ErrPagination)
	assert.EqualValues(t, 1, calls.Load())
}
