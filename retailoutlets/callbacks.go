package retailoutlets

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/seed19b1029f/xendit-go"
)

// EventPaymentCodePayment is the event of a Philippine payment code's
// payment callback. Indonesia's fixed payment code callback has no event.
const EventPaymentCodePayment = "payment_code.payment"

// PaymentCodeCallback is the payment_code.payment callback: a payment into
// a Philippine payment code, flat, with its event.
type PaymentCodeCallback struct {
	Event string `json:"event"`
	// ID is the payment's id (pymt-...).
	ID         string `json:"id"`
	BusinessID string `json:"business_id"`
	// ReferenceID is the code's reference_id: match the payment to your
	// order by it.
	ReferenceID   string          `json:"reference_id"`
	PaymentCodeID string          `json:"payment_code_id"`
	PaymentCode   string          `json:"payment_code"`
	ChannelCode   ChannelCode     `json:"channel_code"`
	CountryCode   Country         `json:"country_code"`
	Currency      xendit.Currency `json:"currency"`
	Amount        float64         `json:"amount"`
	Status        PaymentStatus   `json:"status"`
	Created       xendit.Time     `json:"created"`
	Remarks       string          `json:"remarks"`
}

// Callback is a retail outlet payment callback, Indonesian or Philippine.
// Exactly one of its fields is set:
//
//	var cb retailoutlets.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch {
//	case cb.FixedPaymentCode != nil: // Indonesia; no event field
//		return markPaid(ctx, cb.FixedPaymentCode.ExternalID, cb.FixedPaymentCode.Amount)
//	case cb.PaymentCode != nil: // the Philippines; payment_code.payment
//		return markPaid(ctx, cb.PaymentCode.ReferenceID, cb.PaymentCode.Amount)
//	}
//
// The two callbacks share no shape, and both may come to one URL; one type
// lets one handler take both. A body that is neither fails to decode with
// [ErrNotRetailOutletCallback], so a handler serving several products on
// one URL can try this type and move on.
type Callback struct {
	// FixedPaymentCode is a payment into an Indonesian fixed payment
	// code: a body with no "event" and a fixed_payment_code_payment_id.
	FixedPaymentCode *FixedPaymentCodePayment
	// PaymentCode is a Philippine payment code's callback: a body whose
	// event starts with "payment_code.".
	PaymentCode *PaymentCodeCallback
}

// ErrNotRetailOutletCallback is the error for a body that is neither
// retail outlet callback.
var ErrNotRetailOutletCallback = errors.New("retailoutlets: not a retail outlet callback")

// UnmarshalJSON tells the two callbacks apart by the event field and
// decodes the one it finds.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var probe struct {
		Event                     *string `json:"event"`
		FixedPaymentCodePaymentID string  `json:"fixed_payment_code_payment_id"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	*c = Callback{}
	switch {
	case probe.Event == nil && probe.FixedPaymentCodePaymentID != "":
		c.FixedPaymentCode = new(FixedPaymentCodePayment)
		return json.Unmarshal(b, c.FixedPaymentCode)
	case probe.Event != nil && strings.HasPrefix(*probe.Event, "payment_code."):
		c.PaymentCode = new(PaymentCodeCallback)
		return json.Unmarshal(b, c.PaymentCode)
	}
	return ErrNotRetailOutletCallback
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	if c.FixedPaymentCode != nil {
		return json.Marshal(c.FixedPaymentCode)
	}
	if c.PaymentCode != nil {
		return json.Marshal(c.PaymentCode)
	}
	return nil, ErrNotRetailOutletCallback
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here. A body
// that is not a retail outlet callback is refused with
// [ErrNotRetailOutletCallback].
func ParseCallback(body []byte) (*Callback, error) {
	var c Callback
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	return &c, nil
}
