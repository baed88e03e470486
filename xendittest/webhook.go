package xendittest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/google/uuid"
)

// CallbackToken is a webhook verification token for tests, to give both
// [xendit.WithCallbackTokens] and the helpers below.
const CallbackToken = "xendittest-callback-token-0000000000000000000000000000"

// Webhook is one delivery as Xendit makes it: a JSON POST carrying the
// account's verification token in x-callback-token and a unique webhook-id.
// Delivering the same Webhook twice, as Xendit's retries do, sends the same
// webhook-id and body.
type Webhook struct {
	// Token goes in x-callback-token; empty sends no such header.
	Token string
	// ID goes in webhook-id; empty sends no such header. [NewWebhook] sets a
	// fresh one.
	ID string
	// Payload is sent as is when it is []byte, json.RawMessage or string,
	// and encoded as JSON otherwise.
	Payload any
	// Header is added to the request, e.g. to test odd deliveries.
	Header http.Header
}

// NewWebhook returns a delivery of payload with token and a fresh
// webhook-id.
func NewWebhook(token string, payload any) Webhook {
	return Webhook{Token: token, ID: NewWebhookID(), Payload: payload}
}

// NewWebhookID returns a unique webhook-id.
func NewWebhookID() string { return "xendittest-" + uuid.NewString() }

// Request builds the POST to url, for an http.Client or straight for a
// handler's ServeHTTP with an httptest.ResponseRecorder.
func (wh Webhook) Request(ctx context.Context, url string) (*http.Request, error) {
	var body []byte
	switch p := wh.Payload.(type) {
	case []byte:
		body = p
	case json.RawMessage:
		body = p
	case string:
		body = []byte(p)
	default:
		var err error
		if body, err = json.Marshal(p); err != nil {
			return nil, fmt.Errorf("xendittest: encoding the webhook payload: %w", err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("xendittest: webhook request: %w", err)
	}
	for k, vs := range wh.Header {
		req.Header[k] = append([]string(nil), vs...)
	}
	req.Header.Set("Content-Type", "application/json")
	if wh.Token != "" {
		req.Header.Set("x-callback-token", wh.Token)
	}
	if wh.ID != "" {
		req.Header.Set("webhook-id", wh.ID)
	}
	return req, nil
}

// Send delivers the webhook to url through hc (http.DefaultClient when nil)
// and returns the status the receiver answered with. It does not retry:
// call it again to play Xendit's retry.
func (wh Webhook) Send(ctx context.Context, hc *http.Client, url string) (int, error) {
	req, err := wh.Request(ctx, url)
	if err != nil {
		return 0, err
	}
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, fmt.Errorf("xendittest: delivering webhook %s: %w", wh.ID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, nil
}
