// Package redisstore keeps the webhook-ids a [xendit.WebhookHandler] has seen
// in Redis, so that replicas behind a load balancer dedupe Xendit's webhooks
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
// A claim is one atomic command, SET key processing PX ttl NX, so two
// replicas can never both win the same webhook-id, and no key is ever
// written without an expiry: a TTL under a millisecond is an error, not a
// key that lives forever. A processed id is kept as "done" for the handler's
// dedupe TTL (72 hours by default); a failed one is deleted so that Xendit's
// retry is processed. Keys are the prefix (default "xendit:webhook:") and the
// webhook-id.
//
// When Redis cannot be reached, the handler answers 500 and Xendit retries
// later: an event is neither processed without the dedupe check nor dropped.
// Every command is bounded by [WithTimeout]; set ContextTimeoutEnabled on the
// client so that the bound reaches the socket.
//
// Redis replicates asynchronously, so a failover can lose a recent claim and
// let a duplicate through. Deduplication stays best effort: keep the writes
// an event triggers idempotent.
//
// The tests run against miniredis and, when REDIS_ADDR points at one, a real
// redis-server; `source .ci/redis.sh` starts one.
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

// Claim implements [xendit.DedupeStore] with SET key processing PX ttl NX.
func (s *Store) Claim(ctx context.Context, id string, ttl time.Duration) (bool, error) {
	ms, err := millis(ttl)
	if err != nil {
		return false, err
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	err = s.rdb.Do(ctx, "SET", s.prefix+id, "processing", "PX", ms, "NX").Err()
	switch {
	case errors.Is(err, redis.Nil): // NX: the key exists
		return false, nil
	case err != nil:
		return false, fmt.Errorf("redisstore: claiming webhook %q: %w", id, err)
	}
	return true, nil
}

// Done implements [xendit.DedupeStore] with SET key done PX ttl.
func (s *Store) Done(ctx context.Context, id string, ttl time.Duration) error {
	ms, err := millis(ttl)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.rdb.Do(ctx, "SET", s.prefix+id, "done", "PX", ms).Err(); err != nil {
		return fmt.Errorf("redisstore: marking webhook %q done: %w", id, err)
	}
	return nil
}

// Release implements [xendit.DedupeStore] with DEL key.
func (s *Store) Release(ctx context.Context, id string) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	if err := s.rdb.Del(ctx, s.prefix+id).Err(); err != nil {
		return fmt.Errorf("redisstore: releasing webhook %q: %w", id, err)
	}
	return nil
}

// millis converts ttl to whole milliseconds, rounding up, and refuses the
// TTLs with which Redis would keep a key forever or reject the command.
func millis(ttl time.Duration) (int64, error) {
	if ttl < time.Millisecond {
		return 0, fmt.Errorf("redisstore: ttl %v is under 1ms; a webhook-id is never stored without expiry", ttl)
	}
	return int64((ttl + time.Millisecond - 1) / time.Millisecond), nil
}
