package payouts

import (
	"encoding/json"
	"errors"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of the payout callback.
const (
	// EventSucceeded: the bank or e-wallet credited the recipient.
	EventSucceeded = "payout.succeeded"
	// EventFailed: the channel rejected the payout; see FailureCode.
	EventFailed = "payout.failed"
	// EventReversed: a SUCCEEDED payout bounced back; the funds are in
	// your balance again.
	EventReversed = "payout.reversed"
)

// Callback is the payout callback. Decode the body the webhook handler
// hands over into it, then look at Event or Payout.Status:
//
//	var cb payouts.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch cb.Event {
//	case payouts.EventSucceeded:
//		// mark cb.Payout.ReferenceID paid
//	case payouts.EventFailed, payouts.EventReversed:
//		// the money is back in the balance; see cb.Payout.FailureCode
//	}
//
// The reference contradicts itself on the shape (lines 22548, 22573,
// 22593): its table documents an envelope {event, business_id, created,
// data}, its two examples are the payout itself, flat, with no event. The
// SDK reads both. For a flat body, Flat is true and Event is derived from
// the status (SUCCEEDED → payout.succeeded, FAILED → payout.failed,
// REVERSED → payout.reversed), so a handler is written once.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	// Payout is the payout the event reports; nil only for an envelope of
	// an event this package does not know.
	Payout *Payout
	// Data is the raw "data" object of an envelope; nil for a flat body.
	Data json.RawMessage
	// Flat says the body was the payout itself, as the reference's
	// examples show; MarshalJSON writes it back the same way.
	Flat bool
}

type callbackEnvelope struct {
	Event      string          `json:"event"`
	BusinessID string          `json:"business_id"`
	Created    xendit.Time     `json:"created"`
	Data       json.RawMessage `json:"data"`
}

// eventOfStatus is the event a flat callback with that status reports.
var eventOfStatus = map[Status]string{
	StatusSucceeded: EventSucceeded, StatusFailed: EventFailed, StatusReversed: EventReversed,
}

// ErrNotPayoutCallback is returned for a body without "event" that is not
// a payout: one that lacks id, reference_id or channel_code, as the other
// products' flat callbacks (invoices, virtual accounts, disbursements) do.
var ErrNotPayoutCallback = errors.New("payouts: not a payout callback")

// UnmarshalJSON decodes the envelope, or a flat payout.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var probe struct {
		Event       *string `json:"event"`
		ID          string  `json:"id"`
		ReferenceID string  `json:"reference_id"`
		ChannelCode string  `json:"channel_code"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	if probe.Event == nil {
		if probe.ID == "" || probe.ReferenceID == "" || probe.ChannelCode == "" {
			return ErrNotPayoutCallback
		}
		var p Payout
		if err := json.Unmarshal(b, &p); err != nil {
			return err
		}
		*c = Callback{Event: eventOfStatus[p.Status], BusinessID: p.BusinessID, Created: p.Updated, Payout: &p, Flat: true}
		return nil
	}
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, Data: env.Data}
	switch env.Event {
	case EventSucceeded, EventFailed, EventReversed:
		c.Payout = new(Payout)
		return product.DecodeData("payouts", env.Event, env.Data, c.Payout)
	}
	return nil
}

// MarshalJSON encodes the callback in the shape it was received in.
func (c Callback) MarshalJSON() ([]byte, error) {
	if c.Flat {
		return json.Marshal(c.Payout)
	}
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created}
	var data any
	if c.Payout != nil {
		data = c.Payout
	}
	var err error
	if env.Data, err = product.EncodeData(data, c.Data); err != nil {
		return nil, err
	}
	return json.Marshal(env)
}

// ParseCallback decodes a payout callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here. A flat body
// that is not a payout is refused with [ErrNotPayoutCallback], so a
// handler of a URL shared with other products can try the next parser.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
