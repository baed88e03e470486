package xendittest_test

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// TestNewListensNowhere: a server from New has no URL, and its client
// calls it through Transport, faults included, inside a synctest bubble.
func TestNewListensNowhere(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := xendittest.New()
		defer srv.Close()
		assert.Empty(t, srv.URL)
		srv.SetBalance(xendittest.Account{Currency: "IDR"}, 42)
		c, err := srv.Client(xendit.WithRetryPolicy(xendit.RetryPolicy{}))
		require.NoError(t, err)
		b, err := balance.New(c).Get(t.Context(), nil)
		require.NoError(t, err)
		assert.Equal(t, 42.0, b.Balance)

		srv.InjectFault(xendittest.Fault{Path: "/balance", Drop: true})
		_, err = balance.New(c).Get(t.Context(), nil)
		assert.Error(t, err, "a dropped connection is an error, not an answer")

		// A delayed answer gives way to the caller's deadline, on the
		// bubble's clock.
		srv.InjectFault(xendittest.Fault{Path: "/balance", Delay: time.Hour})
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		start := time.Now()
		_, err = balance.New(c).Get(ctx, nil)
		assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
		assert.Equal(t, time.Minute, time.Since(start))
	})
}

// TestServerIsAHandler: mounted in another server, the fake answers there.
func TestServerIsAHandler(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	status, body := call(t, srv, "xnd_development_unknown", "GET", "/balance", "", nil)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "INVALID_API_KEY", body["error_code"])
	var h http.Handler = srv
	assert.NotNil(t, h)
}
