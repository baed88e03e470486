package paymentmethods

import (
	"context"
	"iter"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	getPaymentMethod       = xendit.MustEndpoint("paymentmethods.get")
	listPaymentMethods     = xendit.MustEndpoint("paymentmethods.list")
	updatePaymentMethod    = xendit.MustEndpoint("paymentmethods.update")
	expirePaymentMethod    = xendit.MustEndpoint("paymentmethods.expire")
	authorizePaymentMethod = xendit.MustEndpoint("paymentmethods.authorize")
)

// path fills the payment method id of a row's path.
func path(id string) map[string]string { return map[string]string{"paymentMethodId": id} }

// Get returns a payment method, with the linked account's balance when
// the channel reports one.
//
// API: GET /v2/payment_methods/{paymentMethodId}
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: getPaymentMethod, PathParams: path(id), Options: opts})
}

// MaxLimit is the largest page List asks for.
const MaxLimit = 100

// ListParams filter a list of payment methods; every field is optional.
type ListParams struct {
	ID          []string     `json:"id,omitempty"`
	Type        []Type       `json:"type,omitempty"`
	Status      []Status     `json:"status,omitempty"`
	Reusability *Reusability `json:"reusability,omitempty"`
	CustomerID  *string      `json:"customer_id,omitempty"`
	ReferenceID *string      `json:"reference_id,omitempty"`
	// AfterID and BeforeID page forwards and backwards from a payment
	// method's id; All sets AfterID itself.
	AfterID  *string `json:"after_id,omitempty"`
	BeforeID *string `json:"before_id,omitempty"`
	Limit    *int    `json:"limit,omitempty"`
}

// Validate checks the page size.
func (p *ListParams) Validate() error {
	if p.AfterID != nil && p.BeforeID != nil {
		return xendit.Invalid("before_id", "cannot be sent with after_id")
	}
	return product.Limit("limit", p.Limit, 1, MaxLimit)
}

func (p *ListParams) query() url.Values {
	q := url.Values{}
	q["id"] = p.ID
	for _, t := range p.Type {
		q.Add("type", string(t))
	}
	for _, s := range p.Status {
		q.Add("status", string(s))
	}
	set := func(k string, v *string) {
		if v != nil {
			q.Set(k, *v)
		}
	}
	if p.Reusability != nil {
		q.Set("reusability", string(*p.Reusability))
	}
	set("customer_id", p.CustomerID)
	set("reference_id", p.ReferenceID)
	set("after_id", p.AfterID)
	set("before_id", p.BeforeID)
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if len(q["id"]) == 0 {
		delete(q, "id")
	}
	return q
}

// List returns one page of payment methods. params may be nil.
//
// API: GET /v2/payment_methods
func (s *Client) List(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) (*xendit.Page[PaymentMethod], error) {
	if params == nil {
		params = &ListParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[xendit.Page[PaymentMethod]](ctx, s.c, &xendit.Request{Endpoint: listPaymentMethods, Query: params.query(), Options: opts})
}

// All returns every payment method params select, fetching pages (after
// the last id of the page before) as the loop needs them. params may be
// nil.
//
// API: GET /v2/payment_methods
func (s *Client) All(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) iter.Seq2[*PaymentMethod, error] {
	if params == nil {
		params = &ListParams{}
	}
	list := func(ctx context.Context, p *ListParams) (*xendit.Page[PaymentMethod], error) {
		return s.List(ctx, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListParams) **string { return &p.AfterID }, list,
		func(pm *PaymentMethod) string { return pm.ID })
}

// UpdateParams change a payment method: unset fields stay,
// [xendit.Set] replaces, [xendit.Null] clears.
type UpdateParams struct {
	Description xendit.Nullable[string]      `json:"description,omitzero"`
	ReferenceID xendit.Nullable[string]      `json:"reference_id,omitzero"`
	Reusability xendit.Nullable[Reusability] `json:"reusability,omitzero"`
	// Status switches a payment method between ACTIVE and INACTIVE.
	Status         xendit.Nullable[Status]               `json:"status,omitzero"`
	OverTheCounter xendit.Nullable[OverTheCounterUpdate] `json:"over_the_counter,omitzero"`
	VirtualAccount xendit.Nullable[VirtualAccountUpdate] `json:"virtual_account,omitzero"`
}

// OverTheCounterUpdate changes a payment code's amount, payer or expiry.
type OverTheCounterUpdate struct {
	Amount            xendit.Nullable[float64]                               `json:"amount,omitzero"`
	ChannelProperties xendit.Nullable[OverTheCounterChannelPropertiesUpdate] `json:"channel_properties,omitzero"`
}

// OverTheCounterChannelPropertiesUpdate changes a payment code's payer or
// expiry.
type OverTheCounterChannelPropertiesUpdate struct {
	CustomerName xendit.Nullable[string]      `json:"customer_name,omitzero"`
	ExpiresAt    xendit.Nullable[xendit.Time] `json:"expires_at,omitzero"`
}

// VirtualAccountUpdate changes a virtual account's amounts or expiry.
type VirtualAccountUpdate struct {
	Amount                  xendit.Nullable[float64]                               `json:"amount,omitzero"`
	MinAmount               xendit.Nullable[float64]                               `json:"min_amount,omitzero"`
	MaxAmount               xendit.Nullable[float64]                               `json:"max_amount,omitzero"`
	ChannelProperties       xendit.Nullable[VirtualAccountChannelPropertiesUpdate] `json:"channel_properties,omitzero"`
	AlternativeDisplayTypes xendit.Nullable[[]string]                              `json:"alternative_display_types,omitzero"`
}

// VirtualAccountChannelPropertiesUpdate changes a virtual account's expiry
// or suggested amount.
type VirtualAccountChannelPropertiesUpdate struct {
	ExpiresAt       xendit.Nullable[xendit.Time] `json:"expires_at,omitzero"`
	SuggestedAmount xendit.Nullable[float64]     `json:"suggested_amount,omitzero"`
}

// positive fails when a set amount is zero or less.
func positive(field string, n xendit.Nullable[float64]) error {
	if v, ok := n.Get(); ok {
		return product.Positive(field, &v)
	}
	return nil
}

// Validate checks the status (only ACTIVE and INACTIVE can be set) and the
// amounts.
func (p *UpdateParams) Validate() error {
	if st, ok := p.Status.Get(); ok && st != StatusActive && st != StatusInactive {
		return xendit.Invalid("status", "can be set to ACTIVE or INACTIVE, not %q", st)
	}
	if otc, ok := p.OverTheCounter.Get(); ok {
		if err := positive("over_the_counter.amount", otc.Amount); err != nil {
			return err
		}
	}
	if va, ok := p.VirtualAccount.Get(); ok {
		return product.First(
			positive("virtual_account.amount", va.Amount),
			positive("virtual_account.min_amount", va.MinAmount),
			positive("virtual_account.max_amount", va.MaxAmount),
		)
	}
	return nil
}

// Update changes a payment method: its status (ACTIVE, INACTIVE), its
// reference, or a payment code's or virtual account's amounts and expiry.
//
// API: PATCH /v2/payment_methods/{paymentMethodId}
func (s *Client) Update(ctx context.Context, id string, params *UpdateParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: updatePaymentMethod, PathParams: path(id), Body: params, Options: opts})
}

// ExpireParams say where the customer returns after confirming the
// unlinking, for the direct debit channels that ask for it.
type ExpireParams struct {
	SuccessReturnURL *string `json:"success_return_url,omitempty"`
	FailureReturnURL *string `json:"failure_return_url,omitempty"`
}

// Validate checks the URLs.
func (p *ExpireParams) Validate() error {
	return urls("", map[string]*string{"success_return_url": p.SuccessReturnURL, "failure_return_url": p.FailureReturnURL})
}

// Expire unlinks a payment method; it can no longer be charged. params may
// be nil. It is not repeated after an ambiguous failure; Get says whether
// it went through (EXPIRED).
//
// API: POST /v2/payment_methods/{paymentMethodId}/expire
func (s *Client) Expire(ctx context.Context, id string, params *ExpireParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if params == nil {
		params = &ExpireParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: expirePaymentMethod, PathParams: path(id), Body: params, Options: opts})
}

// AuthorizeParams carry the OTP the customer received when linking.
type AuthorizeParams struct {
	AuthCode string `json:"auth_code"`
}

// Validate checks that the code is there.
func (p *AuthorizeParams) Validate() error { return product.Required("auth_code", p.AuthCode) }

// Authorize validates the OTP the customer received for a payment method
// in REQUIRES_ACTION whose action is an API call (url_type API): on
// success it is ACTIVE. A wrong code fails with INVALID_OTP_ERROR, an old
// one with EXPIRED_OTP_ERROR.
//
// API: POST /v2/payment_methods/{paymentMethodId}/auth
func (s *Client) Authorize(ctx context.Context, id string, params *AuthorizeParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: authorizePaymentMethod, PathParams: path(id), Body: params, Options: opts})
}
