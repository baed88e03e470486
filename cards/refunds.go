package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// CreateRefundParams refunds part or all of a captured charge (POST
// /credit_card_charges/{credit_card_charge_id}/refunds).
type CreateRefundParams struct {
	// ChargeID is the CAPTURED charge; it goes in the path.
	ChargeID string `json:"-"`
	// Amount to refund. Several partial refunds are allowed while their
	// total stays within the captured amount.
	Amount float64 `json:"amount"`
	// ExternalID is your unique identifier for the refund (up to 64
	// characters); reusing one is DUPLICATE_REFUND_ERROR.
	ExternalID string `json:"external_id"`
}

// RefundStatus is the state of a refund. Unknown values still decode.
type RefundStatus string

// The documented refund statuses.
const (
	// RefundRequested: the refund succeeded (refunds are synchronous under
	// the x-api-version the SDK pins).
	RefundRequested RefundStatus = "REQUESTED"
	// RefundFailed: see the refund's FailureReason.
	RefundFailed RefundStatus = "FAILED"
)

// RefundFailureReason says why a refund failed. Unknown values still
// decode.
type RefundFailureReason string

// The documented refund failure reasons.
const (
	// RefundInsufficientBalance: your Xendit balance cannot cover it.
	RefundInsufficientBalance RefundFailureReason = "INSUFFICIENT_BALANCE"
	// RefundRejected: the processor rejected the refund.
	RefundRejected RefundFailureReason = "REFUND_FAILED"
	// RefundPeriodExpired: the charge is too old to refund; pay the
	// customer back with a disbursement instead.
	RefundPeriodExpired RefundFailureReason = "REFUND_PERIOD_EXPIRED"
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
func (s *Client) CreateRefund(ctx context.Context, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	err := product.First(
		product.Positive("amount", &params.Amount),
		product.Required("external_id", params.ExternalID),
		product.MaxLen("external_id", params.ExternalID, 64),
	)
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: createRefund, PathParams: map[string]string{"credit_card_charge_id": params.ChargeID},
		Body: params, Options: opts,
	}
	return do[Refund](ctx, s.c, req, nil)
}
