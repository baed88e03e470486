package paylater

import (
	"context"
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createCharge = xendit.MustEndpoint("paylater.create_charge")
	getCharge    = xendit.MustEndpoint("paylater.get_charge")
	cancelCharge = xendit.MustEndpoint("paylater.cancel_charge")
)

// CheckoutMethod is the payment flow of a charge.
type CheckoutMethod string

// CheckoutMethodOneTimePayment is the only checkout method PayLater
// supports.
const CheckoutMethodOneTimePayment CheckoutMethod = "ONE_TIME_PAYMENT"

// CreateChargeParams charges a plan. The customer, channel, currency,
// amount and items come from the plan.
type CreateChargeParams struct {
	PlanID string `json:"plan_id"`
	// ReferenceID is your identifier for this attempt (up to 255
	// characters); store it before calling, it is how you reconcile an
	// unknown outcome.
	ReferenceID string `json:"reference_id"`
	// CheckoutMethod nil sends CheckoutMethodOneTimePayment, the only one.
	CheckoutMethod     *CheckoutMethod `json:"checkout_method,omitempty"`
	SuccessRedirectURL string          `json:"success_redirect_url"`
	FailureRedirectURL string          `json:"failure_redirect_url"`
	PaymentMethodID    *string         `json:"payment_method_id,omitempty"`
	Metadata           map[string]any  `json:"metadata,omitzero"`
}

// ChargeStatus is the state of a PayLater charge: PENDING until the
// customer completes the provider's checkout, then SUCCEEDED or FAILED (the
// paylater.payment callback), or CANCELLED by CancelCharge. Unknown values
// decode.
type ChargeStatus string

// The documented charge statuses.
const (
	ChargeStatusPending   ChargeStatus = "PENDING"
	ChargeStatusSucceeded ChargeStatus = "SUCCEEDED"
	ChargeStatusFailed    ChargeStatus = "FAILED"
	// ChargeStatusCancelled follows CancelCharge; no callback is sent for
	// it.
	ChargeStatusCancelled ChargeStatus = "CANCELLED"
)

// Succeeded reports whether the customer paid (SUCCEEDED): the provider
// pays the merchant and collects the installments.
func (s ChargeStatus) Succeeded() bool { return s == ChargeStatusSucceeded }

// Pending reports whether the customer has not completed the checkout yet.
func (s ChargeStatus) Pending() bool { return s == ChargeStatusPending }

// Failed reports whether the provider declined or the checkout expired.
func (s ChargeStatus) Failed() bool { return s == ChargeStatusFailed }

// Charge is a PayLater charge, as the charge endpoints return it and the
// paylater.payment callback carries it.
type Charge struct {
	ID                 string          `json:"id"`
	CustomerID         string          `json:"customer_id"`
	PlanID             string          `json:"plan_id"`
	BusinessID         string          `json:"business_id"`
	ReferenceID        string          `json:"reference_id"`
	CheckoutMethod     CheckoutMethod  `json:"checkout_method"`
	ChannelCode        ChannelCode     `json:"channel_code"`
	Currency           xendit.Currency `json:"currency"`
	Amount             float64         `json:"amount"`
	RefundedAmount     *float64        `json:"refunded_amount,omitzero"`
	OrderItems         []OrderItem     `json:"order_items"`
	SuccessRedirectURL string          `json:"success_redirect_url"`
	FailureRedirectURL string          `json:"failure_redirect_url"`
	Status             ChargeStatus    `json:"status"`
	Created            xendit.Time     `json:"created"`
	Updated            xendit.Time     `json:"updated"`
	Actions            *ChargeActions  `json:"actions,omitzero"`
	// ExpiresAt is when the checkout stops accepting the customer.
	ExpiresAt       xendit.Time `json:"expires_at"`
	CallbackURL     string      `json:"callback_url"`
	PaymentMethodID string      `json:"payment_method_id,omitempty"`
	VoidedAt        xendit.Time `json:"voided_at"`
	// Refunds lists SUCCEEDED refunds; the reference calls them ids in one
	// place and objects in another, and shows only null, so they are kept
	// raw.
	Refunds  json.RawMessage `json:"refunds,omitzero"`
	Metadata map[string]any  `json:"metadata,omitzero"`
}

// ChargeActions are the provider's checkout URLs.
type ChargeActions struct {
	DesktopWebCheckoutURL     string `json:"desktop_web_checkout_url,omitempty"`
	MobileWebCheckoutURL      string `json:"mobile_web_checkout_url,omitempty"`
	MobileDeeplinkCheckoutURL string `json:"mobile_deeplink_checkout_url"`
}

// Validate checks params before sending and returns a
// [*xendit.ValidationError] naming the field. CreateCharge calls it.
func (p *CreateChargeParams) Validate() error {
	if p.PlanID == "" {
		return xendit.Invalid("plan_id", "is required (from InitiatePlans)")
	}
	if p.CheckoutMethod != nil && *p.CheckoutMethod != CheckoutMethodOneTimePayment {
		return xendit.Invalid("checkout_method", "only %s is supported, got %q", CheckoutMethodOneTimePayment, *p.CheckoutMethod)
	}
	return product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 255),
		product.Required("success_redirect_url", p.SuccessRedirectURL),
		product.URL("success_redirect_url", p.SuccessRedirectURL),
		product.Required("failure_redirect_url", p.FailureRedirectURL),
		product.URL("failure_redirect_url", p.FailureRedirectURL),
		xendit.CheckMetadata("metadata", p.Metadata),
	)
}

// CreateCharge charges a plan. The charge is PENDING: send the customer to
// one of its Actions URLs before ExpiresAt; the outcome arrives as a
// paylater.payment callback. No idempotency header is documented, so it is
// never repeated after an ambiguous failure; see the package doc on
// reconciling by reference_id.
//
// API: POST /paylater/charges
func (s *Client) CreateCharge(ctx context.Context, params *CreateChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	body := *params
	if body.CheckoutMethod == nil {
		body.CheckoutMethod = xendit.Ptr(CheckoutMethodOneTimePayment)
	}
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: createCharge, Body: &body, Options: opts})
}

// GetCharge returns a charge; the id must have the plc_<UUID> shape.
//
// API: GET /paylater/charges/{id}
func (s *Client) GetCharge(ctx context.Context, id string, opts ...xendit.RequestOption) (*Charge, error) {
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: getCharge, PathParams: map[string]string{"id": id}, Options: opts})
}

// CancelCharge cancels a PENDING charge (INELIGIBLE_TRANSACTION otherwise).
// No callback follows. It is not repeated after an ambiguous failure;
// GetCharge says whether it went through (CANCELLED).
//
// API: POST /paylater/charges/{id}/cancel
func (s *Client) CancelCharge(ctx context.Context, id string, opts ...xendit.RequestOption) (*Charge, error) {
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: cancelCharge, PathParams: map[string]string{"id": id}, Options: opts})
}
