package redisstore_test

import (
	"context"
	"errors"
	"log/slog"
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
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
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
	testStore(t, newClient(t, m.Addr()), "xendit-test:", m.FastForward)
}

func TestStoreExpiryOnMiniredis(t *testing.T) {
	m := miniredis.RunT(t)
	ctx := context.Background()
	s := newStore(t, newClient(t, m.Addr()))
	claim := func(id, owner string) xendit.ClaimResult {
		r, err := s.Claim(ctx, id, owner, time.Minute)
		require.NoError(t, err)
		return r
	}

	require.Equal(t, xendit.ClaimAcquired, claim("lease", "p1"))
	require.Equal(t, xendit.ClaimAcquired, claim("done", "p1"))
	assert.Equal(t, "claim:p1", mustGet(t, m, "xendit:webhook:lease"), "default prefix; the claim names its owner")
	require.NoError(t, s.Done(ctx, "done", "p1", 72*time.Hour))
	assert.Equal(t, "done", mustGet(t, m, "xendit:webhook:done"))
	assert.Equal(t, 72*time.Hour, m.TTL("xendit:webhook:done"))

	m.FastForward(time.Minute)
	assert.Equal(t, xendit.ClaimAcquired, claim("lease", "p2"), "a lease that ran out (its process died) can be claimed again")
	assert.Equal(t, xendit.ClaimDone, claim("done", "p2"), "a done id outlives the lease")
	m.FastForward(72 * time.Hour)
	assert.Equal(t, xendit.ClaimAcquired, claim("done", "p3"), "a done id is forgotten after its TTL")

	require.NoError(t, m.Set("xendit:webhook:old", "processing"))
	m.SetTTL("xendit:webhook:old", time.Minute)
	assert.Equal(t, xendit.ClaimInProgress, claim("old", "p1"), "a claim written by an earlier version")
	require.NoError(t, s.Release(ctx, "old", "p1"))
	assert.Equal(t, "processing", mustGet(t, m, "xendit:webhook:old"), "nobody owns it: it runs out")
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
		"Claim":   func() error { _, err := s.Claim(ctx, "id", "owner", time.Minute); return err },
		"Done":    func() error { return s.Done(ctx, "id", "owner", time.Minute) },
		"Release": func() error { return s.Release(ctx, "id", "owner") },
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
	// miniredis runs Lua slowly: a smaller burst than on real Redis.
	b := webhooktest.Burst{IDs: 20, Copies: 5, Retry: 250 * time.Millisecond, Deadline: 30 * time.Second}
	testTwoReplicas(t, b, func() redis.UniversalClient { return newClient(t, m.Addr()) }, "xendit-test:", nil)
}

// testStore checks the DedupeStore contract on a Redis server, with keys
// under prefix, and what Redis holds.
func testStore(t *testing.T, rdb redis.UniversalClient, prefix string, wait func(time.Duration)) {
	s := newStore(t, rdb, redisstore.WithKeyPrefix(prefix))
	xendittest.TestDedupeStore(t, s, wait)

	ctx := context.Background()
	r, err := s.Claim(ctx, "wh-1", "owner", 1500*time.Millisecond)
	require.NoError(t, err)
	require.Equal(t, xendit.ClaimAcquired, r)
	ttl := rdb.PTTL(ctx, prefix+"wh-1").Val()
	assert.True(t, ttl > time.Second && ttl <= 1500*time.Millisecond, "PTTL %v: the claim's lease, to the millisecond", ttl)
	require.NoError(t, s.Done(ctx, "wh-1", "owner", 72*time.Hour))
	assert.Equal(t, "done", rdb.Get(ctx, prefix+"wh-1").Val())
	assert.InDelta(t, 72*time.Hour, rdb.PTTL(ctx, prefix+"wh-1").Val(), float64(time.Minute))

	// Every key the store wrote expires.
	keys, err := rdb.Keys(ctx, prefix+"*").Result()
	require.NoError(t, err)
	require.NotEmpty(t, keys)
	for _, k := range keys {
		assert.Positive(t, rdb.PTTL(ctx, k).Val(), "PTTL of %s", k)
	}
}

// testTwoReplicas runs two handlers, each with its own Redis client as two
// processes would have, on one Redis, and sends them the burst b, each
// delivery retried until acknowledged, a fifth of the first runs failing:
// each id must be processed exactly once. Claims are leased for 10 s, and a
// store call gives up after 1 s: on two loaded cores under -race, a Redis
// call in a burst of a thousand can take hundreds of milliseconds.
// wrap, if set, wraps each replica's store, e.g. to inject faults.
func testTwoReplicas(t *testing.T, b webhooktest.Burst, client func() redis.UniversalClient, prefix string, wrap func(xendit.DedupeStore) xendit.DedupeStore) map[int]int {
	p := &webhooktest.Processor{Work: time.Millisecond, FailFirst: func(id string) bool { return id[len(id)-1]%5 == 0 }}
	var logs webhooktest.Buffer
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the handlers' warnings and errors:\n%s", logs.String())
		}
	})
	var urls []string
	for range 2 {
		var store xendit.DedupeStore = newStore(t, client(), redisstore.WithKeyPrefix(prefix), redisstore.WithTimeout(time.Second))
		if wrap != nil {
			store = wrap(store)
		}
		h, err := xendit.NewWebhookHandler(p.Func, xendit.WithCallbackTokens(xendittest.CallbackToken),
			xendit.WithDedupeStore(store), xendit.WithWebhookTimeout(5*time.Second),
			xendit.WithDedupeStoreTimeout(time.Second),
			xendit.WithWebhookLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))))
		require.NoError(t, err)
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		urls = append(urls, srv.URL)
	}
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	t.Cleanup(hc.CloseIdleConnections)
	b.URLs, b.Client = urls, hc
	statuses := b.Run(t, p)
	t.Logf("statuses, retries included: %v", statuses)
	assert.Zero(t, statuses[0], "transport errors")
	return statuses
}
