package customers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
)

// Xendit's customer schema makes identity_accounts[].properties.expires_at a
// free string: one that is not YYYY-MM-DD must not fail the call.
const oddDates = `{"id":"cust-1","reference_id":"r","type":"INDIVIDUAL",
	"individual_detail":{"given_names":"Jane","date_of_birth":"01/02/1990"},
	"identity_accounts":[{"type":"CREDIT_CARD","country":"ID","properties":{"token_id":"t","expires_at":"2030-12-31T00:00:00Z"}}],
	"addresses":[],"kyc_documents":[],"date_of_registration":""}`

func TestMalformedOptionalDateDoesNotFailTheCall(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(oddDates))
	}))
	t.Cleanup(srv.Close)
	c, err := xendit.New("xnd_development_key", xendit.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := context.Background()
	api := customers.New(c)

	got, err := api.Get(ctx, "cust-1")
	require.NoError(t, err)
	assert.Equal(t, "Jane", got.IndividualDetail.GivenNames, "the rest of the object is there")
	expires := got.IdentityAccounts[0].Properties.ExpiresAt
	assert.Equal(t, "2030-12-31T00:00:00Z", expires.Raw())
	_, err = expires.Time()
	assert.Error(t, err, "the parsed accessor says it is not a date")
	assert.Equal(t, "01/02/1990", got.IndividualDetail.DateOfBirth.Raw())

	_, err = api.Update(ctx, "cust-1", &customers.UpdateParams{Email: xendit.Set("a@b.co")})
	require.NoError(t, err)
	again, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Contains(t, string(again), `"expires_at":"2030-12-31T00:00:00Z"`, "re-encoded as received")
	assert.Contains(t, string(again), `"date_of_birth":"01/02/1990"`)
	assert.Contains(t, string(again), `"date_of_registration":""`)
}

func TestDateParsesWellFormedDates(t *testing.T) {
	t.Parallel()
	var d customers.Date
	require.NoError(t, json.Unmarshal([]byte(`"1990-02-01"`), &d))
	assert.Equal(t, customers.NewDate(1990, 2, 1), d)
	tm, err := d.Time()
	require.NoError(t, err)
	assert.Equal(t, "1990-02-01", tm.Format("2006-01-02"))
	assert.Empty(t, d.Raw(), "a well-formed date keeps no raw text")
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `"1990-02-01"`, string(b))
	b, err = json.Marshal(customers.Date{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b), "the zero Date is no date")
}
