package xendit_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
)

// memBaseURL is where clients of an in-memory server send: nothing
// resolves it, as nothing dials it.
const memBaseURL = "https://api.xendit.test"

// memClient returns a client for docKey that serves its requests with h in
// memory (no socket), so that it runs inside a testing/synctest bubble: its
// backoff, rate-limit and timeout waits pass on the bubble's clock, and a
// test can assert how long each one was to the nanosecond. It keeps the
// default retry policy unless opts say otherwise: in a bubble the real
// numbers cost nothing.
func memClient(t *testing.T, h http.Handler, opts ...xendit.Option) *xendit.Client {
	t.Helper()
	return memClientFor(t, docKey, h, opts...)
}

func memClientFor(t *testing.T, key string, h http.Handler, opts ...xendit.Option) *xendit.Client {
	t.Helper()
	c, err := xendit.New(key, append([]xendit.Option{xendit.WithBaseURL(memBaseURL),
		xendit.WithHTTPClient(&http.Client{Transport: memtransport.New(h)})}, opts...)...)
	require.NoError(t, err)
	return c
}

// memRecorder is recorder without a socket: it records every request, with
// the bubble's time it arrived, and answers with the test's handler.
type memRecorder struct {
	requestLog
	h http.HandlerFunc
}

func newMemRecorder(h http.HandlerFunc) *memRecorder { return &memRecorder{h: h} }

func (r *memRecorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.record(req)
	r.h(w, req)
}

func (r *memRecorder) client(t *testing.T, opts ...xendit.Option) *xendit.Client {
	t.Helper()
	return memClient(t, r, opts...)
}

// offsets returns when each request arrived, counted from start.
func (r *memRecorder) offsets(start time.Time) []time.Duration {
	var d []time.Duration
	for _, s := range r.requests() {
		d = append(d, s.At.Sub(start))
	}
	return d
}
