package paylater

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
)

// EventPayment is the event of the PayLater payment callback, sent when a
// charge SUCCEEDED or FAILED (not when it is cancelled).
const EventPayment = "paylater.payment"

// Callback is the paylater.payment callback, the one PayLater sends. Decode
// the body the root package's webhook handler hands over into it:
//
//	var cb paylater.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Event == paylater.EventPayment && cb.Data.Status.Succeeded() { ... }
type Callback struct {
	Event      string      `json:"event"`
	BusinessID string      `json:"business_id"`
	Created    xendit.Time `json:"created"`
	Data       Charge      `json:"data"`
}

// ParseCallback decodes a paylater.payment body. It does not verify the
// x-callback-token; the root package's webhook handler does.
func ParseCallback(body []byte) (*Callback, error) {
	var cb Callback
	if err := json.Unmarshal(body, &cb); err != nil {
		return nil, err
	}
	return &cb, nil
}
