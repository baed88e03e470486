package xenplatform

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Digits is text made of digits, such as a postal code or a tax id: the
// reference documents some as numbers, but a number would lose leading
// zeros (its own example tax id is 000123456001), and one answer sends a
// postal code as a number. Digits decodes a JSON string or number and
// encodes what it received; made in Go ([DigitsOf]) it encodes as a string.
type Digits struct {
	text string
	// number is true when it was received as a JSON number.
	number bool
}

// DigitsOf returns s as Digits.
func DigitsOf(s string) Digits { return Digits{text: s} }

// String returns the digits as text.
func (d Digits) String() string { return d.text }

// IsZero reports whether d is empty, for omitzero.
func (d Digits) IsZero() bool { return d.text == "" }

// UnmarshalJSON accepts a string, a number or null.
func (d *Digits) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		*d = Digits{}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*d = Digits{text: s}
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("xenplatform: %s is neither text nor a number", b)
		}
		*d = Digits{text: n.String(), number: true}
	}
	return nil
}

// MarshalJSON encodes a number received as a number, else a string.
func (d Digits) MarshalJSON() ([]byte, error) {
	if d.number {
		return []byte(d.text), nil
	}
	return json.Marshal(d.text)
}
