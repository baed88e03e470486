package paylater

import (
	"context"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createRefund = xendit.MustEndpoint("paylater.create_refund")
	getRefund    = xendit.MustEndpoint("paylater.get_refund")
	listRefunds  = xendit.MustEndpoint("paylater.list_refunds")
)

// RefundReason says why a charge is refunded; the list differs from
// eWallets'.
type RefundReason string

// The documented PayLater refund reasons.
const (
	ReasonDuplicate           RefundReason = "DUPLICATE"
	ReasonFraudulent          RefundReason = "FRAUDULENT"
	ReasonChangeOfMind        RefundReason = "CHANGE_OF_MIND"
	ReasonChangePaymentMethod RefundReason = "CHANGE_PAYMENT_METHOD"
	ReasonUnfulfilledItem     RefundReason = "UNFULFILLED_ITEM"
	ReasonDefectiveItem       RefundReason = "DEFECTIVE_ITEM"
	ReasonOthers              RefundReason = "OTHERS"
)

// RefundStatus is the state of a refund.
type RefundStatus string

// The documented refund statuses.
const (
	RefundPending   RefundStatus = "PENDING"
	RefundSucceeded RefundStatus = "SUCCEEDED"
	RefundFailed    RefundStatus = "FAILED"
)

// CreateRefundParams refunds part or all of a SUCCEEDED charge. BillEase
// takes full refunds only.
type CreateRefundParams struct {
	// ChargeID (plc_...) goes in the path.
	ChargeID string `json:"-"`
	// Amount nil refunds what is left.
	Amount *float64      `json:"amount,omitempty"`
	Reason *RefundReason `json:"reason,omitempty"`
}

// Refund is a PayLater refund. Its amount field is "amount" (eWallets say
// "refund_amount").
type Refund struct {
	ID          string       `json:"id"`
	ChargeID    string       `json:"charge_id"`
	ChannelCode ChannelCode  `json:"channel_code"`
	Currency    Currency     `json:"currency"`
	Amount      float64      `json:"amount"`
	Reason      RefundReason `json:"reason"`
	Status      RefundStatus `json:"status"`
	Created     xendit.Time  `json:"created"`
	// Updated is null (zero) while the refund is PENDING.
	Updated xendit.Time `json:"updated"`
}

// ListRefundsParams selects the refunds of one charge.
type ListRefundsParams struct {
	ChargeID string
	// Limit is 1 to 50; nil means the API's default (10).
	Limit  *int
	Status *RefundStatus
}

// RefundList is one page of refunds; no cursor is documented.
type RefundList struct {
	Data    []Refund `json:"data"`
	HasMore bool     `json:"has_more"`
}

// CreateRefund refunds a charge. It is never repeated after an ambiguous
// failure: on [xendit.OutcomeUnknown], list the charge's refunds first.
func (s *Client) CreateRefund(ctx context.Context, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	if err := product.Positive("amount", params.Amount); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createRefund, PathParams: map[string]string{"id": params.ChargeID}, Body: params, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// GetRefund returns one refund of a charge.
func (s *Client) GetRefund(ctx context.Context, chargeID, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	req := &xendit.Request{Endpoint: getRefund, PathParams: map[string]string{"charge_id": chargeID, "refund_id": refundID}, Options: opts}
	return product.Do[Refund](ctx, s.c, req)
}

// ListRefunds returns the refunds of a charge.
func (s *Client) ListRefunds(ctx context.Context, params *ListRefundsParams, opts ...xendit.RequestOption) (*RefundList, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	q := url.Values{}
	if err := product.Limit(q, "limit", params.Limit, 1, 50); err != nil {
		return nil, err
	}
	if params.Status != nil {
		q.Set("status", string(*params.Status))
	}
	req := &xendit.Request{Endpoint: listRefunds, PathParams: map[string]string{"id": params.ChargeID}, Query: q, Options: opts}
	return product.Do[RefundList](ctx, s.c, req)
}
