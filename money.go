package xendit

import "time"

// Currency is an ISO 4217 currency code, as every product sends it. Unknown
// codes still decode; the constants are the ones Xendit settles in.
//
// Amounts are float64 throughout the SDK because the API sends them as JSON
// numbers. A float64 holds every whole number up to 2^53 exactly, so IDR,
// VND and other zero-decimal amounts are always exact. Amounts with two
// decimals (PHP, THB, MYR, USD, SGD) are exact when printed with two
// decimals ("%.2f"), which is how they travel; do arithmetic on them (sums,
// splits, fees) in integer minor units, not on the float64.
type Currency string

const (
	CurrencyIDR Currency = "IDR" // Indonesian rupiah: whole numbers
	CurrencyPHP Currency = "PHP" // Philippine peso: two decimals
	CurrencyVND Currency = "VND" // Vietnamese dong: whole numbers
	CurrencyTHB Currency = "THB" // Thai baht: two decimals
	CurrencyMYR Currency = "MYR" // Malaysian ringgit: two decimals
	CurrencySGD Currency = "SGD" // Singapore dollar: two decimals
	CurrencyUSD Currency = "USD" // US dollar: two decimals
)

// TimeLayout is the layout Xendit writes its timestamps in (RFC 3339 in UTC
// with milliseconds, "2006-01-02T15:04:05.000Z"), and the one the SDK sends
// times in, in bodies and in query strings.
const TimeLayout = "2006-01-02T15:04:05.000Z07:00"

// FormatTime formats t in [TimeLayout], in UTC.
func FormatTime(t time.Time) string { return t.UTC().Format(TimeLayout) }
