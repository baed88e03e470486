package cards

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPromotion    = xendit.MustEndpoint("cards.create_promotion")
	listPromotions     = xendit.MustEndpoint("cards.list_promotions")
	calculatePromotion = xendit.MustEndpoint("cards.calculate_promotion")
	updatePromotion    = xendit.MustEndpoint("cards.update_promotion")
	deletePromotion    = xendit.MustEndpoint("cards.delete_promotion")
)

// PromotionStatus is the state of a promotion. Unknown values still decode.
type PromotionStatus string

// The documented promotion statuses, and DELETED, which the reference's
// Delete Promotion example returns.
const (
	PromotionStatusActive   PromotionStatus = "ACTIVE"
	PromotionStatusInactive PromotionStatus = "INACTIVE" // valid, not started yet
	PromotionStatusExpired  PromotionStatus = "EXPIRED"  // past its end time
	PromotionStatusPaused   PromotionStatus = "PAUSED"
	PromotionStatusDeleted  PromotionStatus = "DELETED"
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
	DiscountPercent   xendit.Number   `json:"discount_percent,omitzero"`
	DiscountAmount    xendit.Number   `json:"discount_amount,omitzero"`
	Currency          xendit.Currency `json:"currency"`
	MinOriginalAmount xendit.Number   `json:"min_original_amount,omitzero"`
	MaxDiscountAmount xendit.Number   `json:"max_discount_amount,omitzero"`
	// TransactionLimit and IsDeleted are undocumented; seen in examples.
	TransactionLimit xendit.Number `json:"transaction_limit,omitzero"`
	IsDeleted        bool          `json:"is_deleted"`
	StartTime        xendit.Time   `json:"start_time"`
	EndTime          xendit.Time   `json:"end_time"`
	Created          xendit.Time   `json:"created"`
}

// CreatePromotionParams is the body of Create Promotion.
type CreatePromotionParams struct {
	// ReferenceID is your unique name for the promotion (any characters);
	// it cannot be changed later.
	ReferenceID string `json:"reference_id"`
	// Description is shown to customers by Get Promotions Calculation.
	Description string `json:"description"`
	// PromoCode is what customers type; it may be combined with BinList or
	// ChannelCode.
	PromoCode *string `json:"promo_code,omitempty"`
	// BinList limits the promotion to cards of these BINs.
	BinList []string `json:"bin_list,omitempty"`
	// ChannelCode limits it to the cards of one bank (e.g. "BRI").
	ChannelCode *string `json:"channel_code,omitempty"`
	// Exactly one of DiscountPercent (0 to 100) and DiscountAmount is
	// required; the kind cannot change later.
	DiscountPercent *float64 `json:"discount_percent,omitempty"`
	DiscountAmount  *float64 `json:"discount_amount,omitempty"`
	// Currency is nil for IDR: the reference marks it required and also
	// gives it the default IDR (reference lines 9272-9274).
	Currency *xendit.Currency `json:"currency,omitempty"`
	// StartTime defaults to now; EndTime must be in the future. The
	// reference marks both required, yet its example leaves them out.
	StartTime         xendit.Time `json:"start_time,omitzero"`
	EndTime           xendit.Time `json:"end_time,omitzero"`
	MinOriginalAmount *float64    `json:"min_original_amount,omitempty"`
	MaxDiscountAmount *float64    `json:"max_discount_amount,omitempty"`
}

// Validate checks params against the API reference before anything is
// sent. CreatePromotion runs it.
func (p *CreatePromotionParams) Validate() error {
	if p.DiscountPercent == nil && p.DiscountAmount == nil {
		return xendit.Invalid("discount_percent", "or discount_amount is required")
	}
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.Required("description", p.Description),
		checkDiscount(p.DiscountPercent, p.DiscountAmount),
		checkCurrency("currency", p.Currency),
		checkPromotionWindow(p.StartTime, p.EndTime),
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

func checkPromotionWindow(start, end xendit.Time) error {
	if !start.IsZero() && !end.IsZero() && !end.After(start.Time) {
		return xendit.Invalid("end_time", "must be after start_time")
	}
	return nil
}

// CreatePromotion creates a promotion. Errors to expect: REFERENCE_IN_USE
// and PROMO_CODE_IN_USE (409).
//
// Create Promotion documents no idempotency header, so the SDK never
// repeats it after an ambiguous failure. When [xendit.OutcomeUnknown] is
// true, ListPromotions with the ReferenceID tells whether it was created;
// creating it again would be REFERENCE_IN_USE anyway.
//
// API: POST /promotions
func (s *Client) CreatePromotion(ctx context.Context, params *CreatePromotionParams, opts ...xendit.RequestOption) (*Promotion, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createPromotion, Body: params, Options: opts}
	return do[Promotion](ctx, s.c, req, nil)
}

// ListPromotionsParams filters List Promotions; nil fields are not sent.
// The reference marks Status required, yet its example leaves it out, so
// the SDK does not require it.
type ListPromotionsParams struct {
	ReferenceID *string
	Status      *PromotionStatus
	// BIN is a card's first 6 or 8 digits.
	BIN         *string
	ChannelCode *string
	Currency    *xendit.Currency
}

// Validate checks params against the API reference before anything is
// sent. ListPromotions runs it when params is not nil.
func (p *ListPromotionsParams) Validate() error {
	return checkCurrency("currency", p.Currency)
}

// query checks p and encodes it; nil asks for every promotion.
func (p *ListPromotionsParams) query() (url.Values, error) {
	if p == nil {
		return nil, nil
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	q := url.Values{}
	setIf(q, "reference_id", p.ReferenceID)
	setIf(q, "status", p.Status)
	setIf(q, "bin", p.BIN)
	setIf(q, "channel_code", p.ChannelCode)
	setIf(q, "currency", p.Currency)
	return q, nil
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

// ListPromotions returns the promotions that match params (all of them
// when params is nil). The API answers with every match at once, a bare
// array, so the page's HasMore is false; Data is empty, not nil, when
// nothing matches.
//
// API: GET /promotions
func (s *Client) ListPromotions(ctx context.Context, params *ListPromotionsParams, opts ...xendit.RequestOption) (*xendit.Page[Promotion], error) {
	q, err := params.query()
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listPromotions, Query: q, Options: opts}
	l, err := do[promotionList](ctx, s.c, req, nil)
	if err != nil {
		return nil, err
	}
	page := &xendit.Page[Promotion]{Data: *l}
	if page.Data == nil {
		page.Data = []Promotion{}
	}
	return page, nil
}

// AllPromotions returns every promotion that matches params. The API sends
// them in one answer today; AllPromotions is there so that code written
// against it keeps working if Xendit adds paging.
//
// API: GET /promotions
func (s *Client) AllPromotions(ctx context.Context, params *ListPromotionsParams, opts ...xendit.RequestOption) iter.Seq2[*Promotion, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[Promotion], error) {
		return s.ListPromotions(ctx, params, opts...)
	}
	// No cursor is documented: a page saying has_more would end the walk
	// with xendit.ErrPagination instead of repeating the first page.
	return pager.All(ctx, "", fetch, func(*xendit.Page[Promotion]) string { return "" })
}

// UpdatePromotionParams is the body of Update Promotion. A field left
// unset is not changed, [xendit.Set] replaces it, [xendit.Null] clears it.
// The reference id and the kind of discount cannot be changed.
type UpdatePromotionParams struct {
	Description       xendit.Nullable[string]          `json:"description,omitzero"`
	PromoCode         xendit.Nullable[string]          `json:"promo_code,omitzero"`
	BinList           xendit.Nullable[[]string]        `json:"bin_list,omitzero"`
	ChannelCode       xendit.Nullable[string]          `json:"channel_code,omitzero"`
	DiscountPercent   xendit.Nullable[float64]         `json:"discount_percent,omitzero"`
	DiscountAmount    xendit.Nullable[float64]         `json:"discount_amount,omitzero"`
	Currency          xendit.Nullable[xendit.Currency] `json:"currency,omitzero"`
	StartTime         xendit.Nullable[xendit.Time]     `json:"start_time,omitzero"`
	EndTime           xendit.Nullable[xendit.Time]     `json:"end_time,omitzero"`
	MinOriginalAmount xendit.Nullable[float64]         `json:"min_original_amount,omitzero"`
	MaxDiscountAmount xendit.Nullable[float64]         `json:"max_discount_amount,omitzero"`
}

// Validate checks the values set in params against the API reference
// before anything is sent. UpdatePromotion runs it.
func (p *UpdatePromotionParams) Validate() error {
	start, _ := p.StartTime.Get()
	end, _ := p.EndTime.Get()
	return product.First(
		checkDiscount(valueOf(p.DiscountPercent), valueOf(p.DiscountAmount)),
		checkCurrency("currency", valueOf(p.Currency)),
		checkPromotionWindow(start, end),
	)
}

// valueOf returns a pointer to n's value, or nil when n is unset or null,
// for the checks optional fields share with Create Promotion.
func valueOf[T any](n xendit.Nullable[T]) *T {
	if v, ok := n.Get(); ok {
		return &v
	}
	return nil
}

// UpdatePromotion changes a promotion and returns it. Errors to expect:
// PROMOTION_NOT_FOUND_ERROR, INVALID_DISCOUNT_TYPE (the other kind of
// discount), PROMO_CODE_IN_USE (400 here), INVALID_START_TIME_UPDATE.
//
// API: PATCH /promotions/{promotion_id}
func (s *Client) UpdatePromotion(ctx context.Context, promotionID string, params *UpdatePromotionParams, opts ...xendit.RequestOption) (*Promotion, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: updatePromotion, PathParams: map[string]string{"promotion_id": promotionID},
		Body: params, Options: opts,
	}
	return do[Promotion](ctx, s.c, req, nil)
}

// DeletePromotion deletes a promotion. The reference documents {id,
// is_deleted} but its example returns the whole promotion with status
// DELETED; both decode into the returned Promotion.
//
// API: DELETE /promotions/{promotion_id}
func (s *Client) DeletePromotion(ctx context.Context, promotionID string, opts ...xendit.RequestOption) (*Promotion, error) {
	req := &xendit.Request{Endpoint: deletePromotion, PathParams: map[string]string{"promotion_id": promotionID}, Options: opts}
	return do[Promotion](ctx, s.c, req, nil)
}

// CalculatePromotionParams asks which promotion applies to an amount: the
// query of Get Promotions Calculation. Its fields are those of
// [GetChargeOptionParams]; a card (BIN or TokenID) or a PromoCode names
// what to look for.
type CalculatePromotionParams GetChargeOptionParams

// Validate checks params against the API reference before anything is
// sent. CalculatePromotion runs it.
func (p *CalculatePromotionParams) Validate() error {
	return (*GetChargeOptionParams)(p).checkAmount()
}

// PromotionCalculation is a promotion applied to an amount: charge
// FinalAmount, and pass ReferenceID and OriginalAmount in
// CreateChargeParams.Promotion.
type PromotionCalculation struct {
	ReferenceID    string        `json:"reference_id"`
	OriginalAmount xendit.Number `json:"original_amount"`
	// One of DiscountPercent and DiscountAmount is set; the API sends the
	// percent as a string in places ("25").
	DiscountPercent   xendit.Number   `json:"discount_percent,omitzero"`
	DiscountAmount    xendit.Number   `json:"discount_amount,omitzero"`
	FinalAmount       xendit.Number   `json:"final_amount"`
	Currency          xendit.Currency `json:"currency"`
	Description       string          `json:"description"`
	MinOriginalAmount xendit.Number   `json:"min_original_amount,omitzero"`
	MaxDiscountAmount xendit.Number   `json:"max_discount_amount,omitzero"`
}

// CalculatePromotion applies the best ACTIVE promotion for a card (BIN or
// token) or promo code to params.Amount.
//
// API: GET /promotions/calculate
func (s *Client) CalculatePromotion(ctx context.Context, params *CalculatePromotionParams, opts ...xendit.RequestOption) (*PromotionCalculation, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: calculatePromotion, Query: (*GetChargeOptionParams)(params).query(), Options: opts}
	return do[PromotionCalculation](ctx, s.c, req, tokenSecret(params.TokenID))
}
