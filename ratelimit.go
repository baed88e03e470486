package xendit

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimit is what a response's Rate-Limit-* headers said.
type RateLimit struct {
	// Limit is the number of requests allowed in the window
	// (Rate-Limit-Limit).
	Limit int
	// Remaining is the number left in the current window
	// (Rate-Limit-Remaining).
	Remaining int
	// Reset is the time left in the current window (Rate-Limit-Reset, sent
	// as fractional seconds).
	Reset time.Duration
}

// Known reports whether the response carried the headers.
func (r RateLimit) Known() bool { return r != RateLimit{} }

// maxReset bounds a believable Rate-Limit-Reset; Xendit's windows are a
// minute long, and a larger value is treated as a malformed header.
const maxReset = time.Hour

// parseRateLimit reads the three headers; it reports false unless all three
// are present and sane.
func parseRateLimit(h http.Header) (RateLimit, bool) {
	limit, err1 := strconv.Atoi(h.Get("Rate-Limit-Limit"))
	remaining, err2 := strconv.Atoi(h.Get("Rate-Limit-Remaining"))
	reset, err3 := strconv.ParseFloat(h.Get("Rate-Limit-Reset"), 64)
	if err1 != nil || err2 != nil || err3 != nil || limit < 0 || remaining < 0 ||
		math.IsNaN(reset) || reset < 0 || reset > maxReset.Seconds() {
		return RateLimit{}, false
	}
	return RateLimit{Limit: limit, Remaining: remaining, Reset: time.Duration(reset * float64(time.Second))}, true
}

// RateLimitMode selects how a client uses the Rate-Limit-* headers.
type RateLimitMode int

const (
	// RateLimitWait (the default) sends freely until a response says the
	// window is exhausted (Remaining 0, or a 429); calls on that operation
	// then wait for the reset without sending.
	RateLimitWait RateLimitMode = iota
	// RateLimitPace does what RateLimitWait does and also spreads calls
	// evenly: each response sets the pace to Remaining requests over the
	// Reset time left, so a burst of calls does not empty the window early.
	RateLimitPace
	// RateLimitOff sends without waiting. The headers are still parsed into
	// Response.RateLimit, and 429s are still retried.
	RateLimitOff
)

// RateLimitMemory remembers, per secret key and operation, what the
// Rate-Limit-* headers said. Each client has its own unless clients share one
// with [WithRateLimitMemory]; it holds one small entry per key and operation
// used, and is safe for concurrent use.
type RateLimitMemory struct {
	mu  sync.Mutex
	ops map[opKey]*opLimit
}

type opKey struct{ account, operation string }

// NewRateLimitMemory returns an empty memory to share between clients.
func NewRateLimitMemory() *RateLimitMemory {
	return &RateLimitMemory{ops: make(map[opKey]*opLimit)}
}

func (m *RateLimitMemory) op(account, operation string) *opLimit {
	k := opKey{account, operation}
	m.mu.Lock()
	defer m.mu.Unlock()
	o := m.ops[k]
	if o == nil {
		o = &opLimit{pacer: rate.NewLimiter(rate.Inf, 1)}
		m.ops[k] = o
	}
	return o
}

// opLimit is one operation's remembered window.
type opLimit struct {
	mu           sync.Mutex
	blockedUntil time.Time
	pacer        *rate.Limiter // rate.Inf until a response teaches a pace
}

// rateLimitWaitError is returned when a call would have to wait for the
// window to reset beyond its context's deadline.
func rateLimitWaitError(operation string, d time.Duration) error {
	return fmt.Errorf("xendit: %s: rate limit window exhausted for %v more, past the context deadline: %w (%w)",
		operation, d.Round(time.Millisecond), ErrRateLimited, context.DeadlineExceeded)
}

// await blocks until the operation may send: until the remembered window
// resets, and in pacing mode until the pacer allows. It fails at once when
// the context's deadline comes first.
func (o *opLimit) await(ctx context.Context, mode RateLimitMode, operation string) error {
	if mode == RateLimitOff {
		return nil
	}
	o.mu.Lock()
	until := o.blockedUntil
	o.mu.Unlock()
	if d := time.Until(until); d > 0 {
		if dl, ok := ctx.Deadline(); ok && dl.Before(until) {
			return rateLimitWaitError(operation, d)
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("xendit: %s: waiting for the rate limit window: %w", operation, ctx.Err())
		case <-t.C:
		}
	}
	if mode == RateLimitPace {
		r := o.pacer.Reserve()
		d := r.Delay()
		if d == 0 {
			return nil
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
			r.Cancel()
			return rateLimitWaitError(operation, d)
		}
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			r.Cancel()
			return fmt.Errorf("xendit: %s: pacing for the rate limit: %w", operation, ctx.Err())
		case <-t.C:
		}
	}
	return nil
}

// throttled reports whether resp is the API's rate limit: a 429 whose
// error_code is RATE_LIMIT_EXCEEDED or absent. Another code on a 429 is a
// business limit, such as Jenius Pay's CHARGE_LIMIT_EXCEEDED (3 tries per
// cashtag in 10 minutes), which neither a retry nor the operation's window
// should treat as throttling. It reads the body and puts it back.
func throttled(resp *http.Response) bool {
	if resp.StatusCode != http.StatusTooManyRequests {
		return false
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	var ab apiErrorBody
	if json.Unmarshal(body, &ab) != nil {
		return true
	}
	return isThrottle(ab.ErrorCode)
}

// observe learns from one response: an exhausted window (Remaining 0, or
// the API's 429) blocks the operation until its reset; in pacing mode the
// pace becomes Remaining requests over the time left. A response that
// changes neither costs no lock.
func (o *opLimit) observe(resp *http.Response, throttled bool, mode RateLimitMode, now time.Time) RateLimit {
	rl, ok := parseRateLimit(resp.Header)
	if mode == RateLimitPace && ok && rl.Remaining > 0 && rl.Reset > 0 {
		o.pacer.SetLimitAt(now, rate.Limit(float64(rl.Remaining)/rl.Reset.Seconds()))
	}
	if throttled || (ok && rl.Remaining == 0) {
		wait, known := rl.Reset, ok
		if !known {
			wait, known = retryAfter(resp.Header)
		}
		if known {
			until := now.Add(min(wait, maxReset))
			o.mu.Lock()
			if until.After(o.blockedUntil) {
				o.blockedUntil = until
			}
			o.mu.Unlock()
		}
	}
	return rl
}
