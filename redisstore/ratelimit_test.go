package redisstore_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const (
	replicaKey            = "xnd_development_replicas_share_this_key"
	limit, windows, procs = 50, 5, 3
	goroutines            = 16
)

// runReplicas runs procs clients of one secret key, one per memory, each
// calling from goroutines goroutines until the server's window `windows`
// starts, through network (nil: none) to the server; during runs alongside.
// It returns the server's answers in windows 2 to `windows`, and the errors
// callers saw.
func runReplicas(t *testing.T, memories []*xendit.RateLimitMemory, network func(http.Handler) http.Handler, during func(fw *xendittest.FixedWindow)) (ok, wasted int, errs []error) {
	t.Helper()
	fw := xendittest.NewFixedWindow(limit, time.Second)
	var h http.Handler = fw
	if network != nil {
		h = network(fw)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	var (
		wg sync.WaitGroup
		mu sync.Mutex
	)
	for _, m := range memories {
		c, err := xendit.New(replicaKey, xendit.WithBaseURL(srv.URL), xendit.WithRateLimitMemory(m))
		require.NoError(t, err)
		bal := balance.New(c)
		for range goroutines {
			wg.Go(func() {
				for time.Now().Before(fw.Start(windows)) {
					if _, err := bal.Get(context.Background(), nil); err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				}
			})
		}
	}
	if during != nil {
		wg.Go(func() { during(fw) })
	}
	wg.Wait()
	counts := fw.Counts(replicaKey)
	require.GreaterOrEqual(t, len(counts), windows)
	for _, n := range counts[1:windows] {
		ok += n.OK
		wasted += n.Throttled
	}
	t.Logf("windows 2-%d: %d answered 200 of %d allowed (%.0f%%), %d answered 429; per window %v",
		windows, ok, limit*(windows-1), 100*float64(ok)/float64(limit*(windows-1)), wasted, counts)
	return ok, wasted, errs
}

// redisMemories returns procs memories on one Redis at addr, each with its
// own Redis client, as separate processes would have.
func redisMemories(t *testing.T, addr string, logger *slog.Logger, opts ...redisstore.RateLimitOption) []*xendit.RateLimitMemory {
	t.Helper()
	var ms []*xendit.RateLimitMemory
	for range procs {
		m, err := redisstore.NewRateLimitMemory(newClient(t, addr), logger, opts...)
		require.NoError(t, err)
		ms = append(ms, m)
	}
	return ms
}

// TestReplicasShareOneBudgetOnRedis: three replicas of one key, 16
// goroutines each, against a server allowing 50 requests per one-second
// window. Sharing the window and the calls in flight through Redis, they
// draw no 429 after the first window and use at least 90% of it.
func TestReplicasShareOneBudgetOnRedis(t *testing.T) {
	redisSrv := startRedisServer(t)
	ok, wasted, errs := runReplicas(t, redisMemories(t, redisSrv.Addr, nil), nil, nil)
	assert.Empty(t, errs)
	assert.Zero(t, wasted, "429s after the first window, across the replicas")
	assert.GreaterOrEqual(t, float64(ok), 0.9*limit*(windows-1), "share of the allowed rate used")
}

// TestReplicasOnRedisWasteNo429UnderUnevenDelays: as
// TestReplicasShareOneBudgetOnRedis, with a third of the requests reaching
// the server 100 ms late and a fifth of the responses coming back 150 ms
// late, as under load. The Reset of a late response points past the
// window's end by its delay; a prompt one after it is still news of the
// same window, not of an older one (before, one that pointed more than
// 100 ms earlier was ignored: its call, released, was counted nowhere).
func TestReplicasOnRedisWasteNo429UnderUnevenDelays(t *testing.T) {
	redisSrv := startRedisServer(t)
	ok, wasted, errs := runReplicas(t, redisMemories(t, redisSrv.Addr, nil), func(h http.Handler) http.Handler {
		return xendittest.Delayed(h,
			func(n int) time.Duration { return time.Duration(n%3/2) * 100 * time.Millisecond },
			func(n int) time.Duration { return time.Duration(n%5/4) * 150 * time.Millisecond })
	}, nil)
	assert.Empty(t, errs)
	assert.Zero(t, wasted, "429s after the first window, across the replicas")
	assert.GreaterOrEqual(t, float64(ok), 0.9*limit*(windows-1), "share of the allowed rate used")
}

// TestReplicasWithSeparateMemoriesWaste429s is the reason for the shared
// memory: each replica counts only its own calls in flight. The wasted 429s
// are retried, but a call can run out of retries: that is the point, so
// errors are counted, not refused.
func TestReplicasWithSeparateMemoriesWaste429s(t *testing.T) {
	var ms []*xendit.RateLimitMemory
	for range procs {
		ms = append(ms, xendit.NewRateLimitMemory())
	}
	_, wasted, errs := runReplicas(t, ms, nil, nil)
	assert.Positive(t, wasted)
	t.Logf("%d calls ran out of retries", len(errs))
}

// TestRedisPausedFailsOpen pauses Redis (SIGSTOP) for a second in the
// middle: calls go on through each replica's own memory (drawing some 429s,
// retried, in that window), no caller sees an error, the fall back is
// logged, and the rate recovers.
func TestRedisPausedFailsOpen(t *testing.T) {
	redisSrv := startRedisServer(t)
	var logs messages
	logger := slog.New(&logs)
	ok, wasted, errs := runReplicas(t, redisMemories(t, redisSrv.Addr, logger), nil, func(fw *xendittest.FixedWindow) {
		// Across the end of a window, when every caller asks Redis at once,
		// and for longer than a command's timeout.
		time.Sleep(time.Until(fw.Start(2).Add(-300 * time.Millisecond)))
		redisSrv.Pause(t)
		time.Sleep(time.Second)
		redisSrv.Resume(t)
	})
	assert.Empty(t, errs, "rate limiting never stops a call")
	assert.GreaterOrEqual(t, float64(ok), 0.9*limit*(windows-1),
		"share of the allowed rate used: calls that Redis counted while it did not answer are released once it does")
	assert.Contains(t, logs.String(), "WARN xendit: the shared rate-limit memory failed; using this process's memory")
	assert.Contains(t, logs.String(), "INFO xendit: the shared rate-limit memory answers again")
	t.Logf("with Redis paused for 1 s: %d answered 200, %d answered 429 (retried)", ok, wasted)
}

func TestRateLimitKeysHoldNoSecretAndExpire(t *testing.T) {
	m := miniredis.RunT(t)
	mem, err := redisstore.NewRateLimitMemory(newClient(t, m.Addr()), nil)
	require.NoError(t, err)
	fw := xendittest.NewFixedWindow(limit, time.Minute)
	srv := httptest.NewServer(fw)
	defer srv.Close()
	c, err := xendit.New(replicaKey, xendit.WithBaseURL(srv.URL), xendit.WithRateLimitMemory(mem))
	require.NoError(t, err)
	_, err = balance.New(c).Get(context.Background(), nil)
	require.NoError(t, err)

	keys := m.Keys()
	require.Len(t, keys, 1, "the window; no ticket left in flight")
	assert.True(t, strings.HasPrefix(keys[0], redisstore.DefaultRateLimitPrefix+"{"), keys[0])
	assert.Contains(t, keys[0], "balance")
	for _, k := range keys {
		assert.NotContains(t, k, "replicas_share_this_key", "the secret key is never in Redis")
		assert.NotContains(t, m.HGet(k, "limit")+m.HGet(k, "end"), "replicas")
	}
	assert.Equal(t, "49", m.HGet(keys[0], "remaining"))
	ttl := m.TTL(keys[0])
	assert.Greater(t, ttl, xendit.RateLimitKeep, "kept past the window's end")
	assert.LessOrEqual(t, ttl, time.Minute+xendit.RateLimitKeep+time.Second)
	m.FastForward(ttl + time.Millisecond)
	assert.Empty(t, m.Keys(), "expired with the window")
}

// TestRateLimitMemoryWithoutRedisFallsBackToTheLocalOne: with Redis down
// from the start, calls go out and the process's own memory still holds
// them to the window.
func TestRateLimitMemoryWithoutRedisFallsBackToTheLocalOne(t *testing.T) {
	m := miniredis.RunT(t)
	addr := m.Addr()
	m.Close()
	var logs messages
	mem, err := redisstore.NewRateLimitMemory(newClient(t, addr), slog.New(&logs))
	require.NoError(t, err)
	fw := xendittest.NewFixedWindow(1, time.Minute)
	srv := httptest.NewServer(fw)
	defer srv.Close()
	c, err := xendit.New(replicaKey, xendit.WithBaseURL(srv.URL), xendit.WithRateLimitMemory(mem))
	require.NoError(t, err)

	_, err = balance.New(c).Get(context.Background(), nil)
	require.NoError(t, err, "Redis down does not stop a call")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err = balance.New(c).Get(ctx, nil)
	assert.ErrorIs(t, err, xendit.ErrRateLimited, "the local memory knows the window is exhausted")
	assert.Equal(t, []xendittest.WindowCount{{OK: 1}}, fw.Counts(replicaKey), "and nothing more was sent")
	assert.Contains(t, logs.String(), "WARN xendit: the shared rate-limit memory failed")
}

// messages is a slog.Handler that keeps each record's level and message.
type messages struct {
	mu   sync.Mutex
	seen []string
}

func (m *messages) Enabled(context.Context, slog.Level) bool { return true }
func (m *messages) WithAttrs([]slog.Attr) slog.Handler       { return m }
func (m *messages) WithGroup(string) slog.Handler            { return m }
func (m *messages) Handle(_ context.Context, r slog.Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen = append(m.seen, r.Level.String()+" "+r.Message)
	return nil
}

func (m *messages) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return strings.Join(m.seen, "\n")
}
