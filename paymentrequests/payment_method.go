package paymentrequests

import (
	"github.com/seed19b1029f/xendit-go"
)

// PaymentMethodType is how the customer pays; it says which of a
// [PaymentMethod]'s channel objects is set.
type PaymentMethodType string

// The payment method types of payment_request.yaml.
const (
	PaymentMethodTypeCard           PaymentMethodType = "CARD"
	PaymentMethodTypeDirectDebit    PaymentMethodType = "DIRECT_DEBIT"
	PaymentMethodTypeEWallet        PaymentMethodType = "EWALLET"
	PaymentMethodTypeOverTheCounter PaymentMethodType = "OVER_THE_COUNTER"
	PaymentMethodTypeQRCode         PaymentMethodType = "QR_CODE"
	PaymentMethodTypeVirtualAccount PaymentMethodType = "VIRTUAL_ACCOUNT"
)

// Reusability says whether a payment method can be charged again.
type Reusability string

// The documented reusabilities.
const (
	ReusabilityOneTimeUse  Reusability = "ONE_TIME_USE"
	ReusabilityMultipleUse Reusability = "MULTIPLE_USE"
)

// PaymentMethodStatus says whether a payment method can be charged.
type PaymentMethodStatus string

// The documented payment method statuses.
const (
	PaymentMethodStatusActive   PaymentMethodStatus = "ACTIVE"
	PaymentMethodStatusInactive PaymentMethodStatus = "INACTIVE"
	PaymentMethodStatusPending  PaymentMethodStatus = "PENDING"
	PaymentMethodStatusExpired  PaymentMethodStatus = "EXPIRED"
	PaymentMethodStatusFailed   PaymentMethodStatus = "FAILED"
)

// Active reports whether the payment method can be charged.
func (s PaymentMethodStatus) Active() bool { return s == PaymentMethodStatusActive }

// PaymentMethod is the payment method a payment request, a capture or a
// payment callback carries: this package's view of the Payment Methods v2
// object, with the fields a payment needs (the type, the channel and its
// properties). Everything else the API sends (customer_id, actions,
// billing_information, a channel's account details...) is kept in Extra
// and re-encoded unchanged, so a stored or forwarded payment method loses
// nothing. To manage payment methods themselves (create, update, expire)
// use the Payment Methods API.
//
// Exactly one channel object is set, the one Type names; the others are
// nil (the API sends null). [PaymentMethod.ChannelCode] reads the channel
// code whatever the type.
type PaymentMethod struct {
	ID          string              `json:"id"`
	Type        PaymentMethodType   `json:"type,omitzero"`
	Reusability Reusability         `json:"reusability,omitzero"`
	Status      PaymentMethodStatus `json:"status,omitzero"`
	ReferenceID string              `json:"reference_id"`
	Description *string             `json:"description"`
	Created     xendit.Time         `json:"created"`
	Updated     xendit.Time         `json:"updated"`
	Metadata    map[string]any      `json:"metadata"`

	Card           *Card    `json:"card"`
	DirectDebit    *Channel `json:"direct_debit"`
	EWallet        *Channel `json:"ewallet"`
	OverTheCounter *Channel `json:"over_the_counter"`
	QRCode         *Channel `json:"qr_code"`
	VirtualAccount *Channel `json:"virtual_account"`

	// Extra holds the fields this view does not name.
	Extra Extra `json:"-"`
}

type paymentMethodFields PaymentMethod

// UnmarshalJSON decodes the named fields and keeps the others in Extra.
func (p *PaymentMethod) UnmarshalJSON(b []byte) error {
	var f paymentMethodFields
	extra, err := decodeKeeping(b, &f)
	if err != nil {
		return err
	}
	*p = PaymentMethod(f)
	p.Extra = extra
	return nil
}

// MarshalJSON encodes the named fields and Extra.
func (p PaymentMethod) MarshalJSON() ([]byte, error) {
	return encodeKeeping(paymentMethodFields(p), p.Extra)
}

// ChannelCode is the channel of the object Type names ("SHOPEEPAY",
// "BNI"), or "" for a card, which has none, or an unknown type.
func (p *PaymentMethod) ChannelCode() string {
	var ch *Channel
	switch p.Type {
	case PaymentMethodTypeDirectDebit:
		ch = p.DirectDebit
	case PaymentMethodTypeEWallet:
		ch = p.EWallet
	case PaymentMethodTypeOverTheCounter:
		ch = p.OverTheCounter
	case PaymentMethodTypeQRCode:
		ch = p.QRCode
	case PaymentMethodTypeVirtualAccount:
		ch = p.VirtualAccount
	}
	if ch == nil {
		return ""
	}
	return ch.ChannelCode
}

// Channel is the channel object of a non-card payment method (ewallet,
// direct_debit, virtual_account, over_the_counter, qr_code): the channel
// code and its properties, which differ per channel and are kept as sent.
// The type's own fields (a VA's amounts, an eWallet's account) are in
// Extra.
type Channel struct {
	// ChannelCode may be null (a QR code any QRIS app pays): it is then
	// empty, and encoded as absent.
	ChannelCode       string         `json:"channel_code,omitzero"`
	ChannelProperties map[string]any `json:"channel_properties"`
	// Extra holds the fields this view does not name.
	Extra Extra `json:"-"`
}

type channelFields Channel

// UnmarshalJSON decodes the named fields and keeps the others in Extra.
func (c *Channel) UnmarshalJSON(b []byte) error {
	var f channelFields
	extra, err := decodeKeeping(b, &f)
	if err != nil {
		return err
	}
	*c = Channel(f)
	c.Extra = extra
	return nil
}

// MarshalJSON encodes the named fields and Extra.
func (c Channel) MarshalJSON() ([]byte, error) {
	return encodeKeeping(channelFields(c), c.Extra)
}

// Card is the card object of a CARD payment method. Card details are
// masked by Xendit (MaskedCardNumber); the SDK never asks for a card
// number: card payment methods are made with Xendit's tokenization.
type Card struct {
	Currency                xendit.Currency          `json:"currency,omitzero"`
	ChannelProperties       map[string]any           `json:"channel_properties"`
	CardInformation         *CardInformation         `json:"card_information"`
	CardVerificationResults *CardVerificationResults `json:"card_verification_results"`
	// Extra holds the fields this view does not name.
	Extra Extra `json:"-"`
}

type cardFields Card

// UnmarshalJSON decodes the named fields and keeps the others in Extra.
func (c *Card) UnmarshalJSON(b []byte) error {
	var f cardFields
	extra, err := decodeKeeping(b, &f)
	if err != nil {
		return err
	}
	*c = Card(f)
	c.Extra = extra
	return nil
}

// MarshalJSON encodes the named fields and Extra.
func (c Card) MarshalJSON() ([]byte, error) {
	return encodeKeeping(cardFields(c), c.Extra)
}

// CardInformation describes a tokenized card, masked. Pointers are the
// fields the file lets be null.
type CardInformation struct {
	TokenID          string  `json:"token_id"`
	MaskedCardNumber string  `json:"masked_card_number"`
	CardholderName   *string `json:"cardholder_name"`
	ExpiryMonth      string  `json:"expiry_month"`
	ExpiryYear       string  `json:"expiry_year"`
	Fingerprint      string  `json:"fingerprint"`
	Type             string  `json:"type"`
	Network          string  `json:"network"`
	Country          string  `json:"country"`
	Issuer           string  `json:"issuer"`
}

// CardVerificationResults are the results of the card checks: CVV,
// address and 3-D Secure; each may be null.
type CardVerificationResults struct {
	CVVResult                 *string       `json:"cvv_result"`
	AddressVerificationResult *string       `json:"address_verification_result"`
	ThreeDSecure              *ThreeDSecure `json:"three_d_secure"`
}

// ThreeDSecure is the outcome of 3-D Secure authentication; all but the
// flow may be null.
type ThreeDSecure struct {
	ECICode                  *string `json:"eci_code"`
	ThreeDSecureVersion      *string `json:"three_d_secure_version"`
	ThreeDSecureFlow         string  `json:"three_d_secure_flow"`
	ThreeDSecureResult       *string `json:"three_d_secure_result"`
	ThreeDSecureResultReason *string `json:"three_d_secure_result_reason"`
}
