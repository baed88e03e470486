// Package product holds what the product packages share: the typed call and
// the checks the API reference documents for request fields.
package product

import (
	"context"
	"strconv"
	"unicode/utf8"

	"github.com/seed19b1029f/xendit-go"
)

// Do sends req and decodes the 2xx body into a new T.
func Do[T any](ctx context.Context, c *xendit.Client, req *xendit.Request) (*T, error) {
	var out T
	if err := c.Do(ctx, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// First returns the first non-nil error, so a params check reads as a list
// of rules and reports the first one broken.
func First(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Required fails when s is empty.
func Required(field, s string) error {
	if s == "" {
		return xendit.Invalid(field, "is required")
	}
	return nil
}

// MaxLen fails when s has more than n characters.
func MaxLen(field, s string, n int) error {
	if utf8.RuneCountInString(s) > n {
		return xendit.Invalid(field, "is longer than %d characters", n)
	}
	return nil
}

// MaxLenPtr is MaxLen for an optional field.
func MaxLenPtr(field string, s *string, n int) error {
	if s == nil {
		return nil
	}
	return MaxLen(field, *s, n)
}

// Currency fails unless s is a three-letter upper-case ISO 4217 code.
func Currency(field, s string) error {
	if len(s) != 3 || !isUpper(s) {
		return xendit.Invalid(field, "%q is not a three-letter ISO 4217 code such as IDR", s)
	}
	return nil
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// Positive fails when an optional amount is set to zero or less.
func Positive(field string, v *float64) error {
	if v != nil && *v <= 0 {
		return xendit.Invalid(field, "must be positive, got %v", *v)
	}
	return nil
}

// Limit fails when an optional page size is outside [lo, hi]; a list's
// query() then sends it as it is.
func Limit(field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return xendit.Invalid(field, "must be between %d and %d, got %d", lo, hi, *v)
	}
	return nil
}

// Item names the fields of one element of a list ("addresses[1].city"). The
// name is built only when a rule is broken, so checking a valid body builds
// no strings.
type Item struct {
	list string
	i    int
}

// ItemOf is element i of the list field list.
func ItemOf(list string, i int) Item { return Item{list, i} }

// Field returns the full name of the element's field.
func (it Item) Field(name string) string {
	return it.list + "[" + strconv.Itoa(it.i) + "]." + name
}

// Required is [Required] for a field of the element.
func (it Item) Required(name, s string) error {
	if s == "" {
		return xendit.Invalid(it.Field(name), "is required")
	}
	return nil
}

// MaxLenPtr is [MaxLenPtr] for a field of the element.
func (it Item) MaxLenPtr(name string, s *string, n int) error {
	if s == nil || utf8.RuneCountInString(*s) <= n {
		return nil
	}
	return MaxLen(it.Field(name), *s, n)
}

// Validator is a params type with the rules the reference documents for it.
type Validator interface{ Validate() error }

// Check fails when the params p are nil, and otherwise applies their rules,
// so a method refuses bad input before anything is sent.
func Check[P any, PP interface {
	*P
	Validator
}](p PP) error {
	if p == nil {
		return xendit.Invalid("params", "is required")
	}
	return p.Validate()
}
