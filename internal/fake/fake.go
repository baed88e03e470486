// Package fake starts the xendittest server for the product packages' tests,
// with the one retry policy those tests share, a receiver for its callbacks,
// the check of a params rule those tests share, and the tables that prove a
// create is not made twice after an ambiguous failure: [EachFault] (the
// failure strikes before the fake processes the request) and [EachLoss]
// (after: only the answer is lost).
//
// No test here times a client against the real clock: a timeout case runs
// inside a testing/synctest bubble ([Each]), where the client gives up only
// once its request has reached the fake. Give a client [xendit.WithTimeout]
// nowhere else.
package fake

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// NoRetries makes each call exactly one request, so a test counts what it
// sent.
var NoRetries = xendit.RetryPolicy{}

// FastRetries retries as the SDK does by default (twice) but waits
// milliseconds, so a test of a retried fault runs at once.
var FastRetries = xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: 5 * time.Millisecond}

// Server starts a fake closed with the test and returns it with a client for
// it that retries by policy ([NoRetries] or [FastRetries]).
func Server(t testing.TB, policy xendit.RetryPolicy) (*xendittest.Server, *xendit.Client) {
	t.Helper()
	srv := xendittest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(xendit.WithRetryPolicy(policy))
	require.NoError(t, err)
	return srv, c
}

// Delivery is one callback a [Callbacks] receiver accepted: the payload
// decoded into T, and the delivery's headers (webhook-id, ...).
type Delivery[T any] struct {
	Payload *T
	Header  http.Header
}

// Callbacks starts a webhook receiver closed with the test, built on the
// root package's handler so that deliveries are verified by token as in
// production, makes it the URL of srv's callbacks, and returns what it
// accepts, decoded into T.
func Callbacks[T any](t testing.TB, srv *xendittest.Server) <-chan Delivery[T] {
	t.Helper()
	out := make(chan Delivery[T], 16)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var payload T
		if err := e.Decode(&payload); err != nil {
			return err
		}
		out <- Delivery[T]{&payload, e.Header}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	receiver := httptest.NewServer(h)
	t.Cleanup(receiver.Close)
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})
	return out
}

// Next waits for the next delivery on callbacks, and fails the test if
// none arrives within 5 s.
func Next[T any](t testing.TB, callbacks <-chan Delivery[T]) Delivery[T] {
	t.Helper()
	select {
	case d := <-callbacks:
		return d
	case <-time.After(5 * time.Second):
		t.Fatal("no callback arrived")
		return Delivery[T]{}
	}
}

// Invalid checks the outcome of a params rule: that err is a
// [*xendit.ValidationError] naming field, or nil when field is "".
func Invalid(t testing.TB, err error, field string) {
	t.Helper()
	if field == "" {
		require.NoError(t, err)
		return
	}
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, field, ve.Field)
	assert.ErrorIs(t, err, xendit.ErrValidation)
}

// Count returns how many requests with method and path srv received: how a
// test proves a create was sent once.
func Count(srv *xendittest.Server, method, path string) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// AmbiguousFaults are the failures after which Xendit may have processed
// a request: a create without an idempotency header must not be repeated
// after any of them.
func AmbiguousFaults() map[string]xendittest.Fault {
	return map[string]xendittest.Fault{
		"503":                {Status: http.StatusServiceUnavailable},
		"502":                {Status: http.StatusBadGateway},
		"500":                {Status: http.StatusInternalServerError},
		"dropped connection": {Drop: true},
	}
}
