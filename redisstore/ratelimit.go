package redisstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seed19b1029f/xendit-go"
)

// Rate-limit defaults.
const (
	DefaultRateLimitPrefix  = "xendit:ratelimit:"
	DefaultRateLimitTimeout = 500 * time.Millisecond
	DefaultFlightLease      = 10 * time.Second
)

// RateLimits is a [xendit.RateLimitBackend] on Redis: replicas that share a
// secret key share one budget per operation, what the Rate-Limit-* headers
// said and which calls are in flight, so that together they draw no more
// 429s than one process would. Build a client's memory with
// [NewRateLimitMemory]:
//
//	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ContextTimeoutEnabled: true})
//	mem, err := redisstore.NewRateLimitMemory(rdb, logger)
//	client, err := xendit.New(key, xendit.WithRateLimitMemory(mem))
//
// Each (key, operation) is two Redis keys under the prefix, named by the
// fingerprint of the secret key (never the key itself) and the operation:
// a hash with the window (limit, remaining, end) that expires
// [xendit.RateLimitKeep] after the window ends, and a sorted set of the
// tickets in flight, each with its own lease ([WithFlightLease]), so that a
// replica that dies holding tickets frees them when their lease ends. Both
// share a hash tag, so they live on one Redis Cluster slot. Each Acquire and
// Release is one Lua script, run atomically on Redis's clock; the rule is
// the one [xendit.RateLimitMemory] applies in-process.
//
// Rate limiting must never stop payments: every command is bounded by
// [WithRateLimitTimeout], and the memory from [NewRateLimitMemory] falls
// back to the process's own memory while Redis does not answer (see
// [xendit.NewSharedRateLimitMemory]). Set ContextTimeoutEnabled on the Redis
// client so that the bound reaches the socket.
type RateLimits struct {
	rdb     redis.UniversalClient
	prefix  string
	timeout time.Duration
	lease   time.Duration
}

var _ xendit.RateLimitBackend = (*RateLimits)(nil)

// RateLimitOption configures [RateLimits].
type RateLimitOption func(*RateLimits) error

// WithRateLimitPrefix puts keys under prefix instead of
// [DefaultRateLimitPrefix].
func WithRateLimitPrefix(prefix string) RateLimitOption {
	return func(r *RateLimits) error {
		if prefix == "" {
			return errors.New("redisstore: WithRateLimitPrefix: empty prefix")
		}
		r.prefix = prefix
		return nil
	}
}

// WithRateLimitTimeout bounds each command (default
// [DefaultRateLimitTimeout]): past it the call goes out on the process's own
// memory instead of waiting for Redis.
func WithRateLimitTimeout(d time.Duration) RateLimitOption {
	return func(r *RateLimits) error {
		if d <= 0 {
			return fmt.Errorf("redisstore: WithRateLimitTimeout: %v is not positive", d)
		}
		r.timeout = d
		return nil
	}
}

// WithFlightLease sets how long a call counts as in flight when its release
// never comes (default [DefaultFlightLease]), such as when its replica dies.
// Keep it above the time a request may take.
func WithFlightLease(d time.Duration) RateLimitOption {
	return func(r *RateLimits) error {
		if d < time.Millisecond {
			return fmt.Errorf("redisstore: WithFlightLease: %v is under 1ms", d)
		}
		r.lease = d
		return nil
	}
}

// NewRateLimits returns the backend on rdb, which it never closes.
func NewRateLimits(rdb redis.UniversalClient, opts ...RateLimitOption) (*RateLimits, error) {
	if rdb == nil {
		return nil, errors.New("redisstore: nil Redis client")
	}
	r := &RateLimits{rdb: rdb, prefix: DefaultRateLimitPrefix, timeout: DefaultRateLimitTimeout, lease: DefaultFlightLease}
	for _, opt := range opts {
		if err := opt(r); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// NewRateLimitMemory returns a [xendit.RateLimitMemory] kept in Redis, for
// [xendit.WithRateLimitMemory]; it logs on logger (slog.Default() when nil)
// when it falls back to the process's own memory.
func NewRateLimitMemory(rdb redis.UniversalClient, logger *slog.Logger, opts ...RateLimitOption) (*xendit.RateLimitMemory, error) {
	r, err := NewRateLimits(rdb, opts...)
	if err != nil {
		return nil, err
	}
	return xendit.NewSharedRateLimitMemory(r, logger), nil
}

func (r *RateLimits) keys(k xendit.RateLimitKey) []string {
	window := r.prefix + "{" + k.Account + ":" + k.Operation + "}"
	return []string{window, window + ":inflight"}
}

// Scripts read the time from Redis, so replicas whose clocks differ agree on
// when a window ends. Times are milliseconds.
const redisNow = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`

// acquireScript: KEYS[1] the window hash, KEYS[2] the tickets in flight
// (scored by lease end); ARGV ticket, lease, poll. It returns 0 when the
// ticket is counted, else the wait.
var acquireScript = redis.NewScript(redisNow + `
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local inflight = redis.call('ZCARD', KEYS[2])
local w = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'end')
local limit, remaining, wend = tonumber(w[1]) or 0, tonumber(w[2]) or 0, tonumber(w[3])
if wend then
	if now < wend then
		if remaining - inflight <= 0 then return wend - now end
	elseif limit > 0 and limit - inflight <= 0 then
		return tonumber(ARGV[3])
	end
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 0
`)

// releaseScript: KEYS as acquireScript; ARGV ticket, then, when a response
// is learned, its limit and remaining, its reset rounded down and up, the
// flight lease and how long the window is kept after its end. The window
// ends between the reset after the ticket was acquired (its score less the
// lease; unknown once it expired) and the reset after now: a response whose
// earliest end is past the known latest end starts a newer window, one
// whose latest end is before the known earliest end is of an older window,
// and any other is of the known one (see xendit.RateLimitMemory).
var releaseScript = redis.NewScript(redisNow + `
local acquired = redis.call('ZSCORE', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if #ARGV == 1 then return 0 end
local limit, rem = tonumber(ARGV[2]), tonumber(ARGV[3])
local lo, hi = 0, now + tonumber(ARGV[5])
if acquired then lo = tonumber(acquired) - tonumber(ARGV[6]) + tonumber(ARGV[4]) end
local w = redis.call('HMGET', KEYS[1], 'remaining', 'from', 'end')
local remaining, wfrom, wend = tonumber(w[1]), tonumber(w[2]) or 0, tonumber(w[3])
if not wend or lo > wend then
	remaining, wfrom, wend = rem, lo, hi
elseif hi < wfrom then
	return 0
else
	remaining, wfrom, wend = math.min(remaining, rem), math.max(wfrom, lo), math.max(wend, hi)
end
redis.call('HSET', KEYS[1], 'remaining', remaining, 'from', wfrom, 'end', wend)
if limit > 0 then redis.call('HSET', KEYS[1], 'limit', limit) end
redis.call('PEXPIREAT', KEYS[1], wend + tonumber(ARGV[7]))
return 0
`)

// Acquire implements [xendit.RateLimitBackend].
func (r *RateLimits) Acquire(ctx context.Context, key xendit.RateLimitKey, ticket string) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	wait, err := acquireScript.Run(ctx, r.rdb, r.keys(key), ticket, r.lease.Milliseconds(), xendit.RateLimitPoll.Milliseconds()).Int64()
	if err != nil {
		return 0, fmt.Errorf("redisstore: rate limit of %s: %w", key.Operation, err)
	}
	return time.Duration(wait) * time.Millisecond, nil
}

// Release implements [xendit.RateLimitBackend].
func (r *RateLimits) Release(ctx context.Context, key xendit.RateLimitKey, ticket string, seen *xendit.RateLimit) error {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	args := []any{ticket}
	if seen != nil {
		args = append(args, seen.Limit, seen.Remaining,
			seen.Reset/time.Millisecond, (seen.Reset+time.Millisecond-1)/time.Millisecond, // rounded down, up
			r.lease.Milliseconds(), xendit.RateLimitKeep.Milliseconds())
	}
	if err := releaseScript.Run(ctx, r.rdb, r.keys(key), args...).Err(); err != nil {
		return fmt.Errorf("redisstore: rate limit of %s: %w", key.Operation, err)
	}
	return nil
}
