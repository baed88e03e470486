package paymentmethods

import (
	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// A payment method is one of several channel types: Type says which, and
// the object of that name (EWallet for EWALLET, Card for CARD, ...) carries
// the channel's code and properties; the others are null. Each channel
// object keeps the keys it has no field for in Extra, so a payment method
// decodes and encodes back without loss whatever Xendit adds.

// EWalletChannelCode names an eWallet. Unlike ewallets.ChannelCode it has
// no country prefix: the payment method's Country says where.
type EWalletChannelCode string

// EWalletChannelTouchNGo is Touch 'n Go (Malaysia), which the API
// reference's account linking documents and payment_method.yaml omits.
const EWalletChannelTouchNGo EWalletChannelCode = "TOUCHNGO"

// EWallet is the ewallet object: a customer's eWallet, linked
// (MULTIPLE_USE) or for one payment (ONE_TIME_USE).
type EWallet struct {
	ChannelCode       EWalletChannelCode        `json:"channel_code"`
	ChannelProperties *EWalletChannelProperties `json:"channel_properties,omitempty"`
	// Account is set in responses once the wallet describes the account.
	Account *EWalletAccount `json:"account,omitempty"`
	Extra   Extra           `json:"-"`
}

// EWalletChannelProperties are where the customer returns after
// authorizing (success and failure; cancel for Maya), and what some wallets
// need to find the account.
type EWalletChannelProperties struct {
	SuccessReturnURL *string `json:"success_return_url,omitempty"`
	FailureReturnURL *string `json:"failure_return_url,omitempty"`
	CancelReturnURL  *string `json:"cancel_return_url,omitempty"`
	// MobileNumber is the OVO account's number, in E.164.
	MobileNumber *string `json:"mobile_number,omitempty"`
	// RedeemPoints says whether to spend the wallet's points (REDEEM_NONE,
	// REDEEM_ALL).
	RedeemPoints *string `json:"redeem_points,omitempty"`
	// Cashtag is the JeniusPay account's $cashtag.
	Cashtag *string `json:"cashtag,omitempty"`
}

// EWalletAccount describes the linked wallet account; each field is empty
// (nil) when the wallet does not say.
type EWalletAccount struct {
	// AccountDetails is a masked identifier such as "+62*****3123".
	AccountDetails string   `json:"account_details,omitempty"`
	Name           string   `json:"name,omitempty"`
	Balance        *float64 `json:"balance,omitempty"`
	PointBalance   *float64 `json:"point_balance,omitempty"`
}

// DirectDebitChannelCode names a bank for direct debit.
type DirectDebitChannelCode string

// DirectDebitType is how a direct debit reaches the account.
type DirectDebitType string

// The documented direct debit types.
const (
	DirectDebitTypeDebitCard    DirectDebitType = "DEBIT_CARD"
	DirectDebitTypeBankAccount  DirectDebitType = "BANK_ACCOUNT"
	DirectDebitTypeBankRedirect DirectDebitType = "BANK_REDIRECT"
)

// DirectDebit is the direct_debit object: a bank account or debit card
// the customer authorizes to be debited.
type DirectDebit struct {
	ChannelCode       DirectDebitChannelCode        `json:"channel_code"`
	ChannelProperties *DirectDebitChannelProperties `json:"channel_properties,omitempty"`
	// Type, BankAccount and DebitCard are set in responses.
	Type        DirectDebitType         `json:"type,omitempty"`
	BankAccount *DirectDebitBankAccount `json:"bank_account,omitempty"`
	DebitCard   *DirectDebitDebitCard   `json:"debit_card,omitempty"`
	Extra       Extra                   `json:"-"`
}

// DirectDebitChannelProperties identify the account and where the
// customer returns after authorizing at the bank.
type DirectDebitChannelProperties struct {
	SuccessReturnURL       *string `json:"success_return_url,omitempty"`
	FailureReturnURL       *string `json:"failure_return_url,omitempty"`
	MobileNumber           *string `json:"mobile_number,omitempty"`
	CardLastFour           *string `json:"card_last_four,omitempty"`
	CardExpiry             *string `json:"card_expiry,omitempty"`
	Email                  *string `json:"email,omitempty"`
	IdentityDocumentNumber *string `json:"identity_document_number,omitempty"`
	RequireAuth            *bool   `json:"require_auth,omitempty"`
	// AccountNumber is a debit card's account, as the Payment Requests
	// file documents it (payment_request.yaml line 902).
	AccountNumber *string `json:"account_number,omitempty"`
}

// DirectDebitBankAccount is the linked bank account, masked.
type DirectDebitBankAccount struct {
	MaskedBankAccountNumber *string `json:"masked_bank_account_number,omitempty"`
	BankAccountHash         *string `json:"bank_account_hash,omitempty"`
	MobileNumber            *string `json:"mobile_number,omitempty"`
	IdentityDocumentNumber  *string `json:"identity_document_number,omitempty"`
}

// DirectDebitDebitCard is the linked debit card, masked.
type DirectDebitDebitCard struct {
	// AccountNumber: documented by the Payment Requests file
	// (payment_request.yaml line 968).
	AccountNumber *string `json:"account_number,omitempty"`
	MobileNumber  *string `json:"mobile_number,omitempty"`
	CardLastFour  *string `json:"card_last_four,omitempty"`
	CardExpiry    *string `json:"card_expiry,omitempty"`
	Email         *string `json:"email,omitempty"`
}

// OverTheCounterChannelCode names a retail outlet.
type OverTheCounterChannelCode string

// OverTheCounter is the over_the_counter object: a payment code the
// customer pays at a retail outlet.
type OverTheCounter struct {
	// Amount is fixed when set; nil lets the customer pay any amount.
	Amount            *float64                         `json:"amount,omitempty"`
	Currency          xendit.Currency                  `json:"currency,omitempty"`
	ChannelCode       OverTheCounterChannelCode        `json:"channel_code"`
	ChannelProperties *OverTheCounterChannelProperties `json:"channel_properties,omitempty"`
	Extra             Extra                            `json:"-"`
}

// OverTheCounterChannelProperties name the payer and, in responses, the
// code to pay with.
type OverTheCounterChannelProperties struct {
	CustomerName string      `json:"customer_name"`
	PaymentCode  *string     `json:"payment_code,omitempty"`
	ExpiresAt    xendit.Time `json:"expires_at,omitzero"`
}

// QRCodeChannelCode names a QR code network or issuer.
type QRCodeChannelCode string

// QRCode is the qr_code object: a QR code the customer scans.
type QRCode struct {
	Amount            *float64                 `json:"amount,omitempty"`
	Currency          xendit.Currency          `json:"currency,omitempty"`
	ChannelCode       QRCodeChannelCode        `json:"channel_code,omitempty"`
	ChannelProperties *QRCodeChannelProperties `json:"channel_properties,omitempty"`
	Extra             Extra                    `json:"-"`
}

// QRCodeChannelProperties carry, in responses, the string to render as a
// QR code.
type QRCodeChannelProperties struct {
	QRString  *string     `json:"qr_string,omitempty"`
	ExpiresAt xendit.Time `json:"expires_at,omitzero"`
}

// VirtualAccountChannelCode names a bank for virtual accounts.
type VirtualAccountChannelCode string

// VirtualAccount is the virtual_account object: an account number the
// customer transfers to.
type VirtualAccount struct {
	// Amount fixes the amount; MinAmount and MaxAmount bound an open one.
	Amount                  *float64                         `json:"amount,omitempty"`
	MinAmount               *float64                         `json:"min_amount,omitempty"`
	MaxAmount               *float64                         `json:"max_amount,omitempty"`
	Currency                xendit.Currency                  `json:"currency,omitempty"`
	ChannelCode             VirtualAccountChannelCode        `json:"channel_code"`
	ChannelProperties       *VirtualAccountChannelProperties `json:"channel_properties,omitempty"`
	AlternativeDisplayTypes []string                         `json:"alternative_display_types,omitzero"`
	// AlternativeDisplays are set in responses (a QR string for the
	// account, when asked for with AlternativeDisplayTypes QR_STRING).
	AlternativeDisplays []AlternativeDisplay `json:"alternative_displays,omitzero"`
	Extra               Extra                `json:"-"`
}

// VirtualAccountChannelProperties name the account holder and, in
// responses, the number.
type VirtualAccountChannelProperties struct {
	CustomerName         string      `json:"customer_name,omitempty"`
	VirtualAccountNumber *string     `json:"virtual_account_number,omitempty"`
	ExpiresAt            xendit.Time `json:"expires_at,omitzero"`
	SuggestedAmount      *float64    `json:"suggested_amount,omitempty"`
}

// AlternativeDisplay is another way to show a virtual account.
type AlternativeDisplay struct {
	Type string `json:"type"`
	Data string `json:"data"`
}

// eWalletFields is EWallet without its methods, for encoding/json.
type eWalletFields EWallet

// UnmarshalJSON keeps unknown keys in Extra.
func (e *EWallet) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*eWalletFields)(e), &e.Extra)
}

// MarshalJSON writes Extra back.
func (e EWallet) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(eWalletFields(e), e.Extra)
}

// directDebitFields is DirectDebit without its methods, for encoding/json.
type directDebitFields DirectDebit

// UnmarshalJSON keeps unknown keys in Extra.
func (d *DirectDebit) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*directDebitFields)(d), &d.Extra)
}

// MarshalJSON writes Extra back.
func (d DirectDebit) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(directDebitFields(d), d.Extra)
}

// overTheCounterFields is OverTheCounter without its methods, for encoding/json.
type overTheCounterFields OverTheCounter

// UnmarshalJSON keeps unknown keys in Extra.
func (o *OverTheCounter) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*overTheCounterFields)(o), &o.Extra)
}

// MarshalJSON writes Extra back.
func (o OverTheCounter) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(overTheCounterFields(o), o.Extra)
}

// qRCodeFields is QRCode without its methods, for encoding/json.
type qRCodeFields QRCode

// UnmarshalJSON keeps unknown keys in Extra.
func (q *QRCode) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*qRCodeFields)(q), &q.Extra)
}

// MarshalJSON writes Extra back.
func (q QRCode) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(qRCodeFields(q), q.Extra)
}

// virtualAccountFields is VirtualAccount without its methods, for encoding/json.
type virtualAccountFields VirtualAccount

// UnmarshalJSON keeps unknown keys in Extra.
func (v *VirtualAccount) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*virtualAccountFields)(v), &v.Extra)
}

// MarshalJSON writes Extra back.
func (v VirtualAccount) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(virtualAccountFields(v), v.Extra)
}
