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
	listPayments    = xendit.MustEndpoint("qrcodes.list_payments")
	simulatePayment = xendit.MustEndpoint("qrcodes.simulate_payment")
)

// PaymentStatus is the state of a QR payment. The reference documents
// only SUCCEEDED: Xendit reports a payment once the money has moved.
type PaymentStatus string

// The documented payment statuses.
const PaymentStatusSucceeded PaymentStatus = "SUCCEEDED"

// Succeeded reports whether the payer paid.
func (s PaymentStatus) Succeeded() bool { return s == PaymentStatusSucceeded }

// Payment is a payment into a QR code (qrpy_...), as the qr.payment
// callback carries it and List Payments and Simulate Payment return it.
type Payment struct {
	ID         string          `json:"id"`
	BusinessID string          `json:"business_id"`
	Currency   xendit.Currency `json:"currency"`
	Amount     float64         `json:"amount"`
	Status     PaymentStatus   `json:"status"`
	Created    xendit.Time     `json:"created"`
	// QRID is the QR code paid (qr_...).
	QRID     string `json:"qr_id"`
	QRString string `json:"qr_string"`
	// ReferenceID is the QR code's: match payments to orders by it.
	ReferenceID string      `json:"reference_id"`
	Type        QRCodeType  `json:"type"`
	ChannelCode ChannelCode `json:"channel_code"`
	ExpiresAt   xendit.Time `json:"expires_at"`
	// Description is undocumented; the callback and Simulate Payment
	// examples send it, empty.
	Description   string         `json:"description"`
	Basket        []BasketItem   `json:"basket"`
	Metadata      map[string]any `json:"metadata"`
	PaymentDetail PaymentDetail  `json:"payment_detail"`
}

// PaymentDetail is what the QR network shares about a payment.
type PaymentDetail struct {
	// ReceiptID is the reference number (RRN) shared across the QR network.
	ReceiptID string `json:"receipt_id"`
	// Source is where the payer's money came from (BCA, OVO, GOPAY, ...).
	Source string `json:"source"`
	// Name is the payer's name; empty (null) when unavailable.
	Name string `json:"name,omitempty"`
	// AccountDetails is the masked source account ("+62*3123"); empty
	// (null) when unavailable.
	AccountDetails string `json:"account_details,omitempty"`
}

// SimulatePaymentParams is the body of Simulate Payment. It may be nil for
// a DYNAMIC code, which is paid its own amount.
type SimulatePaymentParams struct {
	// Amount is required for a STATIC code: 1 to [MaxAmountIDR] rupiah.
	Amount *float64 `json:"amount,omitempty"`
}

// Validate checks the amount, when set, against the documented range
// (1 to 10,000,000).
func (p *SimulatePaymentParams) Validate() error {
	return checkAmount("amount", p.Amount, xendit.CurrencyIDR)
}

// SimulatePayment pays an ACTIVE QR code created in test mode, as a payer
// scanning it would: Xendit answers with the payment and sends the
// qr.payment callback. A paid DYNAMIC code becomes INACTIVE; paying an
// inactive code fails with [CodeInactiveQRCode] (410).
//
// Simulate Payment has no idempotency header: the SDK does not repeat it
// after an ambiguous failure; list the code's payments before simulating
// again.
//
// API: POST /qr_codes/{id}/payments/simulate
func (s *Client) SimulatePayment(ctx context.Context, id string, params *SimulatePaymentParams, opts ...xendit.RequestOption) (*Payment, error) {
	if params == nil {
		params = &SimulatePaymentParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: simulatePayment, PathParams: map[string]string{"id": id}, Body: params, Options: opts}
	return product.Do[Payment](ctx, s.c, req)
}

// ListPaymentsParams filters the payments of a QR code. It may be nil.
type ListPaymentsParams struct {
	// Limit is the page size, at least 1; nil means the API's default (10)
	// for ListPayments and [MaxLimit] for AllPayments.
	Limit *int
	// From and To bound the payments' creation time; zero means unbounded.
	From, To xendit.Time
}

// Validate checks that Limit is at least 1 and that From is before To.
func (p *ListPaymentsParams) Validate() error {
	if p.Limit != nil && *p.Limit < 1 {
		return xendit.Invalid("limit", "must be at least 1, got %d", *p.Limit)
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To.Time) {
		return xendit.Invalid("from", "must be earlier than to")
	}
	return nil
}

func (p *ListPaymentsParams) query() url.Values {
	q := url.Values{}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if !p.From.IsZero() {
		q.Set("from", xendit.FormatTime(p.From.Time))
	}
	if !p.To.IsZero() {
		q.Set("to", xendit.FormatTime(p.To.Time))
	}
	return q
}

// ListPayments returns one page of a QR code's payments (qr_...). The API
// documents no cursor: HasMore says more payments match than Limit
// returned; narrow From and To, or raise Limit, to see them.
//
// API: GET /qr_codes/{qr_id}/payments
func (s *Client) ListPayments(ctx context.Context, qrID string, params *ListPaymentsParams, opts ...xendit.RequestOption) (*xendit.Page[Payment], error) {
	return list[Payment](ctx, s.c, listPayments, "qr_id", qrID, params, opts)
}

// AllPayments returns every payment of a QR code that params selects. As
// the API documents no cursor, it reads one page of [MaxLimit] (or
// params.Limit when set); should that page say has_more, the loop gets its
// payments and then an error wrapping [xendit.ErrPagination], rather than
// payments silently missing. The options apply to the page request.
//
// API: GET /qr_codes/{qr_id}/payments
func (s *Client) AllPayments(ctx context.Context, qrID string, params *ListPaymentsParams, opts ...xendit.RequestOption) iter.Seq2[*Payment, error] {
	p := ListPaymentsParams{Limit: xendit.Ptr(MaxLimit)}
	if params != nil {
		p = *params
		if p.Limit == nil {
			p.Limit = xendit.Ptr(MaxLimit)
		}
	}
	return onePage(ctx, func(ctx context.Context) (*xendit.Page[Payment], error) {
		return s.ListPayments(ctx, qrID, &p, opts...)
	})
}
