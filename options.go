package xendit

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Option configures a [Client] in [New].
type Option func(*config) error

type config struct {
	baseURL    string
	httpClient *http.Client
	timeout    time.Duration
	retry      RetryPolicy
	rateMode   RateLimitMode
	rateMemory *RateLimitMemory
	logger     *slog.Logger
	userAgent  string
	defaults   []RequestOption
	maxBody    int64
}

// DefaultTimeout bounds how long each attempt of a request waits for
// Xendit's response headers. The caller's context bounds the whole call,
// retries and body included.
const DefaultTimeout = 60 * time.Second

// WithBaseURL points the client at another server, such as an
// [github.com/seed19b1029f/xendit-go/xendittest] fake. It must be https,
// or http on a loopback host (127.0.0.1, ::1, localhost).
func WithBaseURL(u string) Option {
	return func(c *config) error {
		if u == "" {
			return fmt.Errorf("xendit: WithBaseURL: empty URL")
		}
		c.baseURL = strings.TrimRight(u, "/")
		return nil
	}
}

// WithHTTPClient sends requests through hc, for a proxy or instrumentation
// such as otelhttp (wrap [NewTransport] or [SharedTransport] to keep the
// SDK's tuning). hc's own Timeout, if any, still bounds each attempt;
// [WithTimeout] adds a bound on the wait for headers. hc's CheckRedirect is
// not used: the SDK never follows a redirect. The SDK never closes hc's idle
// connections.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return fmt.Errorf("xendit: WithHTTPClient: nil client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithTimeout bounds how long each attempt waits for response headers
// (default [DefaultTimeout]); an attempt that times out is retried like a
// dropped connection. A body, such as a file download, then streams for as
// long as the caller's context allows.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("xendit: WithTimeout: %v is not positive", d)
		}
		c.timeout = d
		return nil
	}
}

// DefaultMaxResponseBytes bounds a 2xx body the client decodes.
const DefaultMaxResponseBytes = 32 << 20

// WithMaxResponseBytes bounds the size of a 2xx body the client decodes
// (default [DefaultMaxResponseBytes]); a larger one is an [*Error] and the
// connection is closed rather than read to the end. File downloads, which
// stream to the caller, are not bounded.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("xendit: WithMaxResponseBytes: %d is not positive", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithRetryPolicy replaces the [DefaultRetryPolicy].
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithRateLimiting selects how the client reacts to the Rate-Limit-* headers
// (default [RateLimitWait]).
func WithRateLimiting(m RateLimitMode) Option {
	return func(c *config) error {
		if m < RateLimitWait || m > RateLimitOff {
			return fmt.Errorf("xendit: WithRateLimiting: unknown mode %d", m)
		}
		c.rateMode = m
		return nil
	}
}

// WithRateLimitMemory shares what clients learn from the Rate-Limit-*
// headers. Clients built with the same memory and the same secret key
// respect one remembered window per operation, as Xendit counts it.
func WithRateLimitMemory(m *RateLimitMemory) Option {
	return func(c *config) error {
		if m == nil {
			return fmt.Errorf("xendit: WithRateLimitMemory: nil memory")
		}
		c.rateMemory = m
		return nil
	}
}

// WithLogger logs requests, responses and retries to l. The client is silent
// without it. Neither the secret key nor the Authorization header is ever
// logged; query strings and bodies are not logged either.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return fmt.Errorf("xendit: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithUserAgent adds product to the User-Agent header, after the SDK's own.
func WithUserAgent(product string) Option {
	return func(c *config) error {
		if err := checkHeaderValue("User-Agent", product); err != nil {
			return err
		}
		c.userAgent = product
		return nil
	}
}

// WithDefaults applies opts to every request of the client, before the
// request's own options, e.g. WithDefaults(ForUserID(subAccount)). [New]
// checks them; an idempotency key or CaptureResponse belongs to one call
// and cannot be a default.
func WithDefaults(opts ...RequestOption) Option {
	return func(c *config) error {
		c.defaults = append(c.defaults, opts...)
		return nil
	}
}

// RequestOption adjusts one request.
type RequestOption func(*requestConfig)

type requestConfig struct {
	idempotencyKey string
	apiVersion     string
	headers        []header
	response       *Response   // the first CaptureResponse
	moreResponses  []*Response // any later ones: each is filled too
	err            error
}

type header struct{ name, value string }

func (rc *requestConfig) fail(err error) {
	if rc.err == nil {
		rc.err = err
	}
}

// WithIdempotencyKey sends key in the endpoint's idempotency header instead of
// a generated one. Use it to repeat a call whose outcome is unknown: Xendit
// answers a repeated key with the first result instead of acting twice.
func WithIdempotencyKey(key string) RequestOption {
	return func(rc *requestConfig) {
		if err := checkHeaderValue("idempotency key", key); err != nil {
			rc.fail(err)
			return
		}
		rc.idempotencyKey = key
	}
}

// ForUserID makes the request for a xenPlatform sub-account (for-user-id).
func ForUserID(userID string) RequestOption {
	return WithHeader(HeaderForUserID, userID)
}

// WithSplitRule applies a xenPlatform split rule to the request
// (with-split-rule).
func WithSplitRule(splitRuleID string) RequestOption {
	return WithHeader(HeaderWithSplitRule, splitRuleID)
}

// WithAPIVersion sends version (YYYY-MM-DD) instead of the one the endpoint
// pins. The SDK's types follow the pinned version; a response of another
// shape decodes as far as the fields agree.
func WithAPIVersion(version string) RequestOption {
	return func(rc *requestConfig) {
		if _, err := time.Parse(time.DateOnly, version); err != nil {
			rc.fail(Invalid(HeaderAPIVersion, "%q is not a YYYY-MM-DD date", version))
			return
		}
		rc.apiVersion = version
	}
}

// WithHeader sets a header on the request, spelled as given. It cannot set
// Authorization.
func WithHeader(name, value string) RequestOption {
	return func(rc *requestConfig) {
		if strings.EqualFold(name, "Authorization") {
			rc.fail(Invalid(name, "is set by the client from its secret key"))
			return
		}
		if err := checkHeaderValue(name, value); err != nil {
			rc.fail(err)
			return
		}
		rc.headers = append(rc.headers, header{name, value})
	}
}

// FailOption returns a RequestOption that makes the call fail with err
// before anything is sent. Product packages use it for the options whose
// values they check themselves, such as snap.WithExternalID.
func FailOption(err error) RequestOption {
	return func(rc *requestConfig) { rc.fail(err) }
}

// CaptureResponse fills *r with the response's metadata when the call
// returns, whether it succeeded or not. Several CaptureResponse options are
// all filled, so that a product package capturing for itself never takes
// the caller's place.
func CaptureResponse(r *Response) RequestOption {
	return func(rc *requestConfig) {
		if rc.response == nil {
			rc.response = r
		} else if r != rc.response {
			rc.moreResponses = append(rc.moreResponses, r)
		}
	}
}

// checkHeaderValue rejects values that are empty or cannot travel in a header.
func checkHeaderValue(name, v string) error {
	if v == "" {
		return Invalid(name, "is empty")
	}
	if strings.TrimSpace(v) != v || strings.ContainsAny(v, "\r\n\x00") {
		return Invalid(name, "has leading or trailing space or a control character")
	}
	return nil
}
