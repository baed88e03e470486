package snap

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// VerifyCallback checks a callback's x-signature against Xendit's public
// key: SHA256withRSA over POST:path:hex(sha256(minified body)):x-timestamp,
// where path is the relative URL Xendit posted to (with its query, if any).
// It returns an error matching [ErrSignature] when the signature or the
// timestamp is missing or does not verify. It does not judge how old the
// timestamp is; [CallbackHandler] does.
//
// The reference names x-signature on callbacks but not its scheme; this is
// the BI SNAP standard's scheme for notifications, which must be confirmed
// with Xendit together with the public key to use.
func VerifyCallback(v *Verifier, method, path string, header http.Header, body []byte) error {
	if v == nil {
		return errors.New("snap: VerifyCallback: nil Verifier")
	}
	ts, sig := header.Get(HeaderTimestamp), header.Get(HeaderSignature)
	if ts == "" || sig == "" {
		return fmt.Errorf("%w: x-timestamp or x-signature is missing", ErrSignature)
	}
	return v.Verify(SigningInput{Method: method, Path: path, Body: body, Timestamp: ts}, sig)
}

// ErrStaleCallback is the error for a callback whose X-TIMESTAMP is further
// from now than the tolerance ([WithTimestampTolerance]): a captured
// callback replayed later, or a clock far off. It is answered 401.
var ErrStaleCallback = errors.New("snap: callback X-TIMESTAMP is outside the tolerance window")

// DefaultTimestampTolerance is how far a callback's X-TIMESTAMP may be from
// the receiver's clock, either way.
const DefaultTimestampTolerance = 5 * time.Minute

// CallbackFunc processes one verified, new callback. A nil return
// acknowledges it; an error makes the handler answer 500 so that Xendit
// delivers it again.
type CallbackFunc func(ctx context.Context, cb *Callback) error

// CallbackHandler is an http.Handler for SNAP callbacks: a
// [xendit.WebhookHandler] whose verifier checks Xendit's signature and the
// freshness of X-TIMESTAMP instead of a callback token, and which
// deduplicates on [Callback.DedupeKey]. It answers as that handler does,
// with these differences:
//
//	401  x-signature is missing or does not verify with Xendit's key, or
//	     X-TIMESTAMP is more than the tolerance (5 minutes) from now
//	400  the body is not a SNAP callback (no "type")
//
// Everything else (the 413 cap, 200 for an event processed before, 409
// while another delivery processes it, 500 and the claim released when the
// function fails or panics, Done retried, the lease, the logger) is the
// root handler's, and so are its guarantees: see [xendit.WebhookHandler].
// The freshness check keeps a captured callback from being replayed once
// the dedupe TTL has passed or an in-memory store has restarted.
//
// Xendit waits 30 seconds for the answer; enqueue long work.
type CallbackHandler struct {
	*xendit.WebhookHandler
}

// CallbackOption configures a [CallbackHandler].
type CallbackOption func(*callbackConfig) error

type callbackConfig struct {
	verifier callbackVerifier
	rootOpts []xendit.WebhookOption
}

// WithSignedPath verifies signatures over path instead of the request's
// own path, for a proxy that rewrites the URL Xendit posted to.
func WithSignedPath(path string) CallbackOption {
	return func(c *callbackConfig) error {
		if path == "" || path[0] != '/' {
			return fmt.Errorf("snap: WithSignedPath: %q is not a relative path", path)
		}
		c.verifier.path = path
		return nil
	}
}

// WithTimestampTolerance sets how far X-TIMESTAMP may be from the
// receiver's clock, either way (default [DefaultTimestampTolerance]). Keep
// it well under the dedupe TTL.
func WithTimestampTolerance(d time.Duration) CallbackOption {
	return func(c *callbackConfig) error {
		if d <= 0 || d > xendit.MinDedupeTTL {
			return fmt.Errorf("snap: WithTimestampTolerance: %v is not in (0, %v]", d, xendit.MinDedupeTTL)
		}
		c.verifier.tolerance = d
		return nil
	}
}

// WithHandlerOptions passes options to the [xendit.WebhookHandler]
// underneath: [xendit.WithDedupeStore] to share processed events between
// replicas (a redisstore.Store; the default is in memory),
// [xendit.WithWebhookTimeout], [xendit.WithWebhookLogger],
// [xendit.WithDedupeTTL], [xendit.WithMaxBodyBytes], and the like.
func WithHandlerOptions(opts ...xendit.WebhookOption) CallbackOption {
	return func(c *callbackConfig) error {
		c.rootOpts = append(c.rootOpts, opts...)
		return nil
	}
}

// NewCallbackHandler returns a handler that verifies callbacks with
// Xendit's public key v and runs fn once per event.
func NewCallbackHandler(v *Verifier, fn CallbackFunc, opts ...CallbackOption) (*CallbackHandler, error) {
	if v == nil || fn == nil {
		return nil, errors.New("snap: NewCallbackHandler: a Verifier and a function are required")
	}
	c := callbackConfig{verifier: callbackVerifier{key: v, tolerance: DefaultTimestampTolerance, now: time.Now}}
	for _, opt := range opts {
		if err := opt(&c); err != nil {
			return nil, err
		}
	}
	rootOpts := append([]xendit.WebhookOption{
		xendit.WithWebhookVerifier(&c.verifier),
		xendit.WithDedupeKey(callbackKey),
	}, c.rootOpts...)
	h, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
		cb, err := ParseCallback(e.Body)
		if err != nil { // callbackKey parsed it before
			return err
		}
		return fn(ctx, cb)
	}, rootOpts...)
	if err != nil {
		return nil, err
	}
	return &CallbackHandler{h}, nil
}

// Handle runs one POST delivery to path through the handler's steps, for
// callers with their own router, and returns the status to answer with and
// why it was not processed, if it was not.
func (h *CallbackHandler) Handle(ctx context.Context, path string, header http.Header, body []byte) (int, error) {
	return h.HandleRequest(ctx, xendit.NewWebhookRequest(http.MethodPost, path, header, body))
}

// callbackKey dedupes on the event, not on a header: SNAP callbacks carry
// no webhook-id.
func callbackKey(e *xendit.WebhookEvent) (string, error) {
	cb, err := ParseCallback(e.Body)
	if err != nil || cb.Type == "" {
		return "", fmt.Errorf("%w: not a SNAP callback", xendit.ErrWebhookMalformed)
	}
	return "snap:" + cb.DedupeKey(), nil
}

// callbackVerifier is the [xendit.WebhookVerifier] of SNAP callbacks.
type callbackVerifier struct {
	key       *Verifier
	path      string // WithSignedPath; the request's own when empty
	tolerance time.Duration
	now       func() time.Time
}

func (v *callbackVerifier) VerifyWebhook(r *xendit.WebhookRequest) (string, error) {
	body, err := r.Body()
	if err != nil {
		return "", err
	}
	path := v.path
	if path == "" {
		path = r.Path
	}
	if err := VerifyCallback(v.key, r.Method, path, r.Header, body); err != nil {
		return "", err
	}
	// Signed, so the timestamp is Xendit's: judge its age.
	ts, err := time.Parse(time.RFC3339, r.Header.Get(HeaderTimestamp))
	if err != nil {
		return "", fmt.Errorf("%w: X-TIMESTAMP is not an RFC 3339 time", ErrStaleCallback)
	}
	if age := v.now().Sub(ts); age > v.tolerance || age < -v.tolerance {
		return "", fmt.Errorf("%w: %v from the receiver's clock, tolerance %v", ErrStaleCallback, age.Round(time.Second), v.tolerance)
	}
	return "", nil
}
