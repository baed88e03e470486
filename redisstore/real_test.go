package redisstore_test

import (
	"context"
	crand "crypto/rand"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
	"github.com/seed19b1029f/xendit-go/redisstore"
)

// The tests in this file run against the real redis-server at REDIS_ADDR,
// the source of truth for command syntax, atomicity and expiry; miniredis
// only imitates it. Without one they skip, except in CI (CI=true), where a
// missing server is a broken pipeline rather than a reason to pass.

const howToRun = "run: source .ci/redis.sh && go test ./redisstore (it installs and starts redis-server on loopback and sets REDIS_ADDR)"

// realRedis returns a client for REDIS_ADDR and a key prefix of the test's
// own, whose keys are deleted at the end.
func realRedis(t *testing.T) (func() redis.UniversalClient, string) {
	t.Helper()
	addr := os.Getenv("REDIS_ADDR")
	if addr == "" {
		skipOrFail(t, "REDIS_ADDR is not set; "+howToRun)
	}
	rdb := newClient(t, addr)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		skipOrFail(t, fmt.Sprintf("no Redis server answers at REDIS_ADDR=%s (%v); %s", addr, err, howToRun))
	}
	prefix := "xendit-test:" + crand.Text() + ":"
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		keys, err := rdb.Keys(ctx, prefix+"*").Result()
		if err == nil && len(keys) > 0 {
			err = rdb.Del(ctx, keys...).Err()
		}
		if err != nil {
			t.Errorf("deleting the test's keys: %v", err)
		}
	})
	return func() redis.UniversalClient { return newClient(t, addr) }, prefix
}

func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

func TestStoreOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	testStore(t, client(), prefix, nil)
}

func TestTwoReplicasOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	testTwoReplicas(t, burst(), client, prefix, nil)
}

// burst is 1,000 deliveries of 100 events, retried every 500 ms on average
// until acknowledged.
func burst() webhooktest.Burst {
	return webhooktest.Burst{IDs: 100, Copies: 10, Retry: 500 * time.Millisecond, Deadline: 50 * time.Second}
}

// TestTwoReplicasWithRedisPaused pauses a redis-server of the test's own
// (SIGSTOP) for 1.5 s in the middle of the burst, then resumes it: claims
// sit in sockets while their callers give up, answer 500, and then run
// late, holding their ids for a lease nobody will end; done marks wait.
// Every event must still be processed exactly once, and every delivery
// acknowledged, none early.
func TestTwoReplicasWithRedisPaused(t *testing.T) {
	srv := startRedisServer(t)
	client := func() redis.UniversalClient { return newClient(t, srv.Addr) }
	// Load the scripts first: a script Redis does not know yet fails when
	// it runs late (NOSCRIPT) instead of claiming.
	_, err := newStore(t, client()).Claim(context.Background(), "warm-up", "test", time.Minute)
	require.NoError(t, err)
	b := burst()
	b.During = func() {
		time.Sleep(200 * time.Millisecond)
		srv.Pause(t)
		time.Sleep(1500 * time.Millisecond)
		srv.Resume(t)
	}
	start := time.Now()
	statuses := testTwoReplicas(t, b, client, "xendit-test:", nil)
	assert.Positive(t, statuses[500], "the pause failed no claim: it came too late to matter")
	t.Logf("burst took %v", time.Since(start).Round(time.Millisecond))
}

// TestTwoReplicasUnderStoreFaultsOnRealRedis injects faults into a tenth of
// the store's calls on real Redis: failures, hangs, writes that land after
// the caller gave up, and answers lost after the write.
func TestTwoReplicasUnderStoreFaultsOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	faults := []webhooktest.Fault{webhooktest.Fail, webhooktest.Hang, webhooktest.Late, webhooktest.Lost}
	var stores []*webhooktest.FaultyStore
	testTwoReplicas(t, burst(), client, prefix, func(s xendit.DedupeStore) xendit.DedupeStore {
		fs := &webhooktest.FaultyStore{DedupeStore: s, LateDelay: 20 * time.Millisecond,
			Plan: func(webhooktest.Op, int64) webhooktest.Fault {
				if rand.N(10) == 0 {
					return faults[rand.N(len(faults))]
				}
				return webhooktest.None
			}}
		t.Cleanup(fs.Wait)
		stores = append(stores, fs)
		return fs
	})
	assert.Positive(t, stores[0].Faults()+stores[1].Faults())
}

// TestClaimExpiresOnRealRedis checks that Redis itself, not a simulated
// clock, drops a claim once its TTL is over.
func TestClaimExpiresOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	s := newStore(t, client(), redisstore.WithKeyPrefix(prefix))
	ctx := context.Background()
	r, err := s.Claim(ctx, "short", "p1", 20*time.Millisecond)
	require.NoError(t, err)
	require.Equal(t, xendit.ClaimAcquired, r)
	r, _ = s.Claim(ctx, "short", "p2", 20*time.Millisecond)
	require.Equal(t, xendit.ClaimInProgress, r, "claimed twice within the TTL")
	assert.Eventually(t, func() bool {
		r, err := s.Claim(ctx, "short", "p3", time.Minute)
		return err == nil && r == xendit.ClaimAcquired
	}, 5*time.Second, 10*time.Millisecond, "the claim never expired")
}
