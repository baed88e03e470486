package snap

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var refundDirectDebit = xendit.MustEndpoint("snap.refund_direct_debit")

// RefundReason is why a direct debit is refunded.
type RefundReason string

// The documented refund reasons.
const (
	RefundReasonFraudulent          RefundReason = "FRAUDULENT"
	RefundReasonDuplicate           RefundReason = "DUPLICATE"
	RefundReasonRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	RefundReasonCancellation        RefundReason = "CANCELLATION"
	RefundReasonOthers              RefundReason = "OTHERS"
)

// RefundDirectDebitParams is the body of Direct Debit - Refund (service
// code 58), less the payment refunded, which [Client.RefundDirectDebit]
// takes as its argument. Every field is optional: &RefundDirectDebitParams{}
// refunds the whole refundable amount.
type RefundDirectDebitParams struct {
	// PartnerRefundNo is your id for the refund; Xendit makes one up
	// without it. A second refund with the same id is refused
	// (xendit.ErrDuplicate), which makes a retry safe.
	PartnerRefundNo *string `json:"partnerRefundNo,omitempty"`
	// RefundAmount defaults to the whole refundable amount.
	RefundAmount   *Amount         `json:"refundAmount,omitempty"`
	Reason         *RefundReason   `json:"reason,omitempty"`
	AdditionalInfo *RefundAddition `json:"additionalInfo,omitempty"`
}

// RefundAddition is RefundDirectDebitParams.AdditionalInfo.
type RefundAddition struct {
	Metadata Metadata `json:"metadata,omitzero"`
}

// Validate checks the fields the reference requires.
func (p *RefundDirectDebitParams) Validate() error {
	return p.RefundAmount.check("refundAmount")
}

// refundBody is what RefundDirectDebit sends: the payment and params.
type refundBody struct {
	OriginalPartnerReferenceNo string `json:"originalPartnerReferenceNo,omitempty"`
	OriginalReferenceNo        string `json:"originalReferenceNo,omitempty"`
	*RefundDirectDebitParams
}

// RefundStatus is a refund's state.
type RefundStatus string

// The documented refund statuses.
const (
	RefundStatusSucceeded RefundStatus = "SUCCESS"
	RefundStatusFailed    RefundStatus = "FAILED"
	RefundStatusPending   RefundStatus = "PENDING"
)

// Succeeded reports SUCCESS: the money went back.
func (s RefundStatus) Succeeded() bool { return s == RefundStatusSucceeded }

// Pending reports PENDING.
func (s RefundStatus) Pending() bool { return s == RefundStatusPending }

// Failed reports FAILED; RefundInfo.FailureCode says why.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

// RefundResponse is the response of Direct Debit - Refund.
type RefundResponse struct {
	Result
	OriginalReferenceNo string `json:"originalReferenceNo"`
	// RefundNo is Xendit's id for the refund (rfd-...).
	RefundNo        string     `json:"refundNo"`
	PartnerRefundNo string     `json:"partnerRefundNo"`
	RefundAmount    *Amount    `json:"refundAmount,omitzero"`
	AdditionalInfo  RefundInfo `json:"additionalInfo"`
}

// RefundInfo is a refund's additionalInfo.
type RefundInfo struct {
	ChannelCode string       `json:"channelCode"`
	Status      RefundStatus `json:"status"`
	Reason      RefundReason `json:"reason"`
	FailureCode string       `json:"failureCode"`
	// RefundFeeAmount is a bare string in the reference, not an [Amount].
	RefundFeeAmount string   `json:"refundFeeAmount"`
	Created         Time     `json:"created"`
	Updated         Time     `json:"updated"`
	Metadata        Metadata `json:"metadata,omitzero"`
}

// RefundDirectDebit refunds all or part of the direct debit ref names.
//
// API: POST /snap/v1.0/debit/refund
func (s *Client) RefundDirectDebit(ctx context.Context, ref Ref, params *RefundDirectDebitParams, opts ...xendit.RequestOption) (*RefundResponse, error) {
	if err := ref.check(); err != nil {
		return nil, err
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	body := refundBody{OriginalPartnerReferenceNo: ref.partnerReferenceNo, OriginalReferenceNo: ref.referenceNo, RefundDirectDebitParams: params}
	return do[RefundResponse](ctx, s, refundDirectDebit, body, opts)
}
