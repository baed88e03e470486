package paymentmethods

import (
	"log/slog"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Card is the card object of a payment method: the tokenized card, never
// its number.
type Card struct {
	Currency                xendit.Currency          `json:"currency,omitempty"`
	ChannelProperties       *CardChannelProperties   `json:"channel_properties,omitempty"`
	CardInformation         *CardInformation         `json:"card_information,omitempty"`
	CardVerificationResults *CardVerificationResults `json:"card_verification_results,omitempty"`
	Extra                   Extra                    `json:"-"`
}

// CardParams is the card object of a create: the card's details, sent once
// to be tokenized. The SDK never logs them (see [CardDetails.String]).
type CardParams struct {
	Currency          xendit.Currency        `json:"currency"`
	ChannelProperties *CardChannelProperties `json:"channel_properties,omitempty"`
	CardInformation   *CardDetails           `json:"card_information,omitempty"`
}

// CardOnFileType says who starts later charges of a saved card.
type CardOnFileType string

// The documented card-on-file types.
const (
	CardOnFileTypeMerchantUnscheduled CardOnFileType = "MERCHANT_UNSCHEDULED"
	CardOnFileTypeCustomerUnscheduled CardOnFileType = "CUSTOMER_UNSCHEDULED"
	CardOnFileTypeRecurring           CardOnFileType = "RECURRING"
)

// CardChannelProperties say whether to skip 3-D Secure and where the
// customer returns after it.
type CardChannelProperties struct {
	SkipThreeDSecure *bool           `json:"skip_three_d_secure,omitempty"`
	SuccessReturnURL *string         `json:"success_return_url,omitempty"`
	FailureReturnURL *string         `json:"failure_return_url,omitempty"`
	CardOnFileType   *CardOnFileType `json:"cardonfile_type,omitempty"`
	// MerchantIDTag picks the acquiring merchant id; the Payment Requests
	// file documents it (payment_request.yaml line 640), the Payment
	// Methods file does not.
	MerchantIDTag *string `json:"merchant_id_tag,omitempty"`
}

// CardDetails are a card's number and expiry, as a create sends them.
type CardDetails struct {
	CardNumber     string  `json:"card_number"`
	ExpiryMonth    string  `json:"expiry_month"`
	ExpiryYear     string  `json:"expiry_year"`
	CardholderName *string `json:"cardholder_name,omitempty"`
	CVV            *string `json:"cvv,omitempty"`
}

// String masks the card number and hides the CVV, so that printing params
// never leaks card data.
func (c CardDetails) String() string {
	last := c.CardNumber
	if len(last) > 4 {
		last = last[len(last)-4:]
	}
	return "card ****" + last + " " + c.ExpiryMonth + "/" + c.ExpiryYear
}

// GoString is String, for %#v.
func (c CardDetails) GoString() string { return c.String() }

// LogValue is String, for log/slog: its JSON handler would otherwise
// encode the struct, card number and CVV included.
func (c CardDetails) LogValue() slog.Value { return slog.StringValue(c.String()) }

// CardInformation is the tokenized card, as responses carry it.
type CardInformation struct {
	TokenID          string  `json:"token_id"`
	MaskedCardNumber string  `json:"masked_card_number"`
	CardholderName   *string `json:"cardholder_name,omitempty"`
	ExpiryMonth      string  `json:"expiry_month"`
	ExpiryYear       string  `json:"expiry_year"`
	// Fingerprint is the same for every token of one card number.
	Fingerprint string `json:"fingerprint"`
	// Type is CREDIT, DEBIT, PREPAID.
	Type string `json:"type"`
	// Network is VISA, MASTERCARD, JCB, AMEX, ...
	Network string `json:"network"`
	Country string `json:"country"`
	Issuer  string `json:"issuer"`
}

// CardVerificationResults are the checks the issuer ran.
type CardVerificationResults struct {
	ThreeDSecure              *ThreeDSecureResult `json:"three_d_secure,omitempty"`
	CVVResult                 *string             `json:"cvv_result,omitempty"`
	AddressVerificationResult *string             `json:"address_verification_result,omitempty"`
}

// ThreeDSecureResult is the outcome of 3-D Secure.
type ThreeDSecureResult struct {
	// Flow is CHALLENGE or FRICTIONLESS.
	Flow         *string `json:"three_d_secure_flow,omitempty"`
	ECICode      *string `json:"eci_code,omitempty"`
	Result       *string `json:"three_d_secure_result,omitempty"`
	ResultReason *string `json:"three_d_secure_result_reason,omitempty"`
	Version      *string `json:"three_d_secure_version,omitempty"`
}

// cardFields is Card without its methods, for encoding/json.
type cardFields Card

// UnmarshalJSON keeps unknown keys in Extra.
func (c *Card) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*cardFields)(c), &c.Extra)
}

// MarshalJSON writes Extra back.
func (c Card) MarshalJSON() ([]byte, error) { return product.EncodeWithExtra(cardFields(c), c.Extra) }
