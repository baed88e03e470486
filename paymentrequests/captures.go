package paymentrequests

import (
	"context"
	"iter"
	"math"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

var (
	listCaptures  = xendit.MustEndpoint("paymentrequests.list_captures")
	createCapture = xendit.MustEndpoint("paymentrequests.create_capture")
)

// CaptureStatus is the result of a capture.
type CaptureStatus string

// The capture statuses of payment_request.yaml.
const (
	CaptureStatusSucceeded CaptureStatus = "SUCCEEDED"
	CaptureStatusFailed    CaptureStatus = "FAILED"
)

// Succeeded reports whether the captured amount moved.
func (s CaptureStatus) Succeeded() bool { return s == CaptureStatusSucceeded }

// Failed reports whether the capture failed; see Capture.FailureCode.
func (s CaptureStatus) Failed() bool { return s == CaptureStatusFailed }

// Capture takes all or part of the amount a MANUAL payment request
// authorised.
type Capture struct {
	ID               string                        `json:"id"`
	PaymentRequestID string                        `json:"payment_request_id"`
	PaymentID        string                        `json:"payment_id"`
	ReferenceID      string                        `json:"reference_id"`
	CustomerID       *string                       `json:"customer_id"`
	Currency         xendit.Currency               `json:"currency"`
	AuthorizedAmount float64                       `json:"authorized_amount"`
	CapturedAmount   float64                       `json:"captured_amount"`
	Status           CaptureStatus                 `json:"status"`
	PaymentMethod    *paymentmethods.PaymentMethod `json:"payment_method"`
	FailureCode      *string                       `json:"failure_code"`
	// ChannelProperties are kept as sent (the file's example shows a
	// string where the schema says object).
	ChannelProperties any            `json:"channel_properties"`
	Metadata          map[string]any `json:"metadata"`
	Created           xendit.Time    `json:"created"`
	Updated           xendit.Time    `json:"updated"`
}

// CreateCaptureParams is the body of Capture.
type CreateCaptureParams struct {
	ReferenceID   *string `json:"reference_id,omitempty"`
	CaptureAmount float64 `json:"capture_amount"`
}

// Validate requires a positive capture amount.
func (p *CreateCaptureParams) Validate() error {
	if p.CaptureAmount <= 0 {
		return xendit.Invalid("capture_amount", "must be positive, got %v", p.CaptureAmount)
	}
	return product.MaxLenPtr("reference_id", p.ReferenceID, 255)
}

// CreateCapture captures an AWAITING_CAPTURE payment request, in full or
// in part. The API has no idempotency header for it, so the SDK never
// repeats it after an ambiguous failure (a lost connection, a timeout, a
// 5xx): on [xendit.OutcomeUnknown], list the request's captures
// ([Client.ListCaptures]) and look for your reference_id before capturing
// again. The result also comes as a capture callback.
//
// API: POST /payment_requests/{paymentRequestId}/captures
func (s *Client) CreateCapture(ctx context.Context, paymentRequestID string, params *CreateCaptureParams, opts ...xendit.RequestOption) (*Capture, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createCapture, PathParams: map[string]string{"paymentRequestId": paymentRequestID},
		Body: params, Options: opts}
	return product.Do[Capture](ctx, s.c, req)
}

// ListCapturesParams sets the page size of ListCaptures.
type ListCapturesParams struct {
	Limit *int
}

// Validate checks the page size (at least 1).
func (p *ListCapturesParams) Validate() error {
	return product.Limit("limit", p.Limit, 1, math.MaxInt32)
}

// ListCaptures returns the captures of a payment request. The file
// documents only a limit, no cursor: a page that says has_more makes
// AllCaptures stop with [xendit.ErrPagination] rather than miss captures.
// params may be nil.
//
// API: GET /payment_requests/{paymentRequestId}/captures
func (s *Client) ListCaptures(ctx context.Context, paymentRequestID string, params *ListCapturesParams, opts ...xendit.RequestOption) (*xendit.Page[Capture], error) {
	if params == nil {
		params = &ListCapturesParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	q := url.Values{}
	setLimit(q, params.Limit)
	req := &xendit.Request{Endpoint: listCaptures, PathParams: map[string]string{"paymentRequestId": paymentRequestID},
		Query: q, Options: opts}
	return product.Do[xendit.Page[Capture]](ctx, s.c, req)
}

// AllCaptures returns every capture of a payment request. The endpoint has
// no cursor, so it reads one page and stops with [xendit.ErrPagination] if
// that page says more follow.
//
// API: GET /payment_requests/{paymentRequestId}/captures
func (s *Client) AllCaptures(ctx context.Context, paymentRequestID string, params *ListCapturesParams, opts ...xendit.RequestOption) iter.Seq2[*Capture, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[Capture], error) {
		return s.ListCaptures(ctx, paymentRequestID, params, opts...)
	}
	return pager.All(ctx, "", fetch, func(*xendit.Page[Capture]) string { return "" })
}
