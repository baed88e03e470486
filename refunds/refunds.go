package refunds

import (
	"context"
	"iter"
	"math"
	"net/url"
	"slices"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createRefund = xendit.MustEndpoint("refunds.create_refund")
	listRefunds  = xendit.MustEndpoint("refunds.list_refunds")
	getRefund    = xendit.MustEndpoint("refunds.get_refund")
	cancelRefund = xendit.MustEndpoint("refunds.cancel_refund")
)

// Status is the state of a refund. refund.yaml's Refund has no status
// field; Xendit's refund object and callbacks carry one, with these values.
type Status string

// The refund statuses.
const (
	StatusPending   Status = "PENDING"
	StatusSucceeded Status = "SUCCEEDED"
	StatusFailed    Status = "FAILED"
	StatusCancelled Status = "CANCELLED"
)

// Succeeded reports whether the money went back to the customer.
func (s Status) Succeeded() bool { return s == StatusSucceeded }

// Pending reports whether the channel has not answered yet; a pending
// refund can still be cancelled.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether the refund failed (see Refund.FailureCode) or was
// cancelled: either way no money went back.
func (s Status) Failed() bool { return s == StatusFailed || s == StatusCancelled }

// Reason says why a payment is refunded.
type Reason string

// The reasons of refund.yaml; the API refuses others.
const (
	ReasonFraudulent          Reason = "FRAUDULENT"
	ReasonDuplicate           Reason = "DUPLICATE"
	ReasonRequestedByCustomer Reason = "REQUESTED_BY_CUSTOMER"
	ReasonCancellation        Reason = "CANCELLATION"
	ReasonOthers              Reason = "OTHERS"
)

var reasons = []Reason{ReasonFraudulent, ReasonDuplicate, ReasonRequestedByCustomer, ReasonCancellation, ReasonOthers}

// Refund gives back all or part of a payment, whatever its channel.
type Refund struct {
	ID               string `json:"id"`
	PaymentRequestID string `json:"payment_request_id"`
	// InvoiceID is set for a refund of an invoice's payment; refund.yaml's
	// schema leaves it out of the object.
	InvoiceID       *string         `json:"invoice_id,omitzero"`
	Amount          float64         `json:"amount"`
	ChannelCode     string          `json:"channel_code"`
	Country         string          `json:"country"`
	Currency        xendit.Currency `json:"currency"`
	ReferenceID     *string         `json:"reference_id"`
	Status          Status          `json:"status,omitzero"`
	Reason          Reason          `json:"reason,omitzero"`
	FailureCode     *string         `json:"failure_code"`
	RefundFeeAmount *float64        `json:"refund_fee_amount"`
	Metadata        map[string]any  `json:"metadata"`
	Created         xendit.Time     `json:"created"`
	Updated         xendit.Time     `json:"updated"`
}

// CreateParams is the body of Create Refund. Give the payment to refund
// as PaymentRequestID or InvoiceID, exactly one.
type CreateParams struct {
	PaymentRequestID *string `json:"payment_request_id,omitempty"`
	InvoiceID        *string `json:"invoice_id,omitempty"`
	ReferenceID      *string `json:"reference_id,omitempty"`
	// Amount is the amount to refund; nil refunds what is left of the
	// payment.
	Amount   *float64         `json:"amount,omitempty"`
	Currency *xendit.Currency `json:"currency,omitempty"`
	Reason   *Reason          `json:"reason,omitempty"`
	Metadata map[string]any   `json:"metadata,omitempty"`
}

// Validate applies the rules Xendit documents: exactly one of
// payment_request_id and invoice_id, a positive amount, a currency code,
// a documented reason.
func (p *CreateParams) Validate() error {
	switch {
	case p.PaymentRequestID == nil && p.InvoiceID == nil:
		return xendit.Invalid("payment_request_id", "is required unless invoice_id is given")
	case p.PaymentRequestID != nil && p.InvoiceID != nil:
		return xendit.Invalid("invoice_id", "must not be given with payment_request_id")
	case p.PaymentRequestID != nil && *p.PaymentRequestID == "":
		return xendit.Invalid("payment_request_id", "is empty")
	case p.InvoiceID != nil && *p.InvoiceID == "":
		return xendit.Invalid("invoice_id", "is empty")
	}
	if p.Currency != nil {
		if err := product.Currency("currency", string(*p.Currency)); err != nil {
			return err
		}
	}
	if p.Reason != nil && !slices.Contains(reasons, *p.Reason) {
		return xendit.Invalid("reason", "%q is not one of FRAUDULENT, DUPLICATE, REQUESTED_BY_CUSTOMER, CANCELLATION, OTHERS", *p.Reason)
	}
	return product.First(
		product.Positive("amount", p.Amount),
		product.MaxLenPtr("reference_id", p.ReferenceID, 255),
		xendit.CheckMetadata("metadata", p.Metadata),
	)
}

// Create refunds a payment. The SDK sends an idempotency-key, generated
// once per call and reused on every retry, so an ambiguous failure is
// retried without refunding twice; give your own with
// [xendit.WithIdempotencyKey] to deduplicate across processes. The refund
// is usually PENDING; its outcome comes in a refund callback.
//
// API: POST /refunds
func (s *Client) Create(ctx context.Context, params *CreateParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createRefund, Body: params, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// Get returns a refund.
//
// API: GET /refunds/{refundID}
func (s *Client) Get(ctx context.Context, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	return s.onRefund(ctx, getRefund, refundID, opts)
}

// Cancel cancels a PENDING refund. Like Create, it carries an
// idempotency-key and is retried safely.
//
// API: POST /refunds/{refundID}/cancel
func (s *Client) Cancel(ctx context.Context, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	return s.onRefund(ctx, cancelRefund, refundID, opts)
}

func (s *Client) onRefund(ctx context.Context, e xendit.Endpoint, id string, opts []xendit.RequestOption) (*Refund, error) {
	req := &xendit.Request{Endpoint: e, PathParams: map[string]string{"refundID": id}, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// ListParams selects refunds.
type ListParams struct {
	PaymentRequestID  *string
	InvoiceID         *string
	PaymentMethodType *string
	ChannelCode       *string
	Limit             *int
	AfterID           *string
	BeforeID          *string
}

// Validate checks the page size: at least 1 (refund.yaml gives no
// maximum).
func (p *ListParams) Validate() error {
	return product.Limit("limit", p.Limit, 1, math.MaxInt32)
}

func (p *ListParams) query() url.Values {
	q := url.Values{}
	for key, v := range map[string]*string{
		"payment_request_id": p.PaymentRequestID, "invoice_id": p.InvoiceID,
		"payment_method_type": p.PaymentMethodType, "channel_code": p.ChannelCode,
		"after_id": p.AfterID, "before_id": p.BeforeID,
	} {
		if v != nil {
			q.Set(key, *v)
		}
	}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	return q
}

// List returns one page of refunds, newest first. params may be nil.
//
// API: GET /refunds
func (s *Client) List(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) (*xendit.Page[Refund], error) {
	if params == nil {
		params = &ListParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listRefunds, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[Refund]](ctx, s.c, req)
}

// All returns every refund params selects, fetching pages as the loop
// needs them (after_id is the last id of the page before). It stops on the
// first error, fetches nothing more when the loop breaks, and stops with
// [xendit.ErrPagination] on a repeated cursor. params.BeforeID is refused:
// All pages forward. opts apply to every page.
//
// API: GET /refunds
func (s *Client) All(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) iter.Seq2[*Refund, error] {
	if params == nil {
		params = &ListParams{}
	}
	if err := product.Check(params); err != nil {
		return pager.Failed[Refund](err)
	}
	if params.BeforeID != nil {
		return pager.Failed[Refund](xendit.Invalid("before_id", "is not supported by All, which pages forward; use List"))
	}
	list := func(ctx context.Context, p *ListParams) (*xendit.Page[Refund], error) { return s.List(ctx, p, opts...) }
	return pager.ByAfterID(ctx, params, func(p *ListParams) **string { return &p.AfterID }, list,
		func(r *Refund) string { return r.ID })
}
