package main

import (
	"context"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/exampletest"
	"github.com/seed19b1029f/xendit-go/internal/reference"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is ACTIVE.", "the virtual account's created callback")
	for _, channel := range []string{"virtual account", "QR code", "retail outlet"} {
		assert.Regexp(t, `Callback: `+channel+` payment \S+ of 50000 for (order-\d+-\d)-\w+-1 → order (order-\d+-\d)\.`, out)
		assert.Regexp(t, `order-\d+-\d: paid once, 50000 by `+channel+`\.`, out)
	}
	// Each callback is matched to the order that gave it its id.
	for _, m := range regexp.MustCompile(`for (order-\d+-\d)-\w+-1 → order (order-\d+-\d)\.`).FindAllStringSubmatch(out, -1) {
		assert.Equal(t, m[1], m[2])
	}
	assert.Contains(t, out, "4 callbacks handled.")
	assert.Contains(t, out, "Answered 200; callbacks handled: 4 (was 4).", "a redelivery is acknowledged, not handled")
	assert.Contains(t, out, "Answered 401; callbacks handled: 4.", "a forged callback is refused")
	assert.NotContains(t, out, "unpaid")
	assert.NotContains(t, out, "times; refund")
}

// referenceCallback is the body of the reference's callback example name.
func referenceCallback(t *testing.T, name string) []byte {
	t.Helper()
	for _, w := range reference.Webhooks() {
		for _, ex := range w.Examples {
			if ex.Name == name {
				return ex.JSON
			}
		}
	}
	t.Fatalf("no reference example %s", name)
	return nil
}

// The router matches each product's payment callback, as the reference
// documents it, to the order by the id that order gave the attempt; other
// callbacks on the same URL are acknowledged and change no order.
func TestRouterMatchesReferenceCallbacksToTheirOrders(t *testing.T) {
	t.Parallel()
	r := NewRouter()
	attempts := map[string]string{ // the examples' external_id / reference_id
		"virtualaccounts.payment_callback.webhook.json":          "demo-1502437214715",
		"qrcodes.payment_callback.webhook.json":                  "order-id-1666420204",
		"retailoutlets.fixed_payment_code_callback.webhook.json": "fixed-payment-code-14876410",
		"retailoutlets.payment_code_callback.webhook.json":       "payment-code-14876410",
	}
	for name, attempt := range attempts {
		r.AddOrder(name, 0)
		r.Attempt(name, attempt)
	}
	for _, name := range []string{
		"virtualaccounts.status_callback.webhook.json",
		"qrcodes.refund_callback.webhook.json",
		"invoices.invoice_callback.webhook.json",
	} {
		require.NoError(t, r.Handle(context.Background(), &xendit.WebhookEvent{Body: referenceCallback(t, name)}), name)
	}
	for name := range attempts {
		require.NoError(t, r.Handle(context.Background(), &xendit.WebhookEvent{Body: referenceCallback(t, name)}), name)
	}
	for name := range attempts {
		assert.Len(t, r.orders[name].Payments, 1, name)
	}
	assert.Equal(t, 7, r.Handled())
}

// A payment for an attempt the router does not know is an error, so that
// the handler answers 500 and Xendit delivers it again, rather than being
// acknowledged and lost.
func TestUnknownAttemptIsNotAcknowledged(t *testing.T) {
	t.Parallel()
	r := NewRouter()
	err := r.Handle(context.Background(), &xendit.WebhookEvent{Body: referenceCallback(t, "virtualaccounts.payment_callback.webhook.json")})
	assert.ErrorIs(t, err, errUnknownAttempt)
}
