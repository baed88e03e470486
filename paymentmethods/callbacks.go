package paymentmethods

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of payment method callbacks, sent to the URL in the
// Dashboard's "Payment Method" field. The shapes are the API reference's
// (eWallets, "Tokenized - Account Linking Status Callback" and "Token
// Expiry Callback"); payment_method.yaml defines no webhooks.
//
// A payment made with a payment method (payment.succeeded, payment.failed,
// SimulatePayment's result in test mode) is the payment request's: decode
// it with [github.com/seed19b1029f/xendit-go/paymentrequests.ParseCallback],
// whose Payment carries this package's [PaymentMethod]. Here such an event
// decodes as any event this package does not know, with only Data set.
const (
	// EventActivated: the payment method is ACTIVE and can be charged.
	EventActivated = "payment_method.activated"
	// EventExpired: the payment method expired or was invalidated; ask the
	// customer to link again.
	EventExpired = "payment_method.expiry.expired"
)

// Callback is one payment method callback. Decode the body the webhook
// handler hands over into it, then switch on Event:
//
//	var cb paymentmethods.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch cb.Event {
//	case paymentmethods.EventActivated:
//		// cb.PaymentMethod.Status is ACTIVE: charge it
//	}
//
// An event this package does not know decodes without error, with Data
// holding its payload.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	// PaymentMethod is set for the payment_method.* events.
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
	if env.Event != EventActivated && env.Event != EventExpired {
		return nil
	}
	c.PaymentMethod = new(PaymentMethod)
	return product.DecodeData("paymentmethods", env.Event, env.Data, c.PaymentMethod)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, Data: c.Data}
	var data any
	if c.PaymentMethod != nil {
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
