package ewallets

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of eWallet and payment-method callbacks.
const (
	// EventCapture reports the final state of a charge: SUCCEEDED or
	// FAILED (the same event name for both; switch on Charge.Status).
	EventCapture = "ewallet.capture"
	// EventVoid reports a void (Charge.VoidStatus).
	EventVoid = "ewallet.void"
	// EventRefund reports a refund's result.
	EventRefund = "ewallet.refund"
	// EventPaymentMethodActivated: an account link is ACTIVE and can be
	// charged with CheckoutMethodTokenizedPayment.
	EventPaymentMethodActivated = "payment_method.activated"
	// EventPaymentMethodExpired: an account link expired or was
	// invalidated; ask the customer to link again.
	EventPaymentMethodExpired = "payment_method.expiry.expired"
)

// Callback is one eWallet or payment-method callback. Decode the body the
// webhook handler hands over into it, then switch on Event; exactly one of
// Charge, Refund and PaymentMethod is set for the events above:
//
//	var cb ewallets.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch cb.Event {
//	case ewallets.EventCapture:
//		if cb.Charge.Status.Succeeded() { ... }
//	}
//
// An event this package does not know decodes without error, with Data
// holding its payload.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	// Charge is set for ewallet.capture and ewallet.void.
	Charge *Charge
	// Refund is set for ewallet.refund.
	Refund *Refund
	// PaymentMethod is set for payment_method.activated and
	// payment_method.expiry.expired.
	PaymentMethod *PaymentMethod
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
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
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, Data: env.Data}
	var target any
	switch env.Event {
	case EventCapture, EventVoid:
		c.Charge = new(Charge)
		target = c.Charge
	case EventRefund:
		c.Refund = new(Refund)
		target = c.Refund
	case EventPaymentMethodActivated, EventPaymentMethodExpired:
		c.PaymentMethod = new(PaymentMethod)
		target = c.PaymentMethod
	default:
		return nil
	}
	return product.DecodeData("ewallets", env.Event, env.Data, target)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, Data: c.Data}
	var data any
	switch {
	case c.Charge != nil:
		data = c.Charge
	case c.Refund != nil:
		data = c.Refund
	case c.PaymentMethod != nil:
		data = c.PaymentMethod
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
