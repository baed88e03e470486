package qrcodes

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of QR callbacks. Both go to the same URL (the refund
// callback's section asks for a receiver that accepts both).
const (
	// EventPayment reports a payment into a QR code; Payment.Status is
	// SUCCEEDED.
	EventPayment = "qr.payment"
	// EventRefund reports a refund's result (SUCCEEDED or FAILED).
	EventRefund = "qr.refund"
)

// Callback is one QR callback. Decode the body the webhook handler hands
// over into it, then switch on Event; Payment is set for qr.payment,
// Refund for qr.refund:
//
//	var cb qrcodes.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Event == qrcodes.EventPayment && cb.Payment.Status.Succeeded() {
//		return markPaid(ctx, cb.Payment.ReferenceID, cb.Payment.Amount)
//	}
//
// An event this package does not know decodes without error, with Data
// holding its payload.
type Callback struct {
	Event string
	// APIVersion is the version the payload follows ("2022-07-31" for
	// qr.payment); nil when Xendit sends null, as for qr.refund.
	APIVersion *string
	BusinessID string
	Created    xendit.Time
	// Payment is set for qr.payment.
	Payment *Payment
	// Refund is set for qr.refund.
	Refund *Refund
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
	APIVersion *string         `json:"api_version"`
	BusinessID string          `json:"business_id"`
	Created    xendit.Time     `json:"created"`
	Data       json.RawMessage `json:"data"`
}

// UnmarshalJSON decodes the envelope and the data the event carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, APIVersion: env.APIVersion, BusinessID: env.BusinessID, Created: env.Created, Data: env.Data}
	var target any
	switch env.Event {
	case EventPayment:
		c.Payment = new(Payment)
		target = c.Payment
	case EventRefund:
		c.Refund = new(Refund)
		target = c.Refund
	default:
		return nil
	}
	return product.DecodeData("qrcodes", env.Event, env.Data, target)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, APIVersion: c.APIVersion, BusinessID: c.BusinessID, Created: c.Created, Data: c.Data}
	var data any
	switch {
	case c.Payment != nil:
		data = c.Payment
	case c.Refund != nil:
		data = c.Refund
	}
	var err error
	if env.Data, err = product.EncodeData(data, c.Data); err != nil {
		return nil, err
	}
	return json.Marshal(env)
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
