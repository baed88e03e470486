package paymentrequests

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
)

// The events of payment and capture callbacks: the webhook types
// payment_succeeded, payment_awaiting_capture, payment_pending,
// payment_failed, capture_succeeded and capture_failed of the API
// reference's Set Webhook URLs (each is set in the Dashboard on its own
// URL, or all on one).
const (
	// EventPaymentSucceeded: the money moved.
	EventPaymentSucceeded = "payment.succeeded"
	// EventPaymentAwaitingCapture: a MANUAL payment is authorised and
	// waits for [Client.CreateCapture].
	EventPaymentAwaitingCapture = "payment.awaiting_capture"
	// EventPaymentPending: the channel is processing the payment.
	EventPaymentPending = "payment.pending"
	// EventPaymentFailed: the payment failed; Payment.FailureCode says why.
	EventPaymentFailed = "payment.failed"
	// EventCaptureSucceeded: a capture moved the captured amount.
	EventCaptureSucceeded = "capture.succeeded"
	// EventCaptureFailed: a capture failed.
	EventCaptureFailed = "capture.failed"
)

// Payment is the data of a payment callback: one payment made for a
// payment request (ID "py-...", PaymentRequestID "pr-..."). Fields this
// type does not name are kept in Extra and re-encoded unchanged.
type Payment struct {
	ID               string                        `json:"id"`
	PaymentRequestID string                        `json:"payment_request_id"`
	BusinessID       string                        `json:"business_id,omitzero"`
	ReferenceID      string                        `json:"reference_id"`
	CustomerID       *string                       `json:"customer_id"`
	Amount           float64                       `json:"amount"`
	Currency         xendit.Currency               `json:"currency"`
	Country          Country                       `json:"country,omitzero"`
	Status           Status                        `json:"status"`
	CaptureMethod    CaptureMethod                 `json:"capture_method,omitzero"`
	PaymentMethod    *paymentmethods.PaymentMethod `json:"payment_method"`
	// ChannelProperties and PaymentDetail differ per channel; they are
	// kept as sent.
	ChannelProperties map[string]any `json:"channel_properties"`
	PaymentDetail     map[string]any `json:"payment_detail"`
	FailureCode       *string        `json:"failure_code"`
	Description       *string        `json:"description"`
	Metadata          map[string]any `json:"metadata"`
	Created           xendit.Time    `json:"created"`
	Updated           xendit.Time    `json:"updated"`
	// Extra holds the fields this type does not name.
	Extra Extra `json:"-"`
}

type paymentFields Payment

// UnmarshalJSON decodes the named fields and keeps the others in Extra.
func (p *Payment) UnmarshalJSON(b []byte) error {
	return product.DecodeWithExtra(b, (*paymentFields)(p), &p.Extra)
}

// MarshalJSON encodes the named fields and Extra.
func (p Payment) MarshalJSON() ([]byte, error) {
	return product.EncodeWithExtra(paymentFields(p), p.Extra)
}

// Callback is one payment or capture callback. Decode the body the
// webhook handler hands over into it, then switch on Event; Payment is set
// for the payment.* events, Capture for the capture.* events:
//
//	var cb paymentrequests.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch cb.Event {
//	case paymentrequests.EventPaymentSucceeded:
//		// fulfil the order cb.Payment.ReferenceID
//	}
//
// An event this package does not know (payment_request_completed's,
// say) decodes without error, with Data holding its payload.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	// APIVersion is the envelope's api_version, when Xendit sends one.
	APIVersion *string
	Payment    *Payment
	Capture    *Capture
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
	BusinessID string          `json:"business_id"`
	Created    xendit.Time     `json:"created"`
	APIVersion *string         `json:"api_version,omitempty"`
	Data       json.RawMessage `json:"data"`
}

// UnmarshalJSON decodes the envelope and the data the event carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, APIVersion: env.APIVersion, Data: env.Data}
	var target any
	switch env.Event {
	case EventPaymentSucceeded, EventPaymentAwaitingCapture, EventPaymentPending, EventPaymentFailed:
		c.Payment = new(Payment)
		target = c.Payment
	case EventCaptureSucceeded, EventCaptureFailed:
		c.Capture = new(Capture)
		target = c.Capture
	default:
		return nil
	}
	return product.DecodeData("paymentrequests", env.Event, env.Data, target)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, APIVersion: c.APIVersion, Data: c.Data}
	var data any
	switch {
	case c.Payment != nil:
		data = c.Payment
	case c.Capture != nil:
		data = c.Capture
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
