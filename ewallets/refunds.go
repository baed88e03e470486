package ewallets

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/chargerefund"
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
	RefundReasonDuplicate           RefundReason = "DUPLICATE"
	RefundReasonFraudulent          RefundReason = "FRAUDULENT"
	RefundReasonRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	RefundReasonCancellation        RefundReason = "CANCELLATION"
	RefundReasonOthers              RefundReason = "OTHERS"
)

// RefundStatus is the state of a refund: PENDING until the wallet answers,
// then SUCCEEDED or FAILED (with a [RefundFailureCode]), as the
// ewallet.refund callback reports.
type RefundStatus string

// The documented refund statuses.
const (
	RefundStatusPending   RefundStatus = "PENDING"
	RefundStatusSucceeded RefundStatus = "SUCCEEDED"
	RefundStatusFailed    RefundStatus = "FAILED"
)

// Succeeded reports whether the money went back to the customer.
func (s RefundStatus) Succeeded() bool { return s == RefundStatusSucceeded }

// Pending reports whether the wallet has not answered yet.
func (s RefundStatus) Pending() bool { return s == RefundStatusPending }

// Failed reports whether the refund failed; see Refund.FailureCode.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

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

// CreateRefundParams is a refund of part or all of a charge; the empty
// value refunds what is left, without a reason.
type CreateRefundParams struct {
	// Amount to refund; nil refunds what is left of the charge.
	Amount *float64      `json:"amount,omitempty"`
	Reason *RefundReason `json:"reason,omitempty"`
}

// Validate checks that an amount, when set, is positive.
func (p *CreateRefundParams) Validate() error {
	return product.Positive("amount", p.Amount)
}

// Refund is an eWallet refund, as the refund endpoints return it and the
// ewallet.refund callback carries it.
type Refund struct {
	ID string `json:"id"`
	// ChargeID is the refunded charge; the reference's examples show it
	// with and without the ewc_ prefix.
	ChargeID      string            `json:"charge_id"`
	Status        RefundStatus      `json:"status"`
	Currency      xendit.Currency   `json:"currency"`
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

// CreateRefund refunds a SUCCEEDED charge (ewc_...), in full or in part
// (partial and repeated refunds depend on the wallet). The refund is usually
// PENDING; the result arrives in an ewallet.refund callback.
//
// Xendit documents no idempotency header here, so the SDK does not repeat
// the request after an ambiguous failure: on [xendit.OutcomeUnknown], list
// the charge's refunds before refunding again.
//
// API: POST /ewallets/charges/{id}/refunds
func (s *Client) CreateRefund(ctx context.Context, chargeID string, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return chargerefund.Create[Refund](ctx, s.c, createRefund, chargeID, params, opts)
}

// GetRefund returns one refund of a charge.
//
// API: GET /ewallets/charges/{charge_id}/refunds/{refund_id}
func (s *Client) GetRefund(ctx context.Context, chargeID, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	return chargerefund.Get[Refund](ctx, s.c, getRefund, chargeID, refundID, opts)
}

// ListRefunds returns one page of a charge's refunds. The API
// documents no cursor: HasMore says more refunds match than Limit returned,
// and there is no way to ask for them but a larger Limit (50 at most).
//
// API: GET /ewallets/charges/{id}/refunds
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
// API: GET /ewallets/charges/{id}/refunds
func (s *Client) AllRefunds(ctx context.Context, chargeID string, params *ListRefundsParams, opts ...xendit.RequestOption) iter.Seq2[*Refund, error] {
	return chargerefund.All[Refund](ctx, s.c, listRefunds, chargeID, params.shared(), opts)
}
