package cards

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// PromotionStatus is the state of a promotion. Unknown values still decode.
type PromotionStatus string

// The documented promotion statuses, and DELETED, which the reference's
// Delete Promotion example returns.
const (
	PromotionActive   PromotionStatus = "ACTIVE"
	PromotionInactive PromotionStatus = "INACTIVE" // valid, not started yet
	PromotionExpired  PromotionStatus = "EXPIRED"  // past its end time
	PromotionPaused   PromotionStatus = "PAUSED"
	PromotionDeleted  PromotionStatus = "DELETED"
)

// Promotion is a card promotion: a discount for cards of some BINs or
// banks, or for a promo code.
//
// Its amounts are [xendit.Number] and its times [xendit.Time] because the
// API sends numbers as strings and times with a space instead of "T" in
// places ("2020-01-01 00:00:00.000Z").
type Promotion struct {
	ID          string          `json:"id"`
	BusinessID  string          `json:"business_id"`
	ReferenceID string          `json:"reference_id"`
	Description string          `json:"description"`
	Status      PromotionStatus `json:"status"`
	// Type is undocumented; the reference's example shows "PROMO_CODE".
	Type        string   `json:"type"`
	PromoCode   string   `json:"promo_code"`
	BinList     []string `json:"bin_list,omitzero"`
	ChannelCode string   `json:"channel_code"`
	// One of DiscountPercent and DiscountAmount is set.
	DiscountPercent   xendit.Number `json:"discount_percent,omitzero"`
	DiscountAmount    xendit.Number `json:"discount_amount,omitzero"`
	Currency          string        `json:"currency"`
	MinOriginalAmount xendit.Number `json:"min_original_amount,omitzero"`
	MaxDiscountAmount xendit.Number `json:"max_discount_amount,omitzero"`
	// TransactionLimit and IsDeleted are undocumented; seen in examples.
	TransactionLimit xendit.Number `json:"transaction_limit,omitzero"`
	IsDeleted        bool          `json:"is_deleted"`
	StartTime        xendit.Time   `json:"start_time"`
	EndTime          xendit.Time   `json:"end_time"`
	Created          xendit.Time   `json:"created"`
}

// CreatePromotionParams is the body of Create Promotion (POST /promotions).
type CreatePromotionParams struct {
	// ReferenceID is your unique name for the promotion (any characters);
	// it cannot be changed later.
	ReferenceID string `json:"reference_id"`
	// Description is shown to customers by Get Promotions Calculation.
	Description string `json:"description"`
	// PromoCode is what customers type; it may be combined with BinList or
	// ChannelCode.
	PromoCode string `json:"promo_code,omitempty"`
	// BinList limits the promotion to cards of these BINs.
	BinList []string `json:"bin_list,omitempty"`
	// ChannelCode limits it to the cards of one bank (e.g. "BRI").
	ChannelCode string `json:"channel_code,omitempty"`
	// Exactly one of DiscountPercent (0 to 100) and DiscountAmount is
	// required; the kind cannot change later.
	DiscountPercent *float64 `json:"discount_percent,omitempty"`
	DiscountAmount  *float64 `json:"discount_amount,omitempty"`
	// Currency is an ISO 4217 code; empty means IDR.
	Currency string `json:"currency,omitempty"`
	// StartTime defaults to now; EndTime must be in the future.
	StartTime         xendit.Time `json:"start_time,omitzero"`
	EndTime           xendit.Time `json:"end_time,omitzero"`
	MinOriginalAmount *float64    `json:"min_original_amount,omitempty"`
	MaxDiscountAmount *float64    `json:"max_discount_amount,omitempty"`
}

// Validate checks params against the API reference before anything is
// sent. CreatePromotion runs it.
func (p *CreatePromotionParams) Validate() error {
	if p == nil {
		return xendit.Invalid("params", "is required")
	}
	if p.DiscountPercent == nil && p.DiscountAmount == nil {
		return xendit.Invalid("discount_percent", "or discount_amount is required")
	}
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.Required("description", p.Description),
		checkDiscount(p.DiscountPercent, p.DiscountAmount),
		checkPromotionWindow(p.Currency, p.StartTime, p.EndTime),
	)
}

// checkDiscount allows at most one kind of discount, within its range.
func checkDiscount(percent, amount *float64) error {
	switch {
	case percent != nil && amount != nil:
		return xendit.Invalid("discount_percent", "and discount_amount cannot both be set")
	case percent != nil && (*percent <= 0 || *percent > 100):
		return xendit.Invalid("discount_percent", "must be above 0 and at most 100, got %v", *percent)
	}
	return product.Positive("discount_amount", amount)
}

func checkPromotionWindow(currency string, start, end xendit.Time) error {
	if currency != "" {
		if err := product.Currency("currency", currency); err != nil {
			return err
		}
	}
	if !start.IsZero() && !end.IsZero() && !end.After(start.Time) {
		return xendit.Invalid("end_time", "must be after start_time")
	}
	return nil
}

// UpdatePromotionParams is the body of Update Promotion (PATCH
// /promotions/{promotion_id}); nil and empty fields are left unchanged.
// The reference id and the kind of discount cannot be changed.
type UpdatePromotionParams struct {
	// PromotionID is the promotion's id; it goes in the path.
	PromotionID       string      `json:"-"`
	Description       *string     `json:"description,omitempty"`
	PromoCode         *string     `json:"promo_code,omitempty"`
	BinList           []string    `json:"bin_list,omitempty"`
	ChannelCode       *string     `json:"channel_code,omitempty"`
	DiscountPercent   *float64    `json:"discount_percent,omitempty"`
	DiscountAmount    *float64    `json:"discount_amount,omitempty"`
	Currency          string      `json:"currency,omitempty"`
	StartTime         xendit.Time `json:"start_time,omitzero"`
	EndTime           xendit.Time `json:"end_time,omitzero"`
	MinOriginalAmount *float64    `json:"min_original_amount,omitempty"`
	MaxDiscountAmount *float64    `json:"max_discount_amount,omitempty"`
}

// ListPromotionsParams filters List Promotions (GET /promotions). The
// reference marks Status required, yet its example omits it; empty fields
// are not sent.
type ListPromotionsParams struct {
	ReferenceID string
	Status      PromotionStatus
	// BIN is a card's first 6 or 8 digits.
	BIN         string
	ChannelCode string
	Currency    string
}

// promotionList decodes the list either as the array the reference
// documents or as the single object its example shows.
type promotionList []Promotion

func (l *promotionList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*l = nil
		return nil
	case len(b) > 0 && b[0] == '{':
		var p Promotion
		if err := json.Unmarshal(b, &p); err != nil {
			return err
		}
		*l = promotionList{p}
		return nil
	}
	return json.Unmarshal(b, (*[]Promotion)(l))
}

// CreatePromotion creates a promotion. Errors to expect: REFERENCE_IN_USE
// and PROMO_CODE_IN_USE (409).
func (s *Client) CreatePromotion(ctx context.Context, params *CreatePromotionParams, opts ...xendit.RequestOption) (*Promotion, error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createPromotion, Body: params, Options: opts}
	return do[Promotion](ctx, s.c, req, nil)
}

// ListPromotions returns the promotions that match params (all of them
// when params is nil); none is an empty slice.
func (s *Client) ListPromotions(ctx context.Context, params *ListPromotionsParams, opts ...xendit.RequestOption) ([]Promotion, error) {
	q := url.Values{}
	if p := params; p != nil {
		setIf(q, "reference_id", p.ReferenceID)
		setIf(q, "status", string(p.Status))
		setIf(q, "bin", p.BIN)
		setIf(q, "channel_code", p.ChannelCode)
		setIf(q, "currency", p.Currency)
	}
	req := &xendit.Request{Endpoint: listPromotions, Query: q, Options: opts}
	l, err := do[promotionList](ctx, s.c, req, nil)
	if err != nil {
		return nil, err
	}
	if *l == nil {
		return []Promotion{}, nil
	}
	return *l, nil
}

// UpdatePromotion changes a promotion and returns it. Errors to expect:
// PROMOTION_NOT_FOUND_ERROR, INVALID_DISCOUNT_TYPE (the other kind of
// discount), PROMO_CODE_IN_USE (400 here), INVALID_START_TIME_UPDATE.
func (s *Client) UpdatePromotion(ctx context.Context, params *UpdatePromotionParams, opts ...xendit.RequestOption) (*Promotion, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	err := product.First(
		checkDiscount(params.DiscountPercent, params.DiscountAmount),
		checkPromotionWindow(params.Currency, params.StartTime, params.EndTime),
	)
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: updatePromotion, PathParams: map[string]string{"promotion_id": params.PromotionID},
		Body: params, Options: opts,
	}
	return do[Promotion](ctx, s.c, req, nil)
}

// DeletePromotion deletes a promotion. The reference documents {id,
// is_deleted} but its example returns the whole promotion with status
// DELETED; both decode into the returned Promotion.
func (s *Client) DeletePromotion(ctx context.Context, promotionID string, opts ...xendit.RequestOption) (*Promotion, error) {
	req := &xendit.Request{Endpoint: deletePromotion, PathParams: map[string]string{"promotion_id": promotionID}, Options: opts}
	return do[Promotion](ctx, s.c, req, nil)
}

func setIf(q url.Values, key, v string) {
	if v != "" {
		q.Set(key, v)
	}
}
