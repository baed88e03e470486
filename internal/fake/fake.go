// Package fake starts the xendittest server for the product packages' tests,
// with the one retry policy those tests share.
package fake

import (
	"testing"
	"time"

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
