package directdebit

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// The events of direct debit callbacks.
const (
	// EventLinkedAccountTokenSuccessful: a redirect linking (BCA OneKlik,
	// BPI, Unionbank) succeeded; LinkedAccountToken lists its accounts.
	EventLinkedAccountTokenSuccessful = "linked_account_token.successful"
	// EventPaymentMethodExpiring: the bank will invalidate the payment
	// method in 7 days (BPI, Unionbank); ask the customer to link again.
	EventPaymentMethodExpiring = "payment_method.expiry.expiring"
	// EventPaymentMethodExpired: the payment method was invalidated.
	EventPaymentMethodExpired = "payment_method.expiry.expired"
	// EventPayment reports a payment's outcome, COMPLETED or FAILED.
	EventPayment = "direct_debit.payment"
	// EventRefund reports a refund's outcome, COMPLETED or FAILED.
	EventRefund = "direct_debit.refund"
)

// Callback is one direct debit callback. Decode the body the webhook
// handler hands over into it, then switch on Event; exactly one of
// LinkedAccountToken, PaymentMethodExpiry, Payment and Refund is set for
// the events above:
//
//	var cb directdebit.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Event == directdebit.EventPayment && cb.Payment.Status.Succeeded() {
//		// fulfil the order cb.Payment.ReferenceID
//	}
//
// The refund callback is an envelope (event, created, business_id, data);
// the others are flat: the object's fields next to event and timestamp.
// One type decodes both shapes, so a handler need not know which is which.
// An event this package does not know decodes without error, with Raw
// holding the body. So does eWallets' payment_method.expiry.* callback,
// which shares the event names but wraps the method in "data": nothing is
// typed for it, so a handler of a shared URL leaves it to ewallets.
type Callback struct {
	// Event is the documented event name. The reference's refund example
	// opens it with a stray curly quote ("“direct_debit.refund", line
	// 18328); such a quote is dropped here, and kept when re-encoding.
	Event string
	// Timestamp is when the event happened; the flat callbacks.
	Timestamp xendit.Time
	// Created is when the event was created; the refund callback.
	Created xendit.Time
	// BusinessID is your Xendit business; the refund and payment method
	// callbacks.
	BusinessID string

	LinkedAccountToken  *LinkedAccountTokenCallback
	PaymentMethodExpiry *PaymentMethodExpiry
	Payment             *Payment
	Refund              *Refund
	// Raw is the body as received, whatever the event.
	Raw json.RawMessage

	sentEvent string
}

// LinkedAccountTokenCallback is a linked account token that the customer
// authorized, with the accounts it reaches.
type LinkedAccountTokenCallback struct {
	ID          string            `json:"id"`
	ChannelCode ChannelCode       `json:"channel_code"`
	Type        PaymentMethodType `json:"type"`
	// Accounts are the accessible accounts; their ids go into
	// CreatePaymentMethod.
	Accounts []LinkedAccount `json:"accounts"`
}

// LinkedAccount is one account of a linked token, in its callback.
type LinkedAccount struct {
	ID string `json:"id"`
	AccountProperties
}

// PaymentMethodExpiry is the payment method an expiry callback is about.
type PaymentMethodExpiry struct {
	// ID is the payment method (pm-...).
	ID string `json:"id"`
	// ChannelCode comes with the expiring event only.
	ChannelCode ChannelCode `json:"channel_code,omitempty"`
	CustomerID  string      `json:"customer_id"`
	// ExpirationTimestamp is when the method expires; expiring event only.
	ExpirationTimestamp xendit.Time `json:"expiration_timestamp,omitzero"`
}

// callbackHead is what every callback has at its top level.
type callbackHead struct {
	Event      string          `json:"event"`
	Timestamp  xendit.Time     `json:"timestamp,omitzero"`
	Created    xendit.Time     `json:"created,omitzero"`
	BusinessID string          `json:"business_id,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
}

// UnmarshalJSON decodes the callback and the object its event carries.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var head callbackHead
	if err := json.Unmarshal(b, &head); err != nil {
		return err
	}
	*c = Callback{Event: strings.Trim(head.Event, "“”\" "), Timestamp: head.Timestamp, Created: head.Created,
		BusinessID: head.BusinessID, Raw: append(json.RawMessage(nil), b...), sentEvent: head.Event}
	var flat any
	switch c.Event {
	case EventLinkedAccountTokenSuccessful:
		c.LinkedAccountToken = new(LinkedAccountTokenCallback)
		flat = c.LinkedAccountToken
	case EventPaymentMethodExpiring, EventPaymentMethodExpired:
		if len(head.Data) > 0 {
			// eWallets sends the same event for a tokenized e-wallet,
			// with the method in "data"; a direct debit's is flat.
			return nil
		}
		c.PaymentMethodExpiry = new(PaymentMethodExpiry)
		flat = c.PaymentMethodExpiry
	case EventPayment:
		c.Payment = new(Payment)
		flat = c.Payment
	case EventRefund:
		c.Refund = new(Refund)
		return product.DecodeData("directdebit", c.Event, head.Data, c.Refund)
	default:
		return nil
	}
	return product.DecodeData("directdebit", c.Event, b, flat)
}

// MarshalJSON encodes the callback as Xendit sends it: the refund in its
// envelope, the other objects flat beside event and timestamp.
func (c Callback) MarshalJSON() ([]byte, error) {
	event := c.sentEvent
	if strings.Trim(event, "“”\" ") != c.Event {
		event = c.Event
	}
	head := callbackHead{Event: event, Timestamp: c.Timestamp, Created: c.Created, BusinessID: c.BusinessID}
	var flat any
	switch {
	case c.Refund != nil:
		data, err := json.Marshal(c.Refund)
		if err != nil {
			return nil, err
		}
		head.Data = data
		return json.Marshal(head)
	case c.LinkedAccountToken != nil:
		flat = c.LinkedAccountToken
	case c.PaymentMethodExpiry != nil:
		flat = c.PaymentMethodExpiry
	case c.Payment != nil:
		flat = c.Payment
	default:
		if len(c.Raw) > 0 {
			return c.Raw, nil
		}
		return json.Marshal(head)
	}
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(flat)
	if err != nil {
		return nil, err
	}
	// Splice the object's fields after the head's: {"event":…, "id":…}.
	if body = bytes.TrimPrefix(body, []byte("{")); len(body) > 1 {
		h = append(append(h[:len(h)-1], ','), body...)
	}
	return h, nil
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
