package xendit

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// WebhookVerifier authenticates deliveries for a [WebhookHandler]: a
// callback token for the classic APIs ([WithCallbackTokens],
// [WithCallbackTokensFor]), a signature for SNAP (snap.NewCallbackHandler).
// [WithWebhookVerifier] plugs in another.
type WebhookVerifier interface {
	// VerifyWebhook returns the label of the credential that authenticated
	// r ("" for an unlabelled one), or an error saying why r is not
	// authentic. A verifier that needs the body calls r.Body; its errors
	// ([ErrWebhookTooLarge], [ErrWebhookMalformed]) pass through as they
	// are. Any other error is answered 401. Errors never quote a secret.
	VerifyWebhook(r *WebhookRequest) (label string, err error)
}

// WebhookRequest is one delivery as a [WebhookVerifier] sees it.
type WebhookRequest struct {
	// Method is the HTTP method, POST for every delivery that gets this far.
	Method string
	// Path is the request URI Xendit posted to, with its query: what SNAP
	// signs. Empty when the caller of [WebhookHandler.Handle] did not say.
	Path string
	// Header holds the request headers.
	Header http.Header
	// ReceivedAt is when the handler started on the delivery.
	ReceivedAt time.Time

	body    []byte
	bodyErr error
	reader  io.Reader
	maxBody int64
}

// NewWebhookRequest returns a delivery whose body has been read already,
// for [WebhookHandler.HandleRequest].
func NewWebhookRequest(method, path string, header http.Header, body []byte) *WebhookRequest {
	if body == nil {
		body = []byte{}
	}
	return &WebhookRequest{Method: method, Path: path, Header: header, ReceivedAt: time.Now(), body: body}
}

// Body returns the body, reading it on the first call. It fails with
// [ErrWebhookTooLarge] past the handler's cap and with
// [ErrWebhookMalformed] when the body cannot be read.
func (r *WebhookRequest) Body() ([]byte, error) {
	if r.body != nil || r.bodyErr != nil {
		return r.body, r.bodyErr
	}
	if r.reader == nil {
		r.body = []byte{}
		return r.body, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.reader, r.maxBody+1))
	switch {
	case err != nil:
		r.bodyErr = fmt.Errorf("%w: reading the body: %v", ErrWebhookMalformed, err)
	case int64(len(b)) > r.maxBody:
		r.bodyErr = ErrWebhookTooLarge
	default:
		r.body = b
	}
	return r.body, r.bodyErr
}

// The canonical forms of the headers the handler reads, so that a lookup
// does not canonicalize (and allocate) on every request.
var (
	canonicalCallbackToken = http.CanonicalHeaderKey(HeaderCallbackToken)
	canonicalWebhookID     = http.CanonicalHeaderKey(HeaderWebhookID)
)

// headerValue is Header.Get for a canonical key.
func headerValue(h http.Header, canonicalKey string) string {
	if v := h[canonicalKey]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// tokenVerifier checks x-callback-token. Tokens are kept as SHA-256
// digests and looked up by the digest of what the request carries: how
// long the look-up takes depends only on that digest, which tells an
// attacker nothing about a token (finding a token from its digest is a
// pre-image attack), and it takes the same time for one token or for
// thousands of merchants'.
type tokenVerifier struct {
	labels map[[sha256.Size]byte]string
}

func (v *tokenVerifier) VerifyWebhook(r *WebhookRequest) (string, error) {
	got := headerValue(r.Header, canonicalCallbackToken)
	if got == "" {
		return "", ErrWebhookToken
	}
	var buf [256]byte // the token's bytes, on the stack for any real token
	label, ok := v.labels[sha256.Sum256(append(buf[:0], got...))]
	if !ok {
		return "", ErrWebhookToken
	}
	return label, nil
}

func (v *tokenVerifier) add(option, label string, tokens []string) error {
	if len(tokens) == 0 {
		return fmt.Errorf("xendit: %s: no token given", option)
	}
	for i, t := range tokens {
		if t == "" || strings.TrimSpace(t) != t || strings.ContainsAny(t, "\r\n\x00") {
			return fmt.Errorf("xendit: %s: token %d of %d is empty or has white space or control characters around it", option, i+1, len(tokens))
		}
		sum := sha256.Sum256([]byte(t))
		if other, ok := v.labels[sum]; ok && other != label {
			return fmt.Errorf("xendit: %s: token %d of %d is registered for label %q already; one token cannot tell two merchants apart", option, i+1, len(tokens), other)
		}
		v.labels[sum] = label
	}
	return nil
}

// WithCallbackTokens sets the verification tokens from Dashboard >
// Settings > Webhooks; a request must carry one of them in
// x-callback-token. A token, or a [WebhookVerifier], is required. Give
// several to rotate a token or to serve test and live mode, whose tokens
// differ, on one endpoint; calling it again adds more. An empty token is an
// error rather than an open door, and so is one with surrounding white
// space or control characters, which no header carries.
func WithCallbackTokens(tokens ...string) WebhookOption {
	return func(h *WebhookHandler) error { return h.addTokens("WithCallbackTokens", "", tokens) }
}

// WithCallbackTokensFor registers the callback tokens of one merchant under
// a label, such as the merchant's id in your system: a payment backend
// serves many merchants on one URL, each with its own token, and
// [WebhookEvent.Label] says whose token a delivery carried. Call it once
// per merchant (several tokens per merchant rotate as with
// [WithCallbackTokens]). Labels are 1 to 128 letters, digits and . _ : -;
// one token cannot carry two labels. Each merchant's webhook-ids are
// deduplicated apart, so that one merchant cannot mark another's event as
// processed.
func WithCallbackTokensFor(label string, tokens ...string) WebhookOption {
	return func(h *WebhookHandler) error {
		if !validLabel(label) {
			return fmt.Errorf("xendit: WithCallbackTokensFor: label %q is not 1 to 128 letters, digits and . _ : -", label)
		}
		return h.addTokens("WithCallbackTokensFor", label, tokens)
	}
}

func (h *WebhookHandler) addTokens(option, label string, tokens []string) error {
	if h.verifier != nil && h.tokens == nil {
		return fmt.Errorf("xendit: %s: the handler has a WebhookVerifier already", option)
	}
	if h.tokens == nil {
		h.tokens = &tokenVerifier{labels: make(map[[sha256.Size]byte]string)}
		h.verifier = h.tokens
	}
	return h.tokens.add(option, label, tokens)
}

// WithWebhookVerifier authenticates deliveries with v instead of callback
// tokens, as snap.NewCallbackHandler does with Xendit's signature.
func WithWebhookVerifier(v WebhookVerifier) WebhookOption {
	return func(h *WebhookHandler) error {
		if v == nil {
			return errors.New("xendit: WithWebhookVerifier: nil verifier")
		}
		if h.verifier != nil {
			return errors.New("xendit: WithWebhookVerifier: the handler has callback tokens or a verifier already")
		}
		h.verifier = v
		return nil
	}
}

func validLabel(label string) bool {
	if label == "" || len(label) > 128 {
		return false
	}
	for _, c := range []byte(label) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.', c == '_', c == ':', c == '-':
		default:
			return false
		}
	}
	return true
}
