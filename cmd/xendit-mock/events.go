package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// An event is what trigger sends: one of the webhook examples of Xendit's
// API reference (package internal/reference, generated from the
// reference's inventory), under a name. The payloads come from the
// reference, not from the SDK's types, so that a receiver is tested
// against what Xendit documents.
type event struct {
	// name is what trigger is given: the payload's event (or SNAP type)
	// where it has one, with "/variant" for a second example of it; the
	// reference's id where the payload names no event.
	name string
	// example is the reference's example, by its inventory file name
	// without ".json".
	example string
	// set overrides fields where the reference's example is not a payload
	// as sent; note says why.
	set  map[string]any
	note string

	webhook reference.Webhook
	json    []byte
	source  reference.Source
}

// events names every webhook example of the reference;
// TestTriggerKnowsEveryExampleOfTheReference keeps it so.
var events = []event{
	{name: "ewallet.capture", example: "ewallets.payment_status_callback.webhook"},
	{name: "ewallet.capture/failed", example: "ewallets.payment_status_callback.webhook.2"},
	{name: "ewallet.void", example: "ewallets.void_callback.webhook"},
	{name: "ewallet.refund", example: "ewallets.refund_callback.webhook"},
	{name: "payment_method.activated", example: "ewallets.tokenized.account_linking_status_callback.webhook"},
	{name: "payment_method.expiry.expired", example: "ewallets.tokenized.token_expiry_callback.webhook"},
	{name: "paylater.payment", example: "paylater.payment_status_callback.webhook"},
	{name: "reports.completed", example: "reports.webhook.webhook", set: map[string]any{"event": "reports.completed", "status": "COMPLETED", "url": "https://transaction-report-files.s3-us-west-2.amazonaws.com/report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28.csv"}, note: "The reference's example is the report object (status PENDING) without event; the body table adds event, and a COMPLETED report has a download url (its form from the Get Report example, line 2892)."},
	{name: "reports.failed", example: "reports.webhook.webhook", set: map[string]any{"event": "reports.failed", "status": "FAILED"}, note: "The reference's example is the report object (status PENDING) without event; the body table adds event."},
	{name: "snap_virtual_account.payment", example: "snap.va_payment_callback.webhook"},
	{name: "snap_qr.payment", example: "snap.qr_payment_callback.webhook"},
	{name: "snap.direct_debit.succeeded", example: "snap.direct_debit_callback.webhook"},
	{name: "qr.payment", example: "qrcodes.payment_callback.webhook"},
	{name: "qr.refund", example: "qrcodes.refund_callback.webhook"},
	{name: "linked_account_token.successful", example: "directdebit.linked_account_token_callback.webhook"},
	{name: "linked_account_token.successful/bank_account", example: "directdebit.linked_account_token_callback.webhook.2"},
	{name: "direct_debit.payment", example: "directdebit.payment_callback.webhook"},
	{name: "direct_debit.payment/failed", example: "directdebit.payment_callback.webhook.2"},
	{name: "direct_debit.refund", example: "directdebit.refund_callback.webhook", set: map[string]any{"event": "direct_debit.refund"}, note: "The reference prints the event with a stray opening quote (“direct_debit.refund); it is sent without it."},
	{name: "payment_method.expiry.expiring", example: "directdebit.payment_method_expiring_callback.webhook"},
	{name: "payment_method.expiry.expired/direct_debit", example: "directdebit.payment_method_expired_callback.webhook"},
	{name: "directdebit.recurring_payment", example: "directdebit.recurring_payment_callback.webhook"},
	{name: "virtualaccounts.payment", example: "virtualaccounts.payment_callback.webhook"},
	{name: "virtualaccounts.status", example: "virtualaccounts.status_callback.webhook"},
	{name: "payment_code.payment", example: "retailoutlets.payment_code_callback.webhook"},
	{name: "retailoutlets.fixed_payment_code", example: "retailoutlets.fixed_payment_code_callback.webhook"},
	{name: "invoices.invoice", example: "invoices.invoice_callback.webhook"},
	{name: "invoices.invoice/retail_outlet", example: "invoices.invoice_callback.webhook.2"},
	{name: "invoices.invoice/expired", example: "invoices.invoice_callback.webhook.3"},
	{name: "payouts.payout", example: "payouts.payout_callback.webhook"},
	{name: "payouts.payout/failed", example: "payouts.payout_callback.webhook.2"},
	{name: "disbursements.disbursement", example: "disbursements.disbursement_callback.webhook"},
	{name: "disbursements.disbursement/failed", example: "disbursements.disbursement_callback.webhook.2"},
	{name: "disbursements.batch_disbursement", example: "disbursements.batch_disbursement_callback.webhook"},
	{name: "remittance_payout.pending_compliance_assessment", example: "remittance.payout_callback.webhook"},
	{name: "remittance_payout.succeeded", example: "remittance.payout_callback.webhook.2"},
	{name: "remittance_payout.succeeded/failed", example: "remittance.payout_callback.webhook.3", note: "As printed: event remittance_payout.succeeded with status FAILED."},
	{name: "recurring.plan.activated", example: "subscriptions.plan_callback.webhook"},
	{name: "recurring.plan.inactivated", example: "subscriptions.plan_callback.webhook.2"},
	{name: "recurring.cycle.created", example: "subscriptions.cycle_callback.webhook"},
	{name: "recurring.cycle.succeeded", example: "subscriptions.cycle_callback.webhook.2"},
	{name: "recurring.cycle.retrying", example: "subscriptions.cycle_callback.webhook.3"},
	{name: "recurring.cycle.failed", example: "subscriptions.cycle_callback.webhook.4"},
	{name: "account.created", example: "xenplatform.account_created_callback.webhook"},
	{name: "account.created/with_business_id", example: "xenplatform.account_created_callback.webhook.2"},
	{name: "account_holder.kyc.status", example: "xenplatform.account_holder_kyc_callback.webhook"},
	{name: "account_holder.kyc.status/capabilities", example: "xenplatform.account_holder_capabilities_callback.webhook"},
	{name: "account.suspended", example: "xenplatform.account_suspension_callback.webhook"},
}

// catalog returns the events with their reference data.
var catalog = sync.OnceValue(func() []event {
	byName := map[string]struct {
		w  reference.Webhook
		ex reference.Example
	}{}
	for _, w := range reference.Webhooks() {
		for _, ex := range w.Examples {
			byName[strings.TrimSuffix(ex.Name, ".json")] = struct {
				w  reference.Webhook
				ex reference.Example
			}{w, ex}
		}
	}
	out := slices.Clone(events)
	for i := range out {
		ref, ok := byName[out[i].example]
		if !ok {
			panic("xendit-mock: no webhook example " + out[i].example + " in the reference data")
		}
		out[i].webhook, out[i].json, out[i].source = ref.w, ref.ex.JSON, ref.ex.Source
	}
	return out
})

// signed reports whether Xendit signs the event (BI SNAP's X-SIGNATURE)
// instead of sending x-callback-token: the reference lists the header.
func (e event) signed() bool {
	return slices.ContainsFunc(e.webhook.Headers, func(h reference.Param) bool {
		return strings.EqualFold(h.Name, "x-signature")
	})
}

func findEvent(name string) (event, error) {
	es := catalog()
	if i := slices.IndexFunc(es, func(e event) bool { return e.name == name }); i >= 0 {
		return es[i], nil
	}
	var near []string
	for _, e := range es {
		if strings.HasPrefix(e.name, strings.SplitN(name, ".", 2)[0]) {
			near = append(near, e.name)
		}
	}
	msg := fmt.Sprintf("no event %q in the reference's examples (trigger -list lists them)", name)
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, ", ") + "?"
	}
	return event{}, errors.New(msg)
}

// payload returns the example as a JSON object with the overrides.
func (e event) payload() (map[string]any, error) {
	var p map[string]any
	if err := decodeJSON(e.json, &p); err != nil {
		return nil, fmt.Errorf("%s: %w", e.example, err)
	}
	for k, v := range e.set {
		p[k] = v
	}
	return p, nil
}

// idPaths are the fields -id replaces in p: the id of the object the event
// is about. SNAP payments carry it twice (additionalInfo.id and, for VAs,
// paymentId, which the SDK dedupes on).
func idPaths(p map[string]any) []string {
	if sp, ok := p["payload"].(map[string]any); ok {
		info, _ := sp["additionalInfo"].(map[string]any)
		var out []string
		for _, k := range []string{"id", "paymentId"} {
			if _, ok := info[k]; ok {
				out = append(out, "payload.additionalInfo."+k)
			}
		}
		return out
	}
	if data, ok := p["data"].(map[string]any); ok {
		if _, ok := data["id"]; ok {
			return []string{"data.id"}
		}
	}
	if _, ok := p["id"]; ok {
		return []string{"id"}
	}
	return nil
}

// setField sets the field at a dotted path of p to value. A bare name is
// looked up at the top level, then in the "data" or "payload" object that
// holds the event's object; where it is nowhere, it is added at the top.
// The value keeps the type the field has in the example: "20000" stays a
// string where the example has a string, and becomes a number where it has
// a number. JSON values (numbers, true, null, objects, quoted strings) are
// taken as JSON for a new field.
func setField(p map[string]any, dotted, value string) error {
	parts := strings.Split(dotted, ".")
	if len(parts) == 1 {
		if _, top := p[dotted]; !top {
			for _, inner := range []string{"data", "payload"} {
				if m, ok := p[inner].(map[string]any); ok {
					if _, ok := m[dotted]; ok {
						parts = []string{inner, dotted}
						break
					}
				}
			}
		}
	}
	m := p
	for i, k := range parts[:len(parts)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return fmt.Errorf("-set %s: %s is not an object in the payload", dotted, strings.Join(parts[:i+1], "."))
		}
		m = next
	}
	last := parts[len(parts)-1]
	old, exists := m[last]
	var v any
	if _, isString := old.(string); exists && isString {
		v = value
		var s string
		if decodeJSON([]byte(value), &s) == nil {
			v = s
		}
	} else if err := decodeJSON([]byte(value), &v); err != nil {
		v = value
	}
	m[last] = v
	return nil
}

// decodeJSON decodes one JSON value, keeping numbers as printed (1000.00
// stays 1000.00).
func decodeJSON(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return err
	}
	if d.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

// encodeJSON encodes p compactly, without escaping <, > and & (a URL in a
// payload stays as Xendit writes it).
func encodeJSON(p any) ([]byte, error) {
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(p); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
