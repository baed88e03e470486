package xendit

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimitMemory remembers, per secret key and operation, what the
// Rate-Limit-* headers said and how many calls are in flight. Each client
// has its own unless clients share one with [WithRateLimitMemory]; a memory
// from [NewSharedRateLimitMemory] is shared with other processes too.
//
// It holds one small entry per key and operation, and forgets an entry a
// minute after its window has passed, so an aggregator cycling through many
// keys keeps only those used lately. It is safe for concurrent use.
type RateLimitMemory struct {
	mu      sync.Mutex
	windows map[RateLimitKey]*window
	sweepAt time.Time // when to look for entries to forget next

	shared *sharedMemory // nil: this process only
}

// RateLimitKey names one remembered window: an account and an operation.
type RateLimitKey struct {
	// Account is a fingerprint of the secret key (the first 8 bytes of its
	// SHA-256, in hex); the key itself is never kept.
	Account string
	// Operation is the endpoint's ID, or "METHOD path" for an unnamed one.
	Operation string
}

// NewRateLimitMemory returns an empty memory to share between clients.
func NewRateLimitMemory() *RateLimitMemory {
	return &RateLimitMemory{windows: make(map[RateLimitKey]*window)}
}

// The numbers of the rate-limit rule. A [RateLimitBackend] applies the same
// rule with the same numbers.
const (
	// RateLimitPoll is how long a call waits before asking again when a
	// window has passed and its whole limit is in flight: the next response
	// says how much of the new window is left.
	RateLimitPoll = 10 * time.Millisecond
	// RateLimitKeep is how long an entry outlives its window, so that the
	// next window starts with the limit known rather than with every
	// waiting call at once.
	RateLimitKeep = time.Minute
)

// window is one (key, operation)'s memory: the last known limit and
// remaining requests, when the window they describe ends, and the calls in
// flight. The end lies between from and end: a response's Reset counts
// from a moment between its request's sending and its arrival. from is the
// latest earliest end of the window's responses; end, the latest latest end,
// is what calls wait for, so that a fall-back memory does not reopen a
// window sooner than the shared one would. An end of zero means nothing is
// known yet.
type window struct {
	limit, remaining int
	from, end        time.Time
	inflight         int
	pacer            *rate.Limiter // rate.Inf until a response teaches a pace
}

// wait is the rule for sending: 0 when a call may go now, otherwise how long
// to wait before asking again. A window has passed once its latest end has,
// so that no call meant for the next window reaches the server before it
// begins; calls still in flight then count against the next window.
func (w *window) wait(now time.Time) time.Duration {
	switch {
	case w.end.IsZero():
		return 0 // nothing known: send freely
	case now.Before(w.end):
		if w.remaining-w.inflight > 0 {
			return 0
		}
		return w.end.Sub(now)
	case w.limit == 0 || w.limit-w.inflight > 0:
		return 0 // the window has passed: a new one holds the whole limit
	default:
		return RateLimitPoll
	}
}

// learn is the rule for what a response says, its request sent at sent and
// its answer arriving at now. The window it describes ends between
// sent+Reset and now+Reset; how far inside depends on the network's delays,
// which grow and vary under load, so responses are told apart by these
// bounds, not by a tolerance. Responses arrive out of order: one whose
// window surely ends after the known one's latest end starts a newer
// window; one whose window surely ended before the known one's earliest end
// is late news of an older window and is ignored; any other is news of the
// same window, whose lowest Remaining is the latest. Windows are told apart rightly while each request reaches the
// server, and each response comes back, in less than half a window.
func (w *window) learn(seen RateLimit, sent, now time.Time) {
	from, end := sent.Add(seen.Reset), now.Add(seen.Reset)
	switch {
	case w.end.IsZero() || from.After(w.end):
		w.remaining, w.from, w.end = seen.Remaining, from, end
	case end.Before(w.from):
		return
	default:
		w.remaining = min(w.remaining, seen.Remaining)
		if from.After(w.from) {
			w.from = from
		}
		if end.After(w.end) {
			w.end = end
		}
	}
	if seen.Limit > 0 {
		w.limit = seen.Limit
	}
}

// entry returns key's window, making it if needed; m.mu is held. Making one
// now and then forgets those whose window passed more than RateLimitKeep ago
// and that have nothing in flight.
func (m *RateLimitMemory) entry(key RateLimitKey, now time.Time) *window {
	w := m.windows[key]
	if w != nil {
		return w
	}
	if now.After(m.sweepAt) {
		for k, old := range m.windows {
			if old.inflight == 0 && now.Sub(old.end) > RateLimitKeep {
				delete(m.windows, k)
			}
		}
		m.sweepAt = now.Add(RateLimitKeep)
	}
	w = &window{pacer: rate.NewLimiter(rate.Inf, 1)}
	m.windows[key] = w
	return w
}

// acquireLocal takes a slot in this process's memory, or says how long to
// wait.
func (m *RateLimitMemory) acquireLocal(key RateLimitKey, now time.Time) time.Duration {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.entry(key, now)
	wait := w.wait(now)
	if wait == 0 {
		w.inflight++
	}
	return wait
}

// releaseLocal ends a flight counted here (when counted) and learns seen
// (when learned), its request sent at sent.
func (m *RateLimitMemory) releaseLocal(key RateLimitKey, counted bool, seen RateLimit, learned bool, sent, now time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := m.entry(key, now)
	if counted && w.inflight > 0 {
		w.inflight--
	}
	if learned {
		w.learn(seen, sent, now)
	}
}

func (m *RateLimitMemory) pacer(key RateLimitKey) *rate.Limiter {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.entry(key, time.Now()).pacer
}

// acquire takes s's slot, in the shared memory when there is one that
// answers, or returns how long to wait before asking again.
func (m *RateLimitMemory) acquire(ctx context.Context, s *rateSlot) time.Duration {
	if m.shared != nil {
		if wait, ok := m.shared.acquire(ctx, s); ok {
			return wait
		}
	}
	wait := m.acquireLocal(s.key, time.Now())
	if wait == 0 {
		s.held = heldLocally
	}
	return wait
}

// release gives s's slot back to the memory that counted it, with what its
// response taught when learned. This process's memory learns every
// response, so that it knows the window should the shared one stop
// answering.
func (m *RateLimitMemory) release(ctx context.Context, s *rateSlot, seen RateLimit, learned bool) {
	if s.held == heldShared {
		m.shared.release(ctx, s, seen, learned)
	}
	m.releaseLocal(s.key, s.held == heldLocally, seen, learned, slotEpoch.Add(s.sent), time.Now())
	s.held = heldByNone
}
