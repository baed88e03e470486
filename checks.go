package xendit

import (
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"unicode/utf8"
)

// OutcomeUnknown reports whether err, returned by a call that creates
// something, leaves it unknown whether Xendit acted on the request: the
// request may have reached Xendit and no answer says what happened (the
// connection dropped after sending, a timeout or cancelled context, a 500,
// 502, 503 or 504, or a 2xx whose body could not be read).
//
// It is false for nil, for input rejected before sending, for a request
// that surely never left (the connection could not be opened) and for an
// answer that says the request was refused (4xx, including 429).
//
// For endpoints without an idempotency header the SDK does not repeat such
// a request, and neither should the caller blindly: look the object up by
// the reference the caller chose (reference_id) or wait for its callback
// first. Product packages say how.
func OutcomeUnknown(err error) bool {
	if err == nil {
		return false
	}
	var e *Error
	if !errors.As(err, &e) {
		return false // a ValidationError or another pre-flight failure
	}
	switch {
	case e.StatusCode == 0:
		var op *net.OpError
		return !(errors.As(e.Err, &op) && op.Op == "dial")
	case e.StatusCode >= 200 && e.StatusCode < 300:
		return true // created, but the answer could not be decoded
	case e.StatusCode == http.StatusInternalServerError, e.StatusCode == http.StatusBadGateway,
		e.StatusCode == http.StatusServiceUnavailable, e.StatusCode == http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Xendit's documented limits on a metadata object, the same for every
// product that takes one.
const (
	MetadataMaxKeys        = 50
	MetadataMaxKeyLength   = 40
	MetadataMaxValueLength = 500
)

// CheckMetadata returns a [*ValidationError] naming field when m breaks
// Xendit's metadata limits: at most 50 keys, key names up to 40 characters,
// values up to 500 characters (a non-string value counts as its JSON
// encoding).
func CheckMetadata(field string, m map[string]any) error {
	if len(m) > MetadataMaxKeys {
		return Invalid(field, "has %d keys; at most %d are allowed", len(m), MetadataMaxKeys)
	}
	for k, v := range m {
		if n := utf8.RuneCountInString(k); n == 0 || n > MetadataMaxKeyLength {
			return Invalid(field+"."+k, "key must be 1 to %d characters long", MetadataMaxKeyLength)
		}
		s, ok := v.(string)
		if !ok {
			b, err := json.Marshal(v)
			if err != nil {
				return Invalid(field+"."+k, "cannot be encoded as JSON: %v", err)
			}
			s = string(b)
		}
		if utf8.RuneCountInString(s) > MetadataMaxValueLength {
			return Invalid(field+"."+k, "value is longer than %d characters", MetadataMaxValueLength)
		}
	}
	return nil
}
