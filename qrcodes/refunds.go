package qrcodes

import (
	"context"
	"iter"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createRefund = xendit.MustEndpoint("qrcodes.create_refund")
	getRefund    = xendit.MustEndpoint("qrcodes.get_refund")
	listRefunds  = xendit.MustEndpoint("qrcodes.list_refunds")
)

// RefundReason says why a payment is refunded.
type RefundReason string

// The documented refund reasons.
const (
	RefundReasonDuplicate           RefundReason = "DUPLICATE"
	RefundReasonFraudulent          RefundReason = "FRAUDULENT"
	RefundReasonRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	RefundReasonCancellation        RefundReason = "CANCELLATION"
	RefundReasonOthers              RefundReason = "OTHERS"
)

// RefundStatus is the state of a refund: PENDING until the QR partner
// answers, then SUCCEEDED or FAILED (with a [RefundFailureCode]), as the
// qr.refund callback reports.
type RefundStatus string

// The documented refund statuses.
const (
	RefundStatusPending   RefundStatus = "PENDING"
	RefundStatusSucceeded RefundStatus = "SUCCEEDED"
	RefundStatusFailed    RefundStatus = "FAILED"
)

// Succeeded reports whether the money went back to the payer.
func (s RefundStatus) Succeeded() bool { return s == RefundStatusSucceeded }

// Pending reports whether the QR partner has not answered yet.
func (s RefundStatus) Pending() bool { return s == RefundStatusPending }

// Failed reports whether the refund failed; see Refund.FailureCode.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

// RefundFailureCode says why a refund failed. Unknown codes still decode.
type RefundFailureCode string

// The documented refund failure codes.
const (
	RefundFailureIneligibleTransaction      RefundFailureCode = "INELIGIBLE_TRANSACTION"
	RefundFailureInsufficientBalance        RefundFailureCode = "INSUFFICIENT_BALANCE"
	RefundFailureTemporarilyUnavailable     RefundFailureCode = "REFUND_TEMPORARILY_UNAVAILABLE"
	RefundFailureMaximumUserBalanceExceeded RefundFailureCode = "MAXIMUM_USER_BALANCE_EXCEEDED"
)

// CreateRefundParams is a refund of part or all of a payment; the empty
// value refunds what is left, without a reason.
type CreateRefundParams struct {
	// Amount to refund; nil refunds what is left of the payment. The
	// reference's curl sends it as a string; the SDK sends a number, as
	// its table and every response have it (line 15321 vs 15340).
	Amount *float64      `json:"amount,omitempty"`
	Reason *RefundReason `json:"reason,omitempty"`
}

// Validate checks that an amount, when set, is positive, and the reason
// against the documented list.
func (p *CreateRefundParams) Validate() error {
	if err := product.Positive("amount", p.Amount); err != nil {
		return err
	}
	if p.Reason != nil {
		switch *p.Reason {
		case RefundReasonDuplicate, RefundReasonFraudulent, RefundReasonRequestedByCustomer,
			RefundReasonCancellation, RefundReasonOthers:
		default:
			return xendit.Invalid("reason", "%q is not a documented refund reason", *p.Reason)
		}
	}
	return nil
}

// Refund is a QR refund (qrrf_...), as the refund endpoints return it and
// the qr.refund callback carries it.
type Refund struct {
	ID string `json:"id"`
	// QRPaymentID is the refunded payment (qrpy_...).
	QRPaymentID   string            `json:"qrpy_id"`
	Status        RefundStatus      `json:"status"`
	Currency      xendit.Currency   `json:"currency"`
	PaymentAmount float64           `json:"payment_amount"`
	RefundAmount  float64           `json:"refund_amount"`
	ChannelCode   ChannelCode       `json:"channel_code"`
	Reason        RefundReason      `json:"reason"`
	FailureCode   RefundFailureCode `json:"failure_code,omitempty"`
	Created       xendit.Time       `json:"created"`
	Updated       xendit.Time       `json:"updated"`
	// RefundedAt is zero (null) until the QR partner completes the refund.
	RefundedAt xendit.Time `json:"refunded_at"`
}

// ListRefundsParams filters the refunds of a payment. It may be nil.
type ListRefundsParams struct {
	// Limit is the page size, 1 to 50; nil means the API's default (10)
	// for ListRefunds and [MaxLimit] for AllRefunds.
	Limit  *int
	Status *RefundStatus
}

// Validate checks Limit against the reference's range.
func (p *ListRefundsParams) Validate() error { return product.Limit("limit", p.Limit, 1, MaxLimit) }

func (p *ListRefundsParams) query() url.Values {
	q := url.Values{}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.Status != nil {
		q.Set("status", string(*p.Status))
	}
	return q
}

// CreateRefund refunds a payment (qrpy_...), in full or in part, as often
// as the refunds add up to no more than the payment. A full refund within
// 24 hours voids the payment and returns Xendit's fee; any other refund
// does not. The refund is usually PENDING; the result arrives in a
// qr.refund callback.
//
// The SDK sends an idempotency-key (generated, or given with
// [xendit.WithIdempotencyKey]) and reuses it on every retry, so a retry does
// not refund twice.
//
// API: POST /qr_codes/payments/{qrpy_id}/refunds
func (s *Client) CreateRefund(ctx context.Context, paymentID string, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createRefund, PathParams: map[string]string{"qrpy_id": paymentID}, Body: params, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// GetRefund returns one refund (qrrf_...) of a payment (qrpy_...).
//
// API: GET /qr_codes/payments/{qrpy_id}/refunds/{refund_id}
func (s *Client) GetRefund(ctx context.Context, paymentID, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	req := &xendit.Request{Endpoint: getRefund, PathParams: map[string]string{"qrpy_id": paymentID, "refund_id": refundID}, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// ListRefunds returns one page of a payment's refunds. The API documents
// no cursor: HasMore says more refunds match than Limit returned, and
// there is no way to ask for them but a larger Limit (50 at most).
//
// API: GET /qr_codes/payments/{qrpy_id}/refunds
func (s *Client) ListRefunds(ctx context.Context, paymentID string, params *ListRefundsParams, opts ...xendit.RequestOption) (*xendit.Page[Refund], error) {
	return list[Refund](ctx, s.c, listRefunds, "qrpy_id", paymentID, params, opts)
}

// AllRefunds returns every refund of a payment that params selects. As
// the API documents no cursor, it reads one page of [MaxLimit] (or
// params.Limit when set); should that page say has_more, the loop gets its
// refunds and then an error wrapping [xendit.ErrPagination]. The options
// apply to the page request.
//
// API: GET /qr_codes/payments/{qrpy_id}/refunds
func (s *Client) AllRefunds(ctx context.Context, paymentID string, params *ListRefundsParams, opts ...xendit.RequestOption) iter.Seq2[*Refund, error] {
	p := ListRefundsParams{Limit: xendit.Ptr(MaxLimit)}
	if params != nil {
		p.Status = params.Status
		if params.Limit != nil {
			p.Limit = params.Limit
		}
	}
	return onePage(ctx, func(ctx context.Context) (*xendit.Page[Refund], error) {
		return s.ListRefunds(ctx, paymentID, &p, opts...)
	})
}
