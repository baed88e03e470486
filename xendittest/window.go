package xendittest

import (
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// FixedWindow is an http.Handler that plays a rate limit the way the
// Rate-Limit-* headers describe one: limit requests per secret key in fixed
// windows that start when the handler is made, Rate-Limit-Reset the
// fractional seconds left in the current window, and 429 RATE_LIMIT_EXCEEDED
// past the limit. Every other request gets 200 and an empty JSON object.
//
// It counts what it answered, per key and window, so that a test of a
// client's rate limiting can count what the server saw rather than what the
// client believes:
//
//	fw := xendittest.NewFixedWindow(50, time.Second)
//	srv := httptest.NewServer(fw)
//	// ... call through clients at srv.URL ...
//	for i, n := range fw.Counts(key) { fmt.Println(i, n.OK, n.Throttled) }
//
// Unlike [Server]'s sliding window, the whole limit comes back at once when
// a window ends.
type FixedWindow struct {
	limit  int
	window time.Duration
	start  time.Time

	mu     sync.Mutex
	counts map[string][]WindowCount // per key, per window index
}

// WindowCount is what a [FixedWindow] answered in one window.
type WindowCount struct {
	OK        int // answered 200
	Throttled int // answered 429
}

// NewFixedWindow returns a handler allowing limit requests per key in each
// window; its first window starts now.
func NewFixedWindow(limit int, window time.Duration) *FixedWindow {
	return &FixedWindow{limit: limit, window: window, start: time.Now(), counts: make(map[string][]WindowCount)}
}

// Start returns when window i (from 0) starts.
func (f *FixedWindow) Start(i int) time.Time { return f.start.Add(time.Duration(i) * f.window) }

// Counts returns what the handler answered to key, one entry per window
// from the first to the current one.
func (f *FixedWindow) Counts(key string) []WindowCount {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]WindowCount(nil), f.counts[key]...)
}

func (f *FixedWindow) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, _, ok := r.BasicAuth()
	if !ok {
		WriteError(w, http.StatusUnauthorized, "INVALID_API_KEY", "API key format is invalid")
		return
	}
	now := time.Now()
	i := int(now.Sub(f.start) / f.window)
	left := f.Start(i + 1).Sub(now)

	f.mu.Lock()
	counts := f.counts[key]
	for len(counts) <= i {
		counts = append(counts, WindowCount{})
	}
	n := &counts[i]
	admitted := n.OK < f.limit
	if admitted {
		n.OK++
	} else {
		n.Throttled++
	}
	remaining := f.limit - n.OK
	f.counts[key] = counts
	f.mu.Unlock()

	h := w.Header()
	h.Set("Rate-Limit-Limit", strconv.Itoa(f.limit))
	h.Set("Rate-Limit-Remaining", strconv.Itoa(remaining))
	// Rounded up, as Server does: an understated reset would send a client
	// into a window that is still full.
	h.Set("Rate-Limit-Reset", strconv.FormatFloat(math.Ceil(left.Seconds()*1000)/1000, 'f', 3, 64))
	if !admitted {
		WriteError(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED",
			"You have exceeded the rate limit for this endpoint. Please retry after the window resets")
		return
	}
	WriteJSON(w, http.StatusOK, struct{}{})
}

// Delayed serves h as over a network whose delays vary: request n (from 0)
// reaches h arrive(n) late, and its response comes back answer(n) late. A
// [FixedWindow] behind it counts a request in the window it arrives in and
// computes Rate-Limit-Reset then, so a test can play calls that reach the
// server after the window their client sent them in, and responses whose
// Reset has gone stale on the way back:
//
//	srv := httptest.NewServer(xendittest.Delayed(fw,
//		func(n int) time.Duration { return time.Duration(n%3/2) * 100 * time.Millisecond },
//		func(n int) time.Duration { return time.Duration(n%5/4) * 150 * time.Millisecond }))
func Delayed(h http.Handler, arrive, answer func(n int) time.Duration) http.Handler {
	var count atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(count.Add(1) - 1)
		time.Sleep(arrive(n))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		time.Sleep(answer(n))
		maps.Copy(w.Header(), rec.Header())
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
}
