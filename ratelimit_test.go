package xendit_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestRateLimitHeadersAreParsedOnEveryResponse(t *testing.T) {
	headers := map[string]string{"Rate-Limit-Limit": "600", "Rate-Limit-Remaining": "583", "Rate-Limit-Reset": "58.379"}
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		for k, v := range headers {
			w.Header().Set(k, v)
		}
		jsonReply(200, `{}`)(w, r)
	})
	c := srv.client(t)
	var resp xendit.Response
	require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: createBare,
		Options: []xendit.RequestOption{xendit.CaptureResponse(&resp)}}, nil))
	assert.Equal(t, xendit.RateLimit{Limit: 600, Remaining: 583, Reset: 58379 * time.Millisecond}, resp.RateLimit)
	assert.True(t, resp.RateLimit.Known())

	for _, bad := range []map[string]string{
		{"Rate-Limit-Limit": "600", "Rate-Limit-Remaining": "583"}, // no reset
		{"Rate-Limit-Limit": "x", "Rate-Limit-Remaining": "1", "Rate-Limit-Reset": "1"},
		{"Rate-Limit-Limit": "6", "Rate-Limit-Remaining": "-1", "Rate-Limit-Reset": "1"},
		{"Rate-Limit-Limit": "6", "Rate-Limit-Remaining": "1", "Rate-Limit-Reset": "NaN"},
		{"Rate-Limit-Limit": "6", "Rate-Limit-Remaining": "1", "Rate-Limit-Reset": "99999999"},
	} {
		headers = bad
		require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: createBare,
			Options: []xendit.RequestOption{xendit.CaptureResponse(&resp)}}, nil))
		assert.False(t, resp.RateLimit.Known(), "%v", bad)
	}
}

// TestExhaustedWindowWaitsForTheResetWithoutSending: two calls per 300 ms
// window; the third and fifth calls wait for the reset, exactly, and none
// is answered 429.
func TestExhaustedWindowWaitsForTheResetWithoutSending(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fw := xendittest.NewFixedWindow(2, 300*time.Millisecond)
		srv := newMemRecorder(fw.ServeHTTP)
		bal := balance.New(srv.client(t))
		start := time.Now()
		for i := range 5 {
			var resp xendit.Response
			_, err := bal.Get(context.Background(), nil, xendit.CaptureResponse(&resp))
			require.NoError(t, err, "call %d", i)
			assert.Equal(t, 1, resp.Attempts, "call %d was never answered 429", i)
		}
		ms := time.Millisecond
		assert.Equal(t, []time.Duration{0, 0, 300 * ms, 300 * ms, 600 * ms}, srv.offsets(start),
			"each call went out when its window opened, not before, not after")
	})
}

// TestDeadlineSoonerThanTheResetFailsAtOnceWithoutSending: one call per
// 10 s; a call that cannot wait the 10 s fails at once, one that can waits
// them exactly.
func TestDeadlineSoonerThanTheResetFailsAtOnceWithoutSending(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fw := xendittest.NewFixedWindow(1, 10*time.Second)
		srv := newMemRecorder(fw.ServeHTTP)
		bal := balance.New(srv.client(t))
		start := time.Now()
		_, err := bal.Get(context.Background(), nil)
		require.NoError(t, err)

		ctx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
		defer cancel()
		_, err = bal.Get(ctx, nil)
		assert.Zero(t, time.Since(start), "failed at once instead of waiting for the deadline")
		assert.ErrorIs(t, err, xendit.ErrRateLimited)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Len(t, srv.requests(), 1, "nothing was sent")

		ctx, cancel = context.WithTimeout(context.Background(), 11*time.Second)
		defer cancel()
		_, err = bal.Get(ctx, nil)
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{0, 10 * time.Second}, srv.offsets(start), "the call waited for the reset")
	})
}

// spentWindow answers status and body, with a window of 60 requests spent
// for reset seconds.
func spentWindow(reset string, status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "0")
		w.Header().Set("Rate-Limit-Reset", reset)
		jsonReply(status, body)(w, r)
	}
}

// exhausting answers every request 200 with an exhausted window of 10 s.
var exhausting = spentWindow("10", 200, `{}`)

// throttleFor answers 429 RATE_LIMIT_EXCEEDED with a window spent for
// reset seconds.
func throttleFor(reset string) http.HandlerFunc {
	return spentWindow(reset, 429, `{"error_code":"RATE_LIMIT_EXCEEDED"}`)
}

func TestRateLimitMemoryIsPerKeyAndOperation(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(exhausting)
		shared := xendit.NewRateLimitMemory()
		const otherKey = "xnd_development_another_merchant_key"
		a := srv.client(t, xendit.WithRateLimitMemory(shared))
		sameKey := srv.client(t, xendit.WithRateLimitMemory(shared))
		otherMemory := srv.client(t)
		otherAccount := memClientFor(t, otherKey, srv, xendit.WithRateLimitMemory(shared))

		require.NoError(t, a.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil))
		assert.ErrorIs(t, quick(a, createBare), xendit.ErrRateLimited, "same key, same operation")
		assert.ErrorIs(t, quick(sameKey, createBare), xendit.ErrRateLimited, "another client sharing the memory and the key")
		assert.NoError(t, quick(a, getThing), "another operation has its own window")
		assert.NoError(t, quick(otherAccount, createBare), "another key has its own window")
		assert.NoError(t, quick(otherMemory, createBare), "a client with its own memory does not see the window")
		assert.Len(t, srv.requests(), 4)
	})
}

func TestRateLimitOffStillSends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(exhausting)
		c := srv.client(t, xendit.WithRateLimiting(xendit.RateLimitOff))
		start := time.Now()
		for range 3 {
			require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil))
		}
		assert.Equal(t, []time.Duration{0, 0, 0}, srv.offsets(start), "no call waited for the 10 s window")
	})
}

// TestPacingSpreadsCallsOverTheWindow: each response says 5 requests are
// left in 0.5 s, so a paced client sends one every 100 ms. The pacer holds
// one call in reserve (a token bucket of one), so the call after the first
// goes at once: the 5 left go out at 0, 100, 200, 300 and 400 ms, inside
// the window.
func TestPacingSpreadsCallsOverTheWindow(t *testing.T) {
	fiveLeft := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "5")
		w.Header().Set("Rate-Limit-Reset", "0.5")
		jsonReply(200, `{}`)(w, r)
	}
	burst := func(c *xendit.Client, deadline time.Duration) (throttled int) {
		for range 4 {
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			if err := c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil); errors.Is(err, xendit.ErrRateLimited) {
				throttled++
			}
			cancel()
		}
		return throttled
	}
	ms := time.Millisecond
	cases := map[string]struct {
		mode      xendit.RateLimitMode
		deadline  time.Duration
		offsets   []time.Duration
		throttled int
	}{
		"without pacing a burst goes out at once": {xendit.RateLimitWait, time.Minute, []time.Duration{0, 0, 0, 0}, 0},
		"paced: one call every 100 ms":            {xendit.RateLimitPace, time.Minute, []time.Duration{0, 0, 100 * ms, 200 * ms}, 0},
		// A call that may wait 50 ms for its turn, and would have to wait
		// 100 ms, fails at once and sends nothing.
		"paced, with no time to wait": {xendit.RateLimitPace, 50 * ms, []time.Duration{0, 0}, 2},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				srv := newMemRecorder(fiveLeft)
				start := time.Now()
				assert.Equal(t, tc.throttled, burst(srv.client(t, xendit.WithRateLimiting(tc.mode)), tc.deadline))
				assert.Equal(t, tc.offsets, srv.offsets(start))
			})
		})
	}
}

func TestA429BlocksOtherCallsUntilTheReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(throttleFor("10"))
		c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{})) // no retries
		start := time.Now()
		err := c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Equal(t, 10*time.Second, xe.RetryAfter)
		assert.Equal(t, xendit.RateLimit{Limit: 60, Remaining: 0, Reset: 10 * time.Second}, xe.RateLimit)

		ctx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
		defer cancel()
		assert.ErrorIs(t, c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil), xendit.ErrRateLimited)
		assert.Zero(t, time.Since(start), "failed at once")
		assert.Error(t, c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil))
		assert.Equal(t, []time.Duration{0, 10 * time.Second}, srv.offsets(start), "the next call went out at the reset")
	})
}

// Jenius Pay answers 429 CHARGE_LIMIT_EXCEEDED after 3 tries per cashtag in
// 10 minutes: a business limit, not the API's rate limit.
func TestA429WithItsOwnCodeIsNotThrottling(t *testing.T) {
	var business atomic.Bool
	business.Store(true)
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "40")
		w.Header().Set("Rate-Limit-Reset", "30")
		if business.Load() {
			jsonReply(429, `{"error_code":"CHARGE_LIMIT_EXCEEDED","message":"Maximum of 3 request attempts to Jenius Pay per cashtag"}`)(w, r)
			return
		}
		jsonReply(200, `{}`)(w, r)
	})
	c := srv.client(t)
	err := c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "CHARGE_LIMIT_EXCEEDED", xe.Code, "the body survives the peek")
	assert.Equal(t, 1, xe.Attempts, "not retried: waiting does not lift the limit")
	assert.NotErrorIs(t, err, xendit.ErrRateLimited)
	assert.Len(t, srv.requests(), 1)

	// Other customers' charges on the same operation are not held back.
	business.Store(false)
	require.NoError(t, quick(c, createBare), "not held to the 30 s window")
	assert.Len(t, srv.requests(), 2)
}

// quick calls e through c with 9 s to spare: a call that would have to
// wait for a window's reset (10 s or more in these tests) fails at once
// with ErrRateLimited, and one on a real server that is answered at once
// has room to spare on a loaded machine (half a second was not always).
func quick(c *xendit.Client, e xendit.Endpoint) error {
	ctx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
	defer cancel()
	return c.Do(ctx, &xendit.Request{Endpoint: e, PathParams: map[string]string{"id": "1"}}, nil)
}
