package virtualaccounts

import (
	"encoding/json"
	"errors"

	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Callback is one virtual account callback. Xendit sends two, with no
// "event" field and no envelope: the object itself, flat.
//
//   - The created/updated callback (Dashboard: fva_status) is the
//     [VirtualAccount], when it becomes ACTIVE after Create and after each
//     Update. VirtualAccount is set.
//   - The payment callback (Dashboard: fva_paid) is the [Payment], after
//     each payment. Payment is set.
//
// Exactly one of the two is set; the callback is told by its shape (a
// payment has payment_id and callback_virtual_account_id). Decode the body
// the root package's webhook handler hands over:
//
//	var cb virtualaccounts.Callback
//	if err := event.Decode(&cb); err != nil { // event is a *xendit.WebhookEvent
//		return err
//	}
//	if cb.Payment != nil {
//		return markPaid(ctx, cb.Payment.ExternalID, cb.Payment.Amount)
//	}
//
// A body that is neither (another product's callback on a shared URL) is
// refused with [ErrNotVirtualAccountCallback].
type Callback struct {
	VirtualAccount *VirtualAccount
	Payment        *Payment
}

// ErrNotVirtualAccountCallback is returned when decoding a body that is
// not a virtual account callback: it has an "event" field (the envelope of
// newer products' callbacks), or lacks both the payment's ids and the
// account's id, account_number, bank_code, external_id and status (a
// payout's callback has id, account_number and status, but a channel_code
// and a reference_id instead).
var ErrNotVirtualAccountCallback = errors.New("virtualaccounts: not a virtual account callback")

// UnmarshalJSON tells the two callbacks apart and decodes the one b is.
func (c *Callback) UnmarshalJSON(b []byte) error {
	var probe struct {
		Event                    *json.RawMessage `json:"event"`
		ID                       string           `json:"id"`
		PaymentID                string           `json:"payment_id"`
		CallbackVirtualAccountID string           `json:"callback_virtual_account_id"`
		AccountNumber            string           `json:"account_number"`
		BankCode                 string           `json:"bank_code"`
		ExternalID               string           `json:"external_id"`
		Status                   string           `json:"status"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	*c = Callback{}
	var target any
	switch {
	case probe.Event != nil:
		return ErrNotVirtualAccountCallback
	case probe.PaymentID != "" && probe.CallbackVirtualAccountID != "":
		c.Payment = new(Payment)
		target = c.Payment
	case probe.ID != "" && probe.AccountNumber != "" && probe.Status != "" && probe.BankCode != "" && probe.ExternalID != "":
		c.VirtualAccount = new(VirtualAccount)
		target = c.VirtualAccount
	default:
		return ErrNotVirtualAccountCallback
	}
	return json.Unmarshal(b, target)
}

// MarshalJSON encodes the callback as Xendit sends it: the object, flat.
func (c Callback) MarshalJSON() ([]byte, error) {
	switch {
	case c.Payment != nil:
		return json.Marshal(c.Payment)
	case c.VirtualAccount != nil:
		return json.Marshal(c.VirtualAccount)
	}
	return []byte("null"), nil
}

// ParseCallback decodes a callback body, as an alternative to
// WebhookEvent.Decode. It does not verify the x-callback-token: the root
// package's webhook handler does that before a body gets here. A body that
// is not a virtual account callback is refused with
// [ErrNotVirtualAccountCallback], so ParseCallback can route a shared
// callback URL.
func ParseCallback(body []byte) (*Callback, error) {
	return product.ParseCallback[Callback](body)
}
