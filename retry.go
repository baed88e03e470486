package xendit

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy bounds how often and how long the client retries. Which
// failures are retried is fixed by the SDK (see the package doc); the policy
// only sets the numbers.
type RetryPolicy struct {
	// MaxRetries is how many times a request may be repeated after its first
	// attempt; 0 disables retries.
	MaxRetries int
	// MinWait is the base of the exponential backoff: retry n waits a random
	// time between 0 and MinWait·2ⁿ (full jitter).
	MinWait time.Duration
	// MaxWait caps every wait, including one Xendit asks for with
	// Rate-Limit-Reset or Retry-After.
	MaxWait time.Duration
}

// DefaultRetryPolicy returns the policy a client uses unless told otherwise:
// up to 3 retries, waits from 500 ms growing to at most 30 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 3, MinWait: 500 * time.Millisecond, MaxWait: 30 * time.Second}
}

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxRetries < 0:
		return fmt.Errorf("xendit: RetryPolicy.MaxRetries is negative (%d)", p.MaxRetries)
	case p.MaxRetries > 0 && p.MinWait <= 0:
		return fmt.Errorf("xendit: RetryPolicy.MinWait must be positive when retrying")
	case p.MaxWait < p.MinWait:
		return fmt.Errorf("xendit: RetryPolicy.MaxWait (%v) is below MinWait (%v)", p.MaxWait, p.MinWait)
	}
	return nil
}

// wait returns how long to wait before retry number retry (0 for the first):
// what Xendit asked for on a 429 or with Retry-After, else exponential
// backoff with full jitter; capped by MaxWait either way.
func (p RetryPolicy) wait(retry int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := serverWait(resp); ok {
			return min(d, p.MaxWait)
		}
	}
	ceiling := p.MaxWait
	if retry < 32 {
		if d := p.MinWait << retry; d > 0 && d < ceiling {
			ceiling = d
		}
	}
	return rand.N(ceiling + 1)
}

// serverWait is the wait a response asks for: Rate-Limit-Reset on a 429
// (seconds left in the rate-limit window), else Retry-After.
func serverWait(resp *http.Response) (time.Duration, bool) {
	if resp.StatusCode == http.StatusTooManyRequests {
		if rl, ok := parseRateLimit(resp.Header); ok {
			return rl.Reset, true
		}
	}
	return retryAfter(resp.Header)
}

// retryAfter parses Retry-After, in seconds or as an HTTP date.
func retryAfter(h http.Header) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}
