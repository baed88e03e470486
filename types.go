package xendit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Time is a timestamp as Xendit sends it. The API uses several layouts
// (RFC 3339 with or without fractions, nanoseconds, zone offsets, and a space
// instead of the "T" in some products); Time accepts all of them, and null or
// "" as the zero Time.
//
// A decoded Time re-encodes exactly as it was received, at its precision and
// in its layout, as long as its instant is unchanged: a service that stores,
// forwards or signs a response gets the same text back. A Time made or
// changed in Go encodes as RFC 3339 in UTC with milliseconds.
type Time struct {
	time.Time
	// received is the JSON string as decoded, quotes included; "" when the
	// Time was made in Go or decoded from null.
	received string
}

// timeLayouts are tried in order; a layout without a zone means UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z0700", // an offset without colon (direct debit: "+0800")
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
}

// ParseTime parses s in any of the layouts Xendit uses.
func ParseTime(s string) (time.Time, error) {
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("xendit: %q is not a timestamp in a layout Xendit uses", s)
}

// UnmarshalJSON accepts a string in any of Xendit's layouts, "" or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("xendit: timestamp %s is not a string", b)
	}
	if s == "" {
		*t = Time{received: string(b)}
		return nil
	}
	parsed, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = Time{Time: parsed, received: string(b)}
	return nil
}

// Received returns the JSON text t was decoded from, quotes included, if t
// still holds the instant it was decoded as; ok is false for a Time made or
// changed in Go, or decoded from null.
func (t Time) Received() (text []byte, ok bool) {
	if t.received == "" {
		return nil, false
	}
	var was Time
	if err := was.UnmarshalJSON([]byte(t.received)); err != nil || !was.Time.Equal(t.Time) {
		return nil, false
	}
	return []byte(t.received), true
}

// MarshalJSON encodes the text t was decoded from while its instant is
// unchanged; otherwise RFC 3339 in UTC with milliseconds, or null for the
// zero Time.
func (t Time) MarshalJSON() ([]byte, error) {
	if text, ok := t.Received(); ok {
		return text, nil
	}
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + FormatTime(t.Time) + `"`), nil
}

// Number is a JSON number that some responses send as a string ("10000",
// "7.5"). It decodes both, and "" or null as 0, and re-encodes exactly what
// it received, so a string stays a string and null stays null. A Number made
// in Go with [NumberOf] encodes as a JSON number.
type Number struct {
	value float64
	// received is the JSON as decoded; "" for a Number made in Go.
	received string
}

// NumberOf returns f as a Number.
func NumberOf(f float64) Number { return Number{value: f} }

// Float64 returns n as a float64.
func (n Number) Float64() float64 { return n.value }

// IsZero reports whether n is the zero Number: nothing received and 0. A
// field tagged omitzero is thus left out only when the API did not send it.
func (n Number) IsZero() bool { return n == Number{} }

// UnmarshalJSON accepts a number, a numeric string, "" or null.
func (n *Number) UnmarshalJSON(b []byte) error {
	text := b
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		text = []byte(s)
	}
	var f float64
	if s := string(text); s != "" && s != "null" {
		var err error
		if f, err = strconv.ParseFloat(s, 64); err != nil {
			return fmt.Errorf("xendit: %s is not a number", b)
		}
	}
	*n = Number{value: f, received: string(b)}
	return nil
}

// MarshalJSON encodes what was received, or the number.
func (n Number) MarshalJSON() ([]byte, error) {
	if n.received != "" {
		return []byte(n.received), nil
	}
	return json.Marshal(n.value)
}

// Nullable is an optional request field that can also be sent as an explicit
// JSON null, as PATCH endpoints need to clear a value. Its zero value is
// "not set": tag the field `json:"name,omitzero"` so it is left out.
//
//	params.Email = xendit.Set("a@example.com") // "email": "a@example.com"
//	params.Email = xendit.Null[string]()       // "email": null
type Nullable[T any] struct {
	value T
	state nullState
}

type nullState uint8

const (
	unset nullState = iota
	isSet
	isNull
)

// Set returns a Nullable holding v.
func Set[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: isSet} }

// Null returns a Nullable that encodes as JSON null.
func Null[T any]() Nullable[T] { return Nullable[T]{state: isNull} }

// IsZero reports whether the field is unset, for omitzero.
func (n Nullable[T]) IsZero() bool { return n.state == unset }

// IsNull reports whether the field is an explicit null.
func (n Nullable[T]) IsNull() bool { return n.state == isNull }

// Get returns the value and whether one is set.
func (n Nullable[T]) Get() (T, bool) { return n.value, n.state == isSet }

// MarshalJSON encodes the value, or null when unset or null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != isSet {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON decodes null as an explicit null and anything else as a value.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*n = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Set(v)
	return nil
}
