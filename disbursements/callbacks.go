package disbursements

import (
	"encoding/json"
	"errors"
)

// Callback is a disbursement or a batch callback. Neither has an "event"
// field or an envelope: each is the object itself, flat, so Callback tells
// them apart by their fields (a batch has "reference" and a
// "disbursements" list; a disbursement has "external_id" and
// "account_holder_name", which an invoice callback lacks) and sets exactly
// one of Disbursement and Batch:
//
//	var cb disbursements.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	switch {
//	case cb.Disbursement != nil && cb.Disbursement.Status.Succeeded():
//		// mark cb.Disbursement.ExternalID paid
//	case cb.Batch != nil:
//		// read cb.Batch.Disbursements
//	}
//
// The same payload comes for Indonesian and Philippine disbursements; the
// Dashboard has a callback URL for each (types disbursement and
// ph_disbursement) and one for batches (batch_disbursement).
type Callback struct {
	Disbursement *Disbursement
	Batch        *Batch
}

// ErrNotDisbursementCallback is returned for a body that is neither a
// disbursement nor a batch callback: it has an "event" field (the other
// products' callbacks have one), lacks the id and status, or has the
// fields of neither.
var ErrNotDisbursementCallback = errors.New("disbursements: not a disbursement or batch callback")

// UnmarshalJSON decodes a disbursement or a batch callback.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var probe struct {
		Event         *json.RawMessage `json:"event"`
		ID            string           `json:"id"`
		Status        string           `json:"status"`
		ExternalID    *string          `json:"external_id"`
		HolderName    *string          `json:"account_holder_name"`
		Reference     *string          `json:"reference"`
		Disbursements *json.RawMessage `json:"disbursements"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	*c = Callback{}
	switch {
	case probe.Event != nil || probe.ID == "" || probe.Status == "":
		return ErrNotDisbursementCallback
	case probe.Reference != nil && probe.Disbursements != nil:
		c.Batch = new(Batch)
		return json.Unmarshal(b, c.Batch)
	case probe.ExternalID != nil && probe.HolderName != nil:
		c.Disbursement = new(Disbursement)
		return json.Unmarshal(b, c.Disbursement)
	}
	return ErrNotDisbursementCallback
}

// MarshalJSON encodes the callback as Xendit sends it: the object, flat.
func (c Callback) MarshalJSON() ([]byte, error) {
	if c.Batch != nil {
		return json.Marshal(c.Batch)
	}
	return json.Marshal(c.Disbursement)
}

// ParseCallback decodes a disbursement or batch callback body. It does not
// verify the x-callback-token: the root package's webhook handler does
// that before a body gets here. A body that is neither is refused with
// [ErrNotDisbursementCallback], so a handler of a URL shared with other
// products can try it first.
func ParseCallback(body []byte) (*Callback, error) {
	var c Callback
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	return &c, nil
}
