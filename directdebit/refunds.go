package directdebit

import (
	"bytes"
	"context"
	"encoding/json"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createRefund = xendit.MustEndpoint("directdebit.create_refund")
	getRefund    = xendit.MustEndpoint("directdebit.get_refund")
	listRefunds  = xendit.MustEndpoint("directdebit.list_refunds")
)

// RefundReason says why a payment is refunded.
type RefundReason string

// The documented refund reasons.
const (
	RefundReasonFraudulent          RefundReason = "FRAUDULENT"
	RefundReasonDuplicate           RefundReason = "DUPLICATE"
	RefundReasonRequestedByCustomer RefundReason = "REQUESTED_BY_CUSTOMER"
	RefundReasonCancellation        RefundReason = "CANCELLATION"
	RefundReasonOther               RefundReason = "OTHER"
)

// RefundStatus is the state of a refund: PENDING until the bank answers,
// then COMPLETED or FAILED, as the direct_debit.refund callback reports.
type RefundStatus string

// The documented refund statuses.
const (
	RefundStatusPending   RefundStatus = "PENDING"
	RefundStatusCompleted RefundStatus = "COMPLETED"
	RefundStatusFailed    RefundStatus = "FAILED"
)

// Succeeded reports whether the money went back to the customer.
func (s RefundStatus) Succeeded() bool { return s == RefundStatusCompleted }

// Pending reports whether the bank has not answered yet.
func (s RefundStatus) Pending() bool { return s == RefundStatusPending }

// Failed reports whether the refund failed; see Refund.FailureCode.
func (s RefundStatus) Failed() bool { return s == RefundStatusFailed }

// RefundFailureCode says why a refund failed. Unknown codes still decode.
type RefundFailureCode string

// The documented refund failure codes (lines 17801-17809).
const (
	RefundFailureRefundFailed         RefundFailureCode = "REFUND_FAILED"
	RefundFailureAccountAccessBlocked RefundFailureCode = "ACCOUNT_ACCESS_BLOCKED"
	RefundFailureAccountNotFound      RefundFailureCode = "ACCOUNT_NOT_FOUND"
	RefundFailureInsufficientBalance  RefundFailureCode = "INSUFFICIENT_BALANCE"
)

// CreateRefundParams is a refund of part or all of a COMPLETED payment.
type CreateRefundParams struct {
	Reason RefundReason `json:"reason"`
	// Amount to refund; nil refunds what is left of the payment.
	Amount *float64 `json:"amount,omitempty"`
	// Currency defaults to the payment's; only IDR is supported.
	Currency *xendit.Currency `json:"currency,omitempty"`
	Metadata map[string]any   `json:"metadata,omitzero"`
}

// Validate checks the reason against the documented list, that an amount
// is positive, that a currency is IDR (the only one refunds support) and
// the metadata limits. CreateRefund calls it.
func (p *CreateRefundParams) Validate() error {
	switch p.Reason {
	case RefundReasonFraudulent, RefundReasonDuplicate, RefundReasonRequestedByCustomer, RefundReasonCancellation, RefundReasonOther:
	case "":
		return xendit.Invalid("reason", "is required")
	default:
		return xendit.Invalid("reason", "%q is not a documented refund reason", p.Reason)
	}
	if err := product.Positive("amount", p.Amount); err != nil {
		return err
	}
	if p.Currency != nil && *p.Currency != xendit.CurrencyIDR {
		return xendit.Invalid("currency", "%q: refunds support only IDR", *p.Currency)
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// Refund is a direct debit refund (ddrfd-...), as the refund endpoints
// return it and the direct_debit.refund callback carries it.
type Refund struct {
	ID            string          `json:"id"`
	DirectDebitID string          `json:"direct_debit_id"`
	ChannelCode   ChannelCode     `json:"channel_code"`
	Currency      xendit.Currency `json:"currency"`
	// Amount is sent as a numeric string ("1500") or a number.
	Amount      xendit.Number      `json:"amount"`
	Status      RefundStatus       `json:"status"`
	Reason      RefundReason       `json:"reason"`
	FailureCode *RefundFailureCode `json:"failure_code,omitempty"`
	Created     xendit.Time        `json:"created"`
	Updated     xendit.Time        `json:"updated"`
	Metadata    map[string]any     `json:"metadata,omitzero"`
}

// CreateRefund refunds a COMPLETED payment, in full or in part, several
// times if need be up to its amount. The refund is PENDING; the result
// arrives in a direct_debit.refund callback. Transaction fees are not
// refunded.
//
// The endpoint requires an Idempotency-key: the SDK generates one per call
// and reuses it on every retry, so a retried refund is made once; it is in
// [xendit.Response].IdempotencyKey and [xendit.Error].IdempotencyKey.
//
// API: POST /direct_debits/{direct_debit_id}/refunds
func (s *Client) CreateRefund(ctx context.Context, directDebitID string, params *CreateRefundParams, opts ...xendit.RequestOption) (*Refund, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Refund](ctx, s.c, &xendit.Request{Endpoint: createRefund,
		PathParams: map[string]string{"direct_debit_id": directDebitID}, Body: params, Options: opts})
}

// GetRefund returns one refund of a payment.
//
// API: GET /direct_debits/{direct_debit_id}/refunds/{refund_id}
func (s *Client) GetRefund(ctx context.Context, directDebitID, refundID string, opts ...xendit.RequestOption) (*Refund, error) {
	return product.Do[Refund](ctx, s.c, &xendit.Request{Endpoint: getRefund,
		PathParams: map[string]string{"direct_debit_id": directDebitID, "refund_id": refundID}, Options: opts})
}

// ListRefunds returns the first page of a payment's refunds.
//
// API: GET /direct_debits/{direct_debit_id}/refunds
func (s *Client) ListRefunds(ctx context.Context, directDebitID string, opts ...xendit.RequestOption) (*xendit.Page[Refund], error) {
	return s.refundPage(ctx, directDebitID, nil, opts)
}

// AllRefunds returns every refund of a payment. The reference documents no
// query parameters for this list, only has_more and a "next" link; so
// AllRefunds asks for the next page with the query of that link, whatever
// it names, and fails with [xendit.ErrPagination] if a page says has_more
// without one.
//
// API: GET /direct_debits/{direct_debit_id}/refunds
func (s *Client) AllRefunds(ctx context.Context, directDebitID string, opts ...xendit.RequestOption) iter.Seq2[*Refund, error] {
	fetch := func(ctx context.Context, cursor string) (*xendit.Page[Refund], error) {
		q, err := url.ParseQuery(cursor)
		if err != nil {
			return nil, err
		}
		return s.refundPage(ctx, directDebitID, q, opts)
	}
	return pager.All(ctx, "", fetch, nextLinkQuery[Refund])
}

func (s *Client) refundPage(ctx context.Context, directDebitID string, q url.Values, opts []xendit.RequestOption) (*xendit.Page[Refund], error) {
	page, err := product.Do[refundPage](ctx, s.c, &xendit.Request{Endpoint: listRefunds,
		PathParams: map[string]string{"direct_debit_id": directDebitID}, Query: q, Options: opts})
	if err != nil {
		return nil, err
	}
	return (*xendit.Page[Refund])(page), nil
}

// nextLinkQuery is the cursor of a page: the query of its "next" link.
func nextLinkQuery[T any](p *xendit.Page[T]) string {
	for _, l := range p.Links {
		if l.Rel != "next" {
			continue
		}
		if u, err := url.Parse(l.Href); err == nil {
			return u.RawQuery
		}
	}
	return ""
}

// refundPage decodes a page of refunds, also when wrapped in a one-element
// array as the reference's example shows it (line 18036); the table
// documents the object.
type refundPage xendit.Page[Refund]

func (p *refundPage) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		var wrapped []xendit.Page[Refund]
		if err := json.Unmarshal(t, &wrapped); err != nil {
			return err
		}
		*p = refundPage{}
		for _, w := range wrapped {
			p.Data = append(p.Data, w.Data...)
			p.HasMore, p.Links = w.HasMore, w.Links
		}
		return nil
	}
	return json.Unmarshal(b, (*xendit.Page[Refund])(p))
}
