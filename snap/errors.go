package snap

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/seed19b1029f/xendit-go"
)

// CaseCode is the last two digits of a responseCode. The same two digits
// mean different things under different HTTP classes: read it with
// [Error.HTTPClass].
type CaseCode string

// Case codes, as every SNAP endpoint's table in the reference lists them.
const (
	CaseSuccess CaseCode = "00" // 200ss00, and 202ss00 "Request In Progress"

	CaseParse        CaseCode = "00" // 400: generic parsing error
	CaseInvalidField CaseCode = "01" // 400: invalid field format
	CaseMissingField CaseCode = "02" // 400: missing mandatory field or header

	CaseUnauthorized CaseCode = "00" // 401: generic authorization error
	CaseInvalidToken CaseCode = "01" // 401: the Authorization bearer token is invalid

	CaseNotAllowed         CaseCode = "01" // 403: the merchant is not allowed to perform this request
	CaseForbidden          CaseCode = "15" // 403: generic forbidden error
	CaseAmountOutOfRange   CaseCode = "23" // 403: amount smaller or greater than the channel supports
	CaseExternalIDReused   CaseCode = "00" // 409: the same X-EXTERNAL-ID was used within 24 hours
	CaseDuplicateReference CaseCode = "01" // 409: an object with the same reference already exists
)

// Error is a SNAP error response: a non-2xx status whose body carries a
// 7-digit responseCode, or a 2xx whose responseCode is not a success code.
//
// errors.Is matches the SDK's categories: [xendit.ErrValidation] (400),
// [xendit.ErrUnauthorized] (401), [xendit.ErrForbidden] (403),
// [xendit.ErrNotFound] (404), [xendit.ErrIdempotencyConflict] (409 case 00,
// X-EXTERNAL-ID reused), [xendit.ErrDuplicate] (409 case 01, reference
// reused), [xendit.ErrRateLimited] (429), [xendit.ErrServer] (5xx).
// errors.As also reaches the [*xendit.Error] underneath, with the request
// id, the X-EXTERNAL-ID sent and the number of attempts.
type Error struct {
	// StatusCode is the HTTP status line's code.
	StatusCode int
	// ResponseCode is the 7-digit code as sent, e.g. "4092700".
	ResponseCode string
	// HTTPClass is the HTTP status the error is classified by. It is the
	// status line's, not the code's first three digits: the reference
	// prints its 403 rows with a 401 prefix ("4012701" both for an invalid
	// token under HTTP 401 and for "merchant not allowed" under HTTP 403),
	// so the prefix cannot be trusted. Only a 2xx status carrying a failure
	// code is classified by the code's prefix.
	HTTPClass int
	// Service is the code's service digits ("27" for Create VA). The
	// reference's own examples break the pattern ("4000000"), so it is not
	// checked against the endpoint.
	Service ServiceCode
	// Case is the code's last two digits; see the Case constants.
	Case CaseCode
	// ResponseMessage is the API's message.
	ResponseMessage string
	// Err is the core error: request id, X-EXTERNAL-ID, attempts, raw body.
	Err *xendit.Error
}

// Error returns one line.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("snap: ")
	if e.Err != nil && e.Err.Operation != "" {
		b.WriteString(e.Err.Operation)
		b.WriteString(": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	b.WriteString(" ")
	b.WriteString(oneLine(e.ResponseCode))
	if e.ResponseMessage != "" {
		b.WriteString(": ")
		b.WriteString(oneLine(e.ResponseMessage))
	}
	if e.Err != nil && e.Err.RequestID != "" {
		b.WriteString(" (request id ")
		b.WriteString(oneLine(e.Err.RequestID))
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the core error, so errors.As finds a [*xendit.Error] too.
func (e *Error) Unwrap() error {
	if e.Err == nil {
		return nil
	}
	return e.Err
}

// Is matches the SDK's error categories, by HTTP class and case.
func (e *Error) Is(target error) bool {
	return target != nil && target == e.category()
}

func (e *Error) category() error {
	switch c := e.HTTPClass; {
	case c == http.StatusBadRequest:
		return xendit.ErrValidation
	case c == http.StatusUnauthorized:
		return xendit.ErrUnauthorized
	case c == http.StatusForbidden:
		return xendit.ErrForbidden
	case c == http.StatusNotFound:
		return xendit.ErrNotFound
	case c == http.StatusConflict && e.Case == CaseExternalIDReused:
		return xendit.ErrIdempotencyConflict
	case c == http.StatusConflict && e.Case == CaseDuplicateReference:
		return xendit.ErrDuplicate
	case c == http.StatusTooManyRequests:
		return xendit.ErrRateLimited
	case c >= 500:
		return xendit.ErrServer
	case c >= 400 && c < 500:
		return xendit.ErrValidation
	}
	return nil
}

// ParseResponseCode splits a 7-digit code into its HTTP status, service and
// case digits.
func ParseResponseCode(code string) (status int, service ServiceCode, caseCode CaseCode, ok bool) {
	if len(code) != 7 || !digits(code) {
		return 0, "", "", false
	}
	status, _ = strconv.Atoi(code[:3])
	return status, ServiceCode(code[3:5]), CaseCode(code[5:7]), true
}

// Result is the responseCode and responseMessage every SNAP response
// carries; the response types embed it.
type Result struct {
	ResponseCode    string `json:"responseCode"`
	ResponseMessage string `json:"responseMessage"`
}

// InProgress reports a 202ss00 "Request In Progress": accepted, with the
// outcome to come later (Create Account Binding answers so).
func (r Result) InProgress() bool { return strings.HasPrefix(r.ResponseCode, "202") }

func (r *Result) result() *Result { return r }

type resulter interface{ result() *Result }

// fromCoreError turns the core's error for a SNAP call into an [*Error]
// when its body is a SNAP error; anything else (no response, a proxy's
// page, Xendit's own error_code body) is returned as it came.
func fromCoreError(err error) error {
	var xe *xendit.Error
	if !errors.As(err, &xe) || xe.StatusCode == 0 || len(xe.Body) == 0 {
		return err
	}
	var r Result
	if json.Unmarshal(xe.Body, &r) != nil || r.ResponseCode == "" {
		return err
	}
	return newError(xe.StatusCode, xe.StatusCode, r, xe)
}

// checkResult turns a 2xx body whose responseCode is not a 2xx code into an
// [*Error]. The reference only shows 2xx bodies with 2xx codes and says
// "codes in the 2xx range indicate success"; a 2xx carrying a 4xx code
// contradicts itself, and the SDK believes the code, which is the more
// specific of the two, classifying it by the code's prefix.
func checkResult(status int, r *Result, op string, meta *xendit.Response) error {
	codeStatus, _, _, ok := ParseResponseCode(r.ResponseCode)
	if !ok || codeStatus/100 == 2 {
		return nil
	}
	xe := &xendit.Error{Operation: op, StatusCode: status, Message: r.ResponseMessage,
		RequestID: meta.RequestID, IdempotencyKey: meta.IdempotencyKey, Attempts: meta.Attempts, History: meta.History}
	return newError(status, codeStatus, *r, xe)
}

func newError(status, class int, r Result, xe *xendit.Error) *Error {
	e := &Error{StatusCode: status, HTTPClass: class, ResponseCode: r.ResponseCode,
		ResponseMessage: r.ResponseMessage, Err: xe}
	if _, svc, cs, ok := ParseResponseCode(r.ResponseCode); ok {
		e.Service, e.Case = svc, cs
	}
	return e
}

func oneLine(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}
