package snap

import (
	"math"
	"strconv"
	"strings"

	"github.com/seed19b1029f/xendit-go"
)

// Amount is SNAP's money object: {"value": "10000.00", "currency": "IDR"}.
// Value is a decimal string with exactly two decimal places and no
// thousands separator: SNAP sends amounts as strings, so the SDK keeps them
// as strings (the one exception to the SDK's float64 amounts) and nothing
// is rounded on the way. Build one with [IDR], [ParseAmount] or
// [NewAmount]; never format a float yourself. The only currency SNAP takes
// is [xendit.CurrencyIDR].
type Amount struct {
	Value    string          `json:"value"`
	Currency xendit.Currency `json:"currency"`
}

// IDR returns an amount of whole rupiah: IDR(10000) is "10000.00".
func IDR(rupiah int64) Amount {
	return Amount{Value: strconv.FormatInt(rupiah, 10) + ".00", Currency: xendit.CurrencyIDR}
}

// IDRSen returns an amount given in hundredths of a rupiah: IDRSen(1000050)
// is "10000.50".
func IDRSen(sen int64) Amount {
	sign := ""
	if sen < 0 {
		sign, sen = "-", -sen
	}
	frac := strconv.FormatInt(sen%100, 10)
	if len(frac) == 1 {
		frac = "0" + frac
	}
	return Amount{Value: sign + strconv.FormatInt(sen/100, 10) + "." + frac, Currency: xendit.CurrencyIDR}
}

// ParseAmount reads a decimal string ("10000", "10000.5", "10000.50") and
// returns it with two decimal places. More than two decimal places, a sign,
// an exponent or a thousands separator is an error: nothing is rounded.
func ParseAmount(value string, currency xendit.Currency) (Amount, error) {
	sen, err := parseSen(value)
	if err != nil {
		return Amount{}, xendit.Invalid("value", "%q is not a decimal amount with at most two decimal places", value)
	}
	a := IDRSen(sen)
	a.Currency = currency
	return a, nil
}

// NewAmount converts a float64 through its shortest decimal form, so that
// 10000.1 becomes "10000.10" and 0.1+0.2 (0.30000000000000004) is an error
// rather than a silently rounded "0.30". Prefer [IDR] for whole rupiah.
func NewAmount(value float64, currency xendit.Currency) (Amount, error) {
	if math.IsNaN(value) || math.IsInf(value, 0) || value < 0 {
		return Amount{}, xendit.Invalid("value", "%v is not a non-negative amount", value)
	}
	return ParseAmount(strconv.FormatFloat(value, 'f', -1, 64), currency)
}

// Sen returns the amount in hundredths of its currency unit, parsed exactly
// from Value.
func (a Amount) Sen() (int64, error) {
	sen, err := parseSen(a.Value)
	if err != nil {
		return 0, xendit.Invalid("value", "%q is not a decimal amount", a.Value)
	}
	return sen, nil
}

// String returns "IDR 10000.00".
func (a Amount) String() string { return string(a.Currency) + " " + a.Value }

// check applies the reference's rules to an amount sent to Xendit: two
// decimal places, IDR only.
func (a *Amount) check(field string) error {
	if a == nil {
		return nil
	}
	if a.Currency != xendit.CurrencyIDR {
		return xendit.Invalid(field+".currency", "%q: only IDR is allowed", a.Currency)
	}
	i := strings.IndexByte(a.Value, '.')
	if _, err := parseSen(a.Value); err != nil || i < 0 || len(a.Value)-i != 3 {
		return xendit.Invalid(field+".value", "%q is not a decimal string with two decimal places, such as \"10000.00\"", a.Value)
	}
	return nil
}

// parseSen parses digits[.d[d]] into hundredths.
func parseSen(s string) (int64, error) {
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || (hasDot && frac == "") || !digits(whole) || !digits(frac) {
		return 0, strconv.ErrSyntax
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > math.MaxInt64/100-1 {
		return 0, strconv.ErrRange
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	return w*100 + f, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
