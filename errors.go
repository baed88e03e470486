package xendit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Categories of failure, for errors.Is. An [*Error] matches the category its
// HTTP status and error_code belong to; a [*ValidationError] matches
// ErrValidation.
var (
	ErrRateLimited         = errors.New("xendit: rate limited")
	ErrUnauthorized        = errors.New("xendit: unauthorized")
	ErrForbidden           = errors.New("xendit: forbidden")
	ErrNotFound            = errors.New("xendit: not found")
	ErrValidation          = errors.New("xendit: validation failed")
	ErrDuplicate           = errors.New("xendit: duplicate")
	ErrIdempotencyConflict = errors.New("xendit: idempotency key reused with a different request")
	ErrServer              = errors.New("xendit: server error")
	// ErrSubAccount: the xenPlatform sub-account the request acts for
	// (for-user-id, or a transfer's source or destination) cannot transact:
	// it is not live yet, or Xendit suspended it. Repeating does not help;
	// wait for its account.activated or account.cleared callback.
	ErrSubAccount = errors.New("xendit: the xenPlatform sub-account cannot transact")
	// ErrNoResponse: no answer came (connection refused or dropped, TLS
	// failure, timeout, context ended). Err holds the cause, and
	// [OutcomeUnknown] says whether the request may have been acted on.
	ErrNoResponse = errors.New("xendit: no response")
)

// Error codes the SDK itself acts on. Product packages list their own.
const (
	CodeAPIValidation    = "API_VALIDATION_ERROR"
	CodeInvalidAPIKey    = "INVALID_API_KEY"
	CodeRequestForbidden = "REQUEST_FORBIDDEN_ERROR"
	CodeRateLimited      = "RATE_LIMIT_EXCEEDED"
	CodeIdempotency      = "IDEMPOTENCY_ERROR"
	CodeDuplicate        = "DUPLICATE_ERROR"
	CodeServer           = "SERVER_ERROR"
	// CodeSubAccountNotLive is what Xendit answers when acting for a
	// sub-account that is not live (404, or 403 from Create Transfer).
	CodeSubAccountNotLive = "XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE"
)

// Error is a failed call: an error response from Xendit, or a request that
// got no response at all (StatusCode 0, with the cause in Err, matching
// [ErrNoResponse]).
type Error struct {
	// Operation is the endpoint's ID in the SDK's table, e.g. "balance.get_balance".
	Operation string
	// StatusCode is the HTTP status of the last response; 0 when none came.
	StatusCode int
	// Code is the API's error_code, e.g. "API_VALIDATION_ERROR" (or its
	// "error" in the shape balance and transactions use).
	Code string
	// Message is the API's human-readable message.
	Message string
	// Errors holds the API's field-level details ("errors", or
	// "validation" in the balance and transactions shape), as sent.
	Errors json.RawMessage
	// RequestID is the Request-ID response header: quote it to Xendit support.
	RequestID string
	// RateLimit is what the last response said about the rate limit.
	RateLimit RateLimit
	// RetryAfter is how long Xendit asked the client to wait, if it did.
	RetryAfter time.Duration
	// IdempotencyKey is the key the request carried, generated or given. To
	// repeat a call whose outcome is unknown, repeat it with this key.
	IdempotencyKey string
	// Attempts is how many times the request was sent, counting the
	// re-sends Go's transport makes by itself on a failed reused connection.
	Attempts int
	// History is what each attempt learned, in order; empty when nothing
	// was sent. [OutcomeUnknown] reads it.
	History []Attempt
	// BodySample is the start of a body that was not a Xendit error object,
	// such as a proxy's HTML error page.
	BodySample string
	// Body is the error response's body as received (at most 64 KiB, with
	// the secret key removed), for error shapes of other APIs, such as
	// SNAP's responseCode, that product packages decode themselves.
	Body []byte
	// Err is the cause when no usable response came (connection refused,
	// timeout, context cancelled), when a 2xx body could not be used, or
	// when a redirect was not followed.
	Err error
}

// Error returns one line: operation, status, code, message and request id.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("xendit: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	if e.StatusCode == 0 {
		if errors.Is(e.Err, errNotSent) {
			b.WriteString("not sent")
		} else {
			b.WriteString("no response from Xendit")
			if e.Attempts > 1 {
				fmt.Fprintf(&b, " after %d attempts", e.Attempts)
			}
		}
		if e.Err != nil {
			b.WriteString(": ")
			b.WriteString(e.cause())
		}
		return b.String()
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if e.Code != "" {
		b.WriteString(" ")
		b.WriteString(oneLine(e.Code))
	}
	switch {
	case e.Err != nil && e.StatusCode >= 300 && e.StatusCode < 400:
		b.WriteString(": ")
		b.WriteString(e.cause())
	case e.Message != "":
		b.WriteString(": ")
		b.WriteString(oneLine(e.Message))
	case e.BodySample != "":
		fmt.Fprintf(&b, ": %q", e.BodySample)
	case e.Err != nil:
		b.WriteString(": ")
		b.WriteString(e.cause())
	}
	if e.RequestID != "" {
		b.WriteString(" (request id ")
		b.WriteString(oneLine(e.RequestID))
		b.WriteString(")")
	}
	return b.String()
}

// cause is Err's text without a leading "xendit: <operation>: " that would
// repeat what Error has already said.
func (e *Error) cause() string {
	s := oneLine(e.Err.Error())
	if rest, ok := strings.CutPrefix(s, "xendit: "); ok {
		s = rest
		if rest, ok := strings.CutPrefix(s, e.Operation+": "); ok && e.Operation != "" {
			s = rest
		}
	}
	return s
}

// oneLine replaces the control characters of text a server sent, so that
// Error() stays one line in any log.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// Unwrap returns the cause, if the failure had one.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether the error belongs to the category target.
func (e *Error) Is(target error) bool {
	return target != nil && target == e.category()
}

// ValidationError is bad input caught before anything was sent: Field names
// the parameter (as the API spells it) and Reason says what is wrong.
type ValidationError struct {
	Field  string
	Reason string
}

func (e *ValidationError) Error() string {
	return "xendit: invalid " + e.Field + ": " + e.Reason
}

// Is makes a ValidationError match [ErrValidation].
func (e *ValidationError) Is(target error) bool { return target == ErrValidation }

// Invalid returns a [*ValidationError] for field. Product packages use it for
// the checks they run before sending.
func Invalid(field, format string, args ...any) error {
	return &ValidationError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// NotSent returns the [*Error] for a call that failed before anything was
// sent for a reason other than bad input, such as a signer that could not
// sign. It matches cause with errors.Is, and [OutcomeUnknown] is false for
// it. Product packages use it.
func NotSent(operation string, cause error) error {
	return &Error{Operation: operation, Err: &notSent{cause}}
}

// apiErrorBody is the JSON shape of Xendit's error responses. Most APIs send
// error_code and errors; balance and transactions document a second shape,
// {"status_code", "error", "message", "validation"}, read into the same
// fields.
type apiErrorBody struct {
	ErrorCode  string          `json:"error_code"`
	Error      string          `json:"error"`
	Message    string          `json:"message"`
	Errors     json.RawMessage `json:"errors"`
	Validation json.RawMessage `json:"validation"`
}

// code is error_code, or error in the second shape when it is a code such
// as API_VALIDATION_ERROR: its ServerError puts a reason phrase there
// ("Internal Server Error"), which must not pass for a business code (a 429
// with another code is not retried).
func (ab *apiErrorBody) code() string {
	if ab.ErrorCode != "" {
		return ab.ErrorCode
	}
	if ab.Error == "" || strings.TrimFunc(ab.Error, isCodeRune) != "" {
		return ""
	}
	return ab.Error
}

func isCodeRune(r rune) bool { return r == '_' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' }

// details is errors, or validation in the second shape.
func (ab *apiErrorBody) details() json.RawMessage {
	if len(ab.Validation) > 0 && (len(ab.Errors) == 0 || string(ab.Errors) == "null") {
		return ab.Validation
	}
	return ab.Errors
}

// bodySampleLen bounds how much of a non-JSON error body an Error keeps.
const bodySampleLen = 200

// fillFromBody decodes Xendit's error object from body, from which the
// secrets are already gone, or keeps a short sample when the body is not
// one. Decoding undoes escapes, so what it yields is scrubbed again.
func (e *Error) fillFromBody(body []byte, scrub func(string) string) {
	var ab apiErrorBody
	if json.Unmarshal(body, &ab) == nil && (ab.code() != "" || ab.Message != "") {
		e.Code, e.Message, e.Errors = scrub(ab.code()), scrub(ab.Message), ab.details()
		return
	}
	s := strings.TrimSpace(string(body))
	if len(s) > bodySampleLen {
		s = s[:bodySampleLen] + "…"
	}
	e.BodySample = s
}
