package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var createRefund = xendit.MustEndpoint("cards.create_refund")

// CreateRefundParams is the body of Create Refund.
type CreateRefundParams struct {
	// Amount to refund. Several partial refunds are allowed while their
	// total stays within the captured amount.
	Amount float64 `json:"amount"`
	// ExternalID is your unique identifier for the refund (up to 64
	// characters); reusing one is DUPLICATE_REFUND_ERROR.
	ExternalID string `json:"external_id"`
}

// Validate checks params against the API reference before anything is
// sent. CreateRefund runs it.
func (p *CreateRefundParams) Validate() error {
	return product.First(
		product.Positive("amount", &p.Amount),
		product.Required("external_id", p.ExternalID),
		product.MaxLen("external_id", p.ExternalID, 64),
	)
}

// RefundStatus is the state of a refund. Unknown values still decode.
type RefundStatus string

// The documented refund statuses.
const (
	// RefundStatusRequested: the refund succeeded. The reference's
	// statuses table says "REQUESTED Refund request succeeded"; refunds are
	// synchronous under the x-api-version the SDK pins.
	RefundStatusRequested RefundStatus = "REQUESTED"
	// RefundStatusFailed: see the refund's FailureReason.
	RefundStatusFailed RefundStatus = "FAILED"
)

// Succeeded reports whether the money went back: for card refunds that is
// REQUESTED, which the reference defines as "Refund request succeeded".
func (s RefundStatus) Succeeded() bool { return s == RefundStatusRequested }

// Failed reports whether the refund failed (FAILED); see its FailureReason.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

// RefundFailureReason says why a refund failed. Unknown values still
// decode.
type RefundFailureReason string

// The documented refund failure reasons.
const (
	// RefundFailureReasonInsufficientBalance: your Xendit balance cannot
	// cover it.
	RefundFailureReasonInsufficientBalance RefundFailureReason = "INSUFFICIENT_BALANCE"
	// RefundFailureReasonRefundFailed: the processor rejected the refund.
	RefundFailureReasonRefundFailed RefundFailureReason = "REFUND_FAILED"
	// RefundFailureReasonRefundPeriodExpired: the charge is too old to
	// refund; pay the customer back with a disbursement instead.
	RefundFailureReasonRefundPeriodExpired RefundFailureReason = "REFUND_PERIOD_EXPIRED"
)

// Refund is a card refund.
type Refund struct {
	ID string `json:"id"`
	// ChargeID is the refunded charge.
	ChargeID      string              `json:"credit_card_charge_id"`
	ExternalID    string              `json:"external_id"`
	Status        RefundStatus        `json:"status"`
	FailureReason RefundFailureReason `json:"failure_reason"`
	Amount        float64             `json:"amount"`
	// FeeRefundAmount is the part of Xendit's fee returned with it.
	FeeRefundAmount float64 `json:"fee_refund_amount"`
	// UserID is your business id (the refund calls it user_id).
	UserID  string      `json:"user_id"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
}

// CreateRefund refunds a captured charge, synchronously: the SDK pins
// x-api-version 2019-05-01, which the endpoint requires.
//
// It is idempotent by key: the SDK sends X-IDEMPOTENCY-KEY, generated once
// per call unless you pass [xendit.WithIdempotencyKey], and the same key on
// every retry, so a refund retried after a 503 or a dropped connection is
// made once. To repeat a call whose outcome you never learned (after your
// process restarted, say), repeat it with the key from
// [xendit.Error].IdempotencyKey and the same params: Xendit answers with the
// first result. The same key with other params is
// [xendit.ErrIdempotencyConflict]. Errors to expect:
// REFUND_AMOUNT_EXCEEDED_ERROR, DUPLICATE_REFUND_ERROR
// ([xendit.ErrDuplicate]).
//
// API: POST /credit_card_charges/{credit_card_charge_id}/refunds
func (s *Client) CreateRefund(ctx context.Context, chargeID string, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: createRefund, PathParams: map[string]string{"credit_card_charge_id": chargeID},
		Body: params, Options: opts,
	}
	return do[Refund](ctx, s.c, req, nil)
}
