package snap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// VerifyCallback checks a callback's x-signature against Xendit's public
// key: SHA256withRSA over POST:path:hex(sha256(minified body)):x-timestamp,
// where path is the relative URL Xendit posted to (with its query, if any).
// It returns an error matching [ErrSignature] when the signature or the
// timestamp is missing or does not verify.
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

// CallbackFunc processes one verified, new callback. A nil return
// acknowledges it; an error makes the handler answer 500 so that Xendit
// delivers it again.
type CallbackFunc func(ctx context.Context, cb *Callback) error

// CallbackHandler is an http.Handler for SNAP callbacks. It answers:
//
//	405  not a POST
//	413  the body is over the cap (1 MiB)
//	401  x-signature is missing or does not verify with Xendit's key; nothing is processed
//	400  the body is not a SNAP callback
//	200  the event was processed before (see [Callback.DedupeKey]): not processed again
//	500  the dedupe store failed or the function returned an error: Xendit retries
//	200  the function returned nil
//
// Xendit waits 30 seconds for the answer; enqueue long work.
type CallbackHandler struct {
	verifier *Verifier
	fn       CallbackFunc
	store    xendit.DedupeStore
	path     string
	timeout  time.Duration
}

// CallbackOption configures a [CallbackHandler].
type CallbackOption func(*CallbackHandler) error

// WithCallbackDedupeStore shares processed events between replicas, e.g.
// with a redisstore.Store. The default is in memory.
func WithCallbackDedupeStore(s xendit.DedupeStore) CallbackOption {
	return func(h *CallbackHandler) error {
		if s == nil {
			return errors.New("snap: WithCallbackDedupeStore: nil store")
		}
		h.store = s
		return nil
	}
}

// WithSignedPath verifies signatures over path instead of the request's
// own path, for a proxy that rewrites the URL Xendit posted to.
func WithSignedPath(path string) CallbackOption {
	return func(h *CallbackHandler) error {
		if path == "" || path[0] != '/' {
			return fmt.Errorf("snap: WithSignedPath: %q is not a relative path", path)
		}
		h.path = path
		return nil
	}
}

// NewCallbackHandler returns a handler that verifies callbacks with
// Xendit's public key v and runs fn once per event.
func NewCallbackHandler(v *Verifier, fn CallbackFunc, opts ...CallbackOption) (*CallbackHandler, error) {
	if v == nil || fn == nil {
		return nil, errors.New("snap: NewCallbackHandler: a Verifier and a function are required")
	}
	h := &CallbackHandler{verifier: v, fn: fn, timeout: xendit.DefaultWebhookTimeout}
	for _, opt := range opts {
		if err := opt(h); err != nil {
			return nil, err
		}
	}
	if h.store == nil {
		store, err := xendit.NewMemoryDedupeStore(xendit.DefaultDedupeEntries)
		if err != nil {
			return nil, err
		}
		h.store = store
	}
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *CallbackHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, xendit.DefaultWebhookMaxBody+1))
	if err != nil {
		http.Error(w, "cannot read the body", http.StatusBadRequest)
		return
	}
	if len(body) > xendit.DefaultWebhookMaxBody {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	path := h.path
	if path == "" {
		path = r.URL.RequestURI()
	}
	status, _ := h.Handle(r.Context(), path, r.Header, body)
	w.WriteHeader(status)
}

// Handle runs one POST delivery through the handler's steps, for callers
// with their own router, and returns the status to answer with and why it
// was not processed, if it was not.
func (h *CallbackHandler) Handle(ctx context.Context, path string, header http.Header, body []byte) (int, error) {
	if err := VerifyCallback(h.verifier, http.MethodPost, path, header, body); err != nil {
		return http.StatusUnauthorized, err
	}
	cb, err := ParseCallback(body)
	if err != nil || cb.Type == "" {
		return http.StatusBadRequest, fmt.Errorf("snap: not a SNAP callback: %v", err)
	}
	key := "snap:" + cb.DedupeKey()
	claimed, err := h.store.Claim(ctx, key, 2*h.timeout)
	if err != nil {
		return http.StatusInternalServerError, err
	}
	if !claimed {
		return http.StatusOK, xendit.ErrWebhookDuplicate
	}
	fnCtx, cancel := context.WithTimeout(ctx, h.timeout)
	defer cancel()
	if err := h.fn(fnCtx, cb); err != nil {
		_ = h.store.Release(context.WithoutCancel(ctx), key)
		return http.StatusInternalServerError, err
	}
	_ = h.store.Done(context.WithoutCancel(ctx), key, xendit.DefaultDedupeTTL)
	return http.StatusOK, nil
}
