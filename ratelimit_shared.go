package xendit

import (
	"context"
	"crypto/rand"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// RateLimitBackend keeps rate-limit windows where several processes see
// them, so that replicas sharing a secret key share one budget: what the
// Rate-Limit-* headers said and which calls are in flight.
// [github.com/seed19b1029f/xendit-go/redisstore.NewRateLimitMemory] keeps
// them in Redis.
//
// A backend applies the rule of [RateLimitWait] atomically: Acquire lets a
// call go while the last known Remaining less the calls in flight is above
// zero (or nothing is known, or the window has passed and the Limit has
// room; else it says to ask again after [RateLimitPoll]), and Release
// learns a response as [RateLimitMemory] does: the window it describes ends
// no earlier than Reset after the ticket was acquired and no later than
// Reset after the release, and a response is news of a newer, the same or
// an older window by these bounds. Its entries expire with their
// window ([RateLimitKeep] after it), and a ticket in flight expires on its
// own, so that a process that dies holding one does not hold it forever.
type RateLimitBackend interface {
	// Acquire counts a call on key as in flight under ticket and returns 0,
	// or counts nothing and returns how long to wait before asking again.
	Acquire(ctx context.Context, key RateLimitKey, ticket string) (time.Duration, error)
	// Release ends ticket's flight and, when seen is not nil, learns what
	// the response said (Reset counts from a moment between the ticket's
	// acquisition and now). Releasing an unknown or expired ticket still
	// learns seen, with no earliest end.
	Release(ctx context.Context, key RateLimitKey, ticket string, seen *RateLimit) error
}

// sharedRetry is how long a memory whose backend failed uses this process's
// memory alone before one call asks the backend again.
const sharedRetry = 200 * time.Millisecond

// maxPending bounds the releases kept for a backend that could not take
// them; past it the oldest are dropped and expire in the backend instead.
const maxPending = 4096

// NewSharedRateLimitMemory returns a memory kept in b, shared by every
// process using the same backend.
//
// Rate limiting must never stop payments, so the memory fails open: when b
// returns an error, calls fall back to this process's own memory (which
// learns every response all along), the fall back is logged as a warning on
// logger (slog.Default() when nil), and one call asks b again every 200 ms
// while the others go on locally. Releases b missed, and those of
// acquisitions that failed but may have happened, are given to it once it
// answers again.
func NewSharedRateLimitMemory(b RateLimitBackend, logger *slog.Logger) *RateLimitMemory {
	if logger == nil {
		logger = slog.Default()
	}
	m := NewRateLimitMemory()
	m.shared = &sharedMemory{b: b, log: logger, tickets: rand.Text()[:12] + "-"}
	return m
}

// sharedMemory calls a backend and remembers when it failed.
type sharedMemory struct {
	b       RateLimitBackend
	log     *slog.Logger
	tickets string // this memory's ticket prefix
	n       atomic.Uint64

	mu        sync.Mutex
	downUntil time.Time // zero while the backend answers
	probing   bool      // a call is asking a backend that failed
	pending   []pendingRelease
	flushing  bool
}

type pendingRelease struct {
	key    RateLimitKey
	ticket string
}

// up reports whether the backend should be asked now: always while it
// answers, and by one call at a time once sharedRetry has passed since it
// failed.
func (sm *sharedMemory) up() bool {
	sm.mu.Lock()
	defer sm.mu.Unlock()
	switch {
	case sm.downUntil.IsZero():
		return true
	case sm.probing || time.Now().Before(sm.downUntil):
		return false
	}
	sm.probing = true
	return true
}

// failed marks the backend down, logging only the first failure in a row.
func (sm *sharedMemory) failed(err error) {
	sm.mu.Lock()
	first := sm.downUntil.IsZero()
	sm.downUntil, sm.probing = time.Now().Add(sharedRetry), false
	sm.mu.Unlock()
	if first {
		sm.log.Warn("xendit: the shared rate-limit memory failed; using this process's memory until it answers",
			slog.String("error", err.Error()))
	}
}

// answered marks the backend up and hands it the releases it missed.
func (sm *sharedMemory) answered() {
	sm.mu.Lock()
	wasDown := !sm.downUntil.IsZero()
	sm.downUntil, sm.probing = time.Time{}, false
	flush := !sm.flushing && len(sm.pending) > 0
	sm.flushing = sm.flushing || flush
	sm.mu.Unlock()
	if wasDown {
		sm.log.Info("xendit: the shared rate-limit memory answers again")
	}
	if flush {
		go sm.flush()
	}
}

func (sm *sharedMemory) flush() {
	for {
		sm.mu.Lock()
		if len(sm.pending) == 0 || !sm.downUntil.IsZero() {
			sm.flushing = false
			sm.mu.Unlock()
			return
		}
		p := sm.pending[0]
		sm.pending = sm.pending[1:]
		sm.mu.Unlock()
		if err := sm.b.Release(context.Background(), p.key, p.ticket, nil); err != nil {
			sm.keep(p)
			sm.failed(err)
		}
	}
}

// keep remembers a release the backend did not take.
func (sm *sharedMemory) keep(p pendingRelease) {
	sm.mu.Lock()
	defer sm.mu.Unlock()
	if len(sm.pending) >= maxPending {
		sm.pending = sm.pending[1:]
	}
	sm.pending = append(sm.pending, p)
}

// acquire asks the backend for s's slot; false means it did not answer and
// the caller falls back to the local memory.
func (sm *sharedMemory) acquire(ctx context.Context, s *rateSlot) (time.Duration, bool) {
	if !sm.up() {
		return 0, false
	}
	ticket := sm.tickets + strconv.FormatUint(sm.n.Add(1), 36)
	wait, err := sm.b.Acquire(ctx, s.key, ticket)
	if err != nil {
		// The backend may have counted the ticket before the error: a
		// command that timed out can still run.
		sm.keep(pendingRelease{s.key, ticket})
		if ctx.Err() == nil {
			sm.failed(err)
		} else { // the caller gave up, not the backend: no verdict
			sm.mu.Lock()
			sm.probing = false
			sm.mu.Unlock()
		}
		return 0, false
	}
	sm.answered()
	if wait == 0 {
		s.held, s.ticket = heldShared, ticket
	}
	return wait, true
}

// release ends s's flight in the backend, or keeps it for later.
func (sm *sharedMemory) release(ctx context.Context, s *rateSlot, seen RateLimit, learned bool) {
	p := pendingRelease{s.key, s.ticket}
	if !sm.up() {
		sm.keep(p)
		return
	}
	var taught *RateLimit
	if learned {
		taught = &seen
	}
	if err := sm.b.Release(context.WithoutCancel(ctx), s.key, s.ticket, taught); err != nil {
		sm.keep(p)
		sm.failed(err)
		return
	}
	sm.answered()
}
