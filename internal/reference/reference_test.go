package reference_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/internal/reference/internal/build"
)

// source is a directory the data files are generated from: $env, or
// ../shared/reference/<name> beside the repository. Its absence skips the
// test, except in CI.
func source(t *testing.T, env, name string) string {
	t.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "reference", name)
	}
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the reference's %s is needed in CI: %v", name, err)
		}
		t.Skipf("no %s at %s: %v", name, dir, err)
	}
	return dir
}

func TestDataIsFresh(t *testing.T) {
	t.Parallel()
	want, err := build.Generate(source(t, "XENDIT_REFERENCE_INVENTORY", "inventory"), source(t, "XENDIT_REFERENCE_OPENAPI", "openapi"))
	require.NoError(t, err)
	committed, err := filepath.Glob(filepath.Join("data", "*.json"))
	require.NoError(t, err)
	for _, f := range committed {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("%s is no longer generated; run go generate ./internal/reference", f)
		}
	}
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join("data", name))
		if err != nil {
			t.Errorf("data/%s is missing; run go generate ./internal/reference", name)
			continue
		}
		if string(got) != string(b) {
			t.Errorf("data/%s is stale; run go generate ./internal/reference", name)
		}
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/customers/cust_123", "customers.get"},
		{"PATCH", "/customers/cust_123", "customers.update"},
		{"GET", "/customers", "customers.get_by_reference_id"},
		{"get", "/customers/cust_123/", "customers.get"},
		{"GET", "/credit_card_charges/option", "cards.get_charge_option"},
		{"GET", "/credit_card_charges/ch_1", "cards.get_charge"},
		{"POST", "/credit_card_charges", "cards.create_charge"}, // not its variants
		{"GET", "/promotions/calculate", "cards.promotions.calculate"},
		{"PATCH", "/promotions/calculate", "cards.promotions.update"},
		{"POST", "/callback_virtual_accounts/external_id=va-1/simulate_payment", "virtualaccounts.simulate_payment"},
		{"GET", "/transfers/reference=ref-1", "xenplatform.get_transfer_by_reference"},
		{"POST", "/snap/v1.0/otp-verification", "snap.verify_otp_account_binding"},
		{"POST", "/invoices/inv_1/expire!", "invoices.expire"},
		{"GET", "/payment_requests/pr-1", "paymentrequests.get"},
		{"POST", "/payment_requests/pr-1/auth/resend", "paymentrequests.resend_auth"},
		{"PATCH", "/v2/payment_methods/pm-1", "paymentmethods.update"},
		{"POST", "/v2/payment_methods/pm-1/payments/simulate", "paymentmethods.simulate_payment"},
		{"POST", "/refunds/rfd-1/cancel", "refunds.cancel"},
	} {
		e, ok := reference.Lookup(c.method, c.path)
		if assert.True(t, ok, "%s %s", c.method, c.path) {
			assert.Equal(t, c.want, e.ID, "%s %s", c.method, c.path)
		}
	}
	for _, c := range []struct{ method, path string }{
		{"DELETE", "/customers/cust_123"},
		{"GET", "/customers/cust_123/extra"},
		{"GET", "/callback_virtual_account_payments/payment_id="}, // empty placeholder
		{"GET", "/nowhere"},
	} {
		_, ok := reference.Lookup(c.method, c.path)
		assert.False(t, ok, "%s %s", c.method, c.path)
	}
}

func TestLookupAllReturnsEveryEndpointOfATemplate(t *testing.T) {
	t.Parallel()
	var ids []string
	for _, e := range reference.LookupAll("POST", "/snap/v1.0/otp-verification") {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"snap.verify_otp_account_binding", "snap.verify_otp_direct_debit"}, ids)

	// The eWallets section documents a part of the Payment Methods file.
	ids = nil
	for _, e := range reference.LookupAll("GET", "/v2/payment_methods/pm-1") {
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"ewallets.tokenized.get_payment_method", "paymentmethods.get"}, ids)
}

// TestUnifiedPaymentsAPIComesFromTheOpenAPIFiles: the three OpenAPI files
// are areas of their own, every operation of each, in the reference's
// shape.
func TestUnifiedPaymentsAPIComesFromTheOpenAPIFiles(t *testing.T) {
	t.Parallel()
	counts := map[string]int{}
	for _, e := range reference.Endpoints() {
		counts[e.Area]++
	}
	assert.Equal(t, 7, counts["paymentrequests"])
	assert.Equal(t, 8, counts["paymentmethods"])
	assert.Equal(t, 4, counts["refunds"])

	pr, ok := reference.ByID("paymentrequests.create")
	require.True(t, ok)
	assert.Equal(t, "POST", pr.Method)
	assert.Equal(t, "/payment_requests", pr.Path)
	assert.Equal(t, "idempotency-key", pr.IdempotencyHeader, "spelled as the file spells it")
	assert.False(t, pr.IdempotencyRequired)
	assert.Equal(t, reference.Source{File: "openapi/payment_request.yaml", From: 99, To: 216}, pr.Source)
	assert.Equal(t, http.StatusOK, pr.SuccessStatus, "the file documents 200 and 201; the lowest is kept")
	require.NotEmpty(t, pr.Examples)
	assert.Equal(t, "paymentrequests.create.request.e_wallet_one_time_payment_via_redirect_url.json", pr.Examples[0].Name)
	method := param(t, pr.Body, "payment_method")
	dd := param(t, method.Children, "direct_debit")
	var labels []string
	for _, v := range param(t, dd.Children, "channel_properties").Variants {
		labels = append(labels, v.Label)
	}
	assert.Equal(t, []string{"DirectDebitChannelPropertiesBankRedirect", "DirectDebitChannelPropertiesBankAccount", "DirectDebitChannelPropertiesDebitCard"}, labels)

	pm, ok := reference.ByID("paymentmethods.create")
	require.True(t, ok)
	assert.Equal(t, http.StatusCreated, pm.SuccessStatus)
	assert.Equal(t, reference.Required, param(t, pm.Body, "type").Required)
	assert.Equal(t, []string{"MULTIPLE_USE", "ONE_TIME_USE"}, param(t, pm.Body, "reusability").Enum)
	assert.Contains(t, pm.Errors, reference.Error{Code: "IDEMPOTENCY_ERROR", HTTPStatus: 409, Message: "Request causes conflict"})
	assert.Equal(t, "", pm.BaseURL)

	capture, ok := reference.ByID("paymentrequests.capture")
	require.True(t, ok)
	assert.Equal(t, http.StatusCreated, capture.SuccessStatus)
	assert.Equal(t, reference.Required, param(t, capture.Body, "capture_amount").Required)
}

func param(t *testing.T, params []reference.Param, name string) reference.Param {
	t.Helper()
	for _, p := range params {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no parameter %s", name)
	return reference.Param{}
}

func TestByID(t *testing.T) {
	t.Parallel()
	e, ok := reference.ByID("cards.create_refund")
	require.True(t, ok)
	assert.Equal(t, "x-api-version", e.VersionHeader)
	assert.Equal(t, []string{"2019-05-01"}, e.Versions)
	assert.True(t, e.VersionRequired)
	assert.Equal(t, "X-IDEMPOTENCY-KEY", e.IdempotencyHeader)
	assert.False(t, e.IdempotencyRequired)

	v, ok := reference.ByID("cards.create_authorization")
	require.True(t, ok)
	assert.Equal(t, reference.KindVariant, v.Kind)
	assert.Equal(t, "cards.create_charge", v.VariantOf)

	_, ok = reference.ByID("cards.create_token")
	assert.False(t, ok, "client-side functions are not endpoints")
}

func TestSNAPHeadersAreSpelledAsDocumented(t *testing.T) {
	t.Parallel()
	e, ok := reference.ByID("snap.create_va")
	require.True(t, ok)
	var required []string
	for _, h := range e.Headers {
		if h.Required == reference.Required {
			required = append(required, h.Name)
		}
	}
	assert.Subset(t, required, []string{"X-TIMESTAMP", "X-SIGNATURE", "X-PARTNER-ID", "X-EXTERNAL-ID", "CHANNEL-ID"})
	assert.Equal(t, "X-EXTERNAL-ID", e.IdempotencyHeader)
	assert.True(t, e.IdempotencyRequired)
}

var placeholder = regexp.MustCompile(`\{([^}]+)\}`)

// TestDataIsConsistent checks what every user of the data relies on.
func TestDataIsConsistent(t *testing.T) {
	t.Parallel()
	eps := reference.Endpoints()
	require.Greater(t, len(eps), 100)
	ids := map[string]bool{}
	for _, e := range eps {
		assert.False(t, ids[e.ID], "%s is listed twice", e.ID)
		ids[e.ID] = true
		assert.True(t, strings.HasPrefix(e.ID, e.Area+"."), e.ID)
		assert.Contains(t, []string{"GET", "POST", "PATCH", "PUT", "DELETE"}, e.Method, e.ID)
		assert.True(t, strings.HasPrefix(e.Path, "/"), e.ID)
		assert.Equal(t, e.Kind == reference.KindVariant, e.VariantOf != "", e.ID)
		assert.True(t, e.Source.File != "" && e.Source.From > 0 && e.Source.To >= e.Source.From, "%s: source %+v", e.ID, e.Source)
		if e.IdempotencyHeader == "" {
			assert.False(t, e.IdempotencyRequired, e.ID)
		}
		for _, x := range e.Examples {
			assert.True(t, json.Valid(x.JSON), "%s %s", e.ID, x.Name)
			assert.True(t, x.Source.From > 0 && x.Source.To >= x.Source.From, "%s %s: source %+v", e.ID, x.Name, x.Source)
			assert.Contains(t, []string{reference.ExampleRequest, reference.ExampleResponse, reference.ExampleError}, x.Kind, "%s %s", e.ID, x.Name)
		}
		// Every placeholder either is a documented path parameter or the
		// section documents none.
		if len(e.PathParams) > 0 {
			names := map[string]bool{}
			for _, p := range e.PathParams {
				names[p.Name] = true
			}
			for _, m := range placeholder.FindAllStringSubmatch(e.Path, -1) {
				assert.True(t, names[m[1]], "%s: {%s} is not among its path parameters", e.ID, m[1])
			}
		}
	}
	hooks := map[string]bool{}
	for _, w := range reference.Webhooks() {
		hooks[w.ID] = true
		assert.True(t, strings.HasPrefix(w.ID, w.Area+"."), w.ID)
		assert.True(t, w.Source.From > 0 && w.Source.To >= w.Source.From, "%s: source %+v", w.ID, w.Source)
		for _, by := range w.TriggeredBy {
			assert.True(t, ids[by], "%s is triggered by unknown %s", w.ID, by)
		}
	}
	for _, e := range eps {
		for _, w := range e.Webhooks {
			assert.True(t, hooks[w], "%s triggers unknown %s", e.ID, w)
		}
	}
}
