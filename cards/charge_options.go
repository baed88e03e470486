package cards

import (
	"context"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// ChargeOptionParams asks what a card offers for an amount: installment
// plans and promotions (GetChargeOption), or the best promotion alone
// (CalculatePromotion).
type ChargeOptionParams struct {
	// BIN is the card's first 6 or 8 digits. GetChargeOption needs BIN or
	// TokenID, from which Xendit looks the BIN up.
	BIN     string
	TokenID string
	// Amount is the transaction's amount before any discount; required.
	Amount float64
	// Currency is an ISO 4217 code; empty means the API's default.
	Currency string
	// PromoCode is a code the customer typed.
	PromoCode string
}

// query checks p and encodes it. Get Charge Option needs a card (BIN or
// token); Get Promotions Calculation also takes a promo code alone.
func (p *ChargeOptionParams) query(requireCard bool) (url.Values, error) {
	if p == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	if requireCard && p.BIN == "" && p.TokenID == "" {
		return nil, xendit.Invalid("bin", "or token_id is required")
	}
	if err := product.Positive("amount", &p.Amount); err != nil {
		return nil, err
	}
	if p.Currency != "" {
		if err := product.Currency("currency", p.Currency); err != nil {
			return nil, err
		}
	}
	q := url.Values{"amount": {strconv.FormatFloat(p.Amount, 'f', -1, 64)}}
	setIf(q, "bin", p.BIN)
	setIf(q, "token_id", p.TokenID)
	setIf(q, "currency", p.Currency)
	setIf(q, "promo_code", p.PromoCode)
	return q, nil
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

// PromotionCalculation is a promotion applied to an amount: charge
// FinalAmount, and pass ReferenceID and OriginalAmount in
// CreateChargeParams.Promotion.
type PromotionCalculation struct {
	ReferenceID    string        `json:"reference_id"`
	OriginalAmount xendit.Number `json:"original_amount"`
	// One of DiscountPercent and DiscountAmount is set; the API sends the
	// percent as a string in places ("25").
	DiscountPercent   xendit.Number `json:"discount_percent,omitzero"`
	DiscountAmount    xendit.Number `json:"discount_amount,omitzero"`
	FinalAmount       xendit.Number `json:"final_amount"`
	Currency          string        `json:"currency"`
	Description       string        `json:"description"`
	MinOriginalAmount xendit.Number `json:"min_original_amount,omitzero"`
	MaxDiscountAmount xendit.Number `json:"max_discount_amount,omitzero"`
}

// InstallmentOption is an installment plan a card's bank offers; pass Count
// and Interval in CreateChargeParams.Installment.
type InstallmentOption struct {
	Count    int    `json:"count"`
	Interval string `json:"interval"`
	// Acquirer is the bank that offers the plan (e.g. "BRI").
	Acquirer      string        `json:"acquirer"`
	Currency      string        `json:"currency"`
	MinimumAmount xendit.Number `json:"minimum_amount"`
	MaximumAmount xendit.Number `json:"maximum_amount,omitzero"`
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
func (s *Client) GetChargeOption(ctx context.Context, params *ChargeOptionParams, opts ...xendit.RequestOption) (*ChargeOption, error) {
	q, err := params.query(true)
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: getChargeOption, Query: q, Options: opts}
	return do[ChargeOption](ctx, s.c, req, tokenSecret(params.TokenID))
}

// CalculatePromotion applies the best ACTIVE promotion for a card (BIN or
// token) or promo code to params.Amount (GET /promotions/calculate).
func (s *Client) CalculatePromotion(ctx context.Context, params *ChargeOptionParams, opts ...xendit.RequestOption) (*PromotionCalculation, error) {
	q, err := params.query(false)
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: calculatePromotion, Query: q, Options: opts}
	return do[PromotionCalculation](ctx, s.c, req, tokenSecret(params.TokenID))
}

func tokenSecret(tokenID string) secrets {
	var s secrets
	s.add(tokenID)
	return s
}
