package cards

import (
	"context"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var getChargeOption = xendit.MustEndpoint("cards.get_charge_option")

// GetChargeOptionParams asks what a card offers for an amount: the query
// of Get Charge Option.
type GetChargeOptionParams struct {
	// BIN is the card's first 6 or 8 digits. GetChargeOption needs BIN or
	// TokenID, from which Xendit looks the BIN up.
	BIN     *string
	TokenID *string
	// Amount is the transaction's amount before any discount; required.
	Amount float64
	// Currency is nil for the API's default.
	Currency *xendit.Currency
	// PromoCode is a code the customer typed.
	PromoCode *string
}

// Validate checks params against the API reference before anything is
// sent. GetChargeOption runs it.
func (p *GetChargeOptionParams) Validate() error {
	if p.BIN == nil && p.TokenID == nil {
		return xendit.Invalid("bin", "or token_id is required")
	}
	return p.checkAmount()
}

// checkAmount applies the rules Get Charge Option and Get Promotions
// Calculation share.
func (p *GetChargeOptionParams) checkAmount() error {
	return product.First(
		product.Positive("amount", &p.Amount),
		checkCurrency("currency", p.Currency),
	)
}

func (p *GetChargeOptionParams) query() url.Values {
	q := url.Values{"amount": {strconv.FormatFloat(p.Amount, 'f', -1, 64)}}
	setIf(q, "bin", p.BIN)
	setIf(q, "token_id", p.TokenID)
	setIf(q, "currency", p.Currency)
	setIf(q, "promo_code", p.PromoCode)
	return q
}

// setIf adds an optional query parameter that is set.
func setIf[T ~string](q url.Values, key string, v *T) {
	if v != nil {
		q.Set(key, string(*v))
	}
}

// tokenSecret is the token id of a query, to scrub from errors.
func tokenSecret(tokenID *string) secrets {
	var s secrets
	s.addPtr(tokenID)
	return s
}

// ChargeOption is what a card offers for an amount.
type ChargeOption struct {
	BusinessID string `json:"business_id"`
	// BIN is the BIN asked about (or the token's).
	BIN string `json:"bin"`
	// Promotions are the ACTIVE promotions the card and amount qualify for,
	// with the discount applied.
	Promotions []PromotionCalculation `json:"promotions,omitzero"`
	// Installments are the installment plans the card's bank offers.
	Installments []InstallmentOption `json:"installments,omitzero"`
	// Reward is the card's reward points, where available.
	Reward *Reward `json:"reward,omitzero"`
}

// InstallmentOption is an installment plan a card's bank offers; pass Count
// and Interval in CreateChargeParams.Installment.
type InstallmentOption struct {
	Count    int    `json:"count"`
	Interval string `json:"interval"`
	// Acquirer is the bank that offers the plan (e.g. "BRI").
	Acquirer      string          `json:"acquirer"`
	Currency      xendit.Currency `json:"currency"`
	MinimumAmount xendit.Number   `json:"minimum_amount"`
	MaximumAmount xendit.Number   `json:"maximum_amount,omitzero"`
	// Code and Description are the bank's names for the plan.
	Code                 string        `json:"code"`
	Description          string        `json:"description"`
	InterestFreeDuration int           `json:"interest_free_duration"`
	InstallmentAmount    xendit.Number `json:"installment_amount,omitzero"`
}

// Reward is a card's reward balance.
type Reward struct {
	Balance xendit.Number `json:"balance"`
}

// GetChargeOption returns the installment plans and promotions a card
// offers for an amount, to show before the customer pays. The reference
// shows it called with a public key from the browser, but it works with
// the secret key too.
//
// API: GET /credit_card_charges/option
func (s *Client) GetChargeOption(ctx context.Context, params *GetChargeOptionParams, opts ...xendit.RequestOption) (*ChargeOption, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: getChargeOption, Query: params.query(), Options: opts}
	return do[ChargeOption](ctx, s.c, req, tokenSecret(params.TokenID))
}
