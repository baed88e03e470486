package subscriptions

import (
	"encoding/json"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of Subscriptions callbacks (the Dashboard's "recurring"
// callback URL).
const (
	// EventPlanActivated: the plan is ACTIVE; its cycles will run.
	EventPlanActivated = "recurring.plan.activated"
	// EventPlanInactivated: the plan is INACTIVE (deactivated, ended, or
	// stopped by a failed cycle with FailedCycleActionStop).
	EventPlanInactivated = "recurring.plan.inactivated"
	// EventCycleCreated: a cycle is SCHEDULED for a future date.
	EventCycleCreated = "recurring.cycle.created"
	// EventCycleSucceeded: the cycle's payment went through.
	EventCycleSucceeded = "recurring.cycle.succeeded"
	// EventCycleRetrying: an attempt failed and another is scheduled.
	EventCycleRetrying = "recurring.cycle.retrying"
	// EventCycleFailed: every attempt failed.
	EventCycleFailed = "recurring.cycle.failed"
)

// Callback is one Subscriptions callback. Decode the body the webhook
// handler hands over into it and switch on Event: Plan is set for
// recurring.plan.*, Cycle for recurring.cycle.*:
//
//	var cb subscriptions.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch cb.Event {
//	case subscriptions.EventCycleSucceeded:
//		return extendAccess(ctx, cb.Cycle.ReferenceID, cb.Cycle.CycleNumber)
//	}
//
// One type for both resources, as in the ewallets package: plans and
// cycles post to the same URL, and the caller cannot choose a type before
// reading the event. An event this package does not know decodes without
// error, with Data holding its payload.
type Callback struct {
	Event      string
	BusinessID string
	Created    xendit.Time
	// APIVersion is the payload's version ("v1").
	APIVersion string
	// Plan is set for recurring.plan.activated and .inactivated.
	Plan *Plan
	// Cycle is set for recurring.cycle.created, .succeeded, .retrying and
	// .failed.
	Cycle *Cycle
	// Data is the raw "data" object, whatever the event.
	Data json.RawMessage
}

type callbackEnvelope struct {
	Created    xendit.Time     `json:"created"`
	BusinessID string          `json:"business_id"`
	Event      string          `json:"event"`
	Data       json.RawMessage `json:"data"`
	APIVersion string          `json:"api_version"`
}

// UnmarshalJSON decodes the envelope and the plan or cycle it carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var env callbackEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return err
	}
	*c = Callback{Event: env.Event, BusinessID: env.BusinessID, Created: env.Created, APIVersion: env.APIVersion, Data: env.Data}
	var target any
	switch env.Event {
	case EventPlanActivated, EventPlanInactivated:
		c.Plan = new(Plan)
		target = c.Plan
	case EventCycleCreated, EventCycleSucceeded, EventCycleRetrying, EventCycleFailed:
		c.Cycle = new(Cycle)
		target = c.Cycle
	default:
		return nil
	}
	return product.DecodeData("subscriptions", env.Event, env.Data, target)
}

// MarshalJSON encodes the callback as Xendit sends it.
func (c Callback) MarshalJSON() ([]byte, error) {
	env := callbackEnvelope{Event: c.Event, BusinessID: c.BusinessID, Created: c.Created, APIVersion: c.APIVersion, Data: c.Data}
	var data any
	switch {
	case c.Plan != nil:
		data = c.Plan
	case c.Cycle != nil:
		data = c.Cycle
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
