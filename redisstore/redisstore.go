// Package redisstore shares what replicas of one service must agree on
// through Redis: the webhook-ids a [xendit.WebhookHandler] has seen
// ([Store]), and the rate-limit budget of each secret key ([RateLimits]).
//
// With a [Store], replicas behind a load balancer dedupe Xendit's webhooks
// together: whichever replica a delivery or its retry reaches, it is
// processed once.
//
//	rdb := redis.NewClient(&redis.Options{
//		Addr:                  os.Getenv("REDIS_ADDR"),
//		ContextTimeoutEnabled: true, // let context deadlines bound socket reads and writes
//	})
//	store, err := redisstore.New(rdb)
//	if err != nil {
//		return err
//	}
//	h, err := xendit.NewWebhookHandler(process,
//		xendit.WithCallbackTokens(os.Getenv("XENDIT_CALLBACK_TOKEN")),
//		xendit.WithDedupeStore(store))
//
// Claim, Done and Release are each one Lua script, so each checks and
// writes in one atomic step: two replicas can never both win the same
// webhook-id, and Done and Release act only on the caller's own claim (the
// key holds the owner's token while claimed), so a replica whose lease ran
// out can neither free nor overwrite a newer claim. No key is ever written
// without an expiry: a TTL under a millisecond is an error, not a key that
// lives forever. A processed id is kept as "done" for the handler's dedupe
// TTL (72 hours by default); a failed one is deleted so that Xendit's retry
// is processed. Keys are the prefix (default "xendit:webhook:") and the
// webhook-id (with the token's label before it, for labelled tokens).
//
// When Redis cannot be reached, or is paused, the handler does not
// acknowledge anything it has not processed: a claim that fails is answered
// 500, a claim that reaches Redis late holds the id for the lease (the
// deliveries meanwhile are answered 409), and Xendit retries. A done mark
// that fails after the function succeeded is retried for up to 10 seconds;
// the README's webhook section says what remains. Every command is bounded
// by [WithTimeout]; set ContextTimeoutEnabled on the client so that the
// bound reaches the socket. The tests pause a real redis-server (SIGSTOP)
// in the middle of a burst of deliveries to two replicas and check that
// every event is processed exactly once.
//
// Redis replicates asynchronously, so a failover can lose a recent claim and
// let a duplicate through. Deduplication stays best effort across a
// failover: keep the writes an event triggers idempotent.
//
// With [RateLimits], replicas sharing a secret key share what the
// Rate-Limit-* headers said and which calls are in flight, so that together
// they waste no more 429s than one process would; see its doc.
//
// This package is a module of its own, so that applications that do not use
// Redis do not have go-redis in their module graph. The tests run against
// miniredis and, when REDIS_ADDR points at one, a real redis-server;
// `source .ci/redis.sh` starts one.
package redisstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/seed19b1029f/xendit-go"
)

// Defaults.
const (
	DefaultKeyPrefix = "xendit:webhook:"
	DefaultTimeout   = 3 * time.Second
)

// Store is a [xendit.DedupeStore] on Redis. It is safe for concurrent use.
type Store struct {
	rdb     redis.UniversalClient
	prefix  string
	timeout time.Duration
}

var _ xendit.DedupeStore = (*Store)(nil)

// Option configures a [Store].
type Option func(*Store) error

// WithKeyPrefix puts keys under prefix instead of [DefaultKeyPrefix], e.g.
// to keep test and live mode apart in one Redis.
func WithKeyPrefix(prefix string) Option {
	return func(s *Store) error {
		if prefix == "" {
			return errors.New("redisstore: WithKeyPrefix: empty prefix; webhook-ids would share Redis's key space with everything else")
		}
		s.prefix = prefix
		return nil
	}
}

// WithTimeout bounds each Redis command (default [DefaultTimeout]), within
// the caller's context.
func WithTimeout(d time.Duration) Option {
	return func(s *Store) error {
		if d <= 0 {
			return fmt.Errorf("redisstore: WithTimeout: %v is not positive", d)
		}
		s.timeout = d
		return nil
	}
}

// New returns a store on rdb: a *redis.Client, *redis.ClusterClient or
// *redis.Ring. The store never closes it.
func New(rdb redis.UniversalClient, opts ...Option) (*Store, error) {
	if rdb == nil {
		return nil, errors.New("redisstore: nil Redis client")
	}
	s := &Store{rdb: rdb, prefix: DefaultKeyPrefix, timeout: DefaultTimeout}
	for _, opt := range opts {
		if err := opt(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// The scripts run as one atomic step on the server. A key holds "done"
// once processed, or "claim:" and the owner token while a delivery holds
// it; any other value (such as "processing", written by earlier versions)
// counts as a claim nobody can free, which runs out with its TTL.
var (
	// KEYS[1] id; ARGV[1] claim value, ARGV[2] lease in ms.
	// Returns 1 acquired, 2 in progress, 3 done.
	dedupeClaimScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then
	redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
	return 1
end
if v == 'done' then return 3 end
return 2`)

	// KEYS[1] id; ARGV[1] claim value, ARGV[2] ttl in ms.
	// Returns 1 marked done (or done already), 0 another owner holds it.
	dedupeDoneScript = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if v == 'done' then return 1 end
if v and v ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2])
return 1`)

	// KEYS[1] id; ARGV[1] claim value. Deletes only the caller's claim.
	dedupeReleaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0`)
)

// Claim implements [xendit.DedupeStore]: the key is written with the
// owner's claim and the lease as its TTL, unless it exists.
func (s *Store) Claim(ctx context.Context, id, owner string, lease time.Duration) (xendit.ClaimResult, error) {
	ms, err := millis(lease)
	if err != nil {
		return 0, err
	}
	if owner == "" {
		return 0, errors.New("redisstore: empty owner")
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	n, err := dedupeClaimScript.Run(ctx, s.rdb, []string{s.prefix + id}, claimPrefix+owner, ms).Int()
	if err != nil {
		return 0, fmt.Errorf("redisstore: claiming webhook %q: %w", id, err)
	}
	switch n {
	case 1:
		return xendit.ClaimAcquired, nil
	case 3:
		return xendit.ClaimDone, nil
	}
	return xendit.ClaimInProgress, nil
}

// Done implements [xendit.DedupeStore]: the key becomes "done" with ttl if
// the owner's claim is still there, or no claim is.
func (s *Store) Done(ctx context.Context, id, owner string, ttl time.Duration) error {
	ms, err := millis(ttl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	n, err := dedupeDoneScript.Run(ctx, s.rdb, []string{s.prefix + id}, claimPrefix+owner, ms).Int()
	switch {
	case err != nil:
		return fmt.Errorf("redisstore: marking webhook %q done: %w", id, err)
	case n == 0:
		return fmt.Errorf("redisstore: marking webhook %q done: %w", id, xendit.ErrClaimLost)
	}
	return nil
}

// Release implements [xendit.DedupeStore]: the key is deleted if it holds
// the owner's claim.
func (s *Store) Release(ctx context.Context, id, owner string) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := dedupeReleaseScript.Run(ctx, s.rdb, []string{s.prefix + id}, claimPrefix+owner).Err(); err != nil {
		return fmt.Errorf("redisstore: releasing webhook %q: %w", id, err)
	}
	return nil
}

const claimPrefix = "claim:"

// millis converts ttl to whole milliseconds, rounding up, and refuses the
// TTLs with which Redis would keep a key forever or reject the command.
func millis(ttl time.Duration) (int64, error) {
	if ttl < time.Millisecond {
		return 0, fmt.Errorf("redisstore: ttl %v is under 1ms; a webhook-id is never stored without expiry", ttl)
	}
	return int64((ttl + time.Millisecond - 1) / time.Millisecond), nil
}
