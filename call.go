package xendit

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/hashicorp/go-retryablehttp"
)

// call is one logical API call: the same request on every attempt, with the
// state the retry rules need. It is also the request's context: the
// caller's context, which answers callKey with the call itself, so that
// go-retryablehttp's hooks find the call without a context of their own.
type call struct {
	context.Context
	c            *clientCore
	method, path string // the endpoint's; path is the template, without ids
	op           string // the endpoint's ID, or METHOD path for an unnamed endpoint
	req          *retryablehttp.Request
	rc           requestConfig
	safe         bool // repeating cannot act twice
	limit        rateSlot
	resp         *http.Response // the answer the call ended with, if any

	attempts  int  // attempts go-retryablehttp made; History also counts the transport's re-sends
	waiting   bool // checkRetry is waiting to retry
	rateLimit RateLimit
	throttled bool // the last response was the API's rate limit
	// spent is set once a streamed body that cannot be re-read was opened:
	// the request is not sent again.
	spent atomic.Bool

	trace   httptrace.ClientTrace
	sends   atomic.Int32  // the transport's sends in this attempt (GetConn)
	gotConn atomic.Uint32 // bit i: send i had a connection
	wrote   atomic.Uint32 // bit i: send i wrote its headers

	history    []Attempt
	historyBuf [1]Attempt // most calls make one attempt
	body       boundedBody
}

var jsonMediaType = []string{"application/json"}

// keptErrorBody bounds how much of an error response an Error keeps;
// maxErrorBody, what is read, leaves room to find a secret that straddles
// the cut before cutting.
const (
	keptErrorBody = 64 << 10
	maxErrorBody  = keptErrorBody + 2048
)

// callKey finds the call in its request's context, for go-retryablehttp's
// hooks.
type callKey struct{}

// Value answers callKey with the call, and any other key as the caller's
// context does.
func (k *call) Value(key any) any {
	if _, ok := key.(callKey); ok {
		return k
	}
	return k.Context.Value(key)
}

func callFrom(ctx context.Context) *call { return ctx.Value(callKey{}).(*call) }

// prepare builds the request that every attempt sends.
func (k *call) prepare(r *Request) error {
	c, rc := k.c, &k.rc
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
	var u string
	if len(r.Query) > 0 {
		u = c.baseURL + path + "?" + r.Query.Encode()
	} else {
		u = c.baseURL + path
	}
	var body []byte
	if r.Body != nil {
		if body, err = json.Marshal(r.Body); err != nil {
			return Invalid("body", "cannot be encoded as JSON: %v", err)
		}
	}
	k.method, k.path, k.op = e.Method, e.Path, op
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
	k.trace.GetConn, k.trace.GotConn, k.trace.WroteHeaders = k.getConn, k.gotConnection, k.wroteHeaders
	req, err := retryablehttp.NewRequestWithContext(httptrace.WithClientTrace(k, &k.trace), e.Method, u, raw)
	if err != nil {
		return Invalid("request", "%s: %v", op, err)
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
	k.history = k.historyBuf[:0]
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
			return "", Invalid("path", "template %q has an unclosed '{'", template)
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
func (k *call) run(out any) error {
	c := k.c
	if k.rc.response != nil {
		defer k.capture()
	}
	if err := k.Err(); err != nil {
		return k.notSent(err)
	}
	// The rate-limit memory: wait for the operation's window, sending nothing.
	if err := k.limit.await(k, c.rateMode, k.op); err != nil {
		return k.notSent(err)
	}
	defer k.limit.done(k)
	resp, err := c.retrier.Do(k.req)
	if err != nil && resp != nil && k.Err() != nil && !k.waiting {
		// The answer came before the context ended: it is the outcome. Its
		// body may no longer be readable, which decode reports as such.
		err = nil
	}
	handedOver := false // streaming hook: a 2xx body given to out unread stays open
	if resp != nil {
		defer func() {
			if !handedOver {
				resp.Body.Close()
			}
		}()
		k.resp = resp
	}
	if err != nil {
		return k.fail(err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		if rc, ok := out.(*io.ReadCloser); ok {
			*rc, handedOver = resp.Body, true
			return nil
		}
		return k.decode(resp, out)
	}
	e := k.newError()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	// Redact before cutting: a key straddling the cut leaves no piece.
	if len(body) > 0 {
		body = []byte(c.scrub(string(body)))
		body = body[:min(len(body), keptErrorBody)]
		e.Body = body
	}
	e.fillFromBody(body, c.scrub)
	e.RetryAfter, _ = retryAfter(resp.Header)
	if e.RetryAfter == 0 && resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter = k.rateLimit.Reset
	}
	if resp.StatusCode >= 300 && resp.StatusCode < 400 {
		e.Err = fmt.Errorf("redirect to %q not followed: the SDK never follows redirects", c.scrub(resp.Header.Get("Location")))
	}
	return e
}

// requestID is the answer's Request-ID header, read by its canonical name
// (a Header.Get with "Request-ID" would canonicalize it on every call), with
// any secret removed.
func (k *call) requestID(h http.Header) string {
	if v := h["Request-Id"]; len(v) > 0 {
		return k.c.scrub(v[0])
	}
	return ""
}

// capture hands CaptureResponse the call's metadata, scrubbed of secrets
// an answer's headers might echo.
func (k *call) capture() {
	r := Response{IdempotencyKey: k.rc.idempotencyKey, Attempts: len(k.history), History: k.history}
	if resp := k.resp; resp != nil {
		r.StatusCode, r.Header, r.RateLimit = resp.StatusCode, resp.Header, k.rateLimit
		r.RequestID = k.requestID(resp.Header)
		for name, vs := range resp.Header {
			for i, v := range vs {
				if s := k.c.scrub(v); s != v {
					resp.Header[name][i] = s
				}
			}
		}
	}
	*k.rc.response = r
	for _, more := range k.rc.moreResponses {
		*more = r
	}
}

func (k *call) newError() *Error {
	e := &Error{
		Operation:      k.op,
		IdempotencyKey: k.rc.idempotencyKey,
		Attempts:       len(k.history),
		History:        k.history,
	}
	if resp := k.resp; resp != nil {
		e.StatusCode, e.RateLimit = resp.StatusCode, k.rateLimit
		e.RequestID = k.requestID(resp.Header)
	}
	return e
}

// notSent is the error for a call that ended before its first attempt: its
// context was done, or the rate-limit window outlasts it.
func (k *call) notSent(err error) error {
	return &Error{Operation: k.op, IdempotencyKey: k.rc.idempotencyKey, Err: &notSent{err}}
}

// fail wraps a failure that left no usable response.
func (k *call) fail(err error) error {
	if k.waiting && k.Err() != nil {
		err = fmt.Errorf("the context ended while waiting to retry: %w", err)
	}
	e := k.newError()
	e.Err = k.withoutURL(err)
	e.StatusCode = 0 // even if a response came, the call ended without using it
	if k.logs(slog.LevelDebug) {
		k.log(slog.LevelDebug, "xendit call failed", slog.String("error", e.Err.Error()))
	}
	return e
}

// withoutURL replaces the URL that net/http quotes in its errors with the
// endpoint's path template: path ids and query values can be card tokens or
// personal data. The cause stays reachable for errors.Is and errors.As.
func (k *call) withoutURL(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	if ue == err {
		redacted := *ue
		redacted.URL = k.c.baseURL + k.path
		return &redacted
	}
	return &redactedURL{err: err, msg: strings.ReplaceAll(err.Error(), ue.URL, k.c.baseURL+k.path)}
}

// redactedURL is an error whose text had a URL replaced.
type redactedURL struct {
	err error
	msg string
}

func (r *redactedURL) Error() string { return r.msg }
func (r *redactedURL) Unwrap() error { return r.err }

// newRetrier is the go-retryablehttp client a Client's calls share: its
// hooks find the call in the request's context, and checkRetry waits
// before saying "retry" (go-retryablehttp's own wait is then zero), so that
// nothing in it is per call.
func newRetrier(hc *http.Client, p RetryPolicy) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:      hc,
		RetryMax:        p.MaxRetries,
		CheckRetry:      checkRetry,
		Backoff:         func(time.Duration, time.Duration, int, *http.Response) time.Duration { return 0 },
		ErrorHandler:    retryablehttp.PassthroughErrorHandler,
		RequestLogHook:  beforeAttempt,
		ResponseLogHook: afterResponse,
		PrepareRetry:    prepareRetry, // a retry waits for the rate-limit window like a first attempt
	}
}

// checkRetry is the SDK's retry decision for go-retryablehttp: it records
// what the attempt learned and asks the outcome table whether to repeat it,
// and then waits. When the context's deadline would come before the next
// attempt, it stops now so the caller gets the last result instead of a
// wait that cannot end in time.
func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	k := callFrom(ctx)
	if resp != nil && resp.Request == nil {
		resp.Request = k.req.Request // a caller's transport may leave it out; afterResponse needs it
	}
	k.throttled = resp != nil && throttled(resp)
	if resp != nil {
		// Learn the window now, as the response arrives: go-retryablehttp
		// calls afterResponse only after this returns, which is after the
		// wait below, and a Reset counted from then would end the window
		// late by the wait.
		k.rateLimit = k.limit.observe(ctx, resp, k.throttled, k.c.rateMode)
	}
	row := k.record(resp, err)
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if !row.retry.allows(k.method, k.safe) || k.attempts > k.c.retry.MaxRetries || k.spent.Load() {
		return false, nil
	}
	wait := k.c.retry.wait(k.attempts-1, resp)
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
		if k.logs(slog.LevelDebug) {
			k.log(slog.LevelDebug, "xendit retry skipped: the context ends before the wait", slog.Duration("wait", wait))
		}
		return false, nil
	}
	if k.logs(slog.LevelInfo) {
		status := 0
		if resp != nil {
			status = resp.StatusCode
		}
		k.log(slog.LevelInfo, "xendit retry", slog.Int("status", status), slog.Duration("wait", wait),
			slog.Int("attempt", k.attempts), slog.String("reason", row.reason))
	}
	k.waiting = true
	if resp != nil {
		// Hand the connection back before waiting; the answer is not used.
		_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
		resp.Body.Close()
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-t.C:
		return true, nil
	}
}

// record classifies the attempt that just ended, and the sends Go's
// transport made of it by itself before its last, and appends them to the
// call's history. It returns the last send's row.
func (k *call) record(resp *http.Response, err error) *outcomeRow {
	sends := int(k.sends.Load())
	for i := range min(sends-1, 31) {
		o := observation{resent: true, wrote: k.wrote.Load()&(1<<i) != 0}
		row := classify(o)
		k.history = append(k.history, Attempt{Outcome: row.outcome, Reason: row.reason})
	}
	o := observation{err: err, ctxDone: k.Err() != nil, throttled: k.throttled}
	if resp != nil {
		o.status = resp.StatusCode
	} else if sends > 0 && sends <= 32 {
		o.noConn = k.gotConn.Load()&(1<<(sends-1)) == 0
	}
	row := classify(o)
	k.history = append(k.history, Attempt{Outcome: row.outcome, StatusCode: o.status, Reason: row.reason})
	return row
}

func beforeAttempt(_ retryablehttp.Logger, r *http.Request, _ int) {
	k := callFrom(r.Context())
	k.attempts++
	k.waiting = false
	k.sends.Store(0)
	k.gotConn.Store(0)
	k.wrote.Store(0)
	if k.logs(slog.LevelDebug) {
		k.log(slog.LevelDebug, "xendit request", slog.String("method", r.Method),
			slog.String("path", k.path), slog.Int("attempt", k.attempts)) // the template: ids stay out
	}
}

func afterResponse(_ retryablehttp.Logger, resp *http.Response) {
	k := callFrom(resp.Request.Context())
	if k.logs(slog.LevelDebug) {
		k.log(slog.LevelDebug, "xendit response", slog.Int("status", resp.StatusCode),
			slog.String("request_id", k.requestID(resp.Header)), slog.Int("attempt", k.attempts))
	}
}

// The transport's trace hooks. GetConn starts each send, including the ones
// the transport repeats by itself; they run on the transport's goroutines.
func (k *call) getConn(string) { k.sends.Add(1) }

func (k *call) gotConnection(httptrace.GotConnInfo) {
	if n := k.sends.Load(); n > 0 && n <= 32 {
		k.gotConn.Or(1 << (n - 1))
	}
}

func (k *call) wroteHeaders() {
	if n := k.sends.Load(); n > 0 && n <= 32 {
		k.wrote.Or(1 << (n - 1))
	}
}

// logs reports whether the client logs at level, so that a line's
// attributes are built only when it is written.
func (k *call) logs(level slog.Level) bool {
	l := k.c.logger
	return l != nil && l.Enabled(k, level)
}

// log writes one line with the call's operation.
func (k *call) log(level slog.Level, msg string, attrs ...slog.Attr) {
	k.c.logger.LogAttrs(k, level, msg, append(attrs, slog.String("operation", k.op))...)
}
