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
)

func newMemoryStore(t testing.TB, max int) *xendit.MemoryDedupeStore {
	t.Helper()
	s, err := xendit.NewMemoryDedupeStore(max)
	require.NoError(t, err)
	return s
}

func TestMemoryDedupeStoreClaimDoneRelease(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 10)

	ok, err := s.Claim(ctx, "a", time.Minute)
	require.NoError(t, err)
	assert.True(t, ok, "first claim")
	ok, err = s.Claim(ctx, "a", time.Minute)
	require.NoError(t, err)
	assert.False(t, ok, "second claim of a held id")

	require.NoError(t, s.Release(ctx, "a"))
	ok, _ = s.Claim(ctx, "a", time.Minute)
	assert.True(t, ok, "claim after release")

	require.NoError(t, s.Release(ctx, "unknown"), "releasing an unknown id")
	require.NoError(t, s.Done(ctx, "b", time.Hour), "Done without a claim records the id")
	ok, _ = s.Claim(ctx, "b", time.Minute)
	assert.False(t, ok, "claim of a done id")
	assert.Equal(t, 2, s.Len())
}

func TestMemoryDedupeStoreNeverKeepsWithoutExpiry(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 10)
	for _, ttl := range []time.Duration{0, -time.Second, time.Microsecond} {
		_, err := s.Claim(ctx, "a", ttl)
		require.Error(t, err, "Claim ttl %v", ttl)
		require.Error(t, s.Done(ctx, "a", ttl), "Done ttl %v", ttl)
	}
	assert.Zero(t, s.Len())

	_, err := xendit.NewMemoryDedupeStore(0)
	require.Error(t, err)
}

func TestMemoryDedupeStoreExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		s := newMemoryStore(t, 10)
		ok, _ := s.Claim(ctx, "lease", time.Minute)
		require.True(t, ok)
		ok, _ = s.Claim(ctx, "done", time.Minute)
		require.True(t, ok)
		require.NoError(t, s.Done(ctx, "done", 72*time.Hour), "Done extends the claim")

		time.Sleep(time.Minute - time.Millisecond)
		ok, _ = s.Claim(ctx, "lease", time.Minute)
		assert.False(t, ok, "claim before the lease ends")

		time.Sleep(time.Millisecond)
		ok, _ = s.Claim(ctx, "lease", time.Minute)
		assert.True(t, ok, "an expired claim is up for grabs: a process died while handling it")
		ok, _ = s.Claim(ctx, "done", time.Minute)
		assert.False(t, ok, "a done id outlives the lease")

		time.Sleep(72 * time.Hour)
		ok, _ = s.Claim(ctx, "done", time.Minute)
		assert.True(t, ok, "a done id is forgotten after its TTL")
		assert.Equal(t, 1, s.Len(), "the expired lease was dropped, not piled up")
	})
}

func TestMemoryDedupeStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 3)
	for i := range 5 {
		ok, err := s.Claim(ctx, fmt.Sprint(i), time.Hour)
		require.NoError(t, err)
		require.True(t, ok)
	}
	assert.Equal(t, 3, s.Len())
	for i, wantHeld := range []bool{false, false, true, true, true} {
		ok, _ := s.Claim(ctx, fmt.Sprint(i), time.Hour)
		if wantHeld {
			assert.False(t, ok, "id %d is among the newest and still held", i)
		} else {
			assert.True(t, ok, "id %d was the oldest and was forgotten", i)
			break // claiming it again evicts the next oldest
		}
	}
	assert.Equal(t, 3, s.Len())
}

func TestMemoryDedupeStoreOneWinnerUnderConcurrency(t *testing.T) {
	ctx := context.Background()
	s := newMemoryStore(t, 1000)
	var wins [20]atomic.Int32
	var wg sync.WaitGroup
	for g := range 64 {
		wg.Go(func() {
			for id := range len(wins) {
				ok, err := s.Claim(ctx, fmt.Sprint(id), time.Hour)
				if err == nil && ok {
					wins[id].Add(1)
				}
				if g%8 == 0 {
					_ = s.Done(ctx, fmt.Sprint(id), time.Hour)
				}
			}
		})
	}
	wg.Wait()
	for id := range wins {
		assert.EqualValues(t, 1, wins[id].Load(), "winners for id %d", id)
	}
}
