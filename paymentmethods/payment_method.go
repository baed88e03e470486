package paymentmethods

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Type is the channel type of a payment method; the object of the same
// name carries its details.
type Type string

// The documented payment method types.
const (
	TypeCard               Type = "CARD"
	TypeCryptocurrency     Type = "CRYPTOCURRENCY"
	TypeDirectBankTransfer Type = "DIRECT_BANK_TRANSFER"
	TypeDirectDebit        Type = "DIRECT_DEBIT"
	TypeEWallet            Type = "EWALLET"
	TypeOverTheCounter     Type = "OVER_THE_COUNTER"
	TypeQRCode             Type = "QR_CODE"
	TypeVirtualAccount     Type = "VIRTUAL_ACCOUNT"
)

// Status is the state of a payment method: whether it can be charged.
type Status string

// The documented payment method statuses.
const (
	StatusPending Status = "PENDING"
	// StatusRequiresAction waits for the customer to authorize the
	// payment method at one of the Actions.
	StatusRequiresAction Status = "REQUIRES_ACTION"
	StatusActive         Status = "ACTIVE"
	// StatusInactive blocks charges; Update can set ACTIVE again.
	StatusInactive Status = "INACTIVE"
	// StatusExpired is unlinked for good; create a new payment method.
	StatusExpired Status = "EXPIRED"
	StatusFailed  Status = "FAILED"
)

// Active reports whether the payment method can be charged.
func (s Status) Active() bool { return s == StatusActive }

// Pending reports whether the payment method waits for the customer or
// the channel (PENDING, REQUIRES_ACTION).
func (s Status) Pending() bool { return s == StatusPending || s == StatusRequiresAction }

// Failed reports whether activating the payment method failed; FailureCode
// says why.
func (s Status) Failed() bool { return s == StatusFailed }

// Reusability says whether a payment method pays once or is saved for
// later payments.
type Reusability string

// The documented reusabilities.
const (
	ReusabilityMultipleUse Reusability = "MULTIPLE_USE"
	ReusabilityOneTimeUse  Reusability = "ONE_TIME_USE"
)

// Country is an ISO 3166-1 alpha-2 code.
type Country string

// The countries of payment_method.yaml.
const (
	CountryID Country = "ID" // Indonesia
	CountryPH Country = "PH" // the Philippines
	CountryVN Country = "VN" // Vietnam
	CountryTH Country = "TH" // Thailand
	CountryMY Country = "MY" // Malaysia
)

// Action is a step the customer (or the merchant, for url_type API) must
// take to activate a payment method.
type Action struct {
	Action ActionType `json:"action"`
	URL    string     `json:"url"`
	// URLType says where URL leads: a page (WEB), a page for phones
	// (MOBILE), the wallet's app (DEEPLINK), or an API call the merchant
	// makes (API).
	URLType URLType `json:"url_type"`
	// Method is the HTTP method for URL.
	Method string `json:"method"`
}

// ActionType is the step an [Action] asks for.
type ActionType string

// The documented action types.
const (
	ActionTypeAuth       ActionType = "AUTH"
	ActionTypeResendAuth ActionType = "RESEND_AUTH"
)

// URLType is the kind of an [Action]'s URL.
type URLType string

// The documented URL types.
const (
	URLTypeAPI      URLType = "API"
	URLTypeWeb      URLType = "WEB"
	URLTypeMobile   URLType = "MOBILE"
	URLTypeDeeplink URLType = "DEEPLINK"
)

// BillingInformation is the payer's billing address.
type BillingInformation struct {
	Country       string  `json:"country"`
	StreetLine1   *string `json:"street_line1,omitempty"`
	StreetLine2   *string `json:"street_line2,omitempty"`
	City          *string `json:"city,omitempty"`
	ProvinceState *string `json:"province_state,omitempty"`
	PostalCode    *string `json:"postal_code,omitempty"`
}

// PaymentMethod is how a customer pays, as every endpoint of the API
// returns it and the payment_method.* callbacks carry it. Type says which
// of EWallet, DirectDebit, Card, OverTheCounter, QRCode and VirtualAccount
// is set; keys this type has no field for (a channel type newer than the
// SDK) are kept in Extra and encoded back.
type PaymentMethod struct {
	ID          string      `json:"id"`
	BusinessID  string      `json:"business_id"`
	Type        Type        `json:"type,omitempty"`
	Country     Country     `json:"country,omitempty"`
	CustomerID  string      `json:"customer_id,omitempty"`
	ReferenceID string      `json:"reference_id"`
	Description string      `json:"description,omitempty"`
	Status      Status      `json:"status,omitempty"`
	Reusability Reusability `json:"reusability,omitempty"`
	// Actions are the steps to take while the status is REQUIRES_ACTION.
	Actions            []Action            `json:"actions,omitzero"`
	Metadata           map[string]any      `json:"metadata,omitzero"`
	BillingInformation *BillingInformation `json:"billing_information,omitempty"`
	// FailureCode says why the status is FAILED.
	FailureCode string `json:"failure_code,omitempty"`
	// Customer is the customer object, when the create sent one instead of
	// a customer_id; decode it with the customers package's types.
	Customer       json.RawMessage `json:"customer,omitempty"`
	Created        xendit.Time     `json:"created"`
	Updated        xendit.Time     `json:"updated"`
	EWallet        *EWallet        `json:"ewallet,omitempty"`
	DirectDebit    *DirectDebit    `json:"direct_debit,omitempty"`
	Card           *Card           `json:"card,omitempty"`
	OverTheCounter *OverTheCounter `json:"over_the_counter,omitempty"`
	QRCode         *QRCode         `json:"qr_code,omitempty"`
	VirtualAccount *VirtualAccount `json:"virtual_account,omitempty"`
	// DirectBankTransfer has no schema in the API; it is kept as sent.
	DirectBankTransfer json.RawMessage `json:"direct_bank_transfer,omitempty"`
	Extra              Extra           `json:"-"`
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

// ChannelCode returns the channel code of the set channel object ("" for
// a card, which has none, or a type the SDK does not know).
func (p *PaymentMethod) ChannelCode() string {
	switch {
	case p.EWallet != nil:
		return string(p.EWallet.ChannelCode)
	case p.DirectDebit != nil:
		return string(p.DirectDebit.ChannelCode)
	case p.OverTheCounter != nil:
		return string(p.OverTheCounter.ChannelCode)
	case p.QRCode != nil:
		return string(p.QRCode.ChannelCode)
	case p.VirtualAccount != nil:
		return string(p.VirtualAccount.ChannelCode)
	}
	return ""
}

// paymentMethodFields is PaymentMethod without its methods, for encoding/json.
type paymentMethodFields PaymentMethod

// UnmarshalJSON keeps unknown keys in Extra.
func (p *PaymentMethod) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*paymentMethodFields)(p), &p.Extra)
}

// MarshalJSON writes Extra back.
func (p PaymentMethod) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(paymentMethodFields(p), p.Extra)
}
