package xendittest_test

import (
	"context"
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

var noRetries = xendit.WithRetryPolicy(xendit.RetryPolicy{})

func TestRealRateLimitPastTheLimit(t *testing.T) {
	srv := xendittest.NewServer(xendittest.WithRateLimit(3, time.Minute))
	defer srv.Close()
	// A client that neither waits nor retries sees the server's answers as they are.
	c, err := srv.Client(noRetries, xendit.WithRateLimiting(xendit.RateLimitOff))
	require.NoError(t, err)
	bal := balance.New(c)
	for want := 2; want >= 0; want-- {
		var resp xendit.Response
		_, err := bal.Get(context.Background(), nil, xendit.CaptureResponse(&resp))
		require.NoError(t, err)
		assert.Equal(t, 3, resp.RateLimit.Limit)
		assert.Equal(t, want, resp.RateLimit.Remaining)
		assert.Greater(t, resp.RateLimit.Reset, 59*time.Second)
	}
	_, err = bal.Get(context.Background(), nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusTooManyRequests, xe.StatusCode)
	assert.Equal(t, xendit.CodeRateLimited, xe.Code)
	assert.Zero(t, xe.RateLimit.Remaining)

	// Another key has its own window.
	other := xendittest.NewServer(xendittest.WithSecretKeys("xnd_development_a", "xnd_development_b"), xendittest.WithRateLimit(1, time.Minute))
	defer other.Close()
	for _, key := range []string{"xnd_development_a", "xnd_development_b"} {
		c, err := xendit.New(key, xendit.WithBaseURL(other.URL), noRetries)
		require.NoError(t, err)
		_, err = balance.New(c).Get(context.Background(), nil)
		assert.NoError(t, err, key)
	}
}

func TestInjectedFaultsApplyInOrderThenStop(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 5)
	srv.InjectFault(xendittest.Fault{Path: "/balance", Status: 503, Times: 2})
	srv.InjectFault(xendittest.Fault{Path: "/balance", Drop: true})
	srv.InjectFault(xendittest.Fault{Path: "/other", Status: 500})
	// Without keep-alives: net/http itself re-sends a GET once when a reused
	// connection drops, which would hide the dropped connection from the SDK.
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	c, err := srv.Client(noRetries, xendit.WithHTTPClient(fresh))
	require.NoError(t, err)
	bal := balance.New(c)
	ctx := context.Background()

	for range 2 {
		_, err = bal.Get(ctx, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, 503, xe.StatusCode)
		assert.Equal(t, "SERVER_ERROR", xe.Code)
	}
	_, err = bal.Get(ctx, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Zero(t, xe.StatusCode, "dropped connection: no response")

	got, err := bal.Get(ctx, nil)
	require.NoError(t, err, "faults for other paths do not apply")
	assert.Equal(t, 5.0, got.Balance)
	assert.Len(t, srv.Requests(), 4)
}

func TestFaultsWithRetriesRecover(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	srv.InjectFault(xendittest.Fault{Status: 502, Body: "<html>bad gateway</html>", Times: 2})
	c, err := srv.Client(xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	require.NoError(t, err)
	var resp xendit.Response
	_, err = balance.New(c).Get(context.Background(), nil, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 3, resp.Attempts)
}

// TestDelayedFaultMeetsTheClientTimeout runs in memory, in a
// testing/synctest bubble: there the client's timeout passes on the
// bubble's clock, once the server holds the request, however loaded the
// machine is.
func TestDelayedFaultMeetsTheClientTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := xendittest.New()
		defer srv.Close()
		srv.InjectFault(xendittest.Fault{Delay: 2 * time.Second, Status: 200})
		c, err := srv.Client(noRetries, xendit.WithTimeout(50*time.Millisecond))
		require.NoError(t, err)
		_, err = balance.New(c).Get(context.Background(), nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Zero(t, xe.StatusCode)
	})
}

func TestUnknownEndpointIs404(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: xendit.Endpoint{ID: "x", Method: "GET", Path: "/nowhere"}}, nil)
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}
