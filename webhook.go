package xendit

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
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
	ErrWebhookDuplicate = errors.New("xendit: webhook: duplicate " + HeaderWebhookID)
	ErrWebhookStore     = errors.New("xendit: webhook: dedupe store failed")
)

// Webhook defaults.
const (
	DefaultWebhookMaxBody = 1 << 20
	DefaultWebhookTimeout = 30 * time.Second
	DefaultDedupeTTL      = 72 * time.Hour
	// MinDedupeTTL is Xendit's retry window: a shorter TTL would let a
	// retry through as a new event.
	MinDedupeTTL = 24 * time.Hour
	// maxWebhookID bounds the webhook-id, which becomes a store key.
	maxWebhookID = 256
	// storeTimeout bounds Done and Release, which run even after the
	// request's context is done.
	storeTimeout = 5 * time.Second
)

// WebhookHandler verifies, deduplicates and dispatches Xendit webhooks. It
// is an http.Handler; [WebhookHandler.Handle] serves callers with their own
// router or no HTTP server at all. It is safe for concurrent use.
//
// Xendit POSTs each event to the URL set in Dashboard > Settings > Webhooks,
// with the account's verification token in x-callback-token and a unique
// webhook-id. A delivery that gets no 2xx within 30 seconds is retried up to
// six times over 24 hours, and events arrive in no particular order. A
// [WebhookHandler] turns those rules into an http.Handler:
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
//	200  the webhook-id was seen before, or is being processed now: not processed again
//	500  the dedupe store failed, or the handler returned an error or panicked: Xendit retries
//	200  the handler returned nil
//
// [WithCallbackTokens] takes several tokens. To rotate, regenerate the token
// in the Dashboard and deploy with the old and the new one (a delivery
// rejected in between is retried 15 minutes later), then drop the old one.
// Every configured token is compared, in constant time, on every request,
// and no token ever appears in a log line or an error.
//
// The handler claims the webhook-id in a [DedupeStore] for a short lease
// before running, keeps it for the dedupe TTL (default 72 hours, past
// Xendit's 24-hour retry schedule) after a success, and releases it after a
// failure so that Xendit's retry is processed. A delivery without a
// webhook-id is deduplicated on a SHA-256 of its body instead: a retry of it
// carries the same body. It is processed, not rejected, because rejecting an
// authentic payment event would lose it once Xendit stops retrying.
//
// The default store is in memory. Replicas behind a load balancer must share
// one store, such as redisstore.
//
// Deduplication is best effort: a store that loses a key (a Redis failover,
// a full memory store, a manual resend after the TTL) lets an event through
// again. The writes an event triggers must still be idempotent, for example
// with a unique constraint on the payment id.
//
// Xendit waits 30 seconds for an answer. The handler's context is cancelled
// after [WithWebhookTimeout] (default 30 seconds) or when Xendit hangs up.
// Long work belongs in a queue: enqueue in the handler and return nil.
type WebhookHandler struct {
	fn      WebhookFunc
	tokens  [][sha256.Size]byte
	store   DedupeStore
	ttl     time.Duration
	timeout time.Duration
	maxBody int64
	logger  *slog.Logger
}

// WebhookOption configures a [WebhookHandler].
type WebhookOption func(*WebhookHandler) error

// WithCallbackTokens sets the verification tokens from Dashboard >
// Settings > Webhooks; a request must carry one of them in
// x-callback-token. It is required. Give several to rotate a token or to
// serve test and live mode, whose tokens differ, on one endpoint; calling
// it again adds more. An empty token is an error rather than an open door,
// and so is one with surrounding white space or control characters, which
// no header carries.
func WithCallbackTokens(tokens ...string) WebhookOption {
	return func(h *WebhookHandler) error {
		if len(tokens) == 0 {
			return errors.New("xendit: WithCallbackTokens: no token given")
		}
		for i, t := range tokens {
			if t == "" || strings.TrimSpace(t) != t || strings.ContainsAny(t, "\r\n\x00") {
				return fmt.Errorf("xendit: WithCallbackTokens: token %d of %d is empty or has white space or control characters around it", i+1, len(tokens))
			}
			h.tokens = append(h.tokens, sha256.Sum256([]byte(t)))
		}
		return nil
	}
}

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
// [DefaultWebhookTimeout]). A webhook-id is claimed for twice this long
// while it is processed, so that a process that dies mid-way blocks
// Xendit's retries for minutes, not for the dedupe TTL.
func WithWebhookTimeout(d time.Duration) WebhookOption {
	return func(h *WebhookHandler) error {
		if d <= 0 {
			return fmt.Errorf("xendit: WithWebhookTimeout: %v is not positive", d)
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
// Tokens and bodies are never logged.
func WithWebhookLogger(l *slog.Logger) WebhookOption {
	return func(h *WebhookHandler) error {
		if l == nil {
			return errors.New("xendit: WithWebhookLogger: nil logger")
		}
		h.logger = l
		return nil
	}
}

// NewWebhookHandler returns a handler that runs fn once per new, authentic
// delivery. [WithCallbackTokens] is required.
func NewWebhookHandler(fn WebhookFunc, opts ...WebhookOption) (*WebhookHandler, error) {
	if fn == nil {
		return nil, errors.New("xendit: NewWebhookHandler: nil function")
	}
	h := &WebhookHandler{
		fn:      fn,
		ttl:     DefaultDedupeTTL,
		timeout: DefaultWebhookTimeout,
		maxBody: DefaultWebhookMaxBody,
	}
	for _, opt := range opts {
		if err := opt(h); err != nil {
			return nil, err
		}
	}
	if len(h.tokens) == 0 {
		return nil, errors.New("xendit: NewWebhookHandler: no callback token; pass WithCallbackTokens")
	}
	if h.store == nil {
		h.store, _ = NewMemoryDedupeStore(DefaultDedupeEntries)
	}
	if h.logger == nil {
		h.logger = slog.New(slog.DiscardHandler)
	}
	return h, nil
}

// ServeHTTP implements http.Handler.
func (h *WebhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, err := h.serve(r)
	if status == http.StatusMethodNotAllowed {
		w.Header().Set("Allow", http.MethodPost)
	}
	// The body names the reason, never the handler's error, which may hold
	// anything.
	msg := "ok"
	switch {
	case errors.Is(err, ErrWebhookDuplicate):
		msg = "duplicate webhook-id, not processed again"
	case status != http.StatusOK:
		msg = http.StatusText(status)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg+"\n")
}

func (h *WebhookHandler) serve(r *http.Request) (int, error) {
	if r.Method != http.MethodPost {
		h.logger.LogAttrs(r.Context(), slog.LevelWarn, "xendit webhook: method not allowed", slog.String("method", r.Method))
		return http.StatusMethodNotAllowed, ErrWebhookMalformed
	}
	// Verify before reading the body, so that nobody without the token
	// makes the server read a megabyte.
	if status, err := h.verify(r.Context(), r.Header); err != nil {
		return status, err
	}
	if r.ContentLength > h.maxBody {
		return h.reject(r.Context(), http.StatusRequestEntityTooLarge, ErrWebhookTooLarge, "")
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, h.maxBody+1))
	if err != nil {
		return h.reject(r.Context(), http.StatusBadRequest, fmt.Errorf("%w: reading the body: %v", ErrWebhookMalformed, err), "")
	}
	return h.handle(r.Context(), r.Header, body)
}

// Handle runs one delivery through the same steps as ServeHTTP, for callers
// that read the request themselves, and returns the status to answer
// Xendit with. The error says why a delivery was not processed
// (errors.Is: [ErrWebhookToken], [ErrWebhookTooLarge], [ErrWebhookMalformed],
// [ErrWebhookDuplicate] with status 200, [ErrWebhookStore]), or is the
// handler function's error; it is nil when the event was processed.
func (h *WebhookHandler) Handle(ctx context.Context, header http.Header, body []byte) (int, error) {
	if status, err := h.verify(ctx, header); err != nil {
		return status, err
	}
	return h.handle(ctx, header, body)
}

// verify checks x-callback-token against every configured token. Comparing
// SHA-256 digests keeps the time independent of the tokens' lengths, and
// every token is compared, so the time does not tell which one matched.
func (h *WebhookHandler) verify(ctx context.Context, header http.Header) (int, error) {
	got := header.Get(HeaderCallbackToken)
	sum := sha256.Sum256([]byte(got))
	match := 0
	for i := range h.tokens {
		match |= subtle.ConstantTimeCompare(sum[:], h.tokens[i][:])
	}
	if got == "" || match != 1 {
		return h.reject(ctx, http.StatusUnauthorized, ErrWebhookToken, header.Get(HeaderWebhookID))
	}
	return http.StatusOK, nil
}

// handle runs a verified delivery: size, shape, dedupe, then the function.
func (h *WebhookHandler) handle(ctx context.Context, header http.Header, body []byte) (int, error) {
	id := header.Get(HeaderWebhookID)
	if int64(len(body)) > h.maxBody {
		return h.reject(ctx, http.StatusRequestEntityTooLarge, ErrWebhookTooLarge, id)
	}
	if len(id) > maxWebhookID {
		return h.reject(ctx, http.StatusBadRequest, fmt.Errorf("%w: %s longer than %d bytes", ErrWebhookMalformed, HeaderWebhookID, maxWebhookID), "")
	}
	event, err := eventName(body)
	if err != nil {
		return h.reject(ctx, http.StatusBadRequest, err, id)
	}
	key := id
	if key == "" {
		sum := sha256.Sum256(body)
		key = "body-sha256:" + hex.EncodeToString(sum[:])
	}
	log := func(level slog.Level, msg string, attrs ...slog.Attr) {
		if h.logger.Enabled(ctx, level) {
			h.logger.LogAttrs(ctx, level, msg, append(attrs, slog.String("webhook_id", id), slog.String("event", event))...)
		}
	}

	claimed, err := h.store.Claim(ctx, key, 2*h.timeout)
	if err != nil {
		log(slog.LevelError, "xendit webhook: dedupe store failed; answering 500 so that Xendit retries", slog.Any("error", err))
		return http.StatusInternalServerError, fmt.Errorf("%w: %w", ErrWebhookStore, err)
	}
	if !claimed {
		log(slog.LevelInfo, "xendit webhook: duplicate, not processed")
		return http.StatusOK, ErrWebhookDuplicate
	}

	e := &WebhookEvent{ID: id, Event: event, Body: body, Header: header.Clone(), ReceivedAt: time.Now()}
	e.Header.Del(HeaderCallbackToken)
	fnCtx, cancel := context.WithTimeout(ctx, h.timeout)
	defer cancel()
	done := false
	defer func() {
		if done {
			return
		}
		// The function failed or panicked: forget the id, so that Xendit's
		// retry is processed, then let a panic go on.
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
		defer cancel()
		if rerr := h.store.Release(sctx, key); rerr != nil {
			log(slog.LevelError, "xendit webhook: releasing the claim failed; Xendit's retries are deduplicated until it expires",
				slog.Any("error", rerr), slog.Duration("claim", 2*h.timeout))
		}
	}()
	if err := h.fn(fnCtx, e); err != nil {
		log(slog.LevelError, "xendit webhook: handler failed; answering 500 so that Xendit retries", slog.Any("error", err))
		return http.StatusInternalServerError, err
	}
	done = true

	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := h.store.Done(sctx, key, h.ttl); err != nil {
		// Processed all the same: a 500 would only make Xendit send it again.
		log(slog.LevelError, "xendit webhook: processed, but recording it in the dedupe store failed", slog.Any("error", err))
	}
	return http.StatusOK, nil
}

func (h *WebhookHandler) reject(ctx context.Context, status int, err error, id string) (int, error) {
	h.logger.LogAttrs(ctx, slog.LevelWarn, "xendit webhook: rejected",
		slog.Int("status", status), slog.String("webhook_id", id), slog.String("reason", err.Error()))
	return status, err
}

// eventName checks that body is a JSON object and returns its "event" field
// when that is a string.
func eventName(body []byte) (string, error) {
	var head struct {
		Event json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal(body, &head); err != nil || !isObject(body) {
		return "", fmt.Errorf("%w: the body is not a JSON object", ErrWebhookMalformed)
	}
	var name string
	if json.Unmarshal(head.Event, &name) != nil {
		return "", nil
	}
	return name, nil
}

// isObject reports whether valid JSON is an object rather than null.
func isObject(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c == '{'
	}
	return false
}
