package xenplatform

import (
	"context"
	"math"
	"slices"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var createSplitRule = xendit.MustEndpoint("xenplatform.create_split_rule")

// Error codes of Create Split Rule.
const (
	CodeInvalidFeeAmount           = "INVALID_FEE_AMOUNT"
	CodeDestinationAccountNotFound = "DESTINATION_ACCOUNT_NOT_FOUND"
)

// splitCurrencies are the currencies a route may name.
var splitCurrencies = []xendit.Currency{
	xendit.CurrencyIDR, xendit.CurrencyPHP, xendit.CurrencyTHB, xendit.CurrencyMYR, xendit.CurrencyVND,
}

// Route is one part of a split: a flat amount or a percentage of each
// payment, sent to an account (the platform's or a sub-account's id).
type Route struct {
	// FlatAmount or PercentAmount, exactly one: the reference says each is
	// required when the other is null.
	FlatAmount *float64 `json:"flat_amount,omitzero"`
	// PercentAmount is above 0, at most 100, with up to two decimals;
	// Xendit rounds the resulting amount to the currency's unit.
	PercentAmount *float64 `json:"percent_amount,omitzero"`
	// Currency must be the payment's: IDR, PHP, THB, MYR or VND.
	Currency             xendit.Currency `json:"currency"`
	DestinationAccountID string          `json:"destination_account_id"`
	// ReferenceID tells routes apart: unique within the rule (case
	// sensitive), up to 255 characters.
	ReferenceID string `json:"reference_id"`
}

// SplitRule says how payments made with it are split. Pass its ID with
// [xendit.WithSplitRule] to a create that takes with-split-rule.
type SplitRule struct {
	// ID is "splitru_" and an id.
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description *string        `json:"description,omitzero"`
	Routes      []Route        `json:"routes"`
	Created     xendit.Time    `json:"created"`
	Updated     xendit.Time    `json:"updated"`
	Metadata    map[string]any `json:"metadata,omitzero"`
}

// CreateSplitRuleParams is a new split rule.
type CreateSplitRuleParams struct {
	// Name need not be unique ("standard platform fee").
	Name        string  `json:"name"`
	Description *string `json:"description,omitempty"`
	Routes      []Route `json:"routes"`
}

// Validate applies the reference's rules (lines 33177-33250) to each
// route, naming it ("routes[1].percent_amount").
func (p *CreateSplitRuleParams) Validate() error {
	if err := product.Required("name", p.Name); err != nil {
		return err
	}
	if len(p.Routes) == 0 {
		return xendit.Invalid("routes", "needs at least one route")
	}
	seen := map[string]bool{}
	for i, r := range p.Routes {
		it := product.ItemOf("routes", i)
		if err := r.validate(it); err != nil {
			return err
		}
		if seen[r.ReferenceID] {
			return xendit.Invalid(it.Field("reference_id"), "%q is used by another route of the rule", r.ReferenceID)
		}
		seen[r.ReferenceID] = true
	}
	return nil
}

func (r *Route) validate(it product.Item) error {
	switch {
	case r.FlatAmount == nil && r.PercentAmount == nil:
		return xendit.Invalid(it.Field("flat_amount"), "or percent_amount is required")
	case r.FlatAmount != nil && r.PercentAmount != nil:
		return xendit.Invalid(it.Field("percent_amount"), "cannot be set with flat_amount")
	case r.FlatAmount != nil && *r.FlatAmount <= 0:
		return xendit.Invalid(it.Field("flat_amount"), "must be positive, got %v", *r.FlatAmount)
	case r.PercentAmount != nil && (*r.PercentAmount <= 0 || *r.PercentAmount > 100):
		return xendit.Invalid(it.Field("percent_amount"), "must be above 0 and at most 100, got %v", *r.PercentAmount)
	case r.PercentAmount != nil && math.Abs(*r.PercentAmount*100-math.Round(*r.PercentAmount*100)) > 1e-9:
		return xendit.Invalid(it.Field("percent_amount"), "has more than two decimals: %v", *r.PercentAmount)
	case !slices.Contains(splitCurrencies, r.Currency):
		return xendit.Invalid(it.Field("currency"), "must be one of IDR, PHP, THB, MYR, VND, got %q", r.Currency)
	}
	return product.First(it.Required("destination_account_id", r.DestinationAccountID),
		it.Required("reference_id", r.ReferenceID), product.MaxLen(it.Field("reference_id"), r.ReferenceID, 255))
}

// CreateSplitRule creates a split rule.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure. A split rule moves no money by
// itself, and the API has no lookup but by use: on
// [xendit.OutcomeUnknown], create it again and use the new id; an unused
// rule does nothing.
//
// API: POST /split_rules
func (s *Client) CreateSplitRule(ctx context.Context, params *CreateSplitRuleParams, opts ...xendit.RequestOption) (*SplitRule, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[SplitRule](ctx, s.c, &xendit.Request{Endpoint: createSplitRule, Body: params, Options: opts})
}
