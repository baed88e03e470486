// Package fake starts the xendittest server for the product packages' tests.
package fake

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Server starts a fake closed with the test and returns it with a client for
// it that retries by policy (none for the zero RetryPolicy, so each call is
// one request).
func Server(t testing.TB, policy xendit.RetryPolicy) (*xendittest.Server, *xendit.Client) {
	t.Helper()
	srv := xendittest.NewServer()
	t.Cleanup(srv.Close)
	c, err := srv.Client(xendit.WithRetryPolicy(policy))
	require.NoError(t, err)
	return srv, c
}
