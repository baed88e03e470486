package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// output is an io.Writer for a command's stdout or stderr that tells when
// its first line is written (serve's URL).
type output struct {
	mu        sync.Mutex
	buf       bytes.Buffer
	firstLine chan struct{}
	once      sync.Once
}

func newOutput() *output { return &output{firstLine: make(chan struct{})} }

func (o *output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	n, err := o.buf.Write(p)
	if bytes.Contains(o.buf.Bytes(), []byte("\n")) {
		o.once.Do(func() { close(o.firstLine) })
	}
	return n, err
}

func (o *output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// served is a serve subcommand running in-process on a free loopback port.
type served struct {
	url            string
	stdout, stderr *output
	stop           func() int // cancels serve's context and returns its exit status
}

func startServe(t *testing.T, args ...string) *served {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	s := &served{stdout: newOutput(), stderr: newOutput()}
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), s.stdout, s.stderr)
	}()
	select {
	case <-s.stdout.firstLine:
	case code := <-exit:
		cancel()
		t.Fatalf("serve exited with %d: %s", code, s.stderr)
	}
	s.url = regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(s.stdout.String())
	require.NotEmpty(t, s.url, s.stdout.String())
	var once sync.Once
	var code int
	s.stop = func() int {
		once.Do(func() { cancel(); code = <-exit })
		return code
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// call makes a request as a service in another language would: plain HTTP
// with Basic Auth.
func call(t *testing.T, method, url, key, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.SetBasicAuth(key, "")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	require.NoError(t, json.Unmarshal(b, &out), string(b))
	return resp.StatusCode, out
}

// reportBody asks for a report, which the fake completes at once and
// announces with a reports.completed callback.
const reportBody = `{"type":"BALANCE_HISTORY","filter":{"from":"2026-01-01T00:00:00Z","to":"2026-01-02T00:00:00Z"}}`

const customerBody = `{"reference_id":"ref-1","type":"INDIVIDUAL","individual_detail":{"given_names":"Ann"}}`

func TestServeCreatesAndGetsOverHTTPAndStopsCleanly(t *testing.T) {
	t.Parallel()
	s := startServe(t)
	assert.Contains(t, s.stdout.String(), "secret key: "+defaultSecretKey, "the default key is printed for other languages to use")

	status, created := call(t, http.MethodPost, s.url+"/customers", defaultSecretKey, customerBody)
	require.Equal(t, http.StatusOK, status, created)
	id, _ := created["id"].(string)
	require.NotEmpty(t, id)

	status, got := call(t, http.MethodGet, s.url+"/customers/"+id, defaultSecretKey, "")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "ref-1", got["reference_id"])

	status, denied := call(t, http.MethodGet, s.url+"/customers/"+id, "xnd_development_other", "")
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, xendit.CodeInvalidAPIKey, denied["error_code"])

	assert.Equal(t, 0, s.stop())
	assert.Contains(t, s.stderr.String(), "xendit-mock: stopped")
	_, err := http.Get(s.url + "/balance")
	assert.Error(t, err, "nothing listens after the stop")
}

func TestServeAcceptsOnlyTheGivenKeysAndNeverLogsThem(t *testing.T) {
	t.Parallel()
	const key1, key2 = "xnd_development_merchant_one", "xnd_development_merchant_two"
	s := startServe(t, "-key", key1, "-key", key2, "-v")
	var ids []string
	for _, key := range []string{key1, key2} {
		status, created := call(t, http.MethodPost, s.url+"/customers", key, customerBody)
		assert.Equal(t, http.StatusOK, status, "each key is a merchant: one reference_id each")
		id, _ := created["id"].(string)
		ids = append(ids, id)
	}
	status, _ := call(t, http.MethodGet, s.url+"/customers/"+ids[0], key2, "")
	assert.Equal(t, http.StatusNotFound, status, "a merchant does not see another's customers")
	status, _ = call(t, http.MethodGet, s.url+"/balance", defaultSecretKey, "")
	assert.Equal(t, http.StatusUnauthorized, status, "the default key is not accepted once -key is given")

	s.stop()
	log := s.stderr.String()
	assert.Contains(t, log, "POST /customers 200")
	assert.Contains(t, log, "key=#2")
	assert.Contains(t, log, "GET /balance 401")
	for _, key := range []string{key1, key2, defaultSecretKey} {
		assert.NotContains(t, log, key)
		assert.NotContains(t, s.stdout.String(), key)
	}
}

func TestServeRateLimits(t *testing.T) {
	t.Parallel()
	s := startServe(t, "-rate-limit", "2", "-rate-window", "1h")
	for range 2 {
		status, _ := call(t, http.MethodGet, s.url+"/balance", defaultSecretKey, "")
		assert.Equal(t, http.StatusOK, status)
	}
	status, out := call(t, http.MethodGet, s.url+"/balance", defaultSecretKey, "")
	assert.Equal(t, http.StatusTooManyRequests, status)
	assert.Equal(t, xendit.CodeRateLimited, out["error_code"])
}

func TestServeInjectsFaults(t *testing.T) {
	t.Parallel()
	s := startServe(t, "-fault", "503 GET /balance", "-fault", "drop POST /customers", "-fault", "500@0 GET")
	status, out := call(t, http.MethodGet, s.url+"/balance", defaultSecretKey, "")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	assert.Equal(t, "CHANNEL_UNAVAILABLE", out["error_code"])

	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, s.url+"/customers", strings.NewReader(customerBody))
	req.SetBasicAuth(defaultSecretKey, "")
	_, err := http.DefaultClient.Do(req)
	assert.Error(t, err, "the connection is dropped without an answer")

	status, _ = call(t, http.MethodGet, s.url+"/transactions", defaultSecretKey, "")
	assert.Equal(t, http.StatusOK, status, "a fault with fraction 0 never fires, and the others do not match")
}

// The fake's own callbacks reach a receiver set with -callback-url and
// -callback-token, verified by the SDK's webhook handler.
func TestServeDeliversTheFakesCallbacks(t *testing.T) {
	t.Parallel()
	const token = "merchant-callback-token"
	r := newReceiver(t, token)
	s := startServe(t, "-callback-url", r.url, "-callback-token", token)
	assert.NotContains(t, s.stdout.String(), token, "a token given by the user is not printed")
	status, report := call(t, http.MethodPost, s.url+"/reports", defaultSecretKey, reportBody)
	require.Equal(t, http.StatusCreated, status, report)

	e := r.next(t)
	assert.Equal(t, "reports.completed", e.Event)
	assert.NotEmpty(t, e.ID, "webhook-id")
	assert.Contains(t, string(e.Body), report["id"].(string))
}

// -callback-url KEY=URL and -callback-token KEY=TOKEN give one merchant its
// own callbacks; the others keep the URL given without KEY=.
func TestServeSendsEachMerchantsCallbacksToItsOwnURL(t *testing.T) {
	t.Parallel()
	const key1, key2, token2 = "xnd_development_merchant_one", "xnd_development_merchant_two", "token-of-two"
	r1, r2 := newReceiver(t, defaultCallbackToken), newReceiver(t, token2)
	s := startServe(t, "-key", key1, "-key", key2, "-callback-url", r1.url,
		"-callback-url", key2+"="+r2.url, "-callback-token", key2+"="+token2)
	assert.NotContains(t, s.stdout.String(), key2)

	_, report1 := call(t, http.MethodPost, s.url+"/reports", key1, reportBody)
	_, report2 := call(t, http.MethodPost, s.url+"/reports", key2, reportBody)
	assert.Contains(t, string(r1.next(t).Body), report1["id"].(string))
	assert.Contains(t, string(r2.next(t).Body), report2["id"].(string))
}

func TestServeRejectsBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-fault", "302"},
		{"-fault", "503@2"},
		{"-fault", "delay=soon"},
		{"-rate-limit", "5", "-rate-window", "0s"},
		{"-callback-url", "ftp://example.com"},
		{"-callback-token", "a-token-with-nowhere-to-go"},
		{"-key", "has:colon"},
		{"-snap-public-key", "/nonexistent/key.pem"},
		{"unexpected"},
	} {
		stderr := newOutput()
		code := run(t.Context(), append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), io.Discard, stderr)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
	}
}

func TestParseFault(t *testing.T) {
	t.Parallel()
	f, err := parseFault("drop@0.25 post /ewallets/charges/*")
	require.NoError(t, err)
	assert.True(t, f.drop)
	assert.Equal(t, 0.25, f.fraction)
	assert.Equal(t, "POST", f.method)

	match := func(method, path string) bool {
		return f.matches(httptest.NewRequest(method, path, nil))
	}
	assert.True(t, match("POST", "/ewallets/charges/ewc_1"))
	assert.False(t, match("GET", "/ewallets/charges/ewc_1"))
	assert.False(t, match("POST", "/ewallets/charges"))

	f, err = parseFault("delay=1500ms")
	require.NoError(t, err)
	assert.Equal(t, 1.0, f.fraction)
	assert.EqualValues(t, 1500_000_000, f.delay)
}
