package xendittest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestWebhookRequestLooksLikeXendits(t *testing.T) {
	wh := xendittest.NewWebhook("tok", map[string]string{"event": "reports.completed"})
	wh.Header = http.Header{"X-Extra": {"1"}}
	req, err := wh.Request(context.Background(), "http://example.test/hook")
	require.NoError(t, err)
	assert.Equal(t, http.MethodPost, req.Method)
	assert.Equal(t, "http://example.test/hook", req.URL.String())
	assert.Equal(t, "tok", req.Header.Get(xendit.HeaderCallbackToken))
	assert.Equal(t, wh.ID, req.Header.Get(xendit.HeaderWebhookID))
	assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
	assert.Equal(t, "1", req.Header.Get("X-Extra"))
	body, _ := io.ReadAll(req.Body)
	assert.JSONEq(t, `{"event":"reports.completed"}`, string(body))

	assert.NotEqual(t, wh.ID, xendittest.NewWebhook("tok", nil).ID, "ids are unique")
}

func TestWebhookPayloadsAndMissingHeaders(t *testing.T) {
	for name, payload := range map[string]any{
		"bytes":  []byte(`{"a":1}`),
		"raw":    json.RawMessage(`{"a":1}`),
		"string": `{"a":1}`,
		"struct": struct {
			A int `json:"a"`
		}{1},
	} {
		req, err := xendittest.Webhook{Payload: payload}.Request(context.Background(), "http://example.test")
		require.NoError(t, err, name)
		body, _ := io.ReadAll(req.Body)
		assert.Equal(t, `{"a":1}`, string(body), name)
		assert.Empty(t, req.Header.Values(xendit.HeaderCallbackToken), "%s: token header without a token", name)
		assert.Empty(t, req.Header.Values(xendit.HeaderWebhookID), "%s: webhook-id header without an id", name)
	}
	_, err := xendittest.Webhook{Payload: make(chan int)}.Request(context.Background(), "http://example.test")
	assert.Error(t, err, "a payload JSON cannot encode")
}

func TestWebhookSendDeliversToAHandler(t *testing.T) {
	var (
		mu  sync.Mutex
		got []string
	)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, e.ID+" "+e.Event)
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()

	wh := xendittest.NewWebhook(xendittest.CallbackToken, map[string]string{"event": "reports.completed"})
	for range 2 { // a delivery and its retry
		status, err := wh.Send(context.Background(), nil, srv.URL)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, status)
	}
	status, err := xendittest.NewWebhook("wrong", `{}`).Send(context.Background(), srv.Client(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, status)
	mu.Lock()
	assert.Equal(t, []string{wh.ID + " reports.completed"}, got)
	mu.Unlock()

	_, err = wh.Send(context.Background(), nil, "http://127.0.0.1:1")
	assert.Error(t, err, "nothing listens")
}
