package paymentrequests

import (
	"context"
	"iter"
	"math"
	"net/url"
	"slices"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

var (
	createPaymentRequest    = xendit.MustEndpoint("paymentrequests.create_payment_request")
	listPaymentRequests     = xendit.MustEndpoint("paymentrequests.list_payment_requests")
	getPaymentRequest       = xendit.MustEndpoint("paymentrequests.get_payment_request")
	authorizePaymentRequest = xendit.MustEndpoint("paymentrequests.authorize_payment_request")
	resendAuth              = xendit.MustEndpoint("paymentrequests.resend_auth")
)

// Status is the state of a payment request; see the package doc for the
// lifecycle.
type Status string

// The statuses of payment_request.yaml.
const (
	StatusPending         Status = "PENDING"
	StatusRequiresAction  Status = "REQUIRES_ACTION"
	StatusAwaitingCapture Status = "AWAITING_CAPTURE"
	StatusSucceeded       Status = "SUCCEEDED"
	StatusFailed          Status = "FAILED"
	StatusCanceled        Status = "CANCELED"
	StatusVoided          Status = "VOIDED"
	StatusUnknown         Status = "UNKNOWN"
)

// Succeeded reports whether the money moved: the payment is complete (for
// a MANUAL capture, captured).
func (s Status) Succeeded() bool { return s == StatusSucceeded }

// Pending reports whether the payment waits for the customer or the
// channel (PENDING, REQUIRES_ACTION); see also AwaitingCapture.
func (s Status) Pending() bool { return s == StatusPending || s == StatusRequiresAction }

// AwaitingCapture reports whether an authorised MANUAL payment waits for
// [Client.CreateCapture].
func (s Status) AwaitingCapture() bool { return s == StatusAwaitingCapture }

// Failed reports whether the payment ended without money moving (FAILED,
// CANCELED); FailureCode says why.
func (s Status) Failed() bool { return s == StatusFailed || s == StatusCanceled }

// Country is the country of a payment request.
type Country string

// The countries of payment_request.yaml.
const (
	CountryID Country = "ID"
	CountryPH Country = "PH"
	CountryVN Country = "VN"
	CountryTH Country = "TH"
	CountryMY Country = "MY"
)

// currencies are the currencies payment_request.yaml accepts.
var currencies = []xendit.Currency{xendit.CurrencyIDR, xendit.CurrencyPHP, xendit.CurrencyVND, xendit.CurrencyTHB, xendit.CurrencyMYR}

// CaptureMethod says whether an authorised card payment is captured at
// once (AUTOMATIC) or waits in AWAITING_CAPTURE for a capture (MANUAL).
type CaptureMethod string

// The documented capture methods.
const (
	CaptureMethodAutomatic CaptureMethod = "AUTOMATIC"
	CaptureMethodManual    CaptureMethod = "MANUAL"
)

// Initiator says who starts a payment with a saved payment method: the
// customer present (CUSTOMER) or the merchant alone (MERCHANT).
type Initiator string

// The documented initiators.
const (
	InitiatorCustomer Initiator = "CUSTOMER"
	InitiatorMerchant Initiator = "MERCHANT"
)

// ActionType is what an [Action] asks for.
type ActionType string

// The documented actions.
const (
	ActionTypeAuth              ActionType = "AUTH"
	ActionTypeResendAuth        ActionType = "RESEND_AUTH"
	ActionTypeCapture           ActionType = "CAPTURE"
	ActionTypeCancel            ActionType = "CANCEL"
	ActionTypePresentToCustomer ActionType = "PRESENT_TO_CUSTOMER"
)

// URLType says where an action's URL is opened.
type URLType string

// The documented URL types.
const (
	URLTypeAPI      URLType = "API"
	URLTypeWeb      URLType = "WEB"
	URLTypeMobile   URLType = "MOBILE"
	URLTypeDeeplink URLType = "DEEPLINK"
)

// Action is a step a REQUIRES_ACTION payment request waits for: send the
// customer to URL, show QRCode, or call the API (AUTH with an OTP is
// [Client.AuthorizePaymentRequest]).
type Action struct {
	Action  ActionType `json:"action"`
	URLType URLType    `json:"url_type"`
	Method  *string    `json:"method"`
	URL     *string    `json:"url"`
	QRCode  *string    `json:"qr_code"`
}

// PaymentRequest is a charge of a payment method through the unified
// Payments API, whatever the channel.
type PaymentRequest struct {
	ID          string          `json:"id"`
	BusinessID  string          `json:"business_id"`
	ReferenceID string          `json:"reference_id"`
	CustomerID  *string         `json:"customer_id"`
	Customer    map[string]any  `json:"customer"`
	Amount      float64         `json:"amount"`
	MinAmount   *float64        `json:"min_amount"`
	MaxAmount   *float64        `json:"max_amount"`
	Country     Country         `json:"country,omitzero"`
	Currency    xendit.Currency `json:"currency,omitzero"`
	// PaymentMethod is the payment method charged, with the channel object
	// its type names.
	PaymentMethod           *paymentmethods.PaymentMethod           `json:"payment_method"`
	Description             *string                                 `json:"description"`
	FailureCode             *string                                 `json:"failure_code"`
	CaptureMethod           CaptureMethod                           `json:"capture_method,omitzero"`
	Initiator               Initiator                               `json:"initiator,omitzero"`
	CardVerificationResults *paymentmethods.CardVerificationResults `json:"card_verification_results"`
	Status                  Status                                  `json:"status,omitzero"`
	Actions                 []Action                                `json:"actions"`
	// ChannelProperties are the request's channel properties as Xendit
	// echoes them; payment_request.yaml's response schema leaves them out.
	ChannelProperties   map[string]any       `json:"channel_properties,omitzero"`
	ShippingInformation *ShippingInformation `json:"shipping_information"`
	Items               []Item               `json:"items"`
	Metadata            map[string]any       `json:"metadata"`
	Created             xendit.Time          `json:"created"`
	Updated             xendit.Time          `json:"updated"`
}

// ActionURL returns the URL of the first action of the given type and URL
// type, or "" when there is none.
func (p *PaymentRequest) ActionURL(action ActionType, urlType URLType) string {
	for _, a := range p.Actions {
		if a.Action == action && a.URLType == urlType && a.URL != nil {
			return *a.URL
		}
	}
	return ""
}

// ShippingInformation is where the order goes.
type ShippingInformation struct {
	Country       string  `json:"country"`
	StreetLine1   *string `json:"street_line1,omitempty"`
	StreetLine2   *string `json:"street_line2,omitempty"`
	City          *string `json:"city,omitempty"`
	ProvinceState *string `json:"province_state,omitempty"`
	PostalCode    *string `json:"postal_code,omitempty"`
}

// Item is one line of the basket.
type Item struct {
	ReferenceID          *string         `json:"reference_id,omitempty"`
	Name                 string          `json:"name"`
	Description          *string         `json:"description,omitempty"`
	Type                 *string         `json:"type,omitempty"`
	Category             string          `json:"category"`
	SubCategory          *string         `json:"sub_category,omitempty"`
	Currency             xendit.Currency `json:"currency"`
	Quantity             float64         `json:"quantity"`
	Price                float64         `json:"price"`
	URL                  *string         `json:"url,omitempty"`
	PayerChargedCurrency *string         `json:"payer_charged_currency,omitempty"`
	PayerChargedPrice    *float64        `json:"payer_charged_price,omitempty"`
	Metadata             map[string]any  `json:"metadata,omitzero"`
}

// CreatePaymentRequestParams is the body of Create Payment Request. Give
// either PaymentMethod (a new payment method, made with the payment) or
// PaymentMethodID (a saved one), not both.
type CreatePaymentRequestParams struct {
	ReferenceID *string         `json:"reference_id,omitempty"`
	Amount      *float64        `json:"amount,omitempty"`
	Currency    xendit.Currency `json:"currency"`
	// Country is sent by the file's own examples though its schema leaves
	// it out; Xendit uses it to pick the channel's market.
	Country             *Country             `json:"country,omitempty"`
	PaymentMethod       *PaymentMethodParams `json:"payment_method,omitempty"`
	PaymentMethodID     *string              `json:"payment_method_id,omitempty"`
	Description         *string              `json:"description,omitempty"`
	CaptureMethod       *CaptureMethod       `json:"capture_method,omitempty"`
	Initiator           *Initiator           `json:"initiator,omitempty"`
	ChannelProperties   *ChannelProperties   `json:"channel_properties,omitempty"`
	ShippingInformation *ShippingInformation `json:"shipping_information,omitempty"`
	Items               []Item               `json:"items,omitempty"`
	CustomerID          *string              `json:"customer_id,omitempty"`
	Customer            map[string]any       `json:"customer,omitempty"`
	Metadata            map[string]any       `json:"metadata,omitempty"`
}

// PaymentMethodParams is a payment method made with the payment: its Type
// names the one channel object to set.
type PaymentMethodParams struct {
	Type           paymentmethods.Type        `json:"type"`
	Reusability    paymentmethods.Reusability `json:"reusability"`
	ReferenceID    *string                    `json:"reference_id,omitempty"`
	Description    *string                    `json:"description,omitempty"`
	DirectDebit    *ChannelParams             `json:"direct_debit,omitempty"`
	EWallet        *ChannelParams             `json:"ewallet,omitempty"`
	OverTheCounter *ChannelParams             `json:"over_the_counter,omitempty"`
	QRCode         *ChannelParams             `json:"qr_code,omitempty"`
	VirtualAccount *ChannelParams             `json:"virtual_account,omitempty"`
}

// ChannelParams is the channel object of a new payment method. Only
// ChannelCode and ChannelProperties apply to every type; the others are
// the fields of the types that have them.
type ChannelParams struct {
	ChannelCode       string         `json:"channel_code"`
	ChannelProperties map[string]any `json:"channel_properties,omitempty"`
	// Type is a direct debit's kind (BANK_ACCOUNT, DEBIT_CARD,
	// BANK_REDIRECT).
	Type *string `json:"type,omitempty"`
	// Amount, MinAmount, MaxAmount and Currency apply to virtual accounts
	// and over-the-counter codes; AlternativeDisplayTypes to virtual
	// accounts.
	Amount                  *float64         `json:"amount,omitempty"`
	MinAmount               *float64         `json:"min_amount,omitempty"`
	MaxAmount               *float64         `json:"max_amount,omitempty"`
	Currency                *xendit.Currency `json:"currency,omitempty"`
	AlternativeDisplayTypes []string         `json:"alternative_display_types,omitempty"`
}

// ChannelProperties are the payment's own channel properties, used with a
// saved payment method.
type ChannelProperties struct {
	SuccessReturnURL *string `json:"success_return_url,omitempty"`
	FailureReturnURL *string `json:"failure_return_url,omitempty"`
	CancelReturnURL  *string `json:"cancel_return_url,omitempty"`
	// RedeemPoints is for OVO and ShopeePay tokenized payments.
	RedeemPoints *string `json:"redeem_points,omitempty"`
	// RequireAuth asks for an OTP on BRI tokenized payments.
	RequireAuth   *bool   `json:"require_auth,omitempty"`
	MerchantIDTag *string `json:"merchant_id_tag,omitempty"`
	// CardonfileType marks a payment with a saved card.
	CardonfileType *string `json:"cardonfile_type,omitempty"`
}

// Validate applies the rules of payment_request.yaml and Xendit's
// documented checks: a supported currency, a positive amount, exactly one
// of payment_method and payment_method_id, a payment method whose type
// names the one channel object it carries, absolute return URLs and
// complete basket items.
func (p *CreatePaymentRequestParams) Validate() error {
	if !slices.Contains(currencies, p.Currency) {
		return xendit.Invalid("currency", "%q is not one of IDR, PHP, VND, THB, MYR", p.Currency)
	}
	if err := product.First(
		product.Positive("amount", p.Amount),
		product.MaxLenPtr("reference_id", p.ReferenceID, 255),
		product.MaxLenPtr("description", p.Description, 1000),
		xendit.CheckMetadata("metadata", p.Metadata),
	); err != nil {
		return err
	}
	switch {
	case p.PaymentMethod == nil && p.PaymentMethodID == nil:
		return xendit.Invalid("payment_method", "is required unless payment_method_id is given")
	case p.PaymentMethod != nil && p.PaymentMethodID != nil:
		return xendit.Invalid("payment_method_id", "must not be given with payment_method")
	case p.PaymentMethod != nil:
		if err := p.PaymentMethod.validate("payment_method"); err != nil {
			return err
		}
	case *p.PaymentMethodID == "":
		return xendit.Invalid("payment_method_id", "is empty")
	}
	if cp := p.ChannelProperties; cp != nil {
		for field, u := range map[string]*string{"success_return_url": cp.SuccessReturnURL,
			"failure_return_url": cp.FailureReturnURL, "cancel_return_url": cp.CancelReturnURL} {
			if u != nil {
				if err := product.URL("channel_properties."+field, *u); err != nil {
					return err
				}
			}
		}
	}
	if s := p.ShippingInformation; s != nil && s.Country == "" {
		return xendit.Invalid("shipping_information.country", "is required")
	}
	for i, it := range p.Items {
		item := product.ItemOf("items", i)
		if err := product.First(item.Required("name", it.Name), item.Required("category", it.Category),
			item.Required("currency", string(it.Currency))); err != nil {
			return err
		}
		if it.Quantity <= 0 {
			return xendit.Invalid(item.Field("quantity"), "must be positive, got %v", it.Quantity)
		}
		if it.Price < 0 {
			return xendit.Invalid(item.Field("price"), "must not be negative, got %v", it.Price)
		}
	}
	return nil
}

// validate checks a new payment method: its type, its reusability, and
// exactly the channel object its type names, with a channel code.
func (m *PaymentMethodParams) validate(field string) error {
	channels := map[paymentmethods.Type]*ChannelParams{
		paymentmethods.TypeDirectDebit: m.DirectDebit, paymentmethods.TypeEWallet: m.EWallet,
		paymentmethods.TypeOverTheCounter: m.OverTheCounter, paymentmethods.TypeQRCode: m.QRCode,
		paymentmethods.TypeVirtualAccount: m.VirtualAccount,
	}
	ch, known := channels[m.Type]
	switch {
	case m.Type == "":
		return xendit.Invalid(field+".type", "is required")
	case !known:
		return xendit.Invalid(field+".type", "%q is not a payment method type a payment request can create", m.Type)
	case m.Reusability != paymentmethods.ReusabilityOneTimeUse && m.Reusability != paymentmethods.ReusabilityMultipleUse:
		return xendit.Invalid(field+".reusability", "must be ONE_TIME_USE or MULTIPLE_USE, got %q", m.Reusability)
	}
	name := channelField[m.Type]
	if ch == nil {
		return xendit.Invalid(field+"."+name, "is required for type %s", m.Type)
	}
	for t, other := range channels {
		if t != m.Type && other != nil {
			return xendit.Invalid(field+"."+channelField[t], "must not be set for type %s", m.Type)
		}
	}
	return product.First(
		product.Required(field+"."+name+".channel_code", ch.ChannelCode),
		product.Positive(field+"."+name+".amount", ch.Amount),
		product.MaxLenPtr(field+".reference_id", m.ReferenceID, 255),
	)
}

// channelField is the JSON name of each type's channel object.
var channelField = map[paymentmethods.Type]string{
	paymentmethods.TypeCard: "card", paymentmethods.TypeDirectDebit: "direct_debit", paymentmethods.TypeEWallet: "ewallet",
	paymentmethods.TypeOverTheCounter: "over_the_counter", paymentmethods.TypeQRCode: "qr_code",
	paymentmethods.TypeVirtualAccount: "virtual_account",
}

// CreatePaymentRequest charges a payment method. The SDK sends an
// idempotency-key, generated once per call and reused on every retry, so
// an ambiguous failure is retried without charging twice; give your own
// with [xendit.WithIdempotencyKey] to deduplicate across processes.
// The answer is often PENDING or REQUIRES_ACTION (send the customer to an
// [Action]); the outcome comes in a payment callback.
//
// API: POST /payment_requests
func (s *Client) CreatePaymentRequest(ctx context.Context, params *CreatePaymentRequestParams, opts ...xendit.RequestOption) (*PaymentRequest, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: createPaymentRequest, Body: params, Options: opts}
	return product.Do[PaymentRequest](ctx, s.c, req)
}

// GetPaymentRequest returns a payment request.
//
// API: GET /payment_requests/{paymentRequestId}
func (s *Client) GetPaymentRequest(ctx context.Context, paymentRequestID string, opts ...xendit.RequestOption) (*PaymentRequest, error) {
	return s.onRequest(ctx, getPaymentRequest, paymentRequestID, nil, opts)
}

func (s *Client) onRequest(ctx context.Context, e xendit.Endpoint, id string, body any, opts []xendit.RequestOption) (*PaymentRequest, error) {
	req := &xendit.Request{Endpoint: e, PathParams: map[string]string{"paymentRequestId": id}, Body: body, Options: opts}
	return product.Do[PaymentRequest](ctx, s.c, req)
}

// AuthorizePaymentRequestParams is the body of Authorize: the OTP the
// customer received.
type AuthorizePaymentRequestParams struct {
	AuthCode string `json:"auth_code"`
}

// Validate requires the auth code.
func (p *AuthorizePaymentRequestParams) Validate() error {
	return product.Required("auth_code", p.AuthCode)
}

// AuthorizePaymentRequest completes the AUTH action of a payment request
// that asks for an OTP (direct debit, some eWallets) with the code the
// customer received. It has no idempotency header, so it is never repeated
// after an ambiguous failure: on [xendit.OutcomeUnknown], get the payment
// request and look at its status before sending the code again.
//
// API: POST /payment_requests/{paymentRequestId}/auth
func (s *Client) AuthorizePaymentRequest(ctx context.Context, paymentRequestID string, params *AuthorizePaymentRequestParams, opts ...xendit.RequestOption) (*PaymentRequest, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return s.onRequest(ctx, authorizePaymentRequest, paymentRequestID, params, opts)
}

// ResendAuth asks the channel to send the customer a new OTP.
//
// API: POST /payment_requests/{paymentRequestId}/auth/resend
func (s *Client) ResendAuth(ctx context.Context, paymentRequestID string, opts ...xendit.RequestOption) (*PaymentRequest, error) {
	return s.onRequest(ctx, resendAuth, paymentRequestID, nil, opts)
}

// ListPaymentRequestsParams selects payment requests. Each list filter
// matches any of its values.
type ListPaymentRequestsParams struct {
	ReferenceIDs []string
	IDs          []string
	CustomerIDs  []string
	Limit        *int
	AfterID      *string
	BeforeID     *string
}

// Validate checks the page size: at least 1 (payment_request.yaml gives
// no maximum; Xendit answers a larger one with a validation error).
func (p *ListPaymentRequestsParams) Validate() error {
	return product.Limit("limit", p.Limit, 1, math.MaxInt32)
}

func (p *ListPaymentRequestsParams) query() url.Values {
	q := url.Values{}
	for key, values := range map[string][]string{"reference_id": p.ReferenceIDs, "id": p.IDs, "customer_id": p.CustomerIDs} {
		for _, v := range values {
			q.Add(key, v)
		}
	}
	setLimit(q, p.Limit)
	for key, v := range map[string]*string{"after_id": p.AfterID, "before_id": p.BeforeID} {
		if v != nil {
			q.Set(key, *v)
		}
	}
	return q
}

func setLimit(q url.Values, limit *int) {
	if limit != nil {
		q.Set("limit", strconv.Itoa(*limit))
	}
}

// ListPaymentRequests returns one page of payment requests, newest first.
// params may be nil.
//
// API: GET /payment_requests
func (s *Client) ListPaymentRequests(ctx context.Context, params *ListPaymentRequestsParams, opts ...xendit.RequestOption) (*xendit.Page[PaymentRequest], error) {
	if params == nil {
		params = &ListPaymentRequestsParams{}
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listPaymentRequests, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[PaymentRequest]](ctx, s.c, req)
}

// AllPaymentRequests returns every payment request params selects,
// fetching pages as the loop needs them (after_id is the last id of the
// page before). It stops on the first error, fetches nothing more when the
// loop breaks, and stops with [xendit.ErrPagination] on a repeated cursor.
// params.BeforeID is refused: All pages forward. opts apply to every page.
//
// API: GET /payment_requests
func (s *Client) AllPaymentRequests(ctx context.Context, params *ListPaymentRequestsParams, opts ...xendit.RequestOption) iter.Seq2[*PaymentRequest, error] {
	if params == nil {
		params = &ListPaymentRequestsParams{}
	}
	if err := product.Check(params); err != nil {
		return pager.Failed[PaymentRequest](err)
	}
	if params.BeforeID != nil {
		return pager.Failed[PaymentRequest](xendit.Invalid("before_id", "is not supported by AllPaymentRequests, which pages forward; use ListPaymentRequests"))
	}
	list := func(ctx context.Context, p *ListPaymentRequestsParams) (*xendit.Page[PaymentRequest], error) {
		return s.ListPaymentRequests(ctx, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListPaymentRequestsParams) **string { return &p.AfterID }, list,
		func(p *PaymentRequest) string { return p.ID })
}
