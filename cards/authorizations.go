package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	captureCharge        = xendit.MustEndpoint("cards.capture_charge")
	reverseAuthorization = xendit.MustEndpoint("cards.reverse_authorization")
)

// CaptureChargeParams is the body of Capture Charge.
type CaptureChargeParams struct {
	// Amount to capture, up to the authorized amount; less captures part of
	// it and releases the rest. The reference calls it a string and its
	// curl sends a form field; it is sent as a JSON number.
	Amount float64 `json:"amount"`
}

// Validate checks params against the API reference before anything is
// sent. CaptureCharge runs it.
func (p *CaptureChargeParams) Validate() error {
	return product.Positive("amount", &p.Amount)
}

// CaptureCharge captures an AUTHORIZED charge, once, within 7 days of the
// authorization, and returns it CAPTURED. Errors to expect:
// AMOUNT_GREATER_THAN_AUTHORIZED_ERROR, INVALID_CHARGE_STATUS_ERROR (not
// AUTHORIZED: already captured or reversed), AUTHORIZATION_EXPIRED.
//
// Capture documents no idempotency header, so it is not repeated after an
// ambiguous failure; GetCharge tells whether it happened (status CAPTURED).
//
// API: POST /credit_card_charges/{credit_card_charge_id}/capture
func (s *Client) CaptureCharge(ctx context.Context, chargeID string, params *CaptureChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: captureCharge, PathParams: map[string]string{"credit_card_charge_id": chargeID},
		Body: params, Options: opts,
	}
	return do[Charge](ctx, s.c, req, nil)
}

// ReverseAuthorizationParams is the body of Reverse Authorization.
type ReverseAuthorizationParams struct {
	// ExternalID is your identifier for the reversal.
	ExternalID string `json:"external_id"`
}

// Validate checks params against the API reference before anything is
// sent. ReverseAuthorization runs it.
func (p *ReverseAuthorizationParams) Validate() error {
	return product.Required("external_id", p.ExternalID)
}

// ReversalStatus is the state of a reversal. Unknown values still decode.
type ReversalStatus string

// The documented reversal statuses.
const (
	ReversalStatusSucceeded ReversalStatus = "SUCCEEDED"
	// ReversalStatusFailed: see the reversal's FailureReason.
	ReversalStatusFailed ReversalStatus = "FAILED"
)

// Succeeded reports whether the hold was released (SUCCEEDED).
func (s ReversalStatus) Succeeded() bool { return s == ReversalStatusSucceeded }

// Failed reports whether the reversal failed (FAILED); see its
// FailureReason.
func (s ReversalStatus) Failed() bool { return s == ReversalStatusFailed }

// ReversalFailureReason says why a reversal failed. Unknown values still
// decode.
type ReversalFailureReason string

// The documented reversal failure reasons.
const (
	// ReversalFailureReasonReverseAuthorizationRejectedByBank: the bank
	// rejected it; the authorization may already be void or reversed
	// automatically.
	ReversalFailureReasonReverseAuthorizationRejectedByBank ReversalFailureReason = "REVERSE_AUTHORIZATION_REJECTED_BY_BANK"
	// ReversalFailureReasonProcessorError: an integration problem between
	// processor and bank; contact Xendit.
	ReversalFailureReasonProcessorError ReversalFailureReason = "PROCESSOR_ERROR"
)

// Reversal is the result of ReverseAuthorization.
type Reversal struct {
	ID string `json:"id"`
	// ChargeID is the reversed charge.
	ChargeID      string                `json:"credit_card_charge_id"`
	ExternalID    string                `json:"external_id"`
	Status        ReversalStatus        `json:"status"`
	FailureReason ReversalFailureReason `json:"failure_reason"`
	BusinessID    string                `json:"business_id"`
	Currency      xendit.Currency       `json:"currency"`
	// Amount is the amount released.
	Amount  float64     `json:"amount"`
	Created xendit.Time `json:"created"`
}

// ReverseAuthorization releases the funds an AUTHORIZED charge holds; the
// charge becomes REVERSED. Errors to expect: CHARGE_ALREADY_CAPTURED_ERROR
// (refund it instead), CHARGE_ALREADY_REVERSED_ERROR, CHARGE_FAILED_ERROR,
// INVALID_AMOUNT_FOR_REVERSE_AUTHORIZATION_ERROR (a zero-amount
// authorization holds nothing to release).
//
// Reverse Authorization documents no idempotency header, so it is not
// repeated after an ambiguous failure; GetCharge tells whether it happened
// (status REVERSED).
//
// API: POST /credit_card_charges/{charge_id}/auth_reversal
func (s *Client) ReverseAuthorization(ctx context.Context, chargeID string, params *ReverseAuthorizationParams, opts ...xendit.RequestOption) (*Reversal, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: reverseAuthorization, PathParams: map[string]string{"charge_id": chargeID},
		Body: params, Options: opts,
	}
	return do[Reversal](ctx, s.c, req, nil)
}
