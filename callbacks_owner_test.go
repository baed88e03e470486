package xendit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/invoices"
	"github.com/seed19b1029f/xendit-go/paylater"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/remittance"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

// callbackParser is one product's ParseCallback, reduced to what a router
// on a shared URL asks of it: did it take the body (err is nil), and did
// it recognise one of its own callbacks in it (typed is true: an object of
// the product is set, not just an event it does not know).
type callbackParser func(body []byte) (typed bool, err error)

// callbackParsers are every product's ParseCallback, by the reference area
// whose webhooks they decode. The flat (no "event") callbacks' parsers
// refuse whatever is not theirs; the envelope parsers decode an event they
// do not know without error, with nothing typed, so that Xendit adding an
// event does not break a handler (see each package's Callback).
var callbackParsers = map[string]callbackParser{
	"directdebit": func(b []byte) (bool, error) {
		c, err := directdebit.ParseCallback(b)
		return err == nil && (c.LinkedAccountToken != nil || c.PaymentMethodExpiry != nil || c.Payment != nil || c.Refund != nil), err
	},
	"disbursements": func(b []byte) (bool, error) {
		c, err := disbursements.ParseCallback(b)
		return err == nil && (c.Disbursement != nil || c.Batch != nil), err
	},
	"ewallets": func(b []byte) (bool, error) {
		c, err := ewallets.ParseCallback(b)
		return err == nil && (c.Charge != nil || c.Refund != nil || c.PaymentMethod != nil), err
	},
	"invoices": func(b []byte) (bool, error) {
		_, err := invoices.ParseCallback(b)
		return err == nil, err
	},
	"paylater": func(b []byte) (bool, error) {
		c, err := paylater.ParseCallback(b)
		return err == nil && c.Event == paylater.EventPayment, err
	},
	"payouts": func(b []byte) (bool, error) {
		c, err := payouts.ParseCallback(b)
		return err == nil && c.Payout != nil, err
	},
	"qrcodes": func(b []byte) (bool, error) {
		c, err := qrcodes.ParseCallback(b)
		return err == nil && (c.Payment != nil || c.Refund != nil), err
	},
	"remittance": func(b []byte) (bool, error) {
		c, err := remittance.ParseCallback(b)
		return err == nil && strings.HasPrefix(c.Event, "remittance_payout."), err
	},
	"reports": func(b []byte) (bool, error) {
		c, err := reports.ParseCallback(b)
		return err == nil && (c.Event == reports.EventCompleted || c.Event == reports.EventFailed), err
	},
	"retailoutlets": func(b []byte) (bool, error) {
		_, err := retailoutlets.ParseCallback(b)
		return err == nil, err
	},
	"snap": func(b []byte) (bool, error) {
		c, err := snap.ParseCallback(b)
		return err == nil && (c.VAPayment != nil || c.Payment != nil), err
	},
	"subscriptions": func(b []byte) (bool, error) {
		c, err := subscriptions.ParseCallback(b)
		return err == nil && (c.Plan != nil || c.Cycle != nil), err
	},
	"virtualaccounts": func(b []byte) (bool, error) {
		_, err := virtualaccounts.ParseCallback(b)
		return err == nil, err
	},
	"xenplatform": func(b []byte) (bool, error) {
		c, err := xenplatform.ParseCallback(b)
		return err == nil && (c.AccountHolder != nil || c.Account != nil || c.Suspension != nil), err
	},
}

// flatCallbacks are the products whose callbacks have no "event": their
// parsers are told apart only by shape, so each refuses every other body.
var flatCallbacks = map[string]bool{"disbursements": true, "invoices": true, "retailoutlets": true, "virtualaccounts": true}

// callbackOwner overrides the area that owns an example, where the
// reference files a callback under one area that another product decodes.
var callbackOwner = map[string]string{
	// The legacy Recurring API's payment callback is an invoice, flat.
	"directdebit.recurring_payment_callback.webhook.json": "invoices",
	// The reference's report callback example lacks the "event" that its
	// text documents and the fake sends ("reports.completed"); without it
	// no parser, reports' included, can claim it.
	"reports.webhook.webhook.json": "",
}

// TestParseCallbackAcceptsOnlyItsOwnProduct feeds every callback example of
// the reference to every product's ParseCallback: only the product that
// owns it may recognise it, and the flat callbacks' parsers refuse it, so
// a handler on one shared callback URL routes each body to one product.
func TestParseCallbackAcceptsOnlyItsOwnProduct(t *testing.T) {
	t.Parallel()
	seen := 0
	for _, w := range reference.Webhooks() {
		for _, ex := range w.Examples {
			if ex.Kind != reference.ExampleWebhook {
				continue
			}
			seen++
			owner, overridden := callbackOwner[ex.Name]
			if !overridden {
				owner = w.Area
			}
			for area, parse := range callbackParsers {
				typed, err := parse(ex.JSON)
				switch {
				case area == owner:
					assert.NoError(t, err, "%s: %s refuses its own callback", ex.Name, area)
					assert.True(t, typed, "%s: %s does not recognise its own callback", ex.Name, area)
				case flatCallbacks[area]:
					assert.Error(t, err, "%s (%s): %s.ParseCallback accepts it", ex.Name, w.Area, area)
				default:
					assert.False(t, typed, "%s (%s): %s.ParseCallback takes it for its own", ex.Name, w.Area, area)
				}
			}
		}
	}
	require.NotZero(t, seen)
}
