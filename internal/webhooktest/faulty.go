// Package webhooktest drives webhook handlers the way production breaks
// them: a dedupe store that fails, hangs or writes late on chosen calls,
// and a burst of concurrent deliveries that each retry, as Xendit does,
// until they are acknowledged. The root package's tests and redisstore's
// use it.
package webhooktest

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// Fault is what a [FaultyStore] does to one call.
type Fault int

// The faults.
const (
	// None passes the call through.
	None Fault = iota
	// Fail answers an error and changes nothing.
	Fail
	// Hang blocks until the caller's context ends, changes nothing, and
	// answers the context's error.
	Hang
	// Late blocks until the caller's context ends and answers its error,
	// then makes the call anyway: a command that sat in a socket while
	// the server was paused, and ran after the client gave up.
	Late
	// Lost makes the call and answers an error: the write happened, the
	// reply was lost.
	Lost
)

// ErrInjected is the error of Fail and Lost.
var ErrInjected = errors.New("webhooktest: injected store fault")

// Op names a [xendit.DedupeStore] method.
type Op string

// The store's methods.
const (
	OpClaim   Op = "Claim"
	OpDone    Op = "Done"
	OpRelease Op = "Release"
)

// FaultyStore wraps a store and injects the fault Plan chooses for each
// call; n counts the calls of op from 1.
type FaultyStore struct {
	xendit.DedupeStore
	Plan func(op Op, n int64) Fault
	// LateDelay is how long after the caller gave up a Late call runs.
	LateDelay time.Duration

	calls  [3]atomic.Int64
	faults atomic.Int64
	late   sync.WaitGroup
}

// Faults reports how many calls were given a fault.
func (s *FaultyStore) Faults() int64 { return s.faults.Load() }

// Wait waits for the Late calls still to run.
func (s *FaultyStore) Wait() { s.late.Wait() }

func (s *FaultyStore) fault(op Op) Fault {
	i := map[Op]int{OpClaim: 0, OpDone: 1, OpRelease: 2}[op]
	n := s.calls[i].Add(1)
	if s.Plan == nil {
		return None
	}
	f := s.Plan(op, n)
	if f != None {
		s.faults.Add(1)
	}
	return f
}

// inject runs call as fault f says; it reports whether call ran and what
// to answer.
func (s *FaultyStore) inject(ctx context.Context, f Fault, call func(context.Context) error) error {
	switch f {
	case Fail:
		return ErrInjected
	case Hang:
		<-ctx.Done()
		return ctx.Err()
	case Late:
		<-ctx.Done()
		s.late.Add(1)
		go func() {
			defer s.late.Done()
			time.Sleep(s.LateDelay)
			_ = call(context.Background())
		}()
		return ctx.Err()
	case Lost:
		if err := call(ctx); err != nil {
			return err
		}
		return ErrInjected
	}
	return call(ctx)
}

// Claim implements [xendit.DedupeStore].
func (s *FaultyStore) Claim(ctx context.Context, id, owner string, lease time.Duration) (xendit.ClaimResult, error) {
	var r xendit.ClaimResult
	err := s.inject(ctx, s.fault(OpClaim), func(ctx context.Context) error {
		var err error
		r, err = s.DedupeStore.Claim(ctx, id, owner, lease)
		return err
	})
	if err != nil {
		return 0, err
	}
	return r, nil
}

// Done implements [xendit.DedupeStore].
func (s *FaultyStore) Done(ctx context.Context, id, owner string, ttl time.Duration) error {
	return s.inject(ctx, s.fault(OpDone), func(ctx context.Context) error {
		return s.DedupeStore.Done(ctx, id, owner, ttl)
	})
}

// Release implements [xendit.DedupeStore].
func (s *FaultyStore) Release(ctx context.Context, id, owner string) error {
	return s.inject(ctx, s.fault(OpRelease), func(ctx context.Context) error {
		return s.DedupeStore.Release(ctx, id, owner)
	})
}
