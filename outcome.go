package xendit

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"strings"
)

// Outcome is what one attempt of a call learned about whether Xendit acted
// on the request.
type Outcome uint8

// The outcome classes, from the one table ([Attempt.Reason] names its row)
// that the retry decision, [OutcomeUnknown] and the error categories read.
const (
	// OutcomeNotSent: the request surely never reached Xendit. The
	// connection could not be opened, TLS failed, or the context ended
	// before a connection was had.
	OutcomeNotSent Outcome = iota + 1
	// OutcomeRefused: an answer says the request was not acted on: a 4xx
	// other than the API's rate limit, or a 501.
	OutcomeRefused
	// OutcomeAmbiguous: the request may have been acted on and no answer
	// says whether: the connection dropped after it was sent, no response
	// headers came in time, a 5xx, a redirect, or a 2xx whose body could
	// not be read.
	OutcomeAmbiguous
	// OutcomeThrottled: the API's rate limit (a 429 whose error_code is
	// RATE_LIMIT_EXCEEDED or absent), which rejects before processing.
	OutcomeThrottled
	// OutcomeSucceeded: a 2xx whose body was read.
	OutcomeSucceeded
)

var outcomeNames = [...]string{"", "not sent", "refused", "ambiguous", "throttled", "succeeded"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) && o != 0 {
		return outcomeNames[o]
	}
	return "unknown outcome"
}

// Attempt is what one attempt of a call learned. A call's attempts are on
// [Error.History] and [Response.History], including the re-sends Go's
// transport makes on its own when a reused connection fails.
type Attempt struct {
	Outcome Outcome
	// StatusCode is the answer's HTTP status; 0 when none came.
	StatusCode int
	// Reason names the row of the outcome table that matched, such as
	// "connection not opened" or "no answer after sending".
	Reason string
}

// retryRule says when an attempt's outcome is worth repeating.
type retryRule uint8

const (
	never     retryRule = iota
	always              // it cannot have acted: repeating is safe for any request
	ifSafe              // it may have acted: repeated only when repeating cannot act twice
	readsOnly           // a 500, which Xendit documents as indeterminate: repeated for GET only
)

// observation is what the table reads: one attempt as it happened, or an
// [*Error] as it was returned (which knows less: see errorObservation).
type observation struct {
	status    int   // 0: no response
	err       error // the transport's failure, or why the body was unusable
	ctxDone   bool  // the call's context had ended
	noConn    bool  // the transport reported it never had a connection
	throttled bool  // a 429 that is the API's rate limit
	// resent: a send Go's transport repeated by itself after a reused
	// connection failed; wrote: that send had written its headers.
	resent, wrote bool
}

// outcomeRow is one row of the table: the first row whose match is true
// decides the outcome, whether to retry, and the category for errors.Is
// (after the error_code rows of codeCategories).
type outcomeRow struct {
	reason   string
	match    func(observation) bool
	outcome  Outcome
	retry    retryRule
	category error
}

// outcomeTable is the SDK's one classification of what an attempt learned.
// Order matters: the first match wins. README's retry table and the
// package doc say the same in prose; outcome_table_test.go proves each row
// through a real server (or an httpmock transport where no socket can
// produce the failure).
var outcomeTable = []outcomeRow{
	// Sends Go's transport repeated by itself, inside one attempt.
	{"re-sent by Go's transport: the first send wrote nothing", func(o observation) bool {
		return o.resent && !o.wrote
	}, OutcomeNotSent, never, nil},
	{"re-sent by Go's transport after a reused connection failed", func(o observation) bool {
		return o.resent
	}, OutcomeAmbiguous, never, nil},

	// No response.
	{"not sent: the rate-limit window outlasts the context", func(o observation) bool {
		return o.status == 0 && errors.Is(o.err, errNotSent) && errors.Is(o.err, ErrRateLimited)
	}, OutcomeNotSent, never, ErrRateLimited},
	{"not sent: the context ended first", func(o observation) bool {
		return o.status == 0 && o.ctxDone && (o.noConn || errors.Is(o.err, errNotSent))
	}, OutcomeNotSent, never, ErrNoResponse},
	{"TLS or certificate failure", func(o observation) bool {
		return o.status == 0 && tlsFailure(o)
	}, OutcomeNotSent, never, ErrNoResponse},
	{"connection not opened", func(o observation) bool {
		return o.status == 0 && (o.noConn || dialFailure(o.err) || errors.Is(o.err, errNotSent))
	}, OutcomeNotSent, always, ErrNoResponse},
	{"the context ended after sending", func(o observation) bool {
		return o.status == 0 && o.ctxDone
	}, OutcomeAmbiguous, never, ErrNoResponse},
	{"no answer after sending", func(o observation) bool {
		return o.status == 0
	}, OutcomeAmbiguous, ifSafe, ErrNoResponse},

	// Answers.
	{"rate limited", func(o observation) bool {
		return o.status == http.StatusTooManyRequests && o.throttled
	}, OutcomeThrottled, always, ErrRateLimited},
	{"2xx with an unusable body", func(o observation) bool {
		return o.status >= 200 && o.status < 300 && o.err != nil
	}, OutcomeAmbiguous, never, nil},
	{"2xx", func(o observation) bool {
		return o.status >= 200 && o.status < 300
	}, OutcomeSucceeded, never, nil},
	{"redirect, not followed", func(o observation) bool {
		return o.status >= 300 && o.status < 400
	}, OutcomeAmbiguous, never, nil},
	{"500", statusIn(http.StatusInternalServerError), OutcomeAmbiguous, readsOnly, ErrServer},
	{"502, 503 or 504", statusIn(http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout),
		OutcomeAmbiguous, ifSafe, ErrServer},
	{"501", statusIn(http.StatusNotImplemented), OutcomeRefused, never, ErrServer},
	{"other 5xx", func(o observation) bool { return o.status >= 500 && o.status < 600 }, OutcomeAmbiguous, never, ErrServer},
	{"401", statusIn(http.StatusUnauthorized), OutcomeRefused, never, ErrUnauthorized},
	{"403", statusIn(http.StatusForbidden), OutcomeRefused, never, ErrForbidden},
	{"404", statusIn(http.StatusNotFound), OutcomeRefused, never, ErrNotFound},
	{"400 or 422", statusIn(http.StatusBadRequest, http.StatusUnprocessableEntity), OutcomeRefused, never, ErrValidation},
	// A 429 with an error_code of its own is a business limit, such as
	// Jenius Pay's CHARGE_LIMIT_EXCEEDED: waiting does not cure it.
	{"other 4xx", func(o observation) bool { return o.status >= 400 && o.status < 500 }, OutcomeRefused, never, nil},
	{"other status", func(observation) bool { return true }, OutcomeAmbiguous, never, nil},
}

func statusIn(codes ...int) func(observation) bool {
	return func(o observation) bool {
		for _, c := range codes {
			if o.status == c {
				return true
			}
		}
		return false
	}
}

// codeCategories refine an error's category by the API's error_code, which
// is more specific than the status; when none matches, the error's row of
// the outcome table decides, from the status or the cause.
var codeCategories = []struct {
	category error
	match    func(code string) bool
}{
	{ErrIdempotencyConflict, codeContains("IDEMPOTENCY")},
	{ErrDuplicate, codeContains("DUPLICATE")},
	{ErrRateLimited, codeIs(CodeRateLimited)},
	{ErrUnauthorized, codeIs(CodeInvalidAPIKey)},
	{ErrForbidden, codeIs(CodeRequestForbidden)},
	// Before NOT_FOUND: Xendit answers 404 for a sub-account that exists
	// but is not live, and "not found" would send the caller looking for
	// the wrong thing.
	{ErrSubAccount, codeContains("XEN_PLATFORM")},
	{ErrNotFound, codeContains("NOT_FOUND")},
	{ErrServer, codeIs(CodeServer)},
	{ErrValidation, codeContains("VALIDATION")},
}

// category is the sentinel errors.Is matches for e.
func (e *Error) category() error {
	if e.Code != "" {
		for _, c := range codeCategories {
			if c.match(e.Code) {
				return c.category
			}
		}
	}
	o := errorObservation(e)
	return classify(o).category
}

func codeContains(s string) func(string) bool {
	return func(code string) bool { return strings.Contains(code, s) }
}
func codeIs(s string) func(string) bool { return func(code string) bool { return code == s } }

// classify returns the first row of the table that o matches.
func classify(o observation) *outcomeRow {
	for i := range outcomeTable {
		if outcomeTable[i].match(o) {
			return &outcomeTable[i]
		}
	}
	panic("xendit: the outcome table has no catch-all row")
}

// allows reports whether the rule lets a request be repeated.
func (r retryRule) allows(method string, safe bool) bool {
	switch r {
	case always:
		return true
	case ifSafe:
		return safe
	case readsOnly:
		return method == http.MethodGet
	}
	return false
}

// isThrottle reports whether a 429 with this error_code is the API's rate
// limit rather than a business limit.
func isThrottle(code string) bool { return code == "" || code == CodeRateLimited }

// errorObservation is what an [*Error] says about the attempt it describes,
// for errors.Is and for an error that carries no History (one built by
// hand, or by a product package from a 2xx body).
func errorObservation(e *Error) observation {
	o := observation{status: e.StatusCode, err: e.Err}
	o.ctxDone = errors.Is(e.Err, context.Canceled) || errors.Is(e.Err, context.DeadlineExceeded)
	o.throttled = e.StatusCode == http.StatusTooManyRequests && isThrottle(e.Code)
	return o
}

// errNotSent marks a failure that happened before anything was sent: the
// context ended before the first attempt, or while waiting for a rate-limit
// window.
var errNotSent = errors.New("nothing was sent")

// notSent wraps err, from before the first attempt, so that the error
// itself says nothing was sent.
type notSent struct{ err error }

func (n *notSent) Error() string { return n.err.Error() }
func (n *notSent) Unwrap() []error {
	return []error{n.err, errNotSent}
}

// dialFailure reports whether err means the connection was never opened,
// so the request cannot have reached Xendit.
func dialFailure(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// tlsFailure reports a failed TLS handshake: a certificate that does not
// verify, a server that does not speak TLS, or one that refused the
// handshake with an alert. Nothing was sent, and repeating cannot cure it.
func tlsFailure(o observation) bool {
	var (
		verify    *tls.CertificateVerificationError
		authority x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		record    tls.RecordHeaderError
		op        *net.OpError
	)
	err := o.err
	switch {
	case errors.As(err, &verify), errors.As(err, &authority), errors.As(err, &hostname),
		errors.As(err, &invalid), errors.As(err, &record), errors.Is(err, http.ErrSchemeMismatch):
		return true
	}
	// An alert from the server: a handshake failure only while there was
	// no connection yet (the transport reports when it had one).
	return o.noConn && errors.As(err, &op) && op.Op == "remote error"
}
