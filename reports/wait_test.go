package reports_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
	"github.com/seed19b1029f/xendit-go/reports"
)

// building is a reports API, in memory, whose report is PENDING until
// ready and then final. It notes when it was polled.
type building struct {
	ready time.Time
	final reports.Status

	mu    sync.Mutex
	polls []time.Time
}

func (b *building) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	b.mu.Lock()
	b.polls = append(b.polls, now)
	b.mu.Unlock()
	rep := reports.Report{ID: strings.TrimPrefix(r.URL.Path, "/reports/"), Type: reports.TypeBalanceHistory, Status: reports.StatusPending}
	if !now.Before(b.ready) {
		rep.Status = b.final
		if rep.Status == reports.StatusCompleted {
			rep.URL = "https://reports.example.test/" + rep.ID + ".csv"
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(rep)
}

// offsets returns when the report was polled, counted from start.
func (b *building) offsets(start time.Time) []time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	var d []time.Duration
	for _, at := range b.polls {
		d = append(d, at.Sub(start))
	}
	return d
}

// inMemory is a reports client of h, for a synctest bubble.
func inMemory(t *testing.T, h http.Handler) *reports.Client {
	t.Helper()
	c, err := xendit.New("xnd_development_reports_wait_test", xendit.WithBaseURL("https://api.xendit.test"),
		xendit.WithHTTPClient(&http.Client{Transport: memtransport.New(h)}))
	require.NoError(t, err)
	return reports.New(c)
}

// TestWaitBacksOffWithJitter: with the default options, the first poll is
// at once and each wait is between half and all of 1 s, 2 s, 4 s... up to
// 30 s; Wait returns at the first poll that finds the report built.
func TestWaitBacksOffWithJitter(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		b := &building{ready: start.Add(2 * time.Minute), final: reports.StatusCompleted}
		r, err := inMemory(t, b).Wait(context.Background(), "report_1", nil)
		require.NoError(t, err)
		assert.Equal(t, reports.StatusCompleted, r.Status)
		assert.NotEmpty(t, r.URL)

		polls := b.offsets(start)
		require.GreaterOrEqual(t, len(polls), 2)
		assert.Zero(t, polls[0], "the first poll is at once")
		ceiling := time.Second
		for i := 1; i < len(polls); i++ {
			gap := polls[i] - polls[i-1]
			assert.GreaterOrEqual(t, gap, ceiling/2, "wait %d", i)
			assert.LessOrEqual(t, gap, ceiling, "wait %d", i)
			ceiling = min(2*ceiling, 30*time.Second)
		}
		last := polls[len(polls)-1]
		assert.GreaterOrEqual(t, last, 2*time.Minute, "the last poll found it built")
		assert.Less(t, polls[len(polls)-2], 2*time.Minute, "the one before did not")
		assert.Equal(t, last, time.Since(start), "Wait returned with the poll that found it")
	})
}

// TestWaitOptionsBoundTheIntervals: MinInterval and MaxInterval replace
// 1 s and 30 s.
func TestWaitOptionsBoundTheIntervals(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		b := &building{ready: start.Add(time.Second), final: reports.StatusCompleted}
		_, err := inMemory(t, b).Wait(context.Background(), "report_1",
			&reports.WaitOptions{MinInterval: 40 * time.Millisecond, MaxInterval: 100 * time.Millisecond})
		require.NoError(t, err)
		polls := b.offsets(start)
		ceiling := 40 * time.Millisecond
		for i := 1; i < len(polls); i++ {
			gap := polls[i] - polls[i-1]
			assert.GreaterOrEqual(t, gap, ceiling/2, "wait %d", i)
			assert.LessOrEqual(t, gap, ceiling, "wait %d", i)
			ceiling = min(2*ceiling, 100*time.Millisecond)
		}
		assert.Greater(t, len(polls), 10, "a second of polls no more than 100 ms apart")
	})
}

// TestWaitEndsWithTheContext: a report never built; Wait returns the
// context's error at the deadline itself, without another poll; a FAILED
// report ends it with ErrFailed.
func TestWaitEndsWithTheContext(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		never := &building{ready: start.Add(24 * time.Hour)}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := inMemory(t, never).Wait(ctx, "report_1", nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 10*time.Second, time.Since(start), "returned at the deadline")
		assert.Less(t, never.offsets(start)[len(never.offsets(start))-1], 10*time.Second)

		start = time.Now()
		failing := &building{ready: start.Add(3 * time.Second), final: reports.StatusFailed}
		r, err := inMemory(t, failing).Wait(context.Background(), "report_2", nil)
		assert.ErrorIs(t, err, reports.ErrFailed)
		assert.Equal(t, reports.StatusFailed, r.Status)
	})
}
