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
	listPayments    = xendit.MustEndpoint("paymentmethods.list_payments")
	simulatePayment = xendit.MustEndpoint("paymentmethods.simulate_payment")
)

// Payment is one payment made with a payment method. payment_method.yaml
// leaves its schema open (an untyped object); the fields here are those of
// Xendit's Payments API documentation, and every other key is kept in
// Extra.
type Payment struct {
	ID               string          `json:"id"`
	PaymentRequestID string          `json:"payment_request_id,omitempty"`
	ReferenceID      string          `json:"reference_id,omitempty"`
	Status           string          `json:"status,omitempty"`
	Amount           float64         `json:"amount"`
	Currency         xendit.Currency `json:"currency,omitempty"`
	Created          xendit.Time     `json:"created,omitzero"`
	Updated          xendit.Time     `json:"updated,omitzero"`
	Extra            Extra           `json:"-"`
}

// paymentFields is Payment without its methods, for encoding/json.
type paymentFields Payment

// UnmarshalJSON keeps unknown keys in Extra.
func (p *Payment) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*paymentFields)(p), &p.Extra)
}

// MarshalJSON writes Extra back.
func (p Payment) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(paymentFields(p), p.Extra)
}

// ListPaymentsParams filter a payment method's payments; every field is
// optional. Times are sent as RFC 3339.
type ListPaymentsParams struct {
	PaymentRequestID  []string
	ReferenceID       []string
	PaymentMethodType []Type
	ChannelCode       []string
	Status            []string
	Currency          []xendit.Currency
	CreatedGTE        xendit.Time
	CreatedLTE        xendit.Time
	UpdatedGTE        xendit.Time
	UpdatedLTE        xendit.Time
	Limit             *int
	// AfterID continues after a payment; All sets it from the page's
	// "next" link.
	AfterID *string
}

// Validate checks the page size.
func (p *ListPaymentsParams) Validate() error { return product.Limit("limit", p.Limit, 1, MaxLimit) }

func (p *ListPaymentsParams) query() url.Values {
	q := url.Values{}
	add := func(k string, vs ...string) {
		for _, v := range vs {
			q.Add(k, v)
		}
	}
	add("payment_request_id", p.PaymentRequestID...)
	add("reference_id", p.ReferenceID...)
	for _, t := range p.PaymentMethodType {
		add("payment_method_type", string(t))
	}
	add("channel_code", p.ChannelCode...)
	add("status", p.Status...)
	for _, c := range p.Currency {
		add("currency", string(c))
	}
	for k, t := range map[string]xendit.Time{"created[gte]": p.CreatedGTE, "created[lte]": p.CreatedLTE,
		"updated[gte]": p.UpdatedGTE, "updated[lte]": p.UpdatedLTE} {
		if !t.IsZero() {
			q.Set(k, t.UTC().Format("2006-01-02T15:04:05.000Z"))
		}
	}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.AfterID != nil {
		q.Set("after_id", *p.AfterID)
	}
	return q
}

// ListPayments returns one page of the payments made with a payment
// method. params may be nil.
//
// API: GET /v2/payment_methods/{paymentMethodId}/payments
func (s *Client) ListPayments(ctx context.Context, id string, params *ListPaymentsParams, opts ...xendit.RequestOption) (*xendit.Page[Payment], error) {
	if params == nil {
		params = &ListPaymentsParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[xendit.Page[Payment]](ctx, s.c, &xendit.Request{Endpoint: listPayments, PathParams: path(id), Query: params.query(), Options: opts})
}

// AllPayments returns every payment made with a payment method, following
// the pages' "next" links (after_id) as the loop needs them. params may be
// nil.
//
// API: GET /v2/payment_methods/{paymentMethodId}/payments
func (s *Client) AllPayments(ctx context.Context, id string, params *ListPaymentsParams, opts ...xendit.RequestOption) iter.Seq2[*Payment, error] {
	p := ListPaymentsParams{}
	if params != nil {
		p = *params
	}
	fetch := func(ctx context.Context, cursor string) (*xendit.Page[Payment], error) {
		if cursor != "" {
			p.AfterID = &cursor
		}
		return s.ListPayments(ctx, id, &p, opts...)
	}
	return pager.All(ctx, "", fetch, pager.FromNextLink[Payment]("after_id"))
}

// SimulatePaymentParams say how much the simulated payment pays; nil
// Amount pays the payment method's own amount.
type SimulatePaymentParams struct {
	Amount *float64 `json:"amount,omitempty"`
}

// Validate checks the amount.
func (p *SimulatePaymentParams) Validate() error { return product.Positive("amount", p.Amount) }

// SimulatePayment plays, in test mode, the customer paying with a payment
// method (a virtual account, payment code or QR code); the payment's
// callback follows. The endpoint answers no body. params may be nil.
//
// API: POST /v2/payment_methods/{paymentMethodId}/payments/simulate
func (s *Client) SimulatePayment(ctx context.Context, id string, params *SimulatePaymentParams, opts ...xendit.RequestOption) error {
	if params == nil {
		params = &SimulatePaymentParams{}
	}
	if err := product.Check(params); err != nil {
		return err
	}
	return s.c.Do(ctx, &xendit.Request{Endpoint: simulatePayment, PathParams: path(id), Body: params, Options: opts}, nil)
}
