package xendit

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// WebhookEvent is one authenticated delivery whose webhook-id the handler
// has not processed before. Product packages define the payload types to
// [WebhookEvent.Decode] into; switch on Event (or on the URL the endpoint
// serves) to pick one.
type WebhookEvent struct {
	// ID is the webhook-id header; empty if Xendit sent none.
	ID string
	// Event is the payload's "event" field, such as "reports.completed",
	// when it has one; older callbacks (invoices, virtual accounts) have
	// none and are told apart by the URL they are sent to.
	Event string
	// Label is the label of the callback token that matched
	// ([WithCallbackTokensFor]): the merchant whose Xendit account sent
	// the event. Empty for a token given to [WithCallbackTokens]. Check
	// that the payload's business_id or account belongs to it.
	Label string
	// Body is the raw JSON payload.
	Body []byte
	// Header holds the request headers, x-callback-token removed.
	Header     http.Header
	ReceivedAt time.Time
}

// Decode unmarshals the payload into v, typically a product package's
// webhook type.
func (e *WebhookEvent) Decode(v any) error {
	if err := json.Unmarshal(e.Body, v); err != nil {
		return fmt.Errorf("xendit: decoding webhook %q: %w", e.ID, err)
	}
	return nil
}

// WebhookFunc processes one event. A nil return acknowledges it; an error
// makes the handler answer 500 so that Xendit delivers it again.
type WebhookFunc func(ctx context.Context, e *WebhookEvent) error

// Why a delivery was not processed, for errors.Is on the error of
// [WebhookHandler.Handle].
var (
	ErrWebhookToken     = errors.New("xendit: webhook: missing or unknown " + HeaderCallbackToken)
	ErrWebhookTooLarge  = errors.New("xendit: webhook: body too large")
	ErrWebhookMalformed = errors.New("xendit: webhook: malformed request")
	// ErrWebhookDuplicate: the function returned nil for this webhook-id
	// before; answered 200.
	ErrWebhookDuplicate = errors.New("xendit: webhook: duplicate " + HeaderWebhookID)
	// ErrWebhookInProgress: another delivery of this webhook-id holds the
	// claim and has not succeeded yet; answered 409 so that Xendit retries.
	ErrWebhookInProgress = errors.New("xendit: webhook: " + HeaderWebhookID + " is being processed by another delivery")
	ErrWebhookStore      = errors.New("xendit: webhook: dedupe store failed")
	// ErrWebhookNotConfigured: a WebhookHandler not made by
	// [NewWebhookHandler]; answered 500.
	ErrWebhookNotConfigured = errors.New("xendit: webhook: WebhookHandler not made by NewWebhookHandler")
)

// Webhook defaults and bounds.
const (
	DefaultWebhookMaxBody = 1 << 20
	DefaultWebhookTimeout = 30 * time.Second
	// MaxWebhookTimeout bounds [WithWebhookTimeout]. A webhook-id is
	// claimed for twice the timeout; a longer claim than Xendit's first
	// retry, 15 minutes after the original delivery, would answer that
	// retry 409 too. At this bound the claim is 10 minutes.
	MaxWebhookTimeout = 5 * time.Minute
	DefaultDedupeTTL  = 72 * time.Hour
	// MinDedupeTTL is Xendit's retry window: a shorter TTL would let a
	// retry through as a new event.
	MinDedupeTTL = 24 * time.Hour
	// maxWebhookID bounds the webhook-id, which becomes a store key.
	maxWebhookID = 256
	// DefaultDedupeStoreTimeout bounds each call to a dedupe store other
	// than the memory store, which never blocks.
	DefaultDedupeStoreTimeout = 5 * time.Second
)

// WebhookHandler verifies, deduplicates and dispatches Xendit webhooks. It
// is an http.Handler; [WebhookHandler.Handle] serves callers with their own
// router or no HTTP server at all. It is safe for concurrent use.
//
// Xendit POSTs each event to the URL set in Dashboard > Settings > Webhooks,
// with the account's verification token in x-callback-token and a unique
// webhook-id. A delivery that gets no 2xx within 30 seconds is retried six
// times over 24 hours (15 minutes after the first, then 1, 3, 6, 12 and 24
// hours), and events arrive in no particular order. A [WebhookHandler]
// turns those rules into an http.Handler:
//
//	h, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
//		var p reportPayload
//		if err := e.Decode(&p); err != nil {
//			return err
//		}
//		return markReportReady(ctx, p.ID) // idempotent, see below
//	}, xendit.WithCallbackTokens(os.Getenv("XENDIT_CALLBACK_TOKEN")))
//	if err != nil {
//		return err
//	}
//	mux.Handle("POST /webhooks/xendit", h)
//
// It answers, in this order:
//
//	405  the method is not POST (ServeHTTP only)
//	401  x-callback-token is missing or matches no configured token; nothing is read or processed
//	413  the body is longer than the cap (default 1 MiB)
//	400  the body is not a JSON object, or webhook-id is longer than 256 bytes
//	200  the function returned nil for this webhook-id before: not processed again
//	409  another delivery of this webhook-id is being processed: not processed, and Xendit retries
//	500  the dedupe store failed, or the function returned an error or panicked: Xendit retries
//	200  the function returned nil
//
// A 200 always means that the function returned nil for the webhook-id,
// now or before; nothing else is acknowledged.
//
// [WithCallbackTokens] takes several tokens. To rotate, regenerate the token
// in the Dashboard and deploy with the old and the new one (a delivery
// rejected in between is retried 15 minutes later), then drop the old one.
// [WithCallbackTokensFor] labels the tokens of each merchant a payment
// backend serves on one URL, and [WebhookEvent.Label] names the one that
// matched. Tokens are looked up by their SHA-256 digest, and no token ever
// appears in a log line or an error.
//
// # Exactly once
//
// Before running the function, the handler claims the webhook-id in a
// [DedupeStore] for a lease of twice [WithWebhookTimeout] (60 seconds by
// default), under an owner token unique to the delivery. Then:
//   - the function returns nil: the id is marked done for the dedupe TTL
//     (72 hours by default, past Xendit's 24-hour schedule). The write is
//     retried until the lease ends; if it still fails, the claim is left to
//     run out rather than freed, and the failure is logged at error level
//     with the id.
//   - it fails or panics: the claim is released, so that Xendit's retry is
//     processed. If the release fails, the claim runs out within the lease,
//     before Xendit's first retry.
//
// Done and Release act only on the delivery's own claim, so a delivery
// whose lease ran out cannot free or overwrite a newer one. A delivery
// without a webhook-id is deduplicated on a SHA-256 of its body: a retry of
// it carries the same body.
//
// What remains: an event whose done mark could not be written before its
// lease ended (the store unreachable for the rest of the lease after the
// function returned), and which Xendit delivers again after that, is
// processed again; so is one whose id a store loses (a
// Redis failover, a memory store that is full). The writes an event
// triggers must still be idempotent, for example with a unique constraint
// on the payment id.
//
// The default store is in memory. Replicas behind a load balancer must
// share one store, such as redisstore.
//
// Xendit waits 30 seconds for an answer. The function's context is
// cancelled after [WithWebhookTimeout] (default 30 seconds) or when Xendit
// hangs up. Long work belongs in a queue: enqueue in the function and
// return nil.
type WebhookHandler struct {
	fn       WebhookFunc
	verifier WebhookVerifier
	tokens   *tokenVerifier // the verifier, when it checks callback tokens
	key      func(*WebhookEvent) (string, error)
	store    DedupeStore
	memory   bool // store is a *MemoryDedupeStore, which never blocks
	ttl      time.Duration
	timeout  time.Duration
	storeTTL time.Duration // bound of each store call
	maxBody  int64
	logger   *slog.Logger

	ownerPrefix string
	owners      atomic.Uint64
}

// WebhookOption configures a [WebhookHandler].
type WebhookOption func(*WebhookHandler) error

// WithDedupeStore replaces the in-memory store, e.g. with a redisstore
// shared by replicas.
func WithDedupeStore(s DedupeStore) WebhookOption {
	return func(h *WebhookHandler) error {
		if s == nil {
			return errors.New("xendit: WithDedupeStore: nil store")
		}
		h.store = s
		return nil
	}
}

// WithDedupeStoreTimeout bounds each call to the dedupe store (default
// [DefaultDedupeStoreTimeout]); a claim that takes longer is answered 500,
// and Xendit retries. The memory store never blocks and is not bounded.
func WithDedupeStoreTimeout(d time.Duration) WebhookOption {
	return func(h *WebhookHandler) error {
		if d <= 0 || d > MaxWebhookTimeout {
			return fmt.Errorf("xendit: WithDedupeStoreTimeout: %v is not in (0, %v]", d, MaxWebhookTimeout)
		}
		h.storeTTL = d
		return nil
	}
}

// WithDedupeTTL sets how long a processed webhook-id is remembered (default
// [DefaultDedupeTTL]); it must be at least [MinDedupeTTL].
func WithDedupeTTL(d time.Duration) WebhookOption {
	return func(h *WebhookHandler) error {
		if d < MinDedupeTTL {
			return fmt.Errorf("xendit: WithDedupeTTL: %v is shorter than Xendit's %v retry window", d, MinDedupeTTL)
		}
		h.ttl = d
		return nil
	}
}

// WithWebhookTimeout bounds the handler function (default
// [DefaultWebhookTimeout], at most [MaxWebhookTimeout]). A webhook-id is
// claimed for twice this long while it is processed, so that a process
// that dies mid-way blocks Xendit's retries for minutes, not for the dedupe
// TTL, and never past Xendit's first retry.
func WithWebhookTimeout(d time.Duration) WebhookOption {
	return func(h *WebhookHandler) error {
		if d <= 0 || d > MaxWebhookTimeout {
			return fmt.Errorf("xendit: WithWebhookTimeout: %v is not in (0, %v]: the claim, twice as long, must end before Xendit's first retry 15 minutes on", d, MaxWebhookTimeout)
		}
		h.timeout = d
		return nil
	}
}

// WithMaxBodyBytes caps the body (default [DefaultWebhookMaxBody]); a
// longer one is answered 413.
func WithMaxBodyBytes(n int64) WebhookOption {
	return func(h *WebhookHandler) error {
		if n <= 0 {
			return fmt.Errorf("xendit: WithMaxBodyBytes: %d is not positive", n)
		}
		h.maxBody = n
		return nil
	}
}

// WithWebhookLogger logs rejected, duplicate and failed deliveries to l.
// Tokens and bodies are never logged, nor anything of an unauthenticated
// request but its method and the length of its webhook-id.
func WithWebhookLogger(l *slog.Logger) WebhookOption {
	return func(h *WebhookHandler) error {
		if l == nil {
			return errors.New("xendit: WithWebhookLogger: nil logger")
		}
		h.logger = l
		return nil
	}
}

// WithDedupeKey replaces what an event is deduplicated on (by default its
// webhook-id, or a SHA-256 of the body when it has none), for callbacks
// that carry their identity in the body, as SNAP's do. An error from key
// is answered 400; wrap [ErrWebhookMalformed] to say so.
func WithDedupeKey(key func(*WebhookEvent) (string, error)) WebhookOption {
	return func(h *WebhookHandler) error {
		if key == nil {
			return errors.New("xendit: WithDedupeKey: nil function")
		}
		h.key = key
		return nil
	}
}

// NewWebhookHandler returns a handler that runs fn once per new, authentic
// delivery. [WithCallbackTokens], [WithCallbackTokensFor] or
// [WithWebhookVerifier] is required.
func NewWebhookHandler(fn WebhookFunc, opts ...WebhookOption) (*WebhookHandler, error) {
	if fn == nil {
		return nil, errors.New("xendit: NewWebhookHandler: nil function")
	}
	h := &WebhookHandler{
		fn:       fn,
		key:      defaultDedupeKey,
		ttl:      DefaultDedupeTTL,
		timeout:  DefaultWebhookTimeout,
		storeTTL: DefaultDedupeStoreTimeout,
		maxBody:  DefaultWebhookMaxBody,
	}
	for _, opt := range opts {
		if err := opt(h); err != nil {
			return nil, err
		}
	}
	if h.verifier == nil {
		return nil, errors.New("xendit: NewWebhookHandler: no callback token; pass WithCallbackTokens")
	}
	if h.store == nil {
		h.store, _ = NewMemoryDedupeStore(DefaultDedupeEntries)
	}
	_, h.memory = h.store.(*MemoryDedupeStore)
	if h.logger == nil {
		h.logger = slog.New(slog.DiscardHandler)
	}
	var b [8]byte
	_, _ = rand.Read(b[:])
	h.ownerPrefix = hex.EncodeToString(b[:]) + "-"
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var status int
	var err error
	if r.Method != http.MethodPost {
		status, err = http.StatusMethodNotAllowed, ErrWebhookMalformed
		h.log(r.Context(), slog.LevelWarn, "xendit webhook: method not allowed", slog.String("method", r.Method))
		w.Header().Set("Allow", http.MethodPost)
	} else {
		// The request is the handler's: the token is deleted from its own
		// header rather than from a copy.
		req := WebhookRequest{Method: r.Method, Path: r.URL.RequestURI(), Header: r.Header, ReceivedAt: time.Now()}
		if r.ContentLength > h.maxBody && h.maxBody > 0 {
			req.bodyErr = ErrWebhookTooLarge
		} else {
			req.reader, req.maxBody = r.Body, h.maxBody
		}
		status, err = h.handle(r.Context(), &req, false)
	}
	// The body names the reason, never the function's error, which may
	// hold anything.
	msg := "ok\n"
	switch {
	case err == nil:
	case errors.Is(err, ErrWebhookDuplicate):
		msg = "duplicate webhook-id, not processed again\n"
	case errors.Is(err, ErrWebhookInProgress):
		msg = "webhook-id is being processed; retry later\n"
	default:
		msg = http.StatusText(status) + "\n"
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg)
}

// Handle runs one POST delivery through the same steps as ServeHTTP, for
// callers that read the request themselves, and returns the status to
// answer Xendit with. The error says why a delivery was not processed
// (errors.Is: [ErrWebhookToken], [ErrWebhookTooLarge],
// [ErrWebhookMalformed], [ErrWebhookDuplicate] with status 200,
// [ErrWebhookInProgress], [ErrWebhookStore]), or is the function's error;
// it is nil when the event was processed. header is not changed.
func (h *WebhookHandler) Handle(ctx context.Context, header http.Header, body []byte) (int, error) {
	return h.HandleRequest(ctx, NewWebhookRequest(http.MethodPost, "", header, body))
}

// HandleRequest is [WebhookHandler.Handle] for a delivery whose verifier
// needs more than the header and body, such as SNAP's the path.
func (h *WebhookHandler) HandleRequest(ctx context.Context, r *WebhookRequest) (int, error) {
	return h.handle(ctx, r, true)
}

// handle runs a delivery: verify, read, check, dedupe, run. The event's
// header is a copy when the caller's header must stay as it was.
func (h *WebhookHandler) handle(ctx context.Context, r *WebhookRequest, copyHeader bool) (int, error) {
	if h.fn == nil || h.verifier == nil || h.store == nil || h.logger == nil {
		return http.StatusInternalServerError, ErrWebhookNotConfigured
	}
	label, err := h.verifier.VerifyWebhook(r)
	switch {
	case errors.Is(err, ErrWebhookTooLarge):
		return h.reject(ctx, http.StatusRequestEntityTooLarge, err, "")
	case errors.Is(err, ErrWebhookMalformed):
		return h.reject(ctx, http.StatusBadRequest, err, "")
	case err != nil:
		// Nothing of an unauthenticated request is logged whole.
		h.log(ctx, slog.LevelWarn, "xendit webhook: rejected", slog.Int("status", http.StatusUnauthorized),
			slog.Int("webhook_id_bytes", len(headerValue(r.Header, canonicalWebhookID))), slog.String("reason", err.Error()))
		return http.StatusUnauthorized, err
	}
	id := headerValue(r.Header, canonicalWebhookID)
	logID := id // what rejections log: nothing of an over-long id
	if len(id) > maxWebhookID {
		logID = ""
	}
	body, err := r.Body()
	if err == nil && int64(len(body)) > h.maxBody {
		err = ErrWebhookTooLarge
	}
	switch {
	case errors.Is(err, ErrWebhookTooLarge):
		return h.reject(ctx, http.StatusRequestEntityTooLarge, err, logID)
	case err != nil:
		return h.reject(ctx, http.StatusBadRequest, err, logID)
	case len(id) > maxWebhookID:
		return h.reject(ctx, http.StatusBadRequest, fmt.Errorf("%w: %s of %d bytes is longer than %d", ErrWebhookMalformed, HeaderWebhookID, len(id), maxWebhookID), "")
	}
	event, err := eventName(body)
	if err != nil {
		return h.reject(ctx, http.StatusBadRequest, err, id)
	}
	header := r.Header
	if copyHeader {
		header = header.Clone()
	}
	delete(header, canonicalCallbackToken)
	e := &WebhookEvent{ID: id, Event: event, Label: label, Body: body, Header: header, ReceivedAt: r.ReceivedAt}
	key, err := h.key(e)
	if err != nil {
		return h.reject(ctx, http.StatusBadRequest, err, id)
	}
	if label != "" {
		key = label + "/" + key // labels have no slash: merchants never share a key
	}
	return h.run(ctx, key, e)
}

func defaultDedupeKey(e *WebhookEvent) (string, error) {
	if e.ID != "" {
		return e.ID, nil
	}
	sum := sha256.Sum256(e.Body)
	return "body-sha256:" + hex.EncodeToString(sum[:]), nil
}

// run claims key, runs the function and records how it went.
func (h *WebhookHandler) run(ctx context.Context, key string, e *WebhookEvent) (int, error) {
	lease := 2 * h.timeout
	var buf [64]byte
	owner := string(strconv.AppendUint(append(buf[:0], h.ownerPrefix...), h.owners.Add(1), 36))
	claimedAt := time.Now()
	sctx, cancel := h.storeContext(ctx)
	claim, err := h.store.Claim(sctx, key, owner, lease)
	cancel()
	switch {
	case err != nil:
		h.logEvent(ctx, slog.LevelError, "xendit webhook: dedupe store failed to claim; answering 500 so that Xendit retries", e, slog.Any("error", err))
		return http.StatusInternalServerError, fmt.Errorf("%w: %w", ErrWebhookStore, err)
	case claim == ClaimDone:
		h.logEvent(ctx, slog.LevelInfo, "xendit webhook: duplicate, not processed", e)
		return http.StatusOK, ErrWebhookDuplicate
	case claim != ClaimAcquired:
		h.logEvent(ctx, slog.LevelInfo, "xendit webhook: being processed by another delivery; answering 409 so that Xendit retries", e)
		return http.StatusConflict, ErrWebhookInProgress
	}

	succeeded := false
	defer func() {
		if !succeeded {
			// The function failed or panicked: free the claim, so that
			// Xendit's retry is processed, then let a panic go on.
			h.release(ctx, key, owner, e)
		}
	}()
	fnCtx, cancelFn := context.WithTimeout(ctx, h.timeout)
	err = h.fn(fnCtx, e)
	cancelFn()
	if err != nil {
		h.logEvent(ctx, slog.LevelError, "xendit webhook: handler failed; answering 500 so that Xendit retries", e, slog.Any("error", err))
		return http.StatusInternalServerError, err
	}
	succeeded = true
	h.done(ctx, key, owner, claimedAt.Add(lease), e)
	return http.StatusOK, nil
}

// done marks key done, retrying until the lease ends: until then no other
// delivery can run the function. On failure the claim is left to run out:
// freeing it would let a retry run the function again at once.
func (h *WebhookHandler) done(ctx context.Context, key, owner string, leaseEnd time.Time, e *WebhookEvent) {
	wait := 25 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := h.doneOnce(ctx, key, owner, leaseEnd)
		switch {
		case err == nil:
			return
		case errors.Is(err, ErrClaimLost):
			h.logEvent(ctx, slog.LevelError, "xendit webhook: processed, but its lease ran out and another delivery claimed it since; it may be processed twice", e,
				slog.Duration("lease", 2*h.timeout))
			return
		case time.Now().Add(wait).After(leaseEnd):
			h.logEvent(ctx, slog.LevelError, "xendit webhook: processed, but marking it done failed; a delivery after the lease ends would process it again", e,
				slog.Any("error", err), slog.Int("attempts", attempt), slog.Time("lease_ends", leaseEnd))
			return
		}
		time.Sleep(wait)
		wait = min(2*wait, time.Second)
	}
}

// doneOnce is one Done, bounded by the store timeout and the lease.
func (h *WebhookHandler) doneOnce(ctx context.Context, key, owner string, leaseEnd time.Time) error {
	if h.memory {
		return h.store.Done(ctx, key, owner, h.ttl)
	}
	deadline := time.Now().Add(h.storeTTL)
	if leaseEnd.Before(deadline) {
		deadline = leaseEnd
	}
	// The mark is written even when Xendit has hung up.
	ctx, cancel := context.WithDeadline(context.WithoutCancel(ctx), deadline)
	defer cancel()
	return h.store.Done(ctx, key, owner, h.ttl)
}

func (h *WebhookHandler) release(ctx context.Context, key, owner string, e *WebhookEvent) {
	sctx, cancel := h.storeContext(context.WithoutCancel(ctx))
	defer cancel()
	if err := h.store.Release(sctx, key, owner); err != nil {
		h.logEvent(ctx, slog.LevelError, "xendit webhook: releasing the claim failed; Xendit's retries are answered 409 until it runs out", e,
			slog.Any("error", err), slog.Duration("lease", 2*h.timeout))
	}
}

// storeContext bounds a store call by the store timeout, except on the memory
// store, which never blocks.
func (h *WebhookHandler) storeContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if h.memory {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, h.storeTTL)
}

func (h *WebhookHandler) reject(ctx context.Context, status int, err error, id string) (int, error) {
	h.log(ctx, slog.LevelWarn, "xendit webhook: rejected",
		slog.Int("status", status), slog.String("webhook_id", id), slog.String("reason", err.Error()))
	return status, err
}

func (h *WebhookHandler) logEvent(ctx context.Context, level slog.Level, msg string, e *WebhookEvent, attrs ...slog.Attr) {
	if h.logger.Enabled(ctx, level) {
		attrs = append(attrs, slog.String("webhook_id", e.ID), slog.String("event", e.Event))
		if e.Label != "" {
			attrs = append(attrs, slog.String("label", e.Label))
		}
		h.logger.LogAttrs(ctx, level, msg, attrs...)
	}
}

func (h *WebhookHandler) log(ctx context.Context, level slog.Level, msg string, attrs ...slog.Attr) {
	if h.logger != nil && h.logger.Enabled(ctx, level) {
		h.logger.LogAttrs(ctx, level, msg, attrs...)
	}
}
