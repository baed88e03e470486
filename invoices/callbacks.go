package invoices

import (
	"encoding/json"
	"errors"
)

// Callback is the invoice callback: Xendit posts it when an invoice is paid
// (Status PAID) and, if enabled in the Dashboard, when it expires unpaid
// (Status EXPIRED). It is the invoice itself, flat, with no "event" field
// and no envelope, so it decodes straight into this type:
//
//	var cb invoices.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Status.Succeeded() {
//		// fulfil the order cb.ExternalID
//	}
//
// See the package doc for telling it from other products' callbacks on a
// shared URL.
type Callback struct {
	Invoice
	// IsHigh says whether the unique amount of a fixed VA goes above or
	// below the amount.
	IsHigh *bool `json:"is_high,omitzero"`
}

// ErrNotInvoiceCallback is returned by ParseCallback for a body that is not
// an invoice callback: it has an "event" field (the envelope of the other
// products' callbacks) or lacks the invoice's id, external_id, status,
// user_id or merchant_name. The last two tell an invoice from the other
// flat callbacks that also have id, external_id and status: a virtual
// account's (owner_id, no merchant_name), a fixed payment code's, a
// disbursement's (user_id, no merchant_name).
var ErrNotInvoiceCallback = errors.New("invoices: not an invoice callback")

// ParseCallback decodes an invoice callback body. It does not verify the
// x-callback-token: the root package's webhook handler does that before a
// body gets here. A body that is not an invoice callback is refused with
// [ErrNotInvoiceCallback], so ParseCallback can route a shared callback URL.
func ParseCallback(body []byte) (*Callback, error) {
	var probe struct {
		Event      *json.RawMessage `json:"event"`
		ID         string           `json:"id"`
		ExternalID *string          `json:"external_id"`
		Status     string           `json:"status"`
		UserID     string           `json:"user_id"`
		Merchant   *string          `json:"merchant_name"`
	}
	if err := json.Unmarshal(body, &probe); err != nil {
		return nil, err
	}
	if probe.Event != nil || probe.ID == "" || probe.ExternalID == nil || probe.Status == "" ||
		probe.UserID == "" || probe.Merchant == nil {
		return nil, ErrNotInvoiceCallback
	}
	var c Callback
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, err
	}
	return &c, nil
}
