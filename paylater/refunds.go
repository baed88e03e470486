package paylater

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/chargerefund"
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
	RefundReasonDuplicate           RefundReason = "DUPLICATE"
	RefundReasonFraudulent          RefundReason = "FRAUDULENT"
	RefundReasonChangeOfMind        RefundReason = "CHANGE_OF_MIND"
	RefundReasonChangePaymentMethod RefundReason = "CHANGE_PAYMENT_METHOD"
	RefundReasonUnfulfilledItem     RefundReason = "UNFULFILLED_ITEM"
	RefundReasonDefectiveItem       RefundReason = "DEFECTIVE_ITEM"
	RefundReasonOthers              RefundReason = "OTHERS"
)

// RefundStatus is the state of a refund: PENDING until the provider
// answers, then SUCCEEDED or FAILED.
type RefundStatus string

// The documented refund statuses.
const (
	RefundStatusPending   RefundStatus = "PENDING"
	RefundStatusSucceeded RefundStatus = "SUCCEEDED"
	RefundStatusFailed    RefundStatus = "FAILED"
)

// Succeeded reports whether the money went back to the customer.
func (s RefundStatus) Succeeded() bool { return s == RefundStatusSucceeded }

// Pending reports whether the provider has not answered yet.
func (s RefundStatus) Pending() bool { return s == RefundStatusPending }

// Failed reports whether the refund failed.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

// CreateRefundParams refunds part or all of a SUCCEEDED charge; the empty
// value refunds what is left, without a reason. BillEase takes full refunds
// only.
type CreateRefundParams struct {
	// Amount nil refunds what is left.
	Amount *float64      `json:"amount,omitempty"`
	Reason *RefundReason `json:"reason,omitempty"`
}

// Validate checks that an amount, when set, is positive.
func (p *CreateRefundParams) Validate() error {
	return product.Positive("amount", p.Amount)
}

// Refund is a PayLater refund. Its amount field is "amount" (eWallets say
// "refund_amount").
type Refund struct {
	ID          string          `json:"id"`
	ChargeID    string          `json:"charge_id"`
	ChannelCode ChannelCode     `json:"channel_code"`
	Currency    xendit.Currency `json:"currency"`
	Amount      float64         `json:"amount"`
	Reason      RefundReason    `json:"reason"`
	Status      RefundStatus    `json:"status"`
	Created     xendit.Time     `json:"created"`
	// Updated is null (zero) while the refund is PENDING.
	Updated xendit.Time `json:"updated"`
}

// ListRefundsParams filters the refunds of a charge. It may be nil.
type ListRefundsParams struct {
	// Limit is the page size, 1 to 50; nil means the API's default (10)
	// for ListRefunds and 50 for AllRefunds.
	Limit  *int
	Status *RefundStatus
}

// Validate checks Limit against the reference's range.
func (p *ListRefundsParams) Validate() error { return p.shared().Validate() }

func (p *ListRefundsParams) shared() *chargerefund.ListParams[RefundStatus] {
	return (*chargerefund.ListParams[RefundStatus])(p)
}

// CreateRefund refunds a SUCCEEDED charge (plc_...). Providers differ:
// BillEase refunds in full only, Kredivo within 14 days, Indodana 30.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure: on [xendit.OutcomeUnknown], list
// the charge's refunds before refunding again.
//
// API: POST /paylater/charges/{id}/refunds
func (s *Client) CreateRefund(ctx context.Context, chargeID string, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return chargerefund.Create[Refund](ctx, s.c, createRefund, chargeID, params, opts)
}

// GetRefund returns one refund of a charge.
//
// API: GET /paylater/charges/{charge_id}/refunds/{refund_id}
func (s *Client) GetRefund(ctx context.Context, chargeID, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	return chargerefund.Get[Refund](ctx, s.c, getRefund, chargeID, refundID, opts)
}

// ListRefunds returns one page of a charge's refunds. The API documents no
// cursor: HasMore says more refunds match than Limit returned, and there is
// no way to ask for them but a larger Limit (50 at most).
//
// API: GET /paylater/charges/{id}/refunds
func (s *Client) ListRefunds(ctx context.Context, chargeID string, params *ListRefundsParams, opts ...xendit.RequestOption) (*xendit.Page[Refund], error) {
	return chargerefund.List[Refund](ctx, s.c, listRefunds, chargeID, params.shared(), opts)
}

// AllRefunds returns every refund of a charge that params selects. As the
// API documents no cursor, it reads one page of 50 (the largest the API
// allows; or params.Limit when set); should that page say has_more, the
// loop gets its refunds and then an error wrapping [xendit.ErrPagination].
// The options, [xendit.CaptureResponse] among them, apply to the page
// request.
//
// API: GET /paylater/charges/{id}/refunds
func (s *Client) AllRefunds(ctx context.Context, chargeID string, params *ListRefundsParams, opts ...xendit.RequestOption) iter.Seq2[*Refund, error] {
	return chargerefund.All[Refund](ctx, s.c, listRefunds, chargeID, params.shared(), opts)
}
