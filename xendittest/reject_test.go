package xendittest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/xendittest"
)

// capturedCharge makes a CAPTURED card charge and returns its id.
func capturedCharge(t *testing.T, srv *xendittest.Server) string {
	t.Helper()
	tok := srv.NewCardToken(xendittest.CardToken{})
	status, ch := call(t, srv, xendittest.SecretKey, "POST", "/credit_card_charges",
		`{"token_id":"`+tok.ID+`","authentication_id":"`+tok.AuthenticationID+`","external_id":"order-1","amount":20000}`, nil)
	require.Equal(t, http.StatusOK, status, ch)
	require.Equal(t, "CAPTURED", ch["status"])
	return ch["id"].(string)
}

// TestFakeRefusesWhatTheReferenceRefuses sends requests that break one
// rule of the reference each and checks Xendit's documented answer; the
// last one keeps every rule and passes.
func TestFakeRefusesWhatTheReferenceRefuses(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	id := capturedCharge(t, srv)
	refund := "/credit_card_charges/" + id + "/refunds"
	const body = `{"amount":1000,"external_id":"refund-1"}`
	cases := []struct {
		name    string
		key     string
		path    string
		body    string
		header  map[string]string
		status  int
		code    string
		message string
	}{
		{"unknown secret key", "xnd_development_nobody", refund, body, map[string]string{"x-api-version": "2019-05-01"},
			401, "INVALID_API_KEY", ""},
		{"required version header missing", xendittest.SecretKey, refund, body, nil,
			400, "API_VALIDATION_ERROR", "x-api-version is required"},
		{"version header spelt API-Version where x-api-version is documented", xendittest.SecretKey, refund, body,
			map[string]string{"API-Version": "2019-05-01"}, 400, "API_VALIDATION_ERROR", "its version header is x-api-version"},
		{"version value not documented", xendittest.SecretKey, refund, body, map[string]string{"x-api-version": "2020-01-01"},
			400, "API_VALIDATION_ERROR", "x-api-version must be one of [2019-05-01]"},
		{"idempotency header spelt IDEMPOTENCY-KEY where X-IDEMPOTENCY-KEY is documented", xendittest.SecretKey, refund, body,
			map[string]string{"x-api-version": "2019-05-01", "IDEMPOTENCY-KEY": "k-1"},
			400, "API_VALIDATION_ERROR", "its idempotency header is X-IDEMPOTENCY-KEY"},
		{"idempotency header on an endpoint that documents none", xendittest.SecretKey, "/ewallets/charges", shopeePay,
			map[string]string{"IDEMPOTENCY-KEY": "k-2"}, 400, "API_VALIDATION_ERROR", "documents no idempotency header"},
		{"required field missing", xendittest.SecretKey, refund, `{"amount":1000}`, map[string]string{"x-api-version": "2019-05-01"},
			400, "API_VALIDATION_ERROR", "external_id is required"},
		{"channel_properties of the channel missing", xendittest.SecretKey, "/ewallets/charges",
			`{"reference_id":"o","currency":"IDR","amount":1000,"checkout_method":"ONE_TIME_PAYMENT","channel_code":"ID_OVO"}`, nil,
			400, "API_VALIDATION_ERROR", "channel_properties.mobile_number is required"},
		{"value outside the enum", xendittest.SecretKey, "/ewallets/charges",
			`{"reference_id":"o","currency":"EUR","amount":1000,"checkout_method":"ONE_TIME_PAYMENT","channel_code":"ID_DANA","channel_properties":{"success_redirect_url":"https://x.example"}}`,
			nil, 400, "API_VALIDATION_ERROR", "currency must be one of"},
		{"every rule kept", xendittest.SecretKey, refund, body,
			map[string]string{"x-api-version": "2019-05-01", "X-IDEMPOTENCY-KEY": "k-3"}, 200, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, got := call(t, srv, c.key, "POST", c.path, c.body, c.header)
			assert.Equal(t, c.status, status, got)
			if c.code != "" {
				assert.Equal(t, c.code, got["error_code"])
				assert.Contains(t, got["message"], c.message)
			}
		})
	}
}

// TestFakeRefusesSNAPRequestsMissingTheirHeaders: the reference's SNAP
// headers are required on every SNAP endpoint; a missing one is 400xx02
// with the endpoint's service code.
func TestFakeRefusesSNAPRequestsMissingTheirHeaders(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	status, got := call(t, srv, xendittest.SecretKey, "POST", "/snap/v1.0/transfer-va/create-va", `{}`, nil)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "4002702", got["responseCode"])
	assert.Contains(t, got["responseMessage"], "Missing mandatory field or header")
}

// TestFakeAnswersUnmodelledEndpointsFromTheReference: an endpoint with no
// hand-written model (Invoices) creates from the reference's example and
// finds what it created; another id is 404.
func TestFakeAnswersUnmodelledEndpointsFromTheReference(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	status, inv := call(t, srv, xendittest.SecretKey, "POST", "/v2/invoices", `{"external_id":"inv-1","amount":50000}`, nil)
	require.Equal(t, http.StatusOK, status, inv)
	assert.Equal(t, "inv-1", inv["external_id"])
	assert.Equal(t, 50000.0, inv["amount"])
	id, _ := inv["id"].(string)
	require.NotEmpty(t, id)
	status, got := call(t, srv, xendittest.SecretKey, "GET", "/v2/invoices/"+id, "", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, inv, got)
	status, _ = call(t, srv, xendittest.SecretKey, "GET", "/v2/invoices/inv_missing", "", nil)
	assert.Equal(t, http.StatusNotFound, status)
}
