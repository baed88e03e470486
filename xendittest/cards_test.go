package xendittest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/xendittest"
)

// cardCall sends a raw request to the fake, as a client other than the SDK
// would, and returns the status and the decoded body.
func cardCall(t *testing.T, srv *xendittest.Server, method, path, body string, header map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(xendittest.SecretKey, "")
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), string(b))
	return resp.StatusCode, m
}

func TestFakeCardsFollowTheReference(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	tok := srv.NewCardToken(xendittest.CardToken{})

	status, c := cardCall(t, srv, "POST", "/credit_card_charges",
		`{"token_id":"`+tok.ID+`","external_id":"o-1","amount":20000,"capture":false}`, nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "AUTHORIZED", c["status"])
	id := c["id"].(string)

	// The reference calls the capture amount a string: the fake takes both.
	status, c = cardCall(t, srv, "POST", "/credit_card_charges/"+id+"/capture", `{"amount":"15000"}`, nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, 15000.0, c["capture_amount"])

	// Create Refund requires x-api-version 2019-05-01.
	status, c = cardCall(t, srv, "POST", "/credit_card_charges/"+id+"/refunds", `{"amount":1000,"external_id":"r-1"}`, nil)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "API_VALIDATION_ERROR", c["error_code"])
	status, c = cardCall(t, srv, "POST", "/credit_card_charges/"+id+"/refunds", `{"amount":1000,"external_id":"r-1"}`,
		map[string]string{"x-api-version": "2019-05-01"})
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "REQUESTED", c["status"])

	status, c = cardCall(t, srv, "GET", "/credit_card_charges/o-1?id_type=external", "", nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, id, c["id"])
}

func TestFakePromotionTimesUseTheReferenceLayout(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	status, p := cardCall(t, srv, "POST", "/promotions",
		`{"reference_id":"P1","description":"d","promo_code":"SAVE","discount_amount":5000,"currency":"IDR","start_time":"2030-01-01T00:00:00Z","end_time":"2030-02-01T00:00:00Z"}`, nil)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "2030-01-01 00:00:00.000Z", p["start_time"])

	status, p = cardCall(t, srv, "POST", "/promotions", `{"reference_id":"P2","description":"d","promo_code":"SAVE","discount_amount":1,"currency":"IDR","start_time":"2030-01-01T00:00:00Z","end_time":"2030-02-01T00:00:00Z"}`, nil)
	assert.Equal(t, http.StatusConflict, status)
	assert.Equal(t, "PROMO_CODE_IN_USE", p["error_code"])
}
