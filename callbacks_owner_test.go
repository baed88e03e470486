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
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/refunds"
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
	"paymentmethods": func(b []byte) (bool, error) {
		c, err := paymentmethods.ParseCallback(b)
		return err == nil && c.PaymentMethod != nil, err
	},
	"paymentrequests": func(b []byte) (bool, error) {
		c, err := paymentrequests.ParseCallback(b)
		return err == nil && (c.Payment != nil || c.Capture != nil), err
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
	"refunds": func(b []byte) (bool, error) {
		c, err := refunds.ParseCallback(b)
		return err == nil && c.Refund != nil, err
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
	// The eWallet account linking moved to paymentmethods, which owns the
	// payment_method.* callbacks the reference files under eWallets.
	"ewallets.tokenized.account_linking_status_callback.webhook.json": "paymentmethods",
	"ewallets.tokenized.token_expiry_callback.webhook.json":           "paymentmethods",
}

// callbackForwarders are the products that also recognise another's
// callbacks because they forward to it with its very type: ewallets'
// Callback.PaymentMethod is paymentmethods.PaymentMethod, for the linking
// its thin forwarders keep. A handler may route these to either.
var callbackForwarders = map[string]string{"ewallets": "paymentmethods"}

// unifiedCallbacks are the callbacks of the unified Payments API
// (paymentrequests, paymentmethods' payments, refunds), by owner: the
// reference names their webhook types but prints no payload, so these are
// the envelopes the packages document, one per event, with enough data to
// decode.
var unifiedCallbacks = map[string]struct{ owner, body string }{
	"payment.succeeded": {"paymentrequests", `{"event":"payment.succeeded","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"py-1","payment_request_id":"pr-1","reference_id":"order-1","amount":15000,"currency":"IDR","status":"SUCCEEDED",
		"payment_method":{"id":"pm-1","type":"EWALLET","ewallet":{"channel_code":"SHOPEEPAY"}}}}`},
	"payment.failed": {"paymentrequests", `{"event":"payment.failed","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"py-2","payment_request_id":"pr-2","reference_id":"order-2","amount":15000,"currency":"IDR","status":"FAILED",
		"failure_code":"INSUFFICIENT_BALANCE","payment_method_id":"pm-2"}}`},
	"payment.awaiting_capture": {"paymentrequests", `{"event":"payment.awaiting_capture","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"py-3","payment_request_id":"pr-3","amount":15000,"currency":"IDR","status":"AWAITING_CAPTURE","capture_method":"MANUAL"}}`},
	"capture.succeeded": {"paymentrequests", `{"event":"capture.succeeded","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"cptr-1","payment_request_id":"pr-3","payment_id":"py-3","currency":"IDR","authorized_amount":15000,
		"captured_amount":15000,"status":"SUCCEEDED"}}`},
	"refund.succeeded": {"refunds", `{"event":"refund.succeeded","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"rfd-1","payment_request_id":"pr-1","amount":15000,"currency":"IDR","status":"SUCCEEDED"}}`},
	"payment_method.activated": {"paymentmethods", `{"event":"payment_method.activated","business_id":"b","created":"2024-01-02T03:04:05.678Z",
		"data":{"id":"pm-1","type":"DIRECT_DEBIT","status":"ACTIVE","direct_debit":{"channel_code":"BRI"}}}`},
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
			assertOnlyOwnerTakes(t, ex.Name+" ("+w.Area+")", owner, ex.JSON)
		}
	}
	require.NotZero(t, seen)
	for name, cb := range unifiedCallbacks {
		assertOnlyOwnerTakes(t, name, cb.owner, []byte(cb.body))
	}
}

// assertOnlyOwnerTakes feeds body to every product's ParseCallback: owner
// recognises it, a product forwarding to owner takes it, the flat parsers
// refuse it and no other product types it.
func assertOnlyOwnerTakes(t *testing.T, name, owner string, body []byte) {
	t.Helper()
	for area, parse := range callbackParsers {
		typed, err := parse(body)
		switch {
		case area == owner:
			assert.NoError(t, err, "%s: %s refuses its own callback", name, area)
			assert.True(t, typed, "%s: %s does not recognise its own callback", name, area)
		case owner != "" && callbackForwarders[area] == owner:
			assert.NoError(t, err, "%s: %s refuses the callback it forwards", name, area)
		case flatCallbacks[area]:
			assert.Error(t, err, "%s: %s.ParseCallback accepts it", name, area)
		default:
			assert.False(t, typed, "%s: %s.ParseCallback takes it for its own", name, area)
		}
	}
}
