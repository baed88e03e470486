package xendit_test

import (
	"context"
	"net/http"
	"sync"
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

// saturate calls balance.Get from goroutines goroutines on each client until
// the server's window `until` starts, and returns every error a caller saw.
func saturate(clients []*xendit.Client, goroutines int, until time.Time) []error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for _, c := range clients {
		bal := balance.New(c)
		for range goroutines {
			wg.Go(func() {
				for time.Now().Before(until) {
					if _, err := bal.Get(context.Background(), nil); err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			})
		}
	}
	wg.Wait()
	return errs
}

// TestConcurrentCallsWasteNo429AfterTheFirstWindow runs 16 goroutines
// through one client against a server allowing 50 requests per one-second
// window, for five windows, and counts what the server answered. Once the
// first responses have taught the client the window, the calls in flight
// count against it, so none is answered 429; and each window is used to
// the last request, since the waiting calls go out the instant it opens.
func TestConcurrentCallsWasteNo429AfterTheFirstWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit, windows, goroutines = 50, 5, 16
		fw := xendittest.NewFixedWindow(limit, time.Second)
		c := memClient(t, fw)

		errs := saturate([]*xendit.Client{c}, goroutines, fw.Start(windows))
		assert.Empty(t, errs, "no caller sees an error")

		counts := fw.Counts(docKey)
		require.GreaterOrEqual(t, len(counts), windows)
		assert.Equal(t, limit, counts[0].OK, "the first window is used, at the price of 429s while the client learns it")
		for i, n := range counts[1:windows] {
			assert.Equal(t, xendittest.WindowCount{OK: limit}, n, "window %d: every request allowed, none answered 429", i+1)
		}
	})
}

// TestACallWithoutAResponseGivesItsSlotBack: the window has room for one
// call; a call whose connection drops must not keep that room.
func TestACallWithoutAResponseGivesItsSlotBack(t *testing.T) {
	var n atomic.Int32
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 2 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		w.Header().Set("Rate-Limit-Limit", "60")
		w.Header().Set("Rate-Limit-Remaining", "1")
		w.Header().Set("Rate-Limit-Reset", "10")
		jsonReply(200, `{}`)(w, r)
	})
	c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{}))
	get := func() error { return quick(c, createBare) }
	require.NoError(t, get(), "learns: one call left in a 10 s window")
	require.Error(t, get(), "the connection drops")
	assert.NoError(t, get(), "the dropped call's slot is free again")
	assert.Len(t, srv.requests(), 3)
}

// TestARetryWaitsForTheWindowLikeAnyCall: a 503 says the window is spent;
// the retry it earns is held to the window like a new call: a caller who
// cannot wait for the reset gets the rate-limit error and nothing more is
// sent, one who can sees the retry go out at the reset.
func TestARetryWaitsForTheWindowLikeAnyCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(spentWindow("10", 503, `{"error_code":"SERVER_ERROR","message":"try again"}`))
		c := srv.client(t, xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 1, MinWait: time.Second, MaxWait: time.Second}))
		get := &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
		defer cancel()
		assert.ErrorIs(t, c.Do(ctx, get, nil), xendit.ErrRateLimited)
		assert.Len(t, srv.requests(), 1, "the retry was not sent into a spent window")
		assert.LessOrEqual(t, time.Since(start), time.Second, "the call gave up once its backoff ended, without waiting for its deadline")

		var xe *xendit.Error
		require.ErrorAs(t, c.Do(context.Background(), get, nil), &xe)
		assert.Equal(t, 2, xe.Attempts)
		assert.Equal(t, []time.Duration{0, 10 * time.Second, 20 * time.Second}, srv.offsets(start),
			"the first attempt waited for the window, the retry for the next one")
	})
}

// TestUnevenDelaysWasteNo429AfterTheFirstWindow: as
// TestConcurrentCallsWasteNo429AfterTheFirstWindow, with some requests
// reaching the server 200 ms late and some responses coming back 150 ms
// late. A Reset read from a late response points past the window's end by
// the delay; the window ends no later than the earliest such pointer and no
// earlier than Reset after the request was sent, so a prompt response is
// still known as news of the same window, and a call sent near the end that
// reaches the server in the next window counts there, while in flight.
func TestUnevenDelaysWasteNo429AfterTheFirstWindow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit, windows, goroutines = 50, 5, 16
		fw := xendittest.NewFixedWindow(limit, time.Second)
		c := memClient(t, xendittest.Delayed(fw,
			func(n int) time.Duration { return time.Duration(n%3/2) * 200 * time.Millisecond },
			func(n int) time.Duration { return time.Duration(n%5/4) * 150 * time.Millisecond }))

		errs := saturate([]*xendit.Client{c}, goroutines, fw.Start(windows))
		assert.Empty(t, errs, "no caller sees an error")

		counts := fw.Counts(docKey)
		require.GreaterOrEqual(t, len(counts), windows)
		for i, n := range counts[1:windows] {
			assert.Equal(t, xendittest.WindowCount{OK: limit}, n, "window %d: every request allowed, none answered 429", i+1)
		}
	})
}
