package cards

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// CaptureChargeParams captures an authorization (POST
// /credit_card_charges/{credit_card_charge_id}/capture).
type CaptureChargeParams struct {
	// ChargeID is the AUTHORIZED charge; it goes in the path.
	ChargeID string `json:"-"`
	// Amount to capture, up to the authorized amount; less captures part of
	// it and releases the rest. The reference calls it a string and its
	// curl sends a form field; it is sent as a JSON number.
	Amount float64 `json:"amount"`
}

// CaptureCharge captures an AUTHORIZED charge, once, within 7 days of the
// authorization, and returns it CAPTURED. Errors to expect:
// AMOUNT_GREATER_THAN_AUTHORIZED_ERROR, INVALID_CHARGE_STATUS_ERROR (not
// AUTHORIZED: already captured or reversed), AUTHORIZATION_EXPIRED.
//
// Capture documents no idempotency header, so it is not repeated after an
// ambiguous failure; GetCharge tells whether it happened (status CAPTURED).
func (s *Client) CaptureCharge(ctx context.Context, params *CaptureChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	if err := product.Positive("amount", &params.Amount); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: captureCharge, PathParams: map[string]string{"credit_card_charge_id": params.ChargeID},
		Body: params, Options: opts,
	}
	return do[Charge](ctx, s.c, req, nil)
}

// ReverseAuthorizationParams releases an authorization (POST
// /credit_card_charges/{charge_id}/auth_reversal).
type ReverseAuthorizationParams struct {
	// ChargeID is the AUTHORIZED, not yet captured, charge; it goes in the
	// path.
	ChargeID string `json:"-"`
	// ExternalID is your identifier for the reversal.
	ExternalID string `json:"external_id"`
}

// ReversalStatus is the state of a reversal. Unknown values still decode.
type ReversalStatus string

// The documented reversal statuses.
const (
	ReversalSucceeded ReversalStatus = "SUCCEEDED"
	// ReversalFailed: see the reversal's FailureReason.
	ReversalFailed ReversalStatus = "FAILED"
)

// ReversalFailureReason says why a reversal failed. Unknown values still
// decode.
type ReversalFailureReason string

// The documented reversal failure reasons.
const (
	// ReversalRejectedByBank: the bank rejected it; the authorization may
	// already be void or reversed automatically.
	ReversalRejectedByBank ReversalFailureReason = "REVERSE_AUTHORIZATION_REJECTED_BY_BANK"
	// ReversalProcessorError: an integration problem between processor and
	// bank; contact Xendit.
	ReversalProcessorError ReversalFailureReason = "PROCESSOR_ERROR"
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
	Currency      string                `json:"currency"`
	// Amount is the amount released.
	Amount  float64     `json:"amount"`
	Created xendit.Time `json:"created"`
}

// ReverseAuthorization releases the funds an AUTHORIZED charge holds; the
// charge becomes REVERSED. Errors to expect: CHARGE_ALREADY_CAPTURED_ERROR
// (refund it instead), CHARGE_ALREADY_REVERSED_ERROR, CHARGE_FAILED_ERROR,
// INVALID_AMOUNT_FOR_REVERSE_AUTHORIZATION_ERROR (a zero-amount
// authorization holds nothing to release).
func (s *Client) ReverseAuthorization(ctx context.Context, params *ReverseAuthorizationParams, opts ...xendit.RequestOption) (*Reversal, error) {
	if params == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	if err := product.Required("external_id", params.ExternalID); err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint: reverseAuth, PathParams: map[string]string{"charge_id": params.ChargeID},
		Body: params, Options: opts,
	}
	return do[Reversal](ctx, s.c, req, nil)
}
