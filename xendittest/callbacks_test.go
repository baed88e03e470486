package xendittest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/xendittest"
)

// inMemory is an http.Client that hands every request to h, with no
// socket, so callbacks run inside a synctest bubble.
func inMemory(h http.Handler) *http.Client {
	return &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result(), nil
	})}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// receiver records callbacks and answers them with statuses in turn (200
// once they run out).
type receiver struct {
	mu       sync.Mutex
	statuses []int
	got      []received
}

type received struct {
	at     time.Time
	path   string
	header http.Header
	body   map[string]any
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	_ = json.NewDecoder(r.Body).Decode(&body)
	rc.mu.Lock()
	rc.got = append(rc.got, received{time.Now(), r.URL.Path, r.Header.Clone(), body})
	status := http.StatusOK
	if len(rc.statuses) > 0 {
		status, rc.statuses = rc.statuses[0], rc.statuses[1:]
	}
	rc.mu.Unlock()
	w.WriteHeader(status)
}

func (rc *receiver) all() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.got...)
}

// call sends a JSON request to srv in memory as key, with extra headers.
func call(t *testing.T, srv *xendittest.Server, key, method, path, body string, header map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, "http://fake"+path, bytes.NewBufferString(body))
	require.NoError(t, err)
	req.SetBasicAuth(key, "")
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := (&http.Client{Transport: srv.Transport()}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

const shopeePay = `{"reference_id":"order-1","currency":"IDR","amount":1000,"checkout_method":"ONE_TIME_PAYMENT",` +
	`"channel_code":"ID_SHOPEEPAY","channel_properties":{"success_redirect_url":"https://shop.example/done"}}`

// TestRedeliveryFollowsXenditsSchedule runs under synctest with Xendit's
// real, uncompressed schedule: a receiver that fails twice gets the same
// webhook-id and body 15 and then 45 minutes later, and the test hook
// returns once it is delivered.
func TestRedeliveryFollowsXenditsSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rc := &receiver{statuses: []int{500, 503}}
		srv := xendittest.New(xendittest.WithCallbackClient(inMemory(rc)),
			xendittest.WithRedeliverySchedule(xendittest.XenditRedeliverySchedule...))
		defer srv.Close()
		srv.SetCallbacks("", xendittest.Callbacks{URL: "https://merchant.example/xendit"})
		status, ch := call(t, srv, xendittest.SecretKey, "POST", "/ewallets/charges", shopeePay, nil)
		require.Equal(t, http.StatusOK, status, ch)

		start := time.Now()
		require.NoError(t, srv.CompleteEWalletCharge(ch["id"].(string)))
		got := rc.all()
		require.Len(t, got, 3)
		assert.Equal(t, start, got[0].at)
		assert.Equal(t, 15*time.Minute, got[1].at.Sub(got[0].at))
		assert.Equal(t, 45*time.Minute, got[2].at.Sub(got[1].at))
		for _, g := range got {
			assert.Equal(t, got[0].header.Get("webhook-id"), g.header.Get("webhook-id"), "one webhook-id for every attempt")
			assert.Equal(t, xendittest.CallbackToken, g.header.Get("x-callback-token"))
			assert.Equal(t, "ewallet.capture", g.body["event"])
		}
		d := srv.Deliveries("")
		require.Len(t, d, 1)
		assert.Equal(t, []int{500, 503, 200}, d[0].Statuses)
		assert.True(t, d[0].Delivered && d[0].Done)
	})
}

// TestCallbacksGoToTheMerchantThatMadeTheObject: two secret keys and a
// sub-account, each with its own URL and token; each charge's callback
// goes to its own merchant only.
func TestCallbacksGoToTheMerchantThatMadeTheObject(t *testing.T) {
	t.Parallel()
	const keyA, keyB = "xnd_development_merchant_a", "xnd_development_merchant_b"
	rc := &receiver{}
	srv := xendittest.New(xendittest.WithSecretKeys(keyA, keyB), xendittest.WithCallbackClient(inMemory(rc)))
	defer srv.Close()
	srv.SetCallbacks(keyA, xendittest.Callbacks{URL: "https://a.example/cb", Token: "token-a"})
	srv.SetCallbacks("sub-1", xendittest.Callbacks{URL: "https://platform.example/other",
		Products: map[string]string{"ewallets": "https://platform.example/ewallets"}, Token: "token-sub"})

	charge := func(key string, header map[string]string) string {
		status, ch := call(t, srv, key, "POST", "/ewallets/charges", shopeePay, header)
		require.Equal(t, http.StatusOK, status, ch)
		return ch["id"].(string)
	}
	a := charge(keyA, nil)
	sub := charge(keyB, map[string]string{"for-user-id": "sub-1"})
	b := charge(keyB, nil)

	status, got := call(t, srv, keyB, "GET", "/ewallets/charges/"+a, "", nil)
	assert.Equal(t, http.StatusNotFound, status, "merchant B does not see A's charge: %v", got)

	for _, id := range []string{a, sub, b} {
		require.NoError(t, srv.CompleteEWalletCharge(id))
	}
	hooks := rc.all()
	require.Len(t, hooks, 2, "merchant B set no callbacks")
	assert.Equal(t, "/cb", hooks[0].path)
	assert.Equal(t, "token-a", hooks[0].header.Get("x-callback-token"))
	assert.Equal(t, a, hooks[0].body["data"].(map[string]any)["id"])
	assert.Equal(t, "/ewallets", hooks[1].path, "the product's own URL wins")
	assert.Equal(t, "token-sub", hooks[1].header.Get("x-callback-token"))
	assert.Equal(t, sub, hooks[1].body["data"].(map[string]any)["id"])
	assert.Len(t, srv.Deliveries(keyA), 1)
	assert.Len(t, srv.Deliveries("sub-1"), 1)
	assert.Empty(t, srv.Deliveries(keyB))
}

// TestManualClockHoldsReportsUntilAdvance: with WithClock, a report's
// delay passes only when the test says so.
func TestManualClockHoldsReportsUntilAdvance(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	rc := &receiver{}
	srv := xendittest.New(xendittest.WithClock(func() time.Time { return now }), xendittest.WithCallbackClient(inMemory(rc)))
	defer srv.Close()
	srv.SetReportDelay(time.Hour)
	srv.SetCallbacks("", xendittest.Callbacks{URL: "https://merchant.example/reports"})

	status, rep := call(t, srv, xendittest.SecretKey, "POST", "/reports",
		`{"type":"BALANCE_HISTORY","filter":{"from":"2024-04-30T10:00:00Z","to":"2024-05-01T09:00:00Z"}}`, nil)
	require.Equal(t, http.StatusCreated, status, rep)
	assert.Equal(t, "2024-05-01T10:00:00.000Z", rep["created"], "the server's clock stamps objects")
	id := rep["id"].(string)

	srv.Advance(59 * time.Minute)
	_, rep = call(t, srv, xendittest.SecretKey, "GET", "/reports/"+id, "", nil)
	assert.Equal(t, "PENDING", rep["status"])
	assert.Empty(t, rc.all())

	srv.Advance(time.Minute)
	require.NoError(t, srv.WaitDeliveries(t.Context(), ""))
	hooks := rc.all()
	require.Len(t, hooks, 1)
	assert.Equal(t, "reports.completed", hooks[0].body["event"])
	_, rep = call(t, srv, xendittest.SecretKey, "GET", "/reports/"+id, "", nil)
	assert.Equal(t, "COMPLETED", rep["status"])
	assert.Equal(t, "2024-05-01T11:00:00.000Z", rep["updated"])
}
