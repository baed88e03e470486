package transactions_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestExamplesRoundTrip(t *testing.T) {
	jsontest.RoundTripAll(t, map[string]func() any{
		"transactions.object.response.json": func() any { return new(transactions.Transaction) },
		"transactions.get.response.json":    func() any { return new(transactions.Transaction) },
		"transactions.list.response.json":   func() any { return new(transactions.Page) },
	}, nil)
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "transactions.object.response.json"), &tx))
	assert.Equal(t, 500000.0, tx.Amount)
	assert.Equal(t, transactions.FeeCompleted, tx.Fee.Status)
	assert.Equal(t, 1500.0, tx.Fee.XenditFee)
	assert.Nil(t, tx.AccountIdentifier)
	assert.Nil(t, tx.NetAmount, "documented as required, absent from the examples")
	var page transactions.Page
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "transactions.list.response.json"), &page))
	assert.Equal(t, "next", page.Links[0].Rel)
}

func TestUnknownValuesAndNullsDecode(t *testing.T) {
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal([]byte(`{"id":"txn_1","type":"CASHBACK","status":"ON_HOLD","channel_category":"CRYPTO",
		"amount":10.5,"net_amount":9.5,"cashflow":"MONEY_IN","fee":null,"estimated_settlement_time":null,
		"settlement_status":"PENDING_REVIEW","created":"2021-06-23T02:42:15.601Z"}`), &tx))
	assert.Equal(t, transactions.Type("CASHBACK"), tx.Type)
	assert.Equal(t, transactions.Status("ON_HOLD"), tx.Status)
	assert.Equal(t, 9.5, *tx.NetAmount)
	assert.Nil(t, tx.Fee)
	assert.True(t, tx.EstimatedSettlementTime.IsZero())
}

// Xendit's OpenAPI file lets channel_code and settlement_status be null (a
// money-out transaction has no settlement); re-encoded, a null must not
// become "".
func TestNullChannelCodeAndSettlementStatusStayNull(t *testing.T) {
	in := []byte(`{"id":"txn_1","channel_code":null,"settlement_status":null,"estimated_settlement_time":null}`)
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal(in, &tx))
	out, err := json.Marshal(tx)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff(in, out))
}

func newServer(t *testing.T) (*xendittest.Server, *transactions.Client) {
	srv, c := fake.Server(t, xendit.RetryPolicy{})
	return srv, transactions.New(c)
}

func TestListQuery(t *testing.T) {
	srv, api := newServer(t)
	_, err := api.List(context.Background(), &transactions.ListParams{
		Currency:          "PHP",
		Types:             []transactions.Type{transactions.Payment},
		ChannelCategories: []transactions.ChannelCategory{transactions.EWallet, transactions.RetailOutlet},
		CreatedFrom:       time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
		Amount:            xendit.Ptr(1500.0),
		Limit:             5,
	})
	require.NoError(t, err)
	reqs := srv.Requests()
	q, err := url.ParseQuery(reqs[len(reqs)-1].Query)
	require.NoError(t, err)
	assert.Equal(t, url.Values{
		"currency": {"PHP"}, "types": {"PAYMENT"}, "channel_categories": {"EWALLET", "RETAIL_OUTLET"},
		"created[gte]": {"2024-01-01T00:00:00.000Z"}, "amount": {"1500"}, "limit": {"5"},
	}, q)
}

func TestListValidation(t *testing.T) {
	srv, api := newServer(t)
	for name, tc := range map[string]struct {
		params *transactions.ListParams
		field  string
	}{
		"nil":         {nil, "currency"},
		"no currency": {&transactions.ListParams{}, "currency"},
		"bad":         {&transactions.ListParams{Currency: "idr"}, "currency"},
		"limit":       {&transactions.ListParams{Currency: "IDR", Limit: 51}, "limit"},
		"both":        {&transactions.ListParams{Currency: "IDR", AfterID: "a", BeforeID: "b"}, "after_id"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := api.List(context.Background(), tc.params)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	assert.Empty(t, srv.Requests())
}

func collect(t *testing.T, api *transactions.Client, p *transactions.ListParams) ([]string, error) {
	t.Helper()
	var ids []string
	for tx, err := range api.All(context.Background(), p) {
		if err != nil {
			return ids, err
		}
		ids = append(ids, tx.ID)
	}
	return ids, nil
}

func TestAllPagesLazily(t *testing.T) {
	srv, api := newServer(t)
	seeded := srv.SeedTransactions(25)
	srv.AddTransactions(xendittest.Transaction{Currency: "PHP"})
	ids, err := collect(t, api, &transactions.ListParams{Currency: "IDR", Limit: 10})
	require.NoError(t, err)
	require.Len(t, ids, 25)
	assert.Equal(t, seeded[24].ID, ids[0], "newest first")
	assert.Equal(t, seeded[0].ID, ids[24])
	assert.Len(t, srv.Requests(), 3)

	n := 0
	for range api.All(context.Background(), &transactions.ListParams{Currency: "IDR", Limit: 10}) {
		n++
		if n == 3 {
			break
		}
	}
	assert.Len(t, srv.Requests(), 4, "breaking in the first page fetches no second page")

	tx, err := api.Get(context.Background(), seeded[3].ID)
	require.NoError(t, err)
	assert.Equal(t, 4000.0, tx.Amount)
	_, err = api.Get(context.Background(), "txn_missing")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, transactions.CodeNotFound, xe.Code)
}

func TestAllStopsOnError(t *testing.T) {
	srv, api := newServer(t)
	srv.SeedTransactions(15)
	var ids []string
	var gotErr error
	for tx, err := range api.All(context.Background(), &transactions.ListParams{Currency: "IDR", Limit: 10}) {
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

func TestAllNeverLoopsOnARepeatedCursor(t *testing.T) {
	calls := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[{"id":"txn_a"},{"id":"txn_b"}],"has_more":true}`))
	}))
	defer ts.Close()
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(ts.URL))
	require.NoError(t, err)
	ids, err := collect(t, transactions.New(c), &transactions.ListParams{Currency: "IDR"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "txn_b")
	assert.Equal(t, []string{"txn_a", "txn_b", "txn_a", "txn_b"}, ids)
	assert.Equal(t, 2, calls)
}
