package xendit_test

import (
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// docKey is the placeholder key printed in Xendit's authentication section;
// it is public documentation, not a credential.
const docKey = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw=="

// docAuthorization is the header the reference prints for docKey.
const docAuthorization = "Basic eG5kX2RldmVsb3BtZW50X1A0cURmT3NzME9DcGw4UnRLclJPSGphUVlOQ2s5ZE41bFNmaytSMWw5V2JlK3JTaUN3WjNqdz09Og=="

// fastRetry keeps retry waits in milliseconds so tests run quickly.
var fastRetry = xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond})

// seen is one request as a test server received it, and when, on the
// clock of the goroutine that served it (a synctest bubble's, for a
// memRecorder).
type seen struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   string
	At     time.Time
}

// requestLog records every request a test server receives.
type requestLog struct {
	mu   sync.Mutex
	reqs []seen
}

func (l *requestLog) record(req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	l.mu.Lock()
	l.reqs = append(l.reqs, seen{req.Method, req.URL.Path, req.URL.RawQuery, req.Header.Clone(), string(body), time.Now()})
	l.mu.Unlock()
}

func (l *requestLog) requests() []seen {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]seen(nil), l.reqs...)
}

// recorder is a real HTTP server that records every request and answers with
// the test's handler.
type recorder struct {
	*httptest.Server
	requestLog
}

func newRecorder(t *testing.T, h http.HandlerFunc) *recorder {
	t.Helper()
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.record(req)
		h(w, req)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) client(t *testing.T, opts ...xendit.Option) *xendit.Client {
	t.Helper()
	c, err := xendit.New(docKey, append([]xendit.Option{xendit.WithBaseURL(r.URL), fastRetry}, opts...)...)
	require.NoError(t, err)
	return c
}

func jsonReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// Endpoints used by the core tests, built as a caller reaching an untyped
// endpoint would build them.
var (
	getThing    = xendit.Endpoint{ID: "test.get", Method: http.MethodGet, Path: "/things/{id}"}
	createKeyed = xendit.Endpoint{ID: "test.create_keyed", Method: http.MethodPost, Path: "/things", IdempotencyHeader: "X-IDEMPOTENCY-KEY"}
	createBare  = xendit.Endpoint{ID: "test.create", Method: http.MethodPost, Path: "/things"}
	deleteThing = xendit.Endpoint{ID: "test.delete", Method: http.MethodDelete, Path: "/things/{id}"}
)

// poolOf trusts the test TLS server's certificate, and nothing else.
func poolOf(srv *httptest.Server) *x509.CertPool {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return pool
}
