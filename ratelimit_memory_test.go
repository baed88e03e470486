package xendit

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWindowLearnsResponsesArrivingOutOfOrder(t *testing.T) {
	t0 := time.Now()
	w := &window{}
	assert.Zero(t, w.wait(t0), "nothing known: send freely")

	w.learn(RateLimit{Limit: 50, Remaining: 40, Reset: time.Second}, t0)
	w.learn(RateLimit{Limit: 50, Remaining: 45, Reset: 990 * time.Millisecond}, t0.Add(5*time.Millisecond))
	assert.Equal(t, 40, w.remaining, "an earlier response of the same window, arriving late, does not raise Remaining")
	w.learn(RateLimit{Limit: 50, Remaining: 1, Reset: 5 * time.Second}, t0.Add(-10*time.Second))
	assert.Equal(t, 40, w.remaining, "news of an older window is ignored")

	w.inflight = 40
	assert.Equal(t, 800*time.Millisecond, w.wait(t0.Add(200*time.Millisecond)), "Remaining all in flight: wait for the reset")
	w.inflight = 39
	assert.Zero(t, w.wait(t0.Add(200*time.Millisecond)))

	w.inflight = 50
	assert.Equal(t, RateLimitPoll, w.wait(t0.Add(time.Second)), "a new window, but its whole limit is in flight")
	w.inflight = 10
	assert.Zero(t, w.wait(t0.Add(time.Second)), "a new window holds the limit")
	w.learn(RateLimit{Limit: 50, Remaining: 49, Reset: time.Second}, t0.Add(time.Second))
	assert.Equal(t, 49, w.remaining, "a later reset starts a newer window")
	assert.Equal(t, t0.Add(2*time.Second), w.end)
}

// TestMemoryForgetsPassedWindows: an aggregator cycling through many keys
// keeps only the entries of windows that passed less than RateLimitKeep ago,
// and those with calls in flight.
func TestMemoryForgetsPassedWindows(t *testing.T) {
	m := NewRateLimitMemory()
	t0 := time.Now()
	seen := RateLimit{Limit: 60, Remaining: 59, Reset: time.Second}
	for i := range 1000 {
		key := RateLimitKey{fmt.Sprint("merchant-", i), "balance.get"}
		require.Zero(t, m.acquireLocal(key, t0))
		m.releaseLocal(key, true, seen, true, t0)
	}
	busy := RateLimitKey{"busy", "balance.get"}
	require.Zero(t, m.acquireLocal(busy, t0)) // in flight, never released
	assert.Equal(t, 1001, len(m.windows))

	later := t0.Add(time.Second + RateLimitKeep + time.Millisecond)
	require.Zero(t, m.acquireLocal(RateLimitKey{"new", "balance.get"}, later))
	assert.Equal(t, 2, len(m.windows), "left: the call in flight and the new key")
	assert.Contains(t, m.windows, busy)
}
