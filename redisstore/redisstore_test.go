package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func newClient(t testing.TB, addr string) *redis.Client {
	t.Helper()
	rdb := redis.NewClient(&redis.Options{
		Addr:                  addr,
		ContextTimeoutEnabled: true,
		DisableIdentity:       true,
		MaxRetries:            -1, // a test of a failing server wants the failure, not retries
	})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb
}

func newStore(t testing.TB, rdb redis.UniversalClient, opts ...redisstore.Option) *redisstore.Store {
	t.Helper()
	s, err := redisstore.New(rdb, opts...)
	require.NoError(t, err)
	return s
}

func TestNewRejectsBadOptions(t *testing.T) {
	m := miniredis.RunT(t)
	rdb := newClient(t, m.Addr())
	for name, opts := range map[string][]redisstore.Option{
		"empty prefix": {redisstore.WithKeyPrefix("")},
		"zero timeout": {redisstore.WithTimeout(0)},
	} {
		_, err := redisstore.New(rdb, opts...)
		assert.Error(t, err, name)
	}
	_, err := redisstore.New(nil)
	assert.Error(t, err, "nil client")
}

func TestStoreOnMiniredis(t *testing.T) {
	m := miniredis.RunT(t)
	testStore(t, newClient(t, m.Addr()), "xendit-test:")
}

func TestStoreExpiryOnMiniredis(t *testing.T) {
	m := miniredis.RunT(t)
	ctx := context.Background()
	s := newStore(t, newClient(t, m.Addr()))

	ok, err := s.Claim(ctx, "lease", time.Minute)
	require.NoError(t, err)
	require.True(t, ok)
	ok, _ = s.Claim(ctx, "done", time.Minute)
	require.True(t, ok)
	require.NoError(t, s.Done(ctx, "done", 72*time.Hour))
	assert.Equal(t, "done", mustGet(t, m, "xendit:webhook:done"), "default prefix and value")
	assert.Equal(t, 72*time.Hour, m.TTL("xendit:webhook:done"))

	m.FastForward(time.Minute)
	ok, _ = s.Claim(ctx, "lease", time.Minute)
	assert.True(t, ok, "a lease that ran out (its process died) can be claimed again")
	ok, _ = s.Claim(ctx, "done", time.Minute)
	assert.False(t, ok, "a done id outlives the lease")
	m.FastForward(72 * time.Hour)
	ok, _ = s.Claim(ctx, "done", time.Minute)
	assert.True(t, ok, "a done id is forgotten after its TTL")
}

func mustGet(t *testing.T, m *miniredis.Miniredis, key string) string {
	t.Helper()
	v, err := m.Get(key)
	require.NoError(t, err)
	return v
}

// TestStoreTimesOut talks to a server that accepts connections and never
// answers: every operation must give up after the store's timeout.
func TestStoreTimesOut(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var conns sync.WaitGroup
	t.Cleanup(func() { ln.Close(); conns.Wait() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Go(func() { // hold the connection silently until the client drops it
				_, _ = c.Read(make([]byte, 1<<16))
				for {
					if _, err := c.Read(make([]byte, 1<<16)); err != nil {
						c.Close()
						return
					}
				}
			})
		}
	}()
	// No socket timeouts of the client's own: only the store's can end a call.
	rdb := redis.NewClient(&redis.Options{Addr: ln.Addr().String(), ContextTimeoutEnabled: true,
		DisableIdentity: true, MaxRetries: -1, ReadTimeout: -1, WriteTimeout: -1})
	defer rdb.Close()
	s := newStore(t, rdb, redisstore.WithTimeout(50*time.Millisecond))
	ctx := context.Background()
	for op, call := range map[string]func() error{
		"Claim":   func() error { _, err := s.Claim(ctx, "id", time.Minute); return err },
		"Done":    func() error { return s.Done(ctx, "id", time.Minute) },
		"Release": func() error { return s.Release(ctx, "id") },
	} {
		errc := make(chan error, 1)
		go func() { errc <- call() }()
		select {
		case err := <-errc:
			var netErr net.Error
			assert.True(t, errors.As(err, &netErr) && netErr.Timeout(), "%s: %v is not a timeout", op, err)
		case <-time.After(10 * time.Second):
			t.Fatalf("%s did not give up on a silent server", op)
		}
	}
}

// TestHandlerAnswers500WhenRedisIsDown: an event must be neither processed
// without the dedupe check nor acknowledged unprocessed.
func TestHandlerAnswers500WhenRedisIsDown(t *testing.T) {
	m := miniredis.RunT(t)
	var runs atomic.Int32
	h, err := xendit.NewWebhookHandler(func(context.Context, *xendit.WebhookEvent) error {
		runs.Add(1)
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken), xendit.WithDedupeStore(newStore(t, newClient(t, m.Addr()))))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	wh := xendittest.NewWebhook(xendittest.CallbackToken, `{"event":"reports.completed"}`)

	m.Close()
	status, err := wh.Send(context.Background(), srv.Client(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, http.StatusInternalServerError, status)
	assert.Zero(t, runs.Load())

	require.NoError(t, m.Restart())
	status, err = wh.Send(context.Background(), srv.Client(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, status, "Xendit's retry once Redis is back")
	assert.EqualValues(t, 1, runs.Load())
}

func TestTwoReplicasOnMiniredis(t *testing.T) {
	m := miniredis.RunT(t)
	testTwoReplicas(t, func() redis.UniversalClient { return newClient(t, m.Addr()) }, "xendit-test:")
}

// testStore checks the DedupeStore contract on a Redis server, with keys
// under prefix.
func testStore(t *testing.T, rdb redis.UniversalClient, prefix string) {
	ctx := context.Background()
	s := newStore(t, rdb, redisstore.WithKeyPrefix(prefix))

	ok, err := s.Claim(ctx, "wh-1", 1500*time.Millisecond)
	require.NoError(t, err)
	assert.True(t, ok, "first claim")
	ok, err = s.Claim(ctx, "wh-1", time.Minute)
	require.NoError(t, err, "a taken claim is not an error")
	assert.False(t, ok, "second claim")
	ttl := rdb.PTTL(ctx, prefix+"wh-1").Val()
	assert.True(t, ttl > time.Second && ttl <= 1500*time.Millisecond, "PTTL %v: the first claim's TTL, to the millisecond", ttl)

	require.NoError(t, s.Done(ctx, "wh-1", 72*time.Hour))
	assert.Equal(t, "done", rdb.Get(ctx, prefix+"wh-1").Val())
	assert.InDelta(t, 72*time.Hour, rdb.PTTL(ctx, prefix+"wh-1").Val(), float64(time.Minute))

	require.NoError(t, s.Release(ctx, "wh-1"))
	assert.Zero(t, rdb.Exists(ctx, prefix+"wh-1").Val())
	ok, _ = s.Claim(ctx, "wh-1", time.Minute)
	assert.True(t, ok, "claim after release")
	require.NoError(t, s.Release(ctx, "never-claimed"))

	for _, ttl := range []time.Duration{0, -time.Second, 999 * time.Microsecond} {
		_, err := s.Claim(ctx, "forever", ttl)
		assert.Error(t, err, "Claim with ttl %v", ttl)
		assert.Error(t, s.Done(ctx, "forever", ttl), "Done with ttl %v", ttl)
	}
	assert.Zero(t, rdb.Exists(ctx, prefix+"forever").Val(), "a key without expiry was written")

	// Every key the store wrote expires.
	keys, err := rdb.Keys(ctx, prefix+"*").Result()
	require.NoError(t, err)
	require.NotEmpty(t, keys)
	for _, k := range keys {
		assert.Positive(t, rdb.PTTL(ctx, k).Val(), "PTTL of %s", k)
	}

	// Claims race: exactly one winner per id.
	const racers, ids = 50, 5
	var wins [ids]atomic.Int32
	var wg sync.WaitGroup
	for range racers {
		wg.Go(func() {
			for id := range ids {
				if ok, err := s.Claim(ctx, fmt.Sprint("race-", id), time.Minute); err == nil && ok {
					wins[id].Add(1)
				}
			}
		})
	}
	wg.Wait()
	for id := range wins {
		assert.EqualValues(t, 1, wins[id].Load(), "winners of race-%d", id)
	}
}

// testTwoReplicas runs two handlers, each with its own Redis client as two
// processes would have, on one Redis, and sends them 1,000 deliveries of 100
// webhook-ids at once: each id must be processed exactly once.
func testTwoReplicas(t *testing.T, client func() redis.UniversalClient, prefix string) {
	var mu sync.Mutex
	runs := make(map[string]int)
	process := func(_ context.Context, e *xendit.WebhookEvent) error {
		time.Sleep(time.Millisecond) // widen the window in which copies overlap
		mu.Lock()
		runs[e.ID]++
		mu.Unlock()
		return nil
	}
	var urls []string
	for range 2 {
		h, err := xendit.NewWebhookHandler(process, xendit.WithCallbackTokens(xendittest.CallbackToken),
			xendit.WithDedupeStore(newStore(t, client(), redisstore.WithKeyPrefix(prefix))))
		require.NoError(t, err)
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		urls = append(urls, srv.URL)
	}

	const ids, copies = 100, 10
	statuses := make(chan int, ids*copies)
	start := make(chan struct{})
	var wg sync.WaitGroup
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	defer hc.CloseIdleConnections()
	for i := range ids {
		wh := xendittest.NewWebhook(xendittest.CallbackToken, fmt.Sprintf(`{"event":"test.event","n":%d}`, i))
		for c := range copies {
			wg.Go(func() {
				<-start
				status, _ := wh.Send(context.Background(), hc, urls[c%len(urls)])
				statuses <- status
			})
		}
	}
	close(start)
	wg.Wait()
	close(statuses)
	counted := make(map[int]int)
	for s := range statuses {
		counted[s]++
	}
	assert.Equal(t, map[int]int{200: ids * copies}, counted, "statuses")
	mu.Lock()
	defer mu.Unlock()
	assert.Len(t, runs, ids, "ids processed")
	for id, n := range runs {
		assert.Equal(t, 1, n, "runs of %s", id)
	}
}
