package xendittest

// notEnforced are fields the reference marks required that the fake does
// not refuse the absence of, each because the reference itself says the
// API does without them. Keep it short: every entry is a place where the
// fake cannot catch the SDK.
var notEnforced = map[string][]string{
	// "currency: required ... default IDR"; "start_time: promotions
	// start immediately by default".
	"cards.promotions.create": {"currency", "start_time"},
	// The status filter is marked required, yet the section lists
	// promotions of every status; the SDK treats a missing status as "all".
	"cards.promotions.list": {"status"},
}
