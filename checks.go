package xendit

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// OutcomeUnknown reports whether err, returned by a call that creates
// something, leaves it unknown whether Xendit acted on the request: some
// attempt may have reached Xendit and no answer says what happened (the
// connection dropped after sending, no response headers in time, the
// context ended mid-request, a 5xx other than 501, a redirect, or a 2xx
// whose body could not be read). It reads every attempt of the call
// ([Error.History]), not only the last: a create whose first attempt timed
// out and whose retries were throttled may well exist.
//
// It is false for nil, for input rejected before sending, for a call whose
// context ended (or whose rate-limit wait failed) before anything was sent,
// and when every attempt surely never left or was answered with a refusal
// (4xx, including 429).
//
// For endpoints without an idempotency header the SDK does not repeat such
// a request, and neither should the caller blindly: look the object up by
// the reference the caller chose (reference_id) or wait for its callback
// first. Product packages say how.
func OutcomeUnknown(err error) bool {
	var e *Error
	if err == nil || !errors.As(err, &e) {
		return false // a ValidationError or another pre-flight failure
	}
	if len(e.History) == 0 {
		// An Error without a history: nothing was sent, or it was built by
		// hand or by a product package. The error itself says what it can.
		o := errorObservation(e)
		return classify(o).outcome == OutcomeAmbiguous
	}
	for _, a := range e.History {
		if a.Outcome == OutcomeAmbiguous {
			return true
		}
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
