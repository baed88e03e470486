package xendit

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Client calls the Xendit API with one secret key. It is immutable after
// [New] and safe for concurrent use; create one per key and reuse it.
type Client struct {
	baseURL string
	// core holds the rest behind a closure, so that nothing that prints with
	// reflection (%v of the struct, testify's diffs, spew) can reach the key,
	// nor walk the shared transport and rate-limit memory while calls change
	// them.
	core func() *clientCore
}

// clientCore is what a Client is made of.
type clientCore struct {
	baseURL   string
	creds     *credentials
	http      *http.Client
	retry     RetryPolicy
	rateMode  RateLimitMode
	rates     *RateLimitMemory
	logger    *slog.Logger // nil: silent
	userAgent []string
	defaults  []RequestOption
	maxBody   int64                 // bound on a decoded 2xx body
	retrier   *retryablehttp.Client // shared by the client's calls
}

type credentials struct {
	authorization []string // {"Basic " + base64(key + ":")}
	account       string   // a fingerprint of the key, for the rate-limit memory
	redact        []string // the key and its Basic Auth encoding
}

// New returns a client that authenticates with secretKey. An empty or
// malformed key, or a bad option (including a default request option), is
// an error here rather than a 401 or a failed call later.
func New(secretKey string, opts ...Option) (*Client, error) {
	if err := checkSecretKey(secretKey); err != nil {
		return nil, err
	}
	cfg := config{baseURL: DefaultBaseURL, retry: DefaultRetryPolicy(), maxBody: DefaultMaxResponseBytes}
	for _, opt := range opts {
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if err := checkBaseURL(cfg.baseURL); err != nil {
		return nil, err
	}
	if err := checkDefaults(cfg.defaults); err != nil {
		return nil, err
	}
	encoded := base64.StdEncoding.EncodeToString([]byte(secretKey + ":"))
	sum := sha256.Sum256([]byte(secretKey))
	core := &clientCore{
		baseURL: cfg.baseURL,
		creds: &credentials{
			authorization: []string{"Basic " + encoded},
			account:       hex.EncodeToString(sum[:8]),
			redact:        []string{secretKey, encoded},
		},
		http:      attemptClient(cfg.httpClient, cfg.timeout),
		retry:     cfg.retry,
		rateMode:  cfg.rateMode,
		rates:     cfg.rateMemory,
		logger:    cfg.logger,
		userAgent: []string{"xendit-go/" + Version + " " + runtime.Version()},
		defaults:  cfg.defaults,
		maxBody:   cfg.maxBody,
	}
	core.retrier = newRetrier(core.http, core.retry)
	if core.rates == nil {
		core.rates = NewRateLimitMemory()
	}
	if cfg.userAgent != "" {
		core.userAgent[0] += " " + cfg.userAgent
	}
	return &Client{baseURL: cfg.baseURL, core: func() *clientCore { return core }}, nil
}

// checkDefaults runs the default request options once, so that a bad one
// fails New instead of every call. Options that belong to one call (an
// idempotency key, CaptureResponse) cannot be defaults.
func checkDefaults(defaults []RequestOption) error {
	var rc requestConfig
	for _, opt := range defaults {
		opt(&rc)
	}
	switch {
	case rc.err != nil:
		return rc.err
	case rc.idempotencyKey != "":
		return Invalid("idempotency key", "belongs to one call; WithDefaults cannot set it")
	case rc.response != nil:
		return Invalid("CaptureResponse", "belongs to one call; WithDefaults cannot set it")
	}
	for _, h := range rc.headers {
		if isIdempotencyHeader(h.name) {
			return Invalid(h.name, "is an idempotency header: it belongs to one call; WithDefaults cannot set it")
		}
	}
	return nil
}

// NewFromEnv returns a client for the key in XENDIT_SECRET_KEY, at
// XENDIT_BASE_URL when that is set. Options given here override both.
func NewFromEnv(opts ...Option) (*Client, error) {
	key, ok := os.LookupEnv(EnvSecretKey)
	if !ok || key == "" {
		return nil, fmt.Errorf("xendit: %s is not set", EnvSecretKey)
	}
	if u := os.Getenv(EnvBaseURL); u != "" {
		opts = append([]Option{WithBaseURL(u)}, opts...)
	}
	return New(key, opts...)
}

// checkSecretKey rejects keys that cannot be Xendit secret keys. Its errors
// never quote the key.
func checkSecretKey(key string) error {
	bad := func(why string) error { return fmt.Errorf("xendit: secret key %s", why) }
	switch {
	case key == "":
		return bad("is empty (pass it to New, or set " + EnvSecretKey + " for NewFromEnv)")
	case strings.TrimSpace(key) != key:
		return bad("has leading or trailing white space")
	case strings.Contains(key, ":"):
		return bad("contains ':'; pass the key alone, Basic Auth's ':' is added by the client")
	case strings.IndexFunc(key, func(r rune) bool { return r <= ' ' || r > '~' }) >= 0:
		return bad("contains white space or characters outside printable ASCII")
	case strings.HasPrefix(key, "xnd_public_"):
		return bad("is a public key; API calls from a server need the secret key")
	case !strings.HasPrefix(key, "xnd_"):
		return bad("does not start with \"xnd_\"; copy it from Dashboard > Settings > API Keys")
	}
	return nil
}

// checkBaseURL accepts https URLs, and http only on a loopback host (a
// local fake): plain http would send the key in clear text.
func checkBaseURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("xendit: base URL %q is not an http(s) URL with a host", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("xendit: base URL %q must not carry a query, fragment or user info", raw)
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		return fmt.Errorf("xendit: base URL %q is plain http: the secret key would travel in clear text; use https (http is allowed for loopback hosts only)", raw)
	}
	return nil
}

func loopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// attemptClient is the *http.Client each attempt goes through. It never
// follows a redirect. Without a caller's client it sends through the
// transport shared by every such client with the same timeout; with one,
// through the caller's transport behind a wrapper that bounds the wait for
// response headers. Either way go-retryablehttp's CloseIdleConnections after
// a failed call does not reach a pool other calls share.
//
// The bound is on the headers, not the whole exchange, so that a large file
// download is limited only by the caller's context.
func attemptClient(hc *http.Client, timeout time.Duration) *http.Client {
	if hc == nil {
		return sharedClient(cmp.Or(timeout, DefaultTimeout))
	}
	var rt http.RoundTripper = roundTripOnly{cmp.Or[http.RoundTripper](hc.Transport, http.DefaultTransport)}
	if timeout > 0 {
		rt = headerTimeout{rt: rt, d: timeout}
	}
	return &http.Client{Transport: rt, CheckRedirect: noRedirects, Jar: hc.Jar, Timeout: hc.Timeout}
}

// noRedirects hands a 3xx back as the answer: following it could turn a
// POST into a GET whose answer is taken for the result, and carry the
// Authorization header to wherever Location points.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// roundTripOnly hides the wrapped transport's CloseIdleConnections.
type roundTripOnly struct{ rt http.RoundTripper }

func (r roundTripOnly) RoundTrip(req *http.Request) (*http.Response, error) {
	return r.rt.RoundTrip(req)
}

// headerTimeout bounds the wait for response headers on a transport the SDK
// does not own, as ResponseHeaderTimeout does on its own one.
type headerTimeout struct {
	rt http.RoundTripper
	d  time.Duration
}

func (h headerTimeout) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithCancel(req.Context())
	timer := time.AfterFunc(h.d, cancel)
	resp, err := h.rt.RoundTrip(req.WithContext(ctx))
	if !timer.Stop() && req.Context().Err() == nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, timeoutError{h.d}
	}
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// timeoutError is a net.Error reporting a timeout, like the transport's own.
type timeoutError struct{ d time.Duration }

func (e timeoutError) Error() string {
	return "xendit: no response headers within " + e.d.String()
}
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

// String describes the client without its secret.
func (c *Client) String() string {
	return "xendit.Client{baseURL: " + c.baseURL + ", secret key: redacted}"
}

// GoString describes the client without its secret, for %#v.
func (c *Client) GoString() string { return c.String() }

// BaseURL returns the URL the client sends requests to.
func (c *Client) BaseURL() string { return c.baseURL }

// scrub removes the secret key and its Basic Auth encoding from s, spelled
// literally or escaped, in case a server or proxy echoes them into what
// ends up in an error or a captured response.
func (c *clientCore) scrub(s string) string { return redact(s, c.creds.redact) }

// Request is one API call, as product packages build it. A caller reaching an
// endpoint the SDK does not type yet builds one too:
//
//	req := &xendit.Request{
//		Endpoint: xendit.Endpoint{ID: "invoices.create", Method: "POST", Path: "/v2/invoices",
//			IdempotencyHeader: "X-IDEMPOTENCY-KEY"},
//		Body: params,
//	}
//	err := client.Do(ctx, req, &invoice)
type Request struct {
	Endpoint Endpoint
	// PathParams fill the {name} placeholders of Endpoint.Path; each value is
	// escaped, and an empty one is a validation error.
	PathParams map[string]string
	Query      url.Values
	// Body is encoded as JSON once and sent, unchanged, on every attempt.
	Body any
	// BodyReader, instead of Body, streams a non-JSON body of type
	// ContentType (a file upload). It is called once per attempt, only when
	// the transport starts sending, so nothing is read before it is needed.
	// Unless BodyReplayable says every call yields the whole body afresh, a
	// request whose body was opened is not sent again: a streamed source
	// cannot be rewound.
	BodyReader     func() (io.Reader, error)
	ContentType    string
	BodyReplayable bool
	Options        []RequestOption
}

// Response is what a call learned besides its result; read it with
// [CaptureResponse].
type Response struct {
	StatusCode int
	Header     http.Header
	// RequestID is the Request-ID header: quote it to Xendit support.
	RequestID string
	RateLimit RateLimit
	// IdempotencyKey is the key the request carried, given or generated.
	IdempotencyKey string
	// Attempts is how many times the request was sent, counting the
	// re-sends Go's transport makes by itself on a failed reused connection.
	Attempts int
	// History is what each attempt learned, in order.
	History []Attempt
}

// Do sends req, retrying by the SDK's rules, and decodes a 2xx JSON body into
// out (unless out is nil). An out of type *io.ReadCloser receives the 2xx body
// unread instead (a file download): the caller must close it. Any other outcome is an error: a
// [*ValidationError] before sending, an [*Error] after.
func (c *Client) Do(ctx context.Context, req *Request, out any) error {
	if ctx == nil {
		return Invalid("context", "is nil")
	}
	core := c.core()
	k := &call{Context: ctx, c: core}
	for _, opt := range core.defaults {
		opt(&k.rc)
	}
	for _, opt := range req.Options {
		opt(&k.rc)
	}
	if err := k.prepare(req); err != nil {
		return err
	}
	return k.run(out)
}
