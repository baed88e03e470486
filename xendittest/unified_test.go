package xendittest_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// The unified payments API (Payment Requests, Payment Methods v2, Refunds)
// comes from Xendit's OpenAPI files, not the API reference; until its
// products have models, the fake answers it generically from them.
var unifiedAreas = []string{"paymentrequests", "paymentmethods", "refunds"}

// firstExample is an endpoint's first example of kind, or "".
func firstExample(e reference.Endpoint, kind string) string {
	for _, x := range e.Examples {
		if x.Kind == kind {
			return string(x.JSON)
		}
	}
	return ""
}

// requestBody is what the tests send: the file's first request example,
// an empty object for a body without one, nothing for a GET.
func requestBody(e reference.Endpoint) string {
	if e.Method == http.MethodGet {
		return ""
	}
	if b := firstExample(e, reference.ExampleRequest); b != "" {
		return b
	}
	return "{}"
}

func areaEndpoints(area string) []reference.Endpoint {
	var out []reference.Endpoint
	for _, e := range reference.Endpoints() {
		if e.Area == area && e.Kind == reference.KindAPI {
			out = append(out, e)
		}
	}
	return out
}

// TestUnifiedPaymentsAPIIsAnsweredFromTheOpenAPIFiles sends every
// operation of the three files its first request example, on an object
// the area's create made: each answers the file's success status with the
// fields of the file's response example.
func TestUnifiedPaymentsAPIIsAnsweredFromTheOpenAPIFiles(t *testing.T) {
	t.Parallel()
	placeholder := regexp.MustCompile(`\{[^}]+\}`)
	// Payment requests and refunds have models (paymentrequests.go,
	// refunds.go), tested in paymentrequests_test.go.
	for _, area := range []string{"paymentmethods"} {
		t.Run(area, func(t *testing.T) {
			t.Parallel()
			srv := xendittest.New()
			defer srv.Close()
			create, ok := reference.ByID(area + ".create")
			require.True(t, ok)
			status, made := call(t, srv, xendittest.SecretKey, create.Method, create.Path, requestBody(create), nil)
			require.Equal(t, create.SuccessStatus, status, "%v", made)
			id, _ := made["id"].(string)
			require.NotEmpty(t, id)

			eps := areaEndpoints(area)
			require.NotEmpty(t, eps)
			for _, e := range eps {
				if why, ok := modelledState[e.ID]; ok {
					t.Logf("%s: %s", e.ID, why)
					continue
				}
				path := placeholder.ReplaceAllString(e.Path, id)
				status, got := call(t, srv, xendittest.SecretKey, e.Method, path, requestBody(e), nil)
				want := e.SuccessStatus
				if want == 0 {
					want = http.StatusOK
				}
				if !assert.Equal(t, want, status, "%s %s: %v", e.ID, path, got) {
					continue
				}
				var example map[string]any
				if x := firstExample(e, reference.ExampleResponse); x != "" {
					require.NoError(t, json.Unmarshal([]byte(x), &example))
				}
				for k := range example {
					assert.Contains(t, got, k, "%s answers the fields of the file's example", e.ID)
				}
			}
		})
	}
}

// modelledState are the operations whose hand-written model refuses the
// file's example on the object its create example made, as Xendit would;
// their own tests (paymentmethods) drive them through valid states.
var modelledState = map[string]string{
	"paymentmethods.authorize":        "the example's auth_code is not the OTP",
	"paymentmethods.simulate_payment": "the create example is an eWallet, which cannot be paid by simulation",
	"paymentmethods.update":           "the example updates over_the_counter and virtual_account of an eWallet",
}

// TestUnifiedPaymentsAPIRefusesMissingRequiredFields drops each required
// top-level body field from each operation's request example.
func TestUnifiedPaymentsAPIRefusesMissingRequiredFields(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	n := 0
	for _, area := range unifiedAreas {
		for _, e := range areaEndpoints(area) {
			if strings.Contains(e.Path, "{") {
				continue // an object path answers 404 for an unknown object
			}
			for _, p := range e.Body {
				if p.Required != reference.Required {
					continue
				}
				var body map[string]any
				require.NoError(t, json.Unmarshal([]byte(requestBody(e)), &body))
				delete(body, p.Name)
				b, err := json.Marshal(body)
				require.NoError(t, err)
				status, got := call(t, srv, xendittest.SecretKey, e.Method, e.Path, string(b), nil)
				assert.Equal(t, http.StatusBadRequest, status, "%s without %s", e.ID, p.Name)
				assert.Equal(t, "API_VALIDATION_ERROR", got["error_code"], "%s without %s", e.ID, p.Name)
				assert.Equal(t, p.Name+" is required", got["message"], e.ID)
				n++
			}
		}
	}
	assert.GreaterOrEqual(t, n, 3, "payment_requests' currency, payment methods' type and reusability")
}

// TestPaymentRequestChecksAreTheFiles: nested required fields, enums and
// the idempotency header as the file spells it.
func TestPaymentRequestChecksAreTheFiles(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	for _, c := range []struct{ body, message string }{
		{`{"currency":"IDR","amount":1,"payment_method":{"reusability":"ONE_TIME_USE"}}`, "payment_method.type is required"},
		{`{"currency":"XYZ","amount":1}`, "currency must be one of"},
		{`{"currency":"IDR","amount":1,"payment_method":{"type":"EWALLET","reusability":"TWICE"}}`, "payment_method.reusability must be one of"},
	} {
		status, got := call(t, srv, xendittest.SecretKey, "POST", "/payment_requests", c.body, nil)
		assert.Equal(t, http.StatusBadRequest, status, c.body)
		assert.Contains(t, got["message"], c.message, c.body)
	}

	body := `{"currency":"IDR","amount":15000,"payment_method":{"type":"EWALLET","reusability":"ONE_TIME_USE",` +
		`"ewallet":{"channel_code":"DANA","channel_properties":{"success_return_url":"https://shop.example/ok"}}}}`
	status, first := call(t, srv, xendittest.SecretKey, "POST", "/payment_requests", body, map[string]string{"idempotency-key": "order-1"})
	require.Equal(t, http.StatusOK, status, "%v", first)
	_, again := call(t, srv, xendittest.SecretKey, "POST", "/payment_requests", body, map[string]string{"idempotency-key": "order-1"})
	assert.Equal(t, first["id"], again["id"], "the same idempotency-key replays the payment request")

	status, got := call(t, srv, xendittest.SecretKey, "POST", "/payment_requests", body, map[string]string{"X-IDEMPOTENCY-KEY": "order-2"})
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, got["message"], "its idempotency header is idempotency-key")
}

// TestPaymentMethodsOfBothSourcesAreOne: the eWallets model answers the
// /v2/payment_methods operations the reference documents, the Payment
// Methods model the others; each finds what the other made.
func TestPaymentMethodsOfBothSourcesAreOne(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	dd := `{"type":"DIRECT_DEBIT","reusability":"MULTIPLE_USE","direct_debit":{"channel_code":"BPI",` +
		`"channel_properties":{"success_return_url":"https://shop.example/ok","failure_return_url":"https://shop.example/no"}}}`
	status, pm := call(t, srv, xendittest.SecretKey, "POST", "/v2/payment_methods", dd, nil)
	require.Equal(t, http.StatusCreated, status, "%v", pm)
	id := pm["id"].(string)
	assert.Equal(t, "DIRECT_DEBIT", pm["type"])
	assert.Equal(t, "REQUIRES_ACTION", pm["status"], "a direct debit link waits for the customer's OTP")
	status, got := call(t, srv, xendittest.SecretKey, "POST", "/v2/payment_methods/"+id+"/auth",
		`{"auth_code":"`+xendittest.PaymentMethodOTP+`"}`, nil)
	require.Equal(t, http.StatusOK, status, "%v", got)
	assert.Equal(t, "ACTIVE", got["status"])

	status, got = call(t, srv, xendittest.SecretKey, "GET", "/v2/payment_methods/"+id, "", nil)
	require.Equal(t, http.StatusOK, status, "%v", got)
	assert.Equal(t, "DIRECT_DEBIT", got["type"])

	status, got = call(t, srv, xendittest.SecretKey, "PATCH", "/v2/payment_methods/"+id, `{"status":"INACTIVE"}`, nil)
	require.Equal(t, http.StatusOK, status, "%v", got)
	assert.Equal(t, "INACTIVE", got["status"])

	status, got = call(t, srv, xendittest.SecretKey, "POST", "/v2/payment_methods/"+id+"/expire", "{}", nil)
	require.Equal(t, http.StatusOK, status, "%v", got)
	assert.Equal(t, "EXPIRED", got["status"])

	status, _ = call(t, srv, xendittest.SecretKey, "GET", "/v2/payment_methods/pm-unknown", "", nil)
	assert.Equal(t, http.StatusNotFound, status)
}
