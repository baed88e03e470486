package snap

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// Time is a SNAP timestamp. It decodes every layout the reference's
// examples use ("2020-12-31T23:59:59-07:00", "2023-12-31T23:59:59.000Z",
// nanoseconds). A decoded Time re-encodes as it was received while its
// instant is unchanged (as [xendit.Time] does); one made or changed in Go
// encodes as yyyy-MM-ddTHH:mm:ss±hh:mm in its own zone, the layout the
// reference asks for in requests, and the zero Time as null.
type Time struct {
	time.Time
	received xendit.Time
}

// At returns t as a SNAP timestamp, for the expiry fields of requests.
func At(t time.Time) *Time { return &Time{Time: t} }

// UnmarshalJSON accepts any RFC 3339 layout, "" or null.
func (t *Time) UnmarshalJSON(b []byte) error {
	var xt xendit.Time
	if err := xt.UnmarshalJSON(b); err != nil {
		return err
	}
	*t = Time{Time: xt.Time, received: xt}
	return nil
}

// MarshalJSON encodes the text received, or yyyy-MM-ddTHH:mm:ss±hh:mm.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.received.Time.Equal(t.Time) {
		if text, ok := t.received.Received(); ok {
			return text, nil
		}
	}
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Format(TimestampLayout))
}

// Reusability says whether a payment method (VA, QR, linked account) can be
// used more than once.
type Reusability string

// The documented reusabilities.
const (
	ReusabilityOneTimeUse  Reusability = "ONE_TIME_USE"
	ReusabilityMultipleUse Reusability = "MULTIPLE_USE"
)

// PayMethod is the kind of account a binding or direct debit uses.
type PayMethod string

// The documented pay methods.
const (
	PayMethodEWallet     PayMethod = "EWALLET"
	PayMethodDirectDebit PayMethod = "DIRECT_DEBIT"
)

// PayOption is the channel of a binding or direct debit.
type PayOption string

// The documented pay options: e-wallets, and BRI for direct debit.
const (
	PayOptionOVO       PayOption = "OVO"
	PayOptionDANA      PayOption = "DANA"
	PayOptionLinkAja   PayOption = "LINKAJA"
	PayOptionJeniusPay PayOption = "JENIUSPAY"
	PayOptionAstraPay  PayOption = "ASTRAPAY"
	PayOptionShopeePay PayOption = "SHOPEEPAY"
	PayOptionBRI       PayOption = "BRI"
)

// payOptions lists the pay options each pay method allows.
var payOptions = map[PayMethod][]PayOption{
	PayMethodEWallet: {PayOptionOVO, PayOptionDANA, PayOptionLinkAja, PayOptionJeniusPay,
		PayOptionAstraPay, PayOptionShopeePay},
	PayMethodDirectDebit: {PayOptionBRI},
}

// PaymentMethodStatus is the state of a payment method: a linked account, a
// VA or a QR code. It says whether the method can be used, not whether money
// moved, so it has no Succeeded: ask [PaymentMethodStatus.Active].
type PaymentMethodStatus string

// The documented statuses.
const (
	PaymentMethodStatusRequiresAction PaymentMethodStatus = "REQUIRES_ACTION"
	PaymentMethodStatusPending        PaymentMethodStatus = "PENDING"
	PaymentMethodStatusActive         PaymentMethodStatus = "ACTIVE"
	// PaymentMethodStatusInactive was switched off by the merchant; reversible.
	PaymentMethodStatusInactive PaymentMethodStatus = "INACTIVE"
	// PaymentMethodStatusExpired was unlinked or deactivated; final.
	PaymentMethodStatusExpired PaymentMethodStatus = "EXPIRED"
	PaymentMethodStatusFailed  PaymentMethodStatus = "FAILED"
)

// Active reports ACTIVE: the method can be paid with (a VA, a QR) or
// debited (a linked account).
func (s PaymentMethodStatus) Active() bool { return s == PaymentMethodStatusActive }

// Pending reports REQUIRES_ACTION or PENDING: the customer has yet to
// authorize the method.
func (s PaymentMethodStatus) Pending() bool {
	return s == PaymentMethodStatusRequiresAction || s == PaymentMethodStatusPending
}

// PaymentMethodType is the type of a payment method object.
type PaymentMethodType string

// The documented payment method types.
const (
	PaymentMethodTypeEWallet        PaymentMethodType = "EWALLET"
	PaymentMethodTypeDirectDebit    PaymentMethodType = "DIRECT_DEBIT"
	PaymentMethodTypeCard           PaymentMethodType = "CARD"
	PaymentMethodTypeVirtualAccount PaymentMethodType = "VIRTUAL_ACCOUNT"
	PaymentMethodTypeOverTheCounter PaymentMethodType = "OVER_THE_COUNTER"
	PaymentMethodTypeQRCode         PaymentMethodType = "QR_CODE"
)

// TransactionStatus is latestTransactionStatus, a two-digit code. The
// reference lists the values without defining them; its examples pair "00"
// with Success and "03" with REQUIRES_ACTION. The other names follow the BI
// SNAP standard's list and are not confirmed by Xendit's reference.
type TransactionStatus string

// Transaction statuses.
const (
	TransactionStatusSuccess   TransactionStatus = "00"
	TransactionStatusInitiated TransactionStatus = "01"
	TransactionStatusPaying    TransactionStatus = "02"
	TransactionStatusPending   TransactionStatus = "03"
	TransactionStatusRefunded  TransactionStatus = "04"
	TransactionStatusCancelled TransactionStatus = "05"
	TransactionStatusFailed    TransactionStatus = "06"
	TransactionStatusNotFound  TransactionStatus = "07"
)

// Succeeded reports 00: the money moved.
func (s TransactionStatus) Succeeded() bool { return s == TransactionStatusSuccess }

// Pending reports 01, 02 or 03: the payment is under way (03 is what the
// reference's examples show while the customer has an action to take).
func (s TransactionStatus) Pending() bool {
	return s == TransactionStatusInitiated || s == TransactionStatusPaying || s == TransactionStatusPending
}

// Failed reports 06. A cancelled (05), refunded (04) or unknown (07)
// transaction is neither succeeded nor failed: compare with the constants.
func (s TransactionStatus) Failed() bool { return s == TransactionStatusFailed }

// Action is a step the customer must take, such as authorizing a debit.
type Action struct {
	Action ActionType `json:"action"`
	// Method is GET or POST.
	Method  string  `json:"method"`
	URL     string  `json:"url"`
	URLType URLType `json:"urlType"`
}

// ActionType is the step an [Action] asks for.
type ActionType string

// The documented action types.
const (
	ActionTypeAuth       ActionType = "AUTH"
	ActionTypeResendAuth ActionType = "RESEND_AUTH"
)

// URLType says where an [Action]'s URL leads.
type URLType string

// The documented URL types.
const (
	URLTypeAPI      URLType = "API"
	URLTypeWeb      URLType = "WEB"
	URLTypeMobile   URLType = "MOBILE"
	URLTypeDeeplink URLType = "DEEPLINK"
)

// FreeText is a line shown to the payer, in English and Indonesian.
type FreeText struct {
	English   *string `json:"english,omitempty"`
	Indonesia *string `json:"indonesia,omitempty"`
}

// Metadata is free-form JSON you attach and get back.
type Metadata map[string]any

// isNull reports a JSON null or an absent value.
func isNull(b json.RawMessage) bool {
	return len(b) == 0 || bytes.Equal(bytes.TrimSpace(b), []byte("null"))
}

// empty reports an optional string that is unset or "".
func empty(s *string) bool { return s == nil || *s == "" }
