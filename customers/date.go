package customers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date, sent as "YYYY-MM-DD" (date_of_birth,
// date_of_registration, expires_at), with no time or zone.
//
// A response's date that is not YYYY-MM-DD (Xendit's own schema lets
// identity_accounts[].properties.expires_at be any string) does not fail the
// call: the Date keeps the text as received ([Date.Raw]), re-encodes it
// unchanged, and [Date.Time] reports the error.
type Date struct {
	Year  int
	Month time.Month
	Day   int
	// raw is the JSON received when it was not a YYYY-MM-DD string (a
	// datetime, "", a number), quotes included.
	raw string
}

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

// ParseDate parses "YYYY-MM-DD".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("customers: %q is not a YYYY-MM-DD date", s)
	}
	return NewDate(t.Date()), nil
}

// String returns "YYYY-MM-DD", or the text received when it was not a date.
func (d Date) String() string {
	if d.raw != "" {
		var s string
		if json.Unmarshal([]byte(d.raw), &s) == nil {
			return s
		}
		return d.raw
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Raw returns the text received when it was not a YYYY-MM-DD date, and ""
// for a well-formed or absent one.
func (d Date) Raw() string {
	if d.raw == "" {
		return ""
	}
	return d.String()
}

// Time returns the date at midnight UTC, the zero time for the zero Date,
// or an error when what was received is not a YYYY-MM-DD date.
func (d Date) Time() (time.Time, error) {
	switch {
	case d.raw != "":
		return time.Time{}, fmt.Errorf("customers: %s is not a YYYY-MM-DD date", d.raw)
	case d.IsZero():
		return time.Time{}, nil
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), nil
}

// IsZero reports whether d is the zero Date (nothing received), for
// omitzero.
func (d Date) IsZero() bool { return d == Date{} }

// MarshalJSON encodes "YYYY-MM-DD", the text received when it was not a
// date, or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	switch {
	case d.raw != "":
		return []byte(d.raw), nil
	case d.IsZero():
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON decodes "YYYY-MM-DD"; null leaves the zero Date, and any
// other value is kept as received (see [Date.Raw]) without an error.
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*d = Date{}
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		if parsed, err := ParseDate(s); err == nil {
			*d = parsed
			return nil
		}
	}
	*d = Date{raw: string(b)}
	return nil
}
