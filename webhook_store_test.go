package xendit_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func newMemoryStore(t testing.TB, max int) *xendit.MemoryDedupeStore {
	t.Helper()
	s, err := xendit.NewMemoryDedupeStore(max)
	require.NoError(t, err)
	return s
}

// TestMemoryDedupeStoreContract runs the contract in a bubble, where its
// wait for a lease to run out passes on the fake clock.
func TestMemoryDedupeStoreContract(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		xendittest.TestDedupeStore(t, newMemoryStore(t, 1000), time.Sleep)
	})
}

func TestMemoryDedupeStoreNeverKeepsWithoutExpiry(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 10)
	for _, ttl := range []time.Duration{0, -time.Second, time.Microsecond} {
		_, err := s.Claim(ctx, "a", "owner", ttl)
		require.Error(t, err, "Claim ttl %v", ttl)
		require.Error(t, s.Done(ctx, "a", "owner", ttl), "Done ttl %v", ttl)
	}
	assert.Zero(t, s.Len())
	_, err := s.Claim(ctx, "a", "", time.Minute)
	assert.Error(t, err, "a claim without an owner could never be released")

	_, err = xendit.NewMemoryDedupeStore(0)
	require.Error(t, err)
}

func TestMemoryDedupeStoreExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		s := newMemoryStore(t, 10)
		claim := func(id, owner string) xendit.ClaimResult {
			r, err := s.Claim(ctx, id, owner, time.Minute)
			require.NoError(t, err)
			return r
		}
		require.Equal(t, xendit.ClaimAcquired, claim("lease", "p1"))
		require.Equal(t, xendit.ClaimAcquired, claim("done", "p1"))
		require.NoError(t, s.Done(ctx, "done", "p1", 72*time.Hour), "Done extends the claim")

		time.Sleep(time.Minute - time.Millisecond)
		assert.Equal(t, xendit.ClaimInProgress, claim("lease", "p2"), "claim before the lease ends")

		time.Sleep(time.Millisecond)
		assert.Equal(t, xendit.ClaimAcquired, claim("lease", "p2"), "an expired claim is up for grabs: a process died while handling it")
		assert.Equal(t, xendit.ClaimDone, claim("done", "p2"), "a done id outlives the lease")

		time.Sleep(72 * time.Hour)
		assert.Equal(t, xendit.ClaimAcquired, claim("done", "p3"), "a done id is forgotten after its TTL")
		assert.Equal(t, 1, s.Len(), "the expired lease was dropped, not piled up")
	})
}

func TestMemoryDedupeStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 3)
	for i := range 5 {
		r, err := s.Claim(ctx, fmt.Sprint(i), "owner", time.Hour)
		require.NoError(t, err)
		require.Equal(t, xendit.ClaimAcquired, r)
	}
	assert.Equal(t, 3, s.Len())
	for i, wantHeld := range []bool{false, false, true, true, true} {
		r, _ := s.Claim(ctx, fmt.Sprint(i), "other", time.Hour)
		if wantHeld {
			assert.Equal(t, xendit.ClaimInProgress, r, "id %d is among the newest and still held", i)
		} else {
			assert.Equal(t, xendit.ClaimAcquired, r, "id %d was the oldest and was forgotten", i)
			break // claiming it again evicts the next oldest
		}
	}
	assert.Equal(t, 3, s.Len())
}

// TestMemoryDedupeStoreReleasesDoNotEvict: ids claimed and released many
// times leave stale places in the store's order; they must not push out an
// id that is still held while the store has room.
func TestMemoryDedupeStoreReleasesDoNotEvict(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 3)
	r, _ := s.Claim(ctx, "held", "p", time.Hour)
	require.Equal(t, xendit.ClaimAcquired, r)
	for i := range 100 {
		owner := fmt.Sprint("o", i)
		r, err := s.Claim(ctx, "flapping", owner, time.Hour)
		require.NoError(t, err)
		require.Equal(t, xendit.ClaimAcquired, r)
		require.NoError(t, s.Release(ctx, "flapping", owner))
	}
	r, _ = s.Claim(ctx, "held", "q", time.Hour)
	assert.Equal(t, xendit.ClaimInProgress, r, "the held id was evicted by stale entries")
	assert.Equal(t, 1, s.Len())
}

func TestMemoryDedupeStoreOneWinnerUnderConcurrency(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 1000)
	var wins [20]atomic.Int32
	var wg sync.WaitGroup
	for g := range 64 {
		wg.Go(func() {
			owner := fmt.Sprint("g", g)
			for id := range len(wins) {
				r, err := s.Claim(ctx, fmt.Sprint(id), owner, time.Hour)
				if err == nil && r == xendit.ClaimAcquired {
					wins[id].Add(1)
					if g%2 == 0 {
						_ = s.Done(ctx, fmt.Sprint(id), owner, time.Hour)
					}
				}
			}
		})
	}
	wg.Wait()
	for id := range wins {
		assert.EqualValues(t, 1, wins[id].Load(), "winners for id %d", id)
	}
}
