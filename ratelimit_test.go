package xendit_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
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

func TestExhaustedWindowWaitsForTheResetWithoutSending(t *testing.T) {
	srv := xendittest.NewServer(xendittest.WithRateLimit(2, 300*time.Millisecond))
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	bal := balance.New(c)
	for i := range 5 {
		var resp xendit.Response
		_, err := bal.Get(context.Background(), nil, xendit.CaptureResponse(&resp))
		require.NoError(t, err, "call %d", i)
		assert.Equal(t, 1, resp.Attempts, "call %d was never answered 429", i)
	}
	assert.Len(t, srv.Requests(), 5, "calls waited instead of drawing 429s")
}

func TestDeadlineSoonerThanTheResetFailsAtOnceWithoutSending(t *testing.T) {
	srv := xendittest.NewServer(xendittest.WithRateLimit(1, 10*time.Second))
	defer srv.Close()
	c, err := srv.Client()
	require.NoError(t, err)
	bal := balance.New(c)
	_, err = bal.Get(context.Background(), nil)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err = bal.Get(ctx, nil)
	assert.Less(t, time.Since(start), time.Second, "failed at once instead of waiting for the deadline")
	assert.ErrorIs(t, err, xendit.ErrRateLimited)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Len(t, srv.Requests(), 1, "nothing was sent")
}

// exhausting answers every request with an exhausted window of 10 s.
func exhausting(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Rate-Limit-Limit", "60")
	w.Header().Set("Rate-Limit-Remaining", "0")
	w.Header().Set("Rate-Limit-Reset", "10")
	jsonReply(200, `{}`)(w, r)
}

func TestRateLimitMemoryIsPerKeyAndOperation(t *testing.T) {
	srv := newRecorder(t, exhausting)
	shared := xendit.NewRateLimitMemory()
	const otherKey = "xnd_development_another_merchant_key"
	a := srv.client(t, xendit.WithRateLimitMemory(shared))
	sameKey := srv.client(t, xendit.WithRateLimitMemory(shared))
	otherMemory := srv.client(t)
	otherAccount, err := xendit.New(otherKey, xendit.WithBaseURL(srv.URL), xendit.WithRateLimitMemory(shared))
	require.NoError(t, err)

	require.NoError(t, a.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil))
	assert.ErrorIs(t, quick(a, createBare), xendit.ErrRateLimited, "same key, same operation")
	assert.ErrorIs(t, quick(sameKey, createBare), xendit.ErrRateLimited, "another client sharing the memory and the key")
	assert.NoError(t, quick(a, getThing), "another operation has its own window")
	assert.NoError(t, quick(otherAccount, createBare), "another key has its own window")
	assert.NoError(t, quick(otherMemory, createBare), "a client with its own memory does not see the window")
	assert.Len(t, srv.requests(), 4)
}

func TestRateLimitOffStillSends(t *testing.T) {
	srv := newRecorder(t, exhausting)
	c := srv.client(t, xendit.WithRateLimiting(xendit.RateLimitOff))
	for range 3 {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil))
		cancel()
	}
	assert.Len(t, srv.requests(), 3)
}

func TestPacingSpreadsCallsOverTheWindow(t *testing.T) {
	// 5 requests left in 0.5 s: one every 100 ms.
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "5")
		w.Header().Set("Rate-Limit-Reset", "0.5")
		jsonReply(200, `{}`)(w, r)
	})
	// Each call may wait at most 50 ms for its turn; a paced call would wait
	// 100 ms, so it fails at once without sending.
	burst := func(c *xendit.Client) (throttled int) {
		for range 4 {
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			if err := c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil); errors.Is(err, xendit.ErrRateLimited) {
				throttled++
			}
			cancel()
		}
		return throttled
	}
	before := len(srv.requests())
	assert.Zero(t, burst(srv.client(t)), "without pacing a burst goes out at once")
	assert.Equal(t, before+4, len(srv.requests()))

	before = len(srv.requests())
	throttled := burst(srv.client(t, xendit.WithRateLimiting(xendit.RateLimitPace)))
	assert.Positive(t, throttled, "with pacing, calls that cannot wait their turn fail")
	assert.Equal(t, before+4-throttled, len(srv.requests()), "and send nothing")
}

func TestA429BlocksOtherCallsUntilTheReset(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "0")
		w.Header().Set("Rate-Limit-Reset", "10")
		jsonReply(429, `{"error_code":"RATE_LIMIT_EXCEEDED","message":"slow down"}`)(w, r)
	})
	c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{})) // no retries
	err := c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 10*time.Second, xe.RetryAfter)
	assert.Equal(t, xendit.RateLimit{Limit: 60, Remaining: 0, Reset: 10 * time.Second}, xe.RateLimit)

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	assert.ErrorIs(t, c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil), xendit.ErrRateLimited)
	assert.Len(t, srv.requests(), 1)
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
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil))
	assert.Len(t, srv.requests(), 2)
}

// quick calls e through c with half a second to spare: a call that would
// have to wait for a window's reset fails at once with ErrRateLimited.
func quick(c *xendit.Client, e xendit.Endpoint) error {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	return c.Do(ctx, &xendit.Request{Endpoint: e, PathParams: map[string]string{"id": "1"}}, nil)
}
