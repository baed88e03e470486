package ewallets

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPaymentMethod = xendit.MustEndpoint("ewallets.create_payment_method")
	getPaymentMethod    = xendit.MustEndpoint("ewallets.get_payment_method")
	expirePaymentMethod = xendit.MustEndpoint("ewallets.expire_payment_method")
)

// LinkingChannel names an eWallet for account linking. Unlike
// [ChannelCode] it has no country prefix: the payment method's Country
// says where.
type LinkingChannel string

// The documented account-linking channels.
const (
	LinkingChannelDANA      LinkingChannel = "DANA"
	LinkingChannelOVO       LinkingChannel = "OVO"
	LinkingChannelLinkAja   LinkingChannel = "LINKAJA"
	LinkingChannelShopeePay LinkingChannel = "SHOPEEPAY"
	LinkingChannelGrabPay   LinkingChannel = "GRABPAY"
	LinkingChannelMaya      LinkingChannel = "PAYMAYA"
	LinkingChannelGCash     LinkingChannel = "GCASH"
	LinkingChannelTouchNGo  LinkingChannel = "TOUCHNGO"
)

// Country is an ISO 3166-1 alpha-2 code.
type Country string

// The countries where eWallet accounts can be linked.
const (
	CountryID Country = "ID" // Indonesia
	CountryPH Country = "PH" // the Philippines
	CountryMY Country = "MY" // Malaysia
)

// linkingCountries lists the countries each linking channel exists in; a
// channel in several needs Country to tell them apart.
var linkingCountries = map[LinkingChannel][]Country{
	LinkingChannelDANA:      {CountryID},
	LinkingChannelOVO:       {CountryID},
	LinkingChannelLinkAja:   {CountryID},
	LinkingChannelShopeePay: {CountryID, CountryPH, CountryMY},
	LinkingChannelGrabPay:   {CountryPH, CountryMY},
	LinkingChannelMaya:      {CountryPH},
	LinkingChannelGCash:     {CountryPH},
	LinkingChannelTouchNGo:  {CountryMY},
}

// PaymentMethodStatus is the state of a linked account.
type PaymentMethodStatus string

// The documented payment method statuses.
const (
	PaymentMethodStatusPending PaymentMethodStatus = "PENDING"
	// PaymentMethodStatusRequiresAction waits for the customer to authorize
	// the link at one of the Actions.
	PaymentMethodStatusRequiresAction PaymentMethodStatus = "REQUIRES_ACTION"
	PaymentMethodStatusActive         PaymentMethodStatus = "ACTIVE"
	// PaymentMethodStatusInactive blocks charges; it can be reactivated.
	PaymentMethodStatusInactive PaymentMethodStatus = "INACTIVE"
	// PaymentMethodStatusExpired is unlinked for good; link again.
	PaymentMethodStatusExpired PaymentMethodStatus = "EXPIRED"
)

// CreatePaymentMethodParams links a customer's eWallet account (type
// EWALLET, reusability MULTIPLE_USE, both set by the SDK).
//
// The customer comes first, from Create Customer. OVO needs the customer's
// reference_id, mobile_number (the OVO account's) and given_names; LinkAja
// reference_id and mobile_number; the other wallets nothing more. These are
// the fields of the 2020-05-19 Customers API
// ([github.com/seed19b1029f/xendit-go/customers.NewV20200519]).
type CreatePaymentMethodParams struct {
	CustomerID string `json:"customer_id"`
	// Country is required for wallets present in several countries
	// (SHOPEEPAY, GRABPAY). The reference's table marks it required always
	// while its example omits it; the SDK sends it when set.
	Country     *Country       `json:"country,omitempty"`
	EWallet     LinkingEWallet `json:"ewallet"`
	ReferenceID *string        `json:"reference_id,omitempty"`
	Description *string        `json:"description,omitempty"`
	Metadata    map[string]any `json:"metadata,omitzero"`
}

// LinkingEWallet is the ewallet object of a payment method.
type LinkingEWallet struct {
	ChannelCode       LinkingChannel    `json:"channel_code"`
	ChannelProperties LinkingProperties `json:"channel_properties"`
	// Account is set in responses once the link is known.
	Account *LinkedAccount `json:"account,omitempty"`
}

// LinkingProperties are where the customer returns after authorizing the
// link: success and failure always, cancel for Maya.
type LinkingProperties struct {
	SuccessReturnURL string `json:"success_return_url"`
	FailureReturnURL string `json:"failure_return_url"`
	// CancelReturnURL is required for Maya.
	CancelReturnURL *string `json:"cancel_return_url,omitempty"`
}

// LinkedAccount describes the linked wallet account; each field is empty
// (nil) when the wallet does not say.
type LinkedAccount struct {
	// AccountDetails is a masked identifier such as "+62*****3123".
	AccountDetails string   `json:"account_details,omitempty"`
	Name           string   `json:"name,omitempty"`
	Balance        *float64 `json:"balance,omitempty"`
	PointBalance   *float64 `json:"point_balance,omitempty"`
}

// PaymentMethodAction is a step the customer (or the merchant, for url_type
// API) must take to activate a payment method.
type PaymentMethodAction struct {
	Action ActionType `json:"action"`
	URL    string     `json:"url"`
	// URLType says where URL leads: a page (WEB), a page for phones
	// (MOBILE), the wallet's app (DEEPLINK), or an API call the merchant
	// makes (API).
	URLType URLType `json:"url_type"`
	// Method is the HTTP method for URL.
	Method string `json:"method"`
}

// ActionType is the step a [PaymentMethodAction] asks for.
type ActionType string

// The documented action types.
const (
	ActionTypeAuth       ActionType = "AUTH"
	ActionTypeResendAuth ActionType = "RESEND_AUTH"
)

// URLType is the kind of a [PaymentMethodAction]'s URL.
type URLType string

// The documented URL types.
const (
	URLTypeAPI      URLType = "API"
	URLTypeWeb      URLType = "WEB"
	URLTypeMobile   URLType = "MOBILE"
	URLTypeDeeplink URLType = "DEEPLINK"
)

// PaymentMethod is a linked eWallet account, as the payment method
// endpoints return it and the payment_method.* callbacks carry it.
type PaymentMethod struct {
	ID          string              `json:"id"`
	Type        string              `json:"type"`
	Country     Country             `json:"country"`
	BusinessID  string              `json:"business_id"`
	CustomerID  string              `json:"customer_id"`
	ReferenceID string              `json:"reference_id"`
	Reusability string              `json:"reusability"`
	Status      PaymentMethodStatus `json:"status"`
	// Actions is documented as an object but sent as an array.
	Actions []PaymentMethodAction `json:"actions,omitzero"`
	// Description is documented as a string in requests and an object in
	// responses, and null in every example; it decodes whatever comes.
	Description any             `json:"description"`
	Created     xendit.Time     `json:"created"`
	Updated     xendit.Time     `json:"updated"`
	Metadata    map[string]any  `json:"metadata,omitzero"`
	EWallet     *LinkingEWallet `json:"ewallet,omitzero"`
	// The other payment method types are always null for an EWALLET; they
	// are kept raw.
	DirectBankTransfer json.RawMessage `json:"direct_bank_transfer,omitzero"`
	DirectDebit        json.RawMessage `json:"direct_debit,omitzero"`
	Card               json.RawMessage `json:"card,omitzero"`
	OverTheCounter     json.RawMessage `json:"over_the_counter,omitzero"`
	QRCode             json.RawMessage `json:"qr_code,omitzero"`
	VirtualAccount     json.RawMessage `json:"virtual_account,omitzero"`
}

// AuthURL returns the URL of the AUTH action of the given type
// ([URLTypeWeb], [URLTypeMobile], [URLTypeDeeplink]), or "" when there is
// none.
func (p *PaymentMethod) AuthURL(urlType URLType) string {
	for _, a := range p.Actions {
		if a.Action == ActionTypeAuth && a.URLType == urlType {
			return a.URL
		}
	}
	return ""
}

// Validate checks params before sending: the customer, the country of
// wallets present in several, and the return URLs; it returns a
// [*xendit.ValidationError] naming the field. CreatePaymentMethod calls it.
func (p *CreatePaymentMethodParams) Validate() error {
	if p.CustomerID == "" {
		return xendit.Invalid("customer_id", "is required (create the customer first)")
	}
	ch := p.EWallet.ChannelCode
	if ch == "" {
		return xendit.Invalid("ewallet.channel_code", "is required")
	}
	if countries, known := linkingCountries[ch]; known {
		switch {
		case p.Country == nil && len(countries) > 1:
			return xendit.Invalid("country", "is required for %s, which exists in %v", ch, countries)
		case p.Country != nil && !slices.Contains(countries, *p.Country):
			return xendit.Invalid("country", "%s is not linked in %q; it exists in %v", ch, *p.Country, countries)
		}
	}
	props := p.EWallet.ChannelProperties
	for _, f := range []struct{ name, value string }{
		{"success_return_url", props.SuccessReturnURL}, {"failure_return_url", props.FailureReturnURL},
	} {
		if f.value == "" {
			return xendit.Invalid("ewallet.channel_properties."+f.name, "is required")
		}
	}
	if ch == LinkingChannelMaya && props.CancelReturnURL == nil {
		return xendit.Invalid("ewallet.channel_properties.cancel_return_url", "is required for %s", LinkingChannelMaya)
	}
	urls := []struct{ name, value string }{
		{"success_return_url", props.SuccessReturnURL}, {"failure_return_url", props.FailureReturnURL},
	}
	if props.CancelReturnURL != nil {
		urls = append(urls, struct{ name, value string }{"cancel_return_url", *props.CancelReturnURL})
	}
	for _, f := range urls {
		if err := product.URL("ewallet.channel_properties."+f.name, f.value); err != nil {
			return err
		}
	}
	return xendit.CheckMetadata("metadata", p.Metadata)
}

// CreatePaymentMethod starts linking a customer's eWallet account. The
// payment method is usually REQUIRES_ACTION: send the customer to
// AuthURL(URLTypeWeb) (or URLTypeMobile, URLTypeDeeplink); a
// payment_method.activated callback says when it is ACTIVE.
//
// Like CreateCharge it is never repeated after an ambiguous failure: on
// [xendit.OutcomeUnknown] a payment method may exist that the customer
// never saw, so it never becomes ACTIVE; create a new one.
//
// API: POST /v2/payment_methods
func (s *Client) CreatePaymentMethod(ctx context.Context, params *CreatePaymentMethodParams, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	body := struct {
		Type        string `json:"type"`
		Reusability string `json:"reusability"`
		*CreatePaymentMethodParams
	}{"EWALLET", "MULTIPLE_USE", params}
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: createPaymentMethod, Body: body, Options: opts})
}

// GetPaymentMethod returns a payment method, with the linked account's
// balance when the wallet reports one.
//
// API: GET /v2/payment_methods/{id}
func (s *Client) GetPaymentMethod(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: getPaymentMethod, PathParams: map[string]string{"id": id}, Options: opts})
}

// ExpirePaymentMethod unlinks a payment method; it can no longer be
// charged. It is not repeated after an ambiguous failure; GetPaymentMethod
// says whether it went through (EXPIRED).
//
// API: POST /v2/payment_methods/{id}/expire
func (s *Client) ExpirePaymentMethod(ctx context.Context, id string, opts ...xendit.RequestOption) (*PaymentMethod, error) {
	return product.Do[PaymentMethod](ctx, s.c, &xendit.Request{Endpoint: expirePaymentMethod, PathParams: map[string]string{"id": id}, Options: opts})
}

// CheckLinkingCustomer checks, before anything is sent, that a customer for
// the Customers API version 2020-05-19 carries what channel's account linking
// needs. OVO identifies the account by mobile_number, in E.164 and matching
// OVO's records, and needs given_names; LinkAja needs mobile_number. The
// other channels need nothing beyond a valid customer.
//
// The tokenized flow starts with that customer:
//
//	params := &customers.CreateParamsV20200519{ReferenceID: "user-81", GivenNames: "Budi",
//		MobileNumber: xendit.Ptr("+6287774441111")}
//	if err := ewallets.CheckLinkingCustomer(ewallets.LinkingChannelOVO, params); err != nil {
//		return err // ask the customer for the missing field
//	}
//	cust, err := customers.NewV20200519(client).Create(ctx, params)
//	// then CreatePaymentMethod with CustomerID: cust.ID
func CheckLinkingCustomer(channel LinkingChannel, p *customers.CreateParamsV20200519) error {
	if p == nil {
		return xendit.Invalid("customer", "is required")
	}
	if p.ReferenceID == "" {
		return xendit.Invalid("reference_id", "is required")
	}
	needsMobile := channel == LinkingChannelOVO || channel == LinkingChannelLinkAja
	switch {
	case needsMobile && (p.MobileNumber == nil || *p.MobileNumber == ""):
		return xendit.Invalid("mobile_number", "is required to link %s: it identifies the customer's account", channel)
	case needsMobile && !isE164(*p.MobileNumber):
		return xendit.Invalid("mobile_number", "must be in E.164 format, e.g. +6287774441111")
	case channel == LinkingChannelOVO && p.GivenNames == "":
		return xendit.Invalid("given_names", "is required to link OVO")
	}
	return nil
}
