package payouts_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// The flat callback of the reference's examples goes through the root
// webhook handler (token check, webhook-id dedupe) like the envelope: a
// second delivery with the same webhook-id is not handed over again.
func TestFlatCallbackThroughTheWebhookHandler(t *testing.T) {
	t.Parallel()
	got := make(chan *payouts.Callback, 2)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb payouts.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		got <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	body := jsontest.Load(t, "payouts.payout_callback.webhook.2.json")
	for range 2 {
		req := httptest.NewRequest(http.MethodPost, "/payouts", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
		req.Header.Set(xendit.HeaderWebhookID, "wh-payout-1")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		assert.Equal(t, http.StatusOK, rec.Code)
	}
	require.Len(t, got, 1, "the redelivery is deduplicated")
	cb := <-got
	assert.True(t, cb.Flat)
	assert.Equal(t, payouts.EventFailed, cb.Event)
	assert.Equal(t, "disb-31ff90a0-d0fe-444c-9653-44d01cbf2a0e", cb.Payout.ID)

	req := httptest.NewRequest(http.MethodPost, "/payouts", bytes.NewReader(body))
	req.Header.Set(xendit.HeaderCallbackToken, "wrong")
	req.Header.Set(xendit.HeaderWebhookID, "wh-payout-2")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.NotEqual(t, http.StatusOK, rec.Code, "a wrong token is refused")
	assert.Empty(t, got)
}

// Another product's flat callback on a shared URL is refused, not decoded
// into an empty payout.
func TestFlatCallbackOfAnotherProductIsRefused(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"invoice":         `{"id":"inv_1","external_id":"x","user_id":"u","status":"PAID","merchant_name":"m"}`,
		"virtual account": `{"id":"vac_1","external_id":"x","account_number":"8808","bank_code":"BNI","status":"ACTIVE"}`,
		"no channel_code": `{"id":"disb-1","reference_id":"r","status":"SUCCEEDED"}`,
	} {
		_, err := payouts.ParseCallback([]byte(body))
		assert.ErrorIs(t, err, payouts.ErrNotPayoutCallback, name)
	}
}
