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
	// RateLimitWait (the default) sends a call only while the last known
	// Remaining, less the calls already in flight on the operation, is above
	// zero; the others wait for the window's reset without sending. A 429
	// exhausts the window too. Before any response has carried the headers,
	// calls go out freely.
	RateLimitWait RateLimitMode = iota
	// RateLimitPace does what RateLimitWait does and also spreads calls
	// evenly: each response sets the pace to Remaining requests over the
	// Reset time left, so a burst of calls does not empty the window early.
	RateLimitPace
	// RateLimitOff sends without waiting. The headers are still parsed into
	// Response.RateLimit, and 429s are still retried.
	RateLimitOff
)

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

// rateSlot is one call's place in its operation's window: taken before each
// attempt is sent, given back when the attempt's response arrives (or, when
// none does, before the next attempt and when the call ends).
type rateSlot struct {
	m      *RateLimitMemory
	key    RateLimitKey
	held   holder
	ticket string        // the shared memory's name for the slot
	sent   time.Duration // since slotEpoch, when the attempt was let go: its window ends no earlier than Reset after
}

// slotEpoch is the origin of rateSlot.sent, which takes 8 bytes where a
// time.Time takes 24, keeping a call in its allocation's size class.
var slotEpoch = time.Now()

// holder says which memory counts a slot as in flight.
type holder uint8

const (
	heldByNone holder = iota
	heldLocally
	heldShared
)

// slot returns a call's (not yet taken) place on account's operation.
func (m *RateLimitMemory) slot(account, operation string) rateSlot {
	return rateSlot{m: m, key: RateLimitKey{Account: account, Operation: operation}}
}

// rateLimitWaitError is returned when a call would have to wait for the
// window to reset beyond its context's deadline.
func rateLimitWaitError(operation string, d time.Duration) error {
	return fmt.Errorf("xendit: %s: rate limit window exhausted for %v more, past the context deadline: %w (%w)",
		operation, d.Round(time.Millisecond), ErrRateLimited, context.DeadlineExceeded)
}

// sleep waits d, or fails at once when the context ends first or its
// deadline comes before d is over.
func sleep(ctx context.Context, d time.Duration, operation, why string) error {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d {
		return rateLimitWaitError(operation, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("xendit: %s: %s: %w", operation, why, ctx.Err())
	case <-t.C:
		return nil
	}
}

// await blocks until the call may send an attempt, and takes its slot: in
// pacing mode first until the pacer allows, then until the window has room.
// A slot the previous attempt still holds (it got no response) is given back
// first.
func (s *rateSlot) await(ctx context.Context, mode RateLimitMode, operation string) error {
	s.done(ctx)
	if mode == RateLimitOff {
		s.sent = time.Since(slotEpoch)
		return nil
	}
	if mode == RateLimitPace {
		r := s.m.pacer(s.key).Reserve()
		if d := r.Delay(); d > 0 {
			if err := sleep(ctx, d, operation, "pacing for the rate limit"); err != nil {
				r.Cancel()
				return err
			}
		}
	}
	for {
		wait := s.m.acquire(ctx, s)
		if wait == 0 {
			s.sent = time.Since(slotEpoch)
			return nil
		}
		if err := sleep(ctx, wait, operation, "waiting for the rate limit window"); err != nil {
			return err
		}
	}
}

// observe gives the slot back with what the response taught: its
// Rate-Limit-* headers, and for the API's 429 an exhausted window until the
// reset (or Retry-After). It returns the parsed headers.
func (s *rateSlot) observe(ctx context.Context, resp *http.Response, throttled bool, mode RateLimitMode) RateLimit {
	rl, ok := parseRateLimit(resp.Header)
	seen := rl
	if throttled {
		seen.Remaining = 0
		if !ok {
			seen.Reset, ok = retryAfter(resp.Header)
		}
	}
	seen.Reset = min(seen.Reset, maxReset)
	s.m.release(ctx, s, seen, ok)
	if mode == RateLimitPace && ok && rl.Remaining > 0 && rl.Reset > 0 {
		s.m.pacer(s.key).SetLimit(rate.Limit(float64(rl.Remaining) / rl.Reset.Seconds()))
	}
	return rl
}

// done gives back a slot no response has released.
func (s *rateSlot) done(ctx context.Context) {
	if s.held != heldByNone {
		s.m.release(ctx, s, RateLimit{}, false)
	}
}

// prepareRetry takes the slot for a retry, after go-retryablehttp's backoff:
// a retry counts against the window like any attempt.
func prepareRetry(r *http.Request) error {
	k := callFrom(r.Context())
	return k.limit.await(r.Context(), k.c.rateMode, k.op)
}
