package refunds

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of refund callbacks.
const (
	// EventRefundSucceeded: the money went back to the customer.
	EventRefundSucceeded = "refund.succeeded"
	// EventRefundFailed: the refund failed; Refund.FailureCode says why.
	EventRefundFailed = "refund.failed"
)

// Callback is one refund callback. Decode the body the webhook handler
// hands over into it; Refund is set for the events above:
//
//	var cb refunds.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Refund != nil && cb.Refund.Status.Succeeded() { ... }
//
// An event this package does not know decodes without error, with Data
// holding its payload.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	Refund     *Refund
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
	BusinessID string          `json:"business_id"`
	Created    xendit.Time     `json:"created"`
	Data       json.RawMessage `json:"data"`
}

// UnmarshalJSON decodes the envelope and the refund it carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, Data: env.Data}
	if env.Event != EventRefundSucceeded && env.Event != EventRefundFailed {
		return nil
	}
	c.Refund = new(Refund)
	return product.DecodeData("refunds", env.Event, env.Data, c.Refund)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, Data: c.Data}
	var data any
	if c.Refund != nil {
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
