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
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	w := &window{}
	assert.Zero(t, w.wait(t0), "nothing known: send freely")

	w.learn(RateLimit{Limit: 50, Remaining: 40, Reset: time.Second}, ms(-10), t0)
	assert.Equal(t, []time.Time{ms(990), ms(1000)}, []time.Time{w.from, w.end}, "the window ends between Reset after the sending and Reset after the arrival")
	w.learn(RateLimit{Limit: 50, Remaining: 45, Reset: 990 * time.Millisecond}, ms(-5), ms(5))
	assert.Equal(t, 40, w.remaining, "an earlier response of the same window, arriving late, does not raise Remaining")
	assert.Equal(t, []time.Time{ms(990), ms(1000)}, []time.Time{w.from, w.end}, "the latest earliest end, the latest latest end")
	w.learn(RateLimit{Limit: 50, Remaining: 1, Reset: 5 * time.Second}, t0.Add(-11*time.Second), t0.Add(-10*time.Second))
	assert.Equal(t, 40, w.remaining, "news of an older window is ignored")
	w.learn(RateLimit{Limit: 50, Remaining: 30, Reset: 600 * time.Millisecond}, ms(200), ms(600))
	assert.Equal(t, 30, w.remaining, "a prompt answer of the same window, its Reset pointing well before a late one's, is not taken for an older window")
	assert.Equal(t, []time.Time{ms(990), ms(1200)}, []time.Time{w.from, w.end})

	w.inflight = 30
	assert.Equal(t, time.Second, w.wait(ms(200)), "Remaining all in flight: wait for the latest end")
	w.inflight = 29
	assert.Zero(t, w.wait(ms(200)))

	w.inflight = 50
	assert.Equal(t, RateLimitPoll, w.wait(ms(1200)), "a new window, but its whole limit is in flight")
	w.inflight = 10
	assert.Zero(t, w.wait(ms(1200)), "a new window holds the limit")
	w.learn(RateLimit{Limit: 50, Remaining: 49, Reset: 900 * time.Millisecond}, ms(980), ms(1100))
	assert.Equal(t, 49, w.remaining, "a request sent near the end, answered in the next window: its earliest end is past the known latest end")
	assert.Equal(t, []time.Time{ms(1880), ms(2000)}, []time.Time{w.from, w.end})
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
		m.releaseLocal(key, true, seen, true, t0, t0)
	}
	busy := RateLimitKey{"busy", "balance.get"}
	require.Zero(t, m.acquireLocal(busy, t0)) // in flight, never released
	assert.Equal(t, 1001, len(m.windows))

	later := t0.Add(time.Second + RateLimitKeep + time.Millisecond)
	require.Zero(t, m.acquireLocal(RateLimitKey{"new", "balance.get"}, later))
	assert.Equal(t, 2, len(m.windows), "left: the call in flight and the new key")
	assert.Contains(t, m.windows, busy)
}
