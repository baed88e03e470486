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
	OneTimeUse  Reusability = "ONE_TIME_USE"
	MultipleUse Reusability = "MULTIPLE_USE"
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
// VA or a QR code.
type PaymentMethodStatus string

// The documented statuses.
const (
	PaymentMethodRequiresAction PaymentMethodStatus = "REQUIRES_ACTION"
	PaymentMethodPending        PaymentMethodStatus = "PENDING"
	PaymentMethodActive         PaymentMethodStatus = "ACTIVE"
	// PaymentMethodInactive was switched off by the merchant; reversible.
	PaymentMethodInactive PaymentMethodStatus = "INACTIVE"
	// PaymentMethodExpired was unlinked or deactivated; final.
	PaymentMethodExpired PaymentMethodStatus = "EXPIRED"
	PaymentMethodFailed  PaymentMethodStatus = "FAILED"
)

// PaymentMethodType is the type of a payment method object.
type PaymentMethodType string

// The documented payment method types.
const (
	TypeEWallet        PaymentMethodType = "EWALLET"
	TypeDirectDebit    PaymentMethodType = "DIRECT_DEBIT"
	TypeCard           PaymentMethodType = "CARD"
	TypeVirtualAccount PaymentMethodType = "VIRTUAL_ACCOUNT"
	TypeOverTheCounter PaymentMethodType = "OVER_THE_COUNTER"
	TypeQRCode         PaymentMethodType = "QR_CODE"
)

// TransactionStatus is latestTransactionStatus, a two-digit code. The
// reference lists the values without defining them; its examples pair "00"
// with Success and "03" with REQUIRES_ACTION. The other names follow the BI
// SNAP standard's list and are not confirmed by Xendit's reference.
type TransactionStatus string

// Transaction statuses.
const (
	TransactionSuccess   TransactionStatus = "00"
	TransactionInitiated TransactionStatus = "01"
	TransactionPaying    TransactionStatus = "02"
	TransactionPending   TransactionStatus = "03"
	TransactionRefunded  TransactionStatus = "04"
	TransactionCancelled TransactionStatus = "05"
	TransactionFailed    TransactionStatus = "06"
	TransactionNotFound  TransactionStatus = "07"
)

// Action is a step the customer must take, such as authorizing a debit.
type Action struct {
	// Action is AUTH or RESEND_AUTH.
	Action string `json:"action"`
	// Method is GET or POST.
	Method string `json:"method"`
	URL    string `json:"url"`
	// URLType is API, WEB, MOBILE or DEEPLINK.
	URLType string `json:"urlType"`
}

// The documented action and URL types.
const (
	ActionAuth       = "AUTH"
	ActionResendAuth = "RESEND_AUTH"
	URLTypeAPI       = "API"
	URLTypeWeb       = "WEB"
	URLTypeMobile    = "MOBILE"
	URLTypeDeeplink  = "DEEPLINK"
)

// FreeText is a line shown to the payer, in English and Indonesian.
type FreeText struct {
	English   string `json:"english,omitempty"`
	Indonesia string `json:"indonesia,omitempty"`
}

// Metadata is free-form JSON you attach and get back.
type Metadata map[string]any

// isNull reports a JSON null or an absent value.
func isNull(b json.RawMessage) bool {
	return len(b) == 0 || bytes.Equal(bytes.TrimSpace(b), []byte("null"))
}
