package xendittest

import (
	"slices"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

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
	// Linking an account holder is the same PATCH with only
	// account_holder_id (lines 31855-31868); the model requires email
	// otherwise.
	"xenplatform.update_account": {"email"},
	// Every field is marked required, but the curl sends only website_url
	// (line 32470) and the capabilities request none (line 31975): a
	// partial update (the others are lenient already, as no example shows
	// them).
	"xenplatform.update_account_holder": {"website_url"},
}

// proseEnum reports whether p's enum is a sentence the inventory split into
// words: anchor_date of Create Plan and Update Schedule reads "Supported
// values - Timestamps between 1st to 28th of a month" (lines 28578 and 30071),
// which the reference's own request examples do not match as an enum.
func proseEnum(p reference.Param) bool {
	return p.Name == "anchor_date" && slices.Contains(p.Enum, "Timestamps")
}
