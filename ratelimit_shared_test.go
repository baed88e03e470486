package xendit_test

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// flakyBackend grants every ticket, and fails while down.
type flakyBackend struct {
	mu       sync.Mutex
	down     bool
	acquired []string // tried, in order, whether or not it failed
	released []string
}

var errBackendDown = errors.New("backend down")

func (b *flakyBackend) Acquire(_ context.Context, _ xendit.RateLimitKey, ticket string) (time.Duration, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.acquired = append(b.acquired, ticket)
	if b.down {
		return 0, errBackendDown
	}
	return 0, nil
}

func (b *flakyBackend) Release(_ context.Context, _ xendit.RateLimitKey, ticket string, _ *xendit.RateLimit) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.down {
		return errBackendDown
	}
	b.released = append(b.released, ticket)
	return nil
}

func (b *flakyBackend) setDown(down bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.down = down
}

func (b *flakyBackend) tickets() (acquired, released []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.acquired), slices.Clone(b.released)
}

// TestSharedMemoryFailsOpenAndHandsOverMissedReleases: while the backend
// fails, calls go out anyway and the fall back is logged; the backend is
// not asked again for 200 ms, and once it answers it gets the release of
// the ticket whose acquisition failed (it may have counted it).
func TestSharedMemoryFailsOpenAndHandsOverMissedReleases(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := newMemRecorder(jsonReply(200, `{}`))
		b := &flakyBackend{}
		var logs syncBuffer
		c := srv.client(t, xendit.WithRateLimitMemory(xendit.NewSharedRateLimitMemory(b, slog.New(slog.NewTextHandler(&logs, nil)))))
		call := func() error { return c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil) }

		require.NoError(t, call())
		b.setDown(true)
		require.NoError(t, call(), "a failing backend never stops a call")
		assert.Contains(t, logs.String(), "level=WARN msg=\"xendit: the shared rate-limit memory failed")
		acquired, released := b.tickets()
		require.Len(t, acquired, 2)
		missed := acquired[1]
		assert.NotContains(t, released, missed)

		b.setDown(false)
		time.Sleep(200*time.Millisecond - time.Nanosecond)
		require.NoError(t, call())
		acquired, _ = b.tickets()
		assert.Len(t, acquired, 2, "not asked again before 200 ms")
		assert.NotContains(t, logs.String(), "answers again")

		time.Sleep(time.Nanosecond)
		require.NoError(t, call())
		assert.Contains(t, logs.String(), "answers again")
		synctest.Wait() // the hand-over runs on a goroutine of its own
		_, released = b.tickets()
		assert.Contains(t, released, missed, "the failed acquisition's ticket is released once the backend answers")
		assert.Len(t, srv.requests(), 4)
	})
}
