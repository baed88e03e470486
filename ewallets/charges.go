package ewallets

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createCharge = xendit.MustEndpoint("ewallets.create_charge")
	getCharge    = xendit.MustEndpoint("ewallets.get_charge")
	voidCharge   = xendit.MustEndpoint("ewallets.void_charge")
)

// CreateChargeParams is the body of Create eWallet Charge.
type CreateChargeParams struct {
	// ReferenceID is your identifier for this payment (up to 255
	// characters). Keep it unique per attempt and store it before calling:
	// it is how you reconcile a charge whose creation ended in an unknown
	// outcome (see the package doc).
	ReferenceID string          `json:"reference_id"`
	Currency    xendit.Currency `json:"currency"`
	// Amount is in Currency; IDR amounts are whole rupiah.
	Amount         float64        `json:"amount"`
	CheckoutMethod CheckoutMethod `json:"checkout_method"`
	// ChannelCode is required for CheckoutMethodOneTimePayment and
	// optional for CheckoutMethodTokenizedPayment (the linked account
	// names the wallet).
	ChannelCode *ChannelCode `json:"channel_code,omitempty"`
	// ChannelProperties holds what the channel and checkout method need
	// (redirect URLs, the OVO mobile number, ...); Validate says what is
	// missing.
	ChannelProperties *ChannelProperties `json:"channel_properties,omitempty"`
	// PaymentMethodID (pm-...) is the linked account to charge; required
	// for CheckoutMethodTokenizedPayment.
	PaymentMethodID *string `json:"payment_method_id,omitempty"`
	// CustomerID is a customer object id (Create Customer).
	CustomerID *string        `json:"customer_id,omitempty"`
	Basket     []BasketItem   `json:"basket,omitempty"`
	Metadata   map[string]any `json:"metadata,omitzero"`
}

// ChannelProperties are the channel-specific fields of a charge. Which are
// required depends on the channel and checkout method, as the API
// reference's table says; [CreateChargeParams.Validate] applies it, so every
// field is optional here (a pointer: nil is not sent). A charge echoes them
// back, in the same type.
type ChannelProperties struct {
	// MobileNumber (E.164) is required for OVO one-time payments: OVO sends
	// the payment request to this number's app.
	MobileNumber *string `json:"mobile_number,omitempty"`
	// Cashtag ("$name") is required for Jenius Pay.
	Cashtag *string `json:"cashtag,omitempty"`
	// SuccessRedirectURL is where the wallet sends the customer after a
	// successful authorization; required for redirect flows.
	SuccessRedirectURL *string `json:"success_redirect_url,omitempty"`
	// FailureRedirectURL is where the customer goes after a failed one.
	FailureRedirectURL *string `json:"failure_redirect_url,omitempty"`
	// CancelRedirectURL is required for Maya.
	CancelRedirectURL *string `json:"cancel_redirect_url,omitempty"`
	// PendingRedirectURL is required in Vietnam and for WeChat Pay
	// Malaysia.
	PendingRedirectURL *string `json:"pending_redirect_url,omitempty"`
	// DeviceType is required for WeChat Pay Malaysia.
	DeviceType *DeviceType `json:"device_type,omitempty"`
	// PayerIPAddress is required for WeChat Pay Malaysia on MOBILE.
	PayerIPAddress *string `json:"payer_ip_address,omitempty"`
	// RedeemPoints lets OVO and ShopeePay tokenized payments use points.
	RedeemPoints *RedeemPoints `json:"redeem_points,omitempty"`
	// AllowedPaymentOptions limits GrabPay Malaysia's options; a non-nil
	// empty slice is sent as [] and hides them all.
	AllowedPaymentOptions []GrabPayOption `json:"allowed_payment_options,omitzero"`
}

// DeviceType is the payer's device, for WeChat Pay Malaysia.
type DeviceType string

// The documented device types.
const (
	DeviceTypeDesktop DeviceType = "DESKTOP"
	DeviceTypeMobile  DeviceType = "MOBILE"
)

// RedeemPoints says whether loyalty points pay part of the amount.
type RedeemPoints string

// The documented choices.
const (
	RedeemPointsNone RedeemPoints = "REDEEM_NONE"
	RedeemPointsAll  RedeemPoints = "REDEEM_ALL"
)

// GrabPayOption is a GrabPay Malaysia payment option.
type GrabPayOption string

// The documented GrabPay Malaysia options.
const (
	GrabPayOptionPaylaterPostpaid        GrabPayOption = "PAYLATER_POSTPAID"
	GrabPayOptionPaylaterInstallments4Mo GrabPayOption = "PAYLATER_INSTALLMENTS_4MO"
)

// BasketItem is one item of a charge's basket.
type BasketItem struct {
	ReferenceID string          `json:"reference_id"`
	Name        string          `json:"name"`
	Category    string          `json:"category"`
	Currency    xendit.Currency `json:"currency"`
	Price       float64         `json:"price"`
	Quantity    float64         `json:"quantity"`
	Type        BasketItemType  `json:"type"`
	URL         *string         `json:"url,omitempty"`
	Description *string         `json:"description,omitempty"`
	SubCategory *string         `json:"sub_category,omitempty"`
	Metadata    map[string]any  `json:"metadata,omitzero"`
}

// BasketItemType says what a basket item is.
type BasketItemType string

// The documented basket item types.
const (
	BasketItemTypeProduct BasketItemType = "PRODUCT"
	BasketItemTypeService BasketItemType = "SERVICE"
)

// Validate checks params against the API reference before anything is
// sent: required fields, the channel's currency and minimum amount, the
// channel_properties the channel and checkout method require and their
// formats, the basket and the metadata limits. It returns a
// [*xendit.ValidationError] naming the field. CreateCharge calls it.
func (p *CreateChargeParams) Validate() error {
	err := product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 255),
		product.Required("currency", string(p.Currency)),
	)
	if err != nil {
		return err
	}
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	}
	switch p.CheckoutMethod {
	case CheckoutMethodOneTimePayment:
		if p.ChannelCode == nil || *p.ChannelCode == "" {
			return xendit.Invalid("channel_code", "is required for %s", CheckoutMethodOneTimePayment)
		}
	case CheckoutMethodTokenizedPayment:
		if p.PaymentMethodID == nil || *p.PaymentMethodID == "" {
			return xendit.Invalid("payment_method_id", "is required for %s", CheckoutMethodTokenizedPayment)
		}
	case "":
		return xendit.Invalid("checkout_method", "is required")
	default:
		return xendit.Invalid("checkout_method", "%q is not %s or %s", p.CheckoutMethod, CheckoutMethodOneTimePayment, CheckoutMethodTokenizedPayment)
	}
	if err := p.ChannelProperties.checkFormats(); err != nil {
		return err
	}
	if p.ChannelCode != nil && *p.ChannelCode != "" {
		if err := checkChannel(*p.ChannelCode, p.CheckoutMethod, p.Currency, p.Amount, p.ChannelProperties); err != nil {
			return err
		}
	}
	for i := range p.Basket {
		if err := p.Basket[i].check(i); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

func (b *BasketItem) check(i int) error {
	it := product.ItemOf("basket", i)
	err := product.First(
		it.Required("reference_id", b.ReferenceID), it.Required("name", b.Name), it.Required("category", b.Category),
		it.Required("currency", string(b.Currency)), it.Required("type", string(b.Type)),
	)
	if err != nil {
		return err
	}
	if b.Quantity <= 0 {
		return xendit.Invalid(it.Field("quantity"), "must be positive, got %v", b.Quantity)
	}
	if b.URL != nil {
		if err := product.URL(it.Field("url"), *b.URL); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata(it.Field("metadata"), b.Metadata)
}

// ChargeStatus is the state of a charge: PENDING until the customer
// authorizes it, then SUCCEEDED or FAILED (the ewallet.capture callback);
// a SUCCEEDED charge may later be VOIDED or REFUNDED. Statuses the SDK does
// not list still decode.
type ChargeStatus string

// The documented charge statuses.
const (
	// ChargeStatusPending waits for the customer to authorize the payment.
	ChargeStatusPending   ChargeStatus = "PENDING"
	ChargeStatusSucceeded ChargeStatus = "SUCCEEDED"
	// ChargeStatusFailed: see Charge.FailureCode.
	ChargeStatusFailed   ChargeStatus = "FAILED"
	ChargeStatusVoided   ChargeStatus = "VOIDED"
	ChargeStatusRefunded ChargeStatus = "REFUNDED"
)

// Succeeded reports whether the customer paid: SUCCEEDED, the status of the
// ewallet.capture callback that means the money moved. A charge paid and
// then voided or refunded reports false; see [Charge.RefundedAmount].
func (s ChargeStatus) Succeeded() bool { return s == ChargeStatusSucceeded }

// Pending reports whether the customer has not authorized the payment yet.
func (s ChargeStatus) Pending() bool { return s == ChargeStatusPending }

// Failed reports whether the charge failed; see Charge.FailureCode.
func (s ChargeStatus) Failed() bool { return s == ChargeStatusFailed }

// VoidStatus is the state of a void request on a charge.
type VoidStatus string

// The documented void statuses.
const (
	VoidStatusPending   VoidStatus = "PENDING"
	VoidStatusSucceeded VoidStatus = "SUCCEEDED"
	VoidStatusFailed    VoidStatus = "FAILED"
)

// Succeeded reports whether the void went through: the customer got the
// money back.
func (s VoidStatus) Succeeded() bool { return s == VoidStatusSucceeded }

// Pending reports whether the void waits for the wallet.
func (s VoidStatus) Pending() bool { return s == VoidStatusPending }

// Failed reports whether the void failed.
func (s VoidStatus) Failed() bool { return s == VoidStatusFailed }

// FailureCode says why a charge failed. Codes the SDK does not list (the
// reference's own failed-callback example sends
// USER_DID_NOT_AUTHORIZE_THE_PAYMENT) still decode.
type FailureCode string

// The documented failure codes of charges.
const (
	FailureAccountAccessBlocked       FailureCode = "ACCOUNT_ACCESS_BLOCKED"
	FailureInvalidMerchantCredentials FailureCode = "INVALID_MERCHANT_CREDENTIALS"
	FailureUserDeclinedPayment        FailureCode = "USER_DECLINED_PAYMENT"
	FailureInvalidAccountDetails      FailureCode = "INVALID_ACCOUNT_DETAILS"
	FailureMaximumLimitReached        FailureCode = "MAXIMUM_LIMIT_REACHED"
	FailureUserUnreachable            FailureCode = "USER_UNREACHABLE"
	FailureChannelUnavailable         FailureCode = "CHANNEL_UNAVAILABLE"
	FailureInsufficientBalance        FailureCode = "INSUFFICIENT_BALANCE"
	FailureAccountNotActivated        FailureCode = "ACCOUNT_NOT_ACTIVATED"
	FailureInvalidToken               FailureCode = "INVALID_TOKEN"
	FailureDetailsUnavailable         FailureCode = "FAILURE_DETAILS_UNAVAILABLE"
)

// Charge is an eWallet charge, as Create, Get and Void return it and as the
// ewallet.capture and ewallet.void callbacks carry it. Fields the API sends
// as null decode as the zero value (nil for pointers); the string fields it
// sends as null when empty (void_status, customer_id, payment_method_id,
// failure_code, the web checkout URLs) are omitempty, so that they re-encode
// as absent, not "". Every other field re-encodes as received.
type Charge struct {
	ID string `json:"id"`
	// BusinessID is absent from the ewallet.void callback.
	BusinessID     string          `json:"business_id"`
	ReferenceID    string          `json:"reference_id"`
	Status         ChargeStatus    `json:"status"`
	Currency       xendit.Currency `json:"currency"`
	ChargeAmount   float64         `json:"charge_amount"`
	CaptureAmount  float64         `json:"capture_amount"`
	RefundedAmount *float64        `json:"refunded_amount,omitzero"`
	CheckoutMethod CheckoutMethod  `json:"checkout_method"`
	ChannelCode    ChannelCode     `json:"channel_code"`
	// ChannelProperties echoes the request's.
	ChannelProperties *ChannelProperties `json:"channel_properties,omitzero"`
	// Actions are where to send the customer when IsRedirectRequired; nil
	// when there are none.
	Actions            *ChargeActions `json:"actions,omitzero"`
	IsRedirectRequired bool           `json:"is_redirect_required"`
	CallbackURL        string         `json:"callback_url"`
	Created            xendit.Time    `json:"created"`
	Updated            xendit.Time    `json:"updated"`
	VoidStatus         VoidStatus     `json:"void_status,omitempty"`
	VoidedAt           xendit.Time    `json:"voided_at"`
	// CaptureNow is documented as a string but sent as a boolean; always
	// true.
	CaptureNow      bool           `json:"capture_now"`
	CustomerID      string         `json:"customer_id,omitempty"`
	PaymentMethodID string         `json:"payment_method_id,omitempty"`
	FailureCode     FailureCode    `json:"failure_code,omitempty"`
	Basket          []BasketItem   `json:"basket,omitzero"`
	Metadata        map[string]any `json:"metadata,omitzero"`
	// PaymentDetail comes only with the ewallet.capture callback.
	PaymentDetail *PaymentDetail `json:"payment_detail,omitzero"`
}

// ChargeActions are the wallet's checkout targets. Documented as a string,
// they are an object whose members may each be null.
type ChargeActions struct {
	DesktopWebCheckoutURL     string `json:"desktop_web_checkout_url,omitempty"`
	MobileWebCheckoutURL      string `json:"mobile_web_checkout_url,omitempty"`
	MobileDeeplinkCheckoutURL string `json:"mobile_deeplink_checkout_url"`
	// QRCheckoutString is a QR payload to render for a customer on another
	// device.
	QRCheckoutString string `json:"qr_checkout_string"`
}

// PaymentDetail says how the customer paid, in the ewallet.capture
// callback.
type PaymentDetail struct {
	FundSource string `json:"fund_source"`
	// Source is undocumented and null in the reference's example.
	Source any `json:"source"`
}

// CheckoutURL returns the URL to send a customer to: the mobile web URL
// when mobile is true and there is one, else the desktop URL, else the
// other, else the deeplink; "" when there is none (OVO and Jenius Pay push
// the request to the customer's app instead).
func (c *Charge) CheckoutURL(mobile bool) string {
	if c.Actions == nil {
		return ""
	}
	a := c.Actions
	order := []string{a.DesktopWebCheckoutURL, a.MobileWebCheckoutURL, a.MobileDeeplinkCheckoutURL}
	if mobile {
		order = []string{a.MobileWebCheckoutURL, a.MobileDeeplinkCheckoutURL, a.DesktopWebCheckoutURL}
	}
	for _, u := range order {
		if u != "" {
			return u
		}
	}
	return ""
}

// CreateCharge validates params and creates a charge; it is usually
// PENDING until the customer authorizes it, and the outcome arrives in an
// ewallet.capture callback.
//
// Xendit documents no idempotency header for this endpoint, so the SDK
// never repeats the request once it may have reached Xendit (a 5xx, a
// dropped connection); it does retry a 429 and a connection that could not
// be opened. When [xendit.OutcomeUnknown] reports true for the error, a
// charge may exist: reconcile by ReferenceID before charging again (see the
// package doc).
//
// API: POST /ewallets/charges
func (s *Client) CreateCharge(ctx context.Context, params *CreateChargeParams, opts ...xendit.RequestOption) (*Charge, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: createCharge, Body: params, Options: opts})
}

// GetCharge returns the charge with the given id (ewc_...).
//
// API: GET /ewallets/charges/{id}
func (s *Client) GetCharge(ctx context.Context, id string, opts ...xendit.RequestOption) (*Charge, error) {
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: getCharge, PathParams: map[string]string{"id": id}, Options: opts})
}

// VoidCharge cancels a SUCCEEDED one-time charge in full, on the day it was
// paid (before 23:50 local time in Indonesia and the Philippines); later,
// use CreateRefund. The returned charge has VoidStatus PENDING; the result
// arrives in an ewallet.void callback, or read it with GetCharge. It is not
// repeated after an ambiguous failure; GetCharge's VoidStatus says whether
// it went through.
//
// API: POST /ewallets/charges/{id}/void
func (s *Client) VoidCharge(ctx context.Context, id string, opts ...xendit.RequestOption) (*Charge, error) {
	return product.Do[Charge](ctx, s.c, &xendit.Request{Endpoint: voidCharge, PathParams: map[string]string{"id": id}, Options: opts})
}
