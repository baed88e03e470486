package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/snap"
)

// receiver is a merchant's webhook endpoint built with the SDK's root
// handler: it verifies x-callback-token and dedupes on webhook-id.
type receiver struct {
	url     string
	mu      sync.Mutex
	events  []*xendit.WebhookEvent
	arrived chan *xendit.WebhookEvent
}

func newReceiver(t *testing.T, token string) *receiver {
	t.Helper()
	r := &receiver{arrived: make(chan *xendit.WebhookEvent, 64)}
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.events = append(r.events, e)
		r.arrived <- e
		return nil
	}, xendit.WithCallbackTokens(token))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r.url = srv.URL + "/webhooks/xendit"
	return r
}

func (r *receiver) processed() []*xendit.WebhookEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]*xendit.WebhookEvent(nil), r.events...)
}

// next returns the next event the receiver processed. The deadline only
// keeps a lost delivery from hanging the test; nothing is timed.
func (r *receiver) next(t *testing.T) *xendit.WebhookEvent {
	t.Helper()
	select {
	case e := <-r.arrived:
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no callback reached the receiver")
		return nil
	}
}

func runTrigger(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	out, errOut := newOutput(), newOutput()
	code = run(t.Context(), append([]string{"trigger"}, args...), out, errOut)
	return code, out.String(), errOut.String()
}

func TestTriggerSendsTheReferencesPayloadWithTokenAndWebhookID(t *testing.T) {
	t.Parallel()
	r := newReceiver(t, defaultCallbackToken)
	code, stdout, stderr := runTrigger(t, "ewallet.capture", "-url", r.url,
		"-id", "ewc_mine", "-set", "capture_amount=20000", "-set", "data.status=FAILED", "-webhook-id", "whk-1")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "ewallet.capture webhook-id whk-1: 200 OK")

	events := r.processed()
	require.Len(t, events, 1)
	e := events[0]
	assert.Equal(t, "ewallet.capture", e.Event)
	assert.Equal(t, "whk-1", e.ID)
	var p struct {
		BusinessID string `json:"business_id"`
		Data       struct {
			ID            string `json:"id"`
			Status        string `json:"status"`
			ChannelCode   string `json:"channel_code"`
			CaptureAmount any    `json:"capture_amount"`
		} `json:"data"`
	}
	require.NoError(t, e.Decode(&p))
	assert.Equal(t, "5abe2389ewpejrt238", p.BusinessID, "the rest is the reference's example")
	assert.Equal(t, "ID_SHOPEEPAY", p.Data.ChannelCode)
	assert.Equal(t, "ewc_mine", p.Data.ID)
	assert.Equal(t, "FAILED", p.Data.Status)
	assert.EqualValues(t, 20000, p.Data.CaptureAmount, "a number in the example stays a number")
}

func TestTriggerFailsWhenTheReceiverSaysNo(t *testing.T) {
	t.Parallel()
	r := newReceiver(t, "the-receivers-own-token")
	code, _, stderr := runTrigger(t, "-url", r.url, "-token", "a-wrong-token", "paylater.payment")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "401 Unauthorized")
	assert.NotContains(t, stderr, "a-wrong-token", "the token is never printed")
	assert.Empty(t, r.processed())

	moved := httptest.NewServer(http.RedirectHandler(r.url, http.StatusMovedPermanently))
	t.Cleanup(moved.Close)
	code, _, stderr = runTrigger(t, "paylater.payment", "-url", moved.URL)
	assert.Equal(t, 1, code, "a redirect is not followed")
	assert.Contains(t, stderr, "301")

	code, _, stderr = runTrigger(t, "reports.completed", "-url", "http://127.0.0.1:1/closed")
	assert.Equal(t, 1, code, "no receiver at all fails too")
	assert.Contains(t, stderr, "reports.completed")
}

func TestTriggerRepeatsTheSameWebhookIDForDedupe(t *testing.T) {
	t.Parallel()
	r := newReceiver(t, defaultCallbackToken)
	code, stdout, stderr := runTrigger(t, "reports.completed", "-url", r.url, "-repeat", "3")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, 3, strings.Count(stdout, "200 OK"), "a duplicate is acknowledged")
	events := r.processed()
	require.Len(t, events, 1, "and processed once")
	assert.Equal(t, "reports.completed", events[0].Event)

	code, _, stderr = runTrigger(t, "reports.completed", "-url", r.url)
	require.Equal(t, 0, code, stderr)
	assert.Len(t, r.processed(), 2, "a new trigger is a new webhook-id")
}

// SNAP notifications are signed over the receiver's path and verified by
// the SDK's snap.CallbackHandler with the fake's stand-in for Xendit's
// public key.
func TestTriggerSignsSNAPCallbacks(t *testing.T) {
	t.Parallel()
	v, err := snap.NewVerifierPEM([]byte(snapXenditPublicKey))
	require.NoError(t, err)
	var mu sync.Mutex
	var got []*snap.Callback
	h, err := snap.NewCallbackHandler(v, func(_ context.Context, cb *snap.Callback) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, cb)
		return nil
	})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	url := srv.URL + "/snap/callbacks?merchant=1"

	for _, event := range []snap.Event{snap.EventVAPayment, snap.EventQRPayment, snap.EventDirectDebitSucceeded} {
		name := string(event)
		code, _, stderr := runTrigger(t, name, "-url", url, "-id", "pay-"+name)
		require.Equal(t, 0, code, "%s: %s", name, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 3)
	assert.Equal(t, snap.EventVAPayment, got[0].Type)
	require.NotNil(t, got[0].VAPayment)
	assert.Equal(t, "pay-"+string(snap.EventVAPayment), got[0].VAPayment.AdditionalInfo.PaymentID)
	assert.Equal(t, "38165", got[0].VAPayment.PartnerServiceID, "the reference's example")
	for _, cb := range got[1:] {
		require.NotNil(t, cb.Payment, cb.Type)
		assert.Equal(t, "pay-"+string(cb.Type), cb.Payment.AdditionalInfo.ID)
	}
	assert.Equal(t, snapPartnerID, got[0].Headers["x-partner-id"])

	// Signed with another key (the merchant's), the receiver refuses it.
	keyFile := filepath.Join(t.TempDir(), "other.pem")
	require.NoError(t, os.WriteFile(keyFile, []byte(snapMerchantKey), 0o600))
	code, _, stderr := runTrigger(t, string(snap.EventQRPayment), "-url", url, "-snap-key", keyFile, "-id", "pay-other")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "401")
}

func TestTriggerKnowsEveryExampleOfTheReference(t *testing.T) {
	t.Parallel()
	named := map[string]bool{}
	for _, e := range catalog() {
		named[e.example] = true
		code, stdout, stderr := runTrigger(t, e.name, "-print")
		require.Equal(t, 0, code, "%s: %s", e.name, stderr)
		var p map[string]any
		require.NoError(t, json.Unmarshal([]byte(stdout), &p), e.name)
		base, _, _ := strings.Cut(e.name, "/")
		switch {
		case e.signed():
			assert.Equal(t, base, p["type"], e.name)
		case p["event"] != nil:
			assert.Equal(t, base, p["event"], "%s: the name is the payload's event", e.name)
		default:
			assert.True(t, strings.HasPrefix(e.webhook.ID, base), "%s: without an event, the name is the reference's id", e.name)
		}
	}
	for _, w := range reference.Webhooks() {
		for _, ex := range w.Examples {
			assert.True(t, named[strings.TrimSuffix(ex.Name, ".json")], "the reference's webhook example %s has no name in events", ex.Name)
		}
	}
	_, list, _ := runTrigger(t, "-list")
	for _, e := range catalog() {
		assert.Contains(t, list, "\n"+e.name+" ")
	}
	assert.Contains(t, list, "direct_debit.refund: The reference prints the event with a stray opening quote")
}

func TestTriggerRejectsBadUse(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"ewallet.capture"},            // no -url
		{"-url", "http://127.0.0.1:1"}, // no event
		{"ewallet.capturee", "-url", "http://127.0.0.1:1"},
		{"ewallet.capture", "ewallet.refund", "-url", "http://127.0.0.1:1"},
		{"ewallet.capture", "-url", "127.0.0.1:1"},
		{"ewallet.capture", "-print", "-set", "nofield"},
		{"ewallet.capture", "-print", "-set", "created.x=1"},
		{"virtualaccounts.payment", "-print", "-id", "x"}, // has an id: allowed; checked below
	} {
		code, _, stderr := runTrigger(t, args...)
		if args[0] == "virtualaccounts.payment" {
			assert.Equal(t, 0, code, stderr)
			continue
		}
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
	}
	_, _, stderr := runTrigger(t, "ewallet.capturee", "-url", "http://127.0.0.1:1")
	assert.Contains(t, stderr, "did you mean")
}

func TestSetFieldKeepsTheExamplesTypes(t *testing.T) {
	t.Parallel()
	p := map[string]any{"amount": "1000.00", "data": map[string]any{"charge_amount": json.Number("1000")}}
	require.NoError(t, setField(p, "amount", "20000"))
	require.NoError(t, setField(p, "charge_amount", "20000"))
	require.NoError(t, setField(p, "metadata", `{"order":"A1"}`))
	require.NoError(t, setField(p, "reference_id", "ord-1"))
	b, err := encodeJSON(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"20000","data":{"charge_amount":20000},"metadata":{"order":"A1"},"reference_id":"ord-1"}`, string(b))
}
