package xendit_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// FuzzWebhookHandler sends arbitrary headers and bodies through ServeHTTP,
// twice, as a delivery and its retry. Besides not panicking, the handler
// must answer only the documented statuses, never run the function without
// a token, name the merchant whose token matched, and never run it twice
// for one delivery it acknowledged.
//
//	go test -run='^$' -fuzz=FuzzWebhookHandler -fuzztime=60s .
//
// Seeds are in testdata/fuzz/FuzzWebhookHandler.
func FuzzWebhookHandler(f *testing.F) {
	tok := xendittest.CallbackToken
	const merchantTok = "merchant-a-token"
	f.Add(http.MethodPost, tok, "wh-1", []byte(reportCompleted))
	f.Add(http.MethodPost, tok, "", []byte(`{"event":"fail"}`))
	f.Add(http.MethodPost, tok+"x", "wh-2", []byte(`{}`))
	f.Add(http.MethodPost, "", "wh-3", []byte(`{"event":"ok"}`))
	f.Add(http.MethodPost, tok, "wh-4", []byte(`[{"event":"ok"}]`))
	f.Add(http.MethodPost, tok, "wh-5", []byte(` null `))
	f.Add(http.MethodPost, tok, "wh-6", []byte(`{"event":{"nested":true},"data":[1,2,3]}`))
	f.Add(http.MethodGet, tok, "wh-7", []byte(`{}`))
	f.Add(http.MethodPost, tok, "wh-\x00\xff", []byte("{\"event\":\"\xff\"}"))
	f.Add(http.MethodPost, merchantTok, "wh-8", []byte(`{"event":"ok","business_id":"b"}`))

	const maxBody = 256
	allowed := []int{200, 400, 401, 405, 413, 500}
	f.Fuzz(func(t *testing.T, method, token, id string, body []byte) {
		var runs int
		h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
			runs++
			if want := map[string]string{tok: "", merchantTok: "merchant-a"}[token]; e.Label != want {
				t.Errorf("label %q for token %q, want %q", e.Label, token, want)
			}
			var v map[string]any
			if err := e.Decode(&v); err != nil {
				t.Errorf("Decode of a body the handler accepted: %v", err)
			}
			if e.Event == "fail" {
				return errors.New("fail")
			}
			return nil
		}, xendit.WithCallbackTokens(tok), xendit.WithCallbackTokensFor("merchant-a", merchantTok), xendit.WithMaxBodyBytes(maxBody))
		if err != nil {
			t.Fatal(err)
		}
		deliver := func() int {
			req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
			req.Method = method
			req.Header[http.CanonicalHeaderKey(xendit.HeaderCallbackToken)] = []string{token}
			req.Header[http.CanonicalHeaderKey(xendit.HeaderWebhookID)] = []string{id}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if !slices.Contains(allowed, rec.Code) {
				t.Fatalf("status %d is not one of %v", rec.Code, allowed)
			}
			return rec.Code
		}

		first := deliver()
		if token != tok && token != merchantTok && runs > 0 {
			t.Fatalf("ran the function for token %q", token)
		}
		if first != 200 && first != 500 && runs > 0 {
			t.Fatalf("ran the function and answered %d", first)
		}
		second := deliver()
		if second != first {
			t.Fatalf("the same delivery answered %d, then %d", first, second)
		}
		wantRuns := map[int]int{200: 1, 500: 2}[first]
		if runs != wantRuns {
			t.Fatalf("after %d then %d: %d runs, want %d", first, second, runs, wantRuns)
		}
	})
}
