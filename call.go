package xendit

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"
)

// call is one logical API call: the same request on every attempt, with the
// state the retry rules need.
type call struct {
	c        *Client
	endpoint Endpoint
	op       string // the endpoint's ID, or METHOD path for an unnamed endpoint
	req      *retryablehttp.Request
	rc       requestConfig
	safe     bool // repeating cannot act twice
	limit    rateSlot
	rh       retryablehttp.Client
	meta     Response

	attempts  int
	nextWait  time.Duration
	rateLimit RateLimit
	throttled bool // the last response was the API's rate limit
	// spent is set once a streamed body that cannot be re-read was opened:
	// the request is not sent again.
	spent atomic.Bool
}

var jsonMediaType = []string{"application/json"}

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 64 << 10

// callKey finds the call in its request's context, for go-retryablehttp's
// hooks.
type callKey struct{}

func callFrom(ctx context.Context) *call { return ctx.Value(callKey{}).(*call) }

// prepare builds the request that every attempt sends.
func (k *call) prepare(ctx context.Context, r *Request) error {
	c, rc := k.c, &k.rc
	if ctx == nil {
		return errNilContext
	}
	if rc.err != nil {
		return rc.err
	}
	e := r.Endpoint
	op := e.ID
	if op == "" {
		op = e.Method + " " + e.Path
	}
	path, err := expandPath(e.Path, r.PathParams)
	if err != nil {
		return err
	}
	u := c.baseURL + path
	if len(r.Query) > 0 {
		u += "?" + r.Query.Encode()
	}
	var body []byte
	if r.Body != nil {
		if body, err = json.Marshal(r.Body); err != nil {
			return fmt.Errorf("xendit: %s: encoding the request body: %w", op, err)
		}
	}
	k.endpoint, k.op = e, op
	// A request without a body must reach go-retryablehttp as a true nil: an
	// empty []byte becomes an empty body the transport probes on every
	// attempt.
	var raw any
	if body != nil {
		raw = body
	}
	if r.BodyReader != nil { // streaming hook: see Request.BodyReader
		raw = k.streamBody(r.BodyReader, r.BodyReplayable)
	}
	req, err := retryablehttp.NewRequestWithContext(context.WithValue(ctx, callKey{}, k), e.Method, u, raw)
	if err != nil {
		return fmt.Errorf("xendit: %s: %w", op, err)
	}
	h := req.Header
	// Shared, never-modified value slices: no allocation per request.
	h["Authorization"] = c.creds.authorization
	h["Accept"] = jsonMediaType
	h["User-Agent"] = c.userAgent
	switch {
	case r.BodyReader != nil:
		h.Set("Content-Type", r.ContentType)
	case body != nil:
		h["Content-Type"] = jsonMediaType
	}
	rc.adoptEndpointHeaders(e)
	// Headers are set as the endpoint spells them, not canonicalized.
	if v := rc.apiVersion; v != "" || e.APIVersion != "" {
		if v == "" {
			v = e.APIVersion
		}
		h[e.versionHeader()] = []string{v}
	}
	switch {
	case e.IdempotencyHeader != "":
		if rc.idempotencyKey == "" {
			rc.idempotencyKey = uuid.NewString() // once per call, reused on every retry
		}
		h[e.IdempotencyHeader] = []string{rc.idempotencyKey}
	case rc.idempotencyKey != "":
		return Invalid("idempotency key", "%s documents no idempotency header, so the key would not be sent", op)
	}
	for _, hd := range rc.headers {
		if !e.ownsHeader(hd.name) {
			h[hd.name] = []string{hd.value}
		}
	}
	k.req, k.safe, k.limit = req, e.retrySafe(rc.idempotencyKey), c.rates.slot(c.creds.account, op)
	return nil
}

// adoptEndpointHeaders takes a header set by hand with WithHeader that names
// the endpoint's idempotency or version header, in any spelling, as that
// setting, so that it goes out once, as the endpoint spells it, and is
// reported. WithIdempotencyKey and WithAPIVersion take precedence.
func (rc *requestConfig) adoptEndpointHeaders(e Endpoint) {
	for _, hd := range rc.headers {
		switch {
		case e.IdempotencyHeader != "" && strings.EqualFold(hd.name, e.IdempotencyHeader):
			rc.idempotencyKey = cmp.Or(rc.idempotencyKey, hd.value)
		case strings.EqualFold(hd.name, e.versionHeader()):
			rc.apiVersion = cmp.Or(rc.apiVersion, hd.value)
		}
	}
}

// ownsHeader reports whether the pipeline sets header name itself for e.
func (e Endpoint) ownsHeader(name string) bool {
	return strings.EqualFold(name, e.versionHeader()) ||
		(e.IdempotencyHeader != "" && strings.EqualFold(name, e.IdempotencyHeader))
}

// expandPath fills {name} placeholders with escaped values.
func expandPath(template string, params map[string]string) (string, error) {
	if !strings.Contains(template, "{") {
		return template, nil
	}
	var b strings.Builder
	rest := template
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(rest)
			return b.String(), nil
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "", fmt.Errorf("xendit: path template %q has an unclosed '{'", template)
		}
		name := rest[i+1 : i+j]
		v := params[name]
		if strings.TrimSpace(v) == "" {
			return "", Invalid(name, "is required")
		}
		b.WriteString(rest[:i])
		b.WriteString(url.PathEscape(v))
		rest = rest[i+j+1:]
	}
}

// run sends the request with retries and turns the outcome into out or an
// error.
func (k *call) run(ctx context.Context, out any) error {
	c, meta := k.c, &k.meta
	meta.IdempotencyKey = k.rc.idempotencyKey
	if k.rc.response != nil {
		defer func() { *k.rc.response = *meta }()
	}
	if err := k.limit.await(ctx, c.rateMode, k.op); err != nil {
		return err
	}
	defer k.limit.done(ctx)
	// Only Backoff needs a closure: the other hooks find the call in the
	// request's context.
	rh := &k.rh
	rh.HTTPClient = c.http
	rh.RetryMax, rh.RetryWaitMin, rh.RetryWaitMax = c.retry.MaxRetries, c.retry.MinWait, c.retry.MaxWait
	rh.CheckRetry = checkRetry
	rh.Backoff = k.backoff
	rh.ErrorHandler = retryablehttp.PassthroughErrorHandler
	rh.RequestLogHook = beforeAttempt
	rh.ResponseLogHook = afterResponse
	rh.PrepareRetry = prepareRetry
	resp, err := rh.Do(k.req)
	meta.Attempts = k.attempts
	handedOver := false // streaming hook: a 2xx body given to out unread stays open
	if resp != nil {
		defer func() {
			if !handedOver {
				resp.Body.Close()
			}
		}()
		meta.StatusCode = resp.StatusCode
		meta.Header = resp.Header
		meta.RequestID = resp.Header.Get(HeaderRequestID)
		meta.RateLimit = k.rateLimit
	}
	if err != nil {
		return k.fail(meta, err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if rc, ok := out.(*io.ReadCloser); ok {
			*rc, handedOver = resp.Body, true
			return nil
		}
		return k.decode(resp, out)
	}
	e := k.newError(meta)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	body = []byte(c.scrub(string(body)))
	e.fillFromBody(body)
	if len(body) > 0 {
		e.Body = body
	}
	e.RetryAfter, _ = retryAfter(resp.Header)
	if e.RetryAfter == 0 && resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter = k.rateLimit.Reset
	}
	return e
}

func (k *call) newError(meta *Response) *Error {
	return &Error{
		Operation:      k.op,
		StatusCode:     meta.StatusCode,
		RequestID:      meta.RequestID,
		RateLimit:      meta.RateLimit,
		IdempotencyKey: meta.IdempotencyKey,
		Attempts:       meta.Attempts,
	}
}

// fail wraps a failure that left no usable response.
func (k *call) fail(meta *Response, err error) error {
	e := k.newError(meta)
	e.Err = k.withoutURL(err)
	e.StatusCode = 0 // even if a response came, the call ended without using it
	k.log(slog.LevelDebug, "xendit call failed", slog.String("error", e.Err.Error()))
	return e
}

// withoutURL replaces the URL that net/http quotes in its errors with the
// endpoint's path template: path ids and query values can be card tokens or
// personal data. The cause stays reachable for errors.Is and errors.As.
func (k *call) withoutURL(err error) error {
	ue, ok := err.(*url.Error)
	if !ok {
		return err
	}
	redacted := *ue
	redacted.URL = k.c.baseURL + k.endpoint.Path
	return &redacted
}

// decode reads a 2xx body into out, draining what is left so the connection
// can be reused.
func (k *call) decode(resp *http.Response, out any) error {
	defer io.Copy(io.Discard, resp.Body) //nolint:errcheck // best effort
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil && err != io.EOF {
		return &Error{
			Operation: k.op, StatusCode: resp.StatusCode, RequestID: resp.Header.Get(HeaderRequestID),
			IdempotencyKey: k.rc.idempotencyKey, Attempts: k.attempts,
			Err: fmt.Errorf("decoding the response: %w", err),
		}
	}
	return nil
}

// checkRetry is the SDK's retry decision for go-retryablehttp. When the
// context's deadline would come before the next attempt, it stops now so the
// caller gets the last result instead of a wait that cannot end in time.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	k := callFrom(ctx)
	k.throttled = resp != nil && throttled(resp) // go-retryablehttp calls this before afterResponse
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if !retryable(k.endpoint.Method, k.safe, k.throttled, resp, err) || k.attempts > k.c.retry.MaxRetries || k.spent.Load() {
		return false, nil
	}
	wait := k.c.retry.wait(k.attempts-1, resp)
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
		k.log(slog.LevelDebug, "xendit retry skipped: the context ends before the wait", slog.Duration("wait", wait))
		return false, nil
	}
	k.nextWait = wait
	status := 0
	if resp != nil {
		status = resp.StatusCode
	}
	k.log(slog.LevelInfo, "xendit retry", slog.Int("status", status), slog.Duration("wait", wait),
		slog.Int("attempt", k.attempts))
	return true, nil
}

// backoff hands go-retryablehttp the wait checkRetry chose.
func (k *call) backoff(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	return k.nextWait
}

func beforeAttempt(_ retryablehttp.Logger, r *http.Request, _ int) {
	k := callFrom(r.Context())
	k.attempts++
	k.log(slog.LevelDebug, "xendit request", slog.String("method", r.Method),
		slog.String("path", k.endpoint.Path), slog.Int("attempt", k.attempts)) // the template: ids stay out
}

func afterResponse(_ retryablehttp.Logger, resp *http.Response) {
	k := callFrom(resp.Request.Context())
	k.rateLimit = k.limit.observe(resp.Request.Context(), resp, k.throttled, k.c.rateMode)
	k.log(slog.LevelDebug, "xendit response", slog.Int("status", resp.StatusCode),
		slog.String("request_id", resp.Header.Get(HeaderRequestID)), slog.Int("attempt", k.attempts))
}

// log writes one line with the call's operation; it costs nothing when the
// client has no logger.
func (k *call) log(level slog.Level, msg string, attrs ...slog.Attr) {
	l := k.c.logger
	if l == nil || !l.Enabled(k.req.Context(), level) {
		return
	}
	l.LogAttrs(k.req.Context(), level, msg, append(attrs, slog.String("operation", k.op))...)
}

// streamBody adapts Request.BodyReader for go-retryablehttp, which calls its
// ReaderFunc once up front to sniff a length and then once per attempt. Each
// call returns a lazyBody that opens the source on its first Read, so the
// sniff opens nothing, and an attempt that never sent a byte leaves a
// one-shot source unread and retryable.
func (k *call) streamBody(open func() (io.Reader, error), replayable bool) retryablehttp.ReaderFunc {
	return func() (io.Reader, error) {
		return &lazyBody{open: func() (io.Reader, error) {
			if !replayable {
				k.spent.Store(true)
			}
			return open()
		}}, nil
	}
}

type lazyBody struct {
	open func() (io.Reader, error)
	r    io.Reader
	err  error
}

func (b *lazyBody) Read(p []byte) (int, error) {
	if b.r == nil && b.err == nil {
		if b.r, b.err = b.open(); b.r == nil && b.err == nil {
			b.err = io.ErrUnexpectedEOF
		}
	}
	if b.err != nil {
		return 0, b.err
	}
	return b.r.Read(p)
}

// Close closes the opened source, which stops a producer behind an io.Pipe.
func (b *lazyBody) Close() error {
	if c, ok := b.r.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
