package redisstore_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	prefix := "xendit-test:" + rand.Text() + ":"
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
	testStore(t, client(), prefix)
}

func TestTwoReplicasOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	testTwoReplicas(t, client, prefix)
}

// TestClaimExpiresOnRealRedis checks that Redis itself, not a simulated
// clock, drops a claim once its TTL is over.
func TestClaimExpiresOnRealRedis(t *testing.T) {
	client, prefix := realRedis(t)
	s := newStore(t, client(), redisstore.WithKeyPrefix(prefix))
	ctx := context.Background()
	ok, err := s.Claim(ctx, "short", 20*time.Millisecond)
	require.NoError(t, err)
	require.True(t, ok)
	ok, _ = s.Claim(ctx, "short", 20*time.Millisecond)
	require.False(t, ok, "claimed twice within the TTL")
	assert.Eventually(t, func() bool {
		ok, err := s.Claim(ctx, "short", time.Minute)
		return err == nil && ok
	}, 5*time.Second, 10*time.Millisecond, "the claim never expired")
}
