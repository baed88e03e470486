package ewallets

import (
	"context"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createRefund = xendit.MustEndpoint("ewallets.create_refund")
	getRefund    = xendit.MustEndpoint("ewallets.get_refund")
	listRefunds  = xendit.MustEndpoint("ewallets.list_refunds")
)

// RefundReason says why a charge is refunded. eWallets and PayLater have
// different lists.
type RefundReason string

// The documented eWallet refund reasons. Refunds read back may carry
// others (the reference's list example shows "OTHER").
const (
	ReasonDuplicate           RefundReason = "DUPLICATE"
	ReasonFraudulent          RefundReason = "FRAUDULENT"
	ReasonRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	ReasonCancellation        RefundReason = "CANCELLATION"
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

// RefundFailureCode says why a refund failed. Unknown codes still decode.
type RefundFailureCode string

// The documented refund failure codes.
const (
	RefundFailureIneligibleTransaction        RefundFailureCode = "INELIGIBLE_TRANSACTION"
	RefundFailureInsufficientBalance          RefundFailureCode = "INSUFFICIENT_BALANCE"
	RefundFailureTemporarilyUnavailable       RefundFailureCode = "REFUND_TEMPORARILY_UNAVAILABLE"
	RefundFailureMaximumUserBalanceExceeded   RefundFailureCode = "MAXIMUM_USER_BALANCE_EXCEEDED"
	RefundFailureIneligiblePartialTransaction RefundFailureCode = "INELIGIBLE_PARTIAL_REFUND_TRANSACTION"
)

// Error codes of the refund and void endpoints that a caller may act on;
// match them against [xendit.Error].Code.
const (
	CodeRefundInProgress           = "REFUND_IN_PROGRESS"
	CodeMaximumRefundAmountReached = "MAXIMUM_REFUND_AMOUNT_REACHED"
	CodePartialRefundNotSupported  = "PARTIAL_REFUND_NOT_SUPPORTED"
	CodeRefundNotSupported         = "REFUND_NOT_SUPPORTED"
	CodeIneligibleTransaction      = "INELIGIBLE_TRANSACTION"
	CodeVoidNotSupported           = "VOID_NOT_SUPPORTED"
	CodeUnsupportedCurrency        = "UNSUPPORTED_CURRENCY"
	CodeDataNotFound               = "DATA_NOT_FOUND"
)

// CreateRefundParams is a refund of part or all of a charge.
type CreateRefundParams struct {
	// ChargeID is the charge to refund (ewc_...); it goes in the path.
	ChargeID string `json:"-"`
	// Amount to refund; nil refunds what is left of the charge.
	Amount *float64      `json:"amount,omitempty"`
	Reason *RefundReason `json:"reason,omitempty"`
}

// Refund is an eWallet refund, as the refund endpoints return it and the
// ewallet.refund callback carries it.
type Refund struct {
	ID string `json:"id"`
	// ChargeID is the refunded charge; the reference's examples show it
	// with and without the ewc_ prefix.
	ChargeID      string            `json:"charge_id"`
	Status        RefundStatus      `json:"status"`
	Currency      Currency          `json:"currency"`
	ChannelCode   ChannelCode       `json:"channel_code"`
	CaptureAmount float64           `json:"capture_amount"`
	RefundAmount  float64           `json:"refund_amount"`
	Reason        RefundReason      `json:"reason"`
	FailureCode   RefundFailureCode `json:"failure_code,omitempty"`
	Created       xendit.Time       `json:"created"`
	// Updated is documented as a number but sent as a timestamp; it may be
	// null (zero).
	Updated xendit.Time `json:"updated"`
}

// ListRefundsParams selects the refunds of one charge.
type ListRefundsParams struct {
	ChargeID string
	// Limit is 1 to 50; nil means the API's default (10).
	Limit  *int
	Status *RefundStatus
}

// RefundList is one page of refunds. The API documents no cursor: HasMore
// says more refunds match than Limit returned.
type RefundList struct {
	Data    []Refund `json:"data"`
	HasMore bool     `json:"has_more"`
}

// CreateRefund refunds a SUCCEEDED charge, in full or in part (partial and
// repeated refunds depend on the wallet). The refund is usually PENDING; the
// result arrives in an ewallet.refund callback. Like CreateCharge it is not
// repeated after an ambiguous failure: on [xendit.OutcomeUnknown], list the
// charge's refunds before refunding again.
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
