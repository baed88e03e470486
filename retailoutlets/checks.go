package retailoutlets

import (
	"math"
	"strings"
	"unicode"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// nameSpecials are the characters besides letters, digits and spaces that
// the reference allows in a name a cashier reads (lines 19920 and
// 20865).
const nameSpecials = `#/."-,'_@()&][:`

// checkName applies the rules of a customer's name: required, at most n
// characters, letters, digits, spaces and nameSpecials only.
func checkName(field, s string, n int) error {
	if err := product.First(product.Required(field, s), product.MaxLen(field, s, n)); err != nil {
		return err
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && !strings.ContainsRune(nameSpecials, r) {
			return xendit.Invalid(field, "has %q; only letters, digits, spaces and %s are allowed", r, nameSpecials)
		}
	}
	return nil
}

// checkRange fails when amount is outside [lo, hi] (either bound 0: none)
// and names the currency and the channel whose rule it is.
func checkRange(field string, amount, lo, hi float64, currency xendit.Currency, channel string) error {
	if lo > 0 && amount < lo || hi > 0 && amount > hi {
		return xendit.Invalid(field, "must be between %s %v and %v for %s, got %v", currency, lo, hi, channel, amount)
	}
	return nil
}

// checkWhole fails when an IDR amount has a fractional part or is not
// positive: the reference types expected_amount as a positive integer.
func checkWhole(field string, amount float64) error {
	if amount <= 0 || amount != math.Trunc(amount) {
		return xendit.Invalid(field, "must be a positive whole number of rupiah, got %v", amount)
	}
	return nil
}

// checkMetadata applies the reference's metadata limits (line 20925): at
// most 50 keys, keys up to 40 characters, string values up to 500.
func checkMetadata(m map[string]any) error {
	if len(m) > 50 {
		return xendit.Invalid("metadata", "has %d keys, more than 50", len(m))
	}
	for k, v := range m {
		if len([]rune(k)) > 40 {
			return xendit.Invalid("metadata", "key %q is longer than 40 characters", k)
		}
		if s, ok := v.(string); ok && len([]rune(s)) > 500 {
			return xendit.Invalid("metadata."+k, "is longer than 500 characters")
		}
	}
	return nil
}
