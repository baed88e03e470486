package paylater

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
)

// EventPayment is the event of the PayLater payment callback, sent when a
// charge SUCCEEDED or FAILED (not when it is cancelled).
const EventPayment = "paylater.payment"

// PaymentCallback is the paylater.payment callback. Decode the body the
// root package's webhook handler hands over into it:
//
//	var cb paylater.PaymentCallback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Event == paylater.EventPayment && cb.Data.Status == paylater.ChargeSucceeded { ... }
type PaymentCallback struct {
	Event      string      `json:"event"`
	BusinessID string      `json:"business_id"`
	Created    xendit.Time `json:"created"`
	Data       Charge      `json:"data"`
}

// ParseCallback decodes a paylater.payment body. It does not verify the
// x-callback-token; the root package's webhook handler does.
func ParseCallback(body []byte) (*PaymentCallback, error) {
	var cb PaymentCallback
	if err := json.Unmarshal(body, &cb); err != nil {
		return nil, err
	}
	return &cb, nil
}
