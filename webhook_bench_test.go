package xendit_test

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// BenchmarkWebhook measures one new event through verify, dedupe (the
// default memory store) and decode, with the function decoding the payload
// as a user's would, next to two baselines: one that only decodes, and a
// bare http.Handler that reads the body, compares the token and decodes.
// ServeHTTP against baseline-bare-handler is the handler's own cost.
//
//	go test -run='^$' -bench=Webhook -benchmem -count=10 . | tee new.txt
//	benchstat new.txt
func BenchmarkWebhook(b *testing.B) {
	body := []byte(reportCompleted)
	type report struct {
		Event    string `json:"event"`
		ID       string `json:"id"`
		Status   string `json:"status"`
		Currency string `json:"currency"`
	}
	process := func(_ context.Context, e *xendit.WebhookEvent) error {
		var r report
		return e.Decode(&r)
	}
	// The default store: 100,000 ids, so a long run measures it full and
	// evicting, as in steady production.
	newHandler := func(b *testing.B) *xendit.WebhookHandler {
		h, err := xendit.NewWebhookHandler(process, xendit.WithCallbackTokens(xendittest.CallbackToken))
		if err != nil {
			b.Fatal(err)
		}
		return h
	}

	b.Run("baseline-decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var r report
			if err := json.Unmarshal(body, &r); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("Handle", func(b *testing.B) {
		h := newHandler(b)
		header := http.Header{}
		header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			header.Set(xendit.HeaderWebhookID, "wh-"+strconv.Itoa(i))
			if status, err := h.Handle(context.Background(), header, body); status != 200 || err != nil {
				b.Fatal(status, err)
			}
		}
	})

	b.Run("ServeHTTP", func(b *testing.B) {
		serveEach(b, newHandler(b), body)
	})

	// What a hand-written endpoint does at the least: read the body, compare
	// the token in constant time, decode. The handler's cost is measured
	// against it.
	b.Run("baseline-bare-handler", func(b *testing.B) {
		want := []byte(xendittest.CallbackToken)
		bare := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if subtle.ConstantTimeCompare([]byte(r.Header.Get(xendit.HeaderCallbackToken)), want) != 1 {
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			body, err := io.ReadAll(io.LimitReader(r.Body, xendit.DefaultWebhookMaxBody))
			if err != nil {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			var rep report
			if err := json.Unmarshal(body, &rep); err != nil {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			w.WriteHeader(http.StatusOK)
		})
		serveEach(b, bare, body)
	})

	b.Run("duplicate", func(b *testing.B) {
		h := newHandler(b)
		header := http.Header{}
		header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
		header.Set(xendit.HeaderWebhookID, "wh-dup")
		_, _ = h.Handle(context.Background(), header, body)
		b.ReportAllocs()
		for b.Loop() {
			if status, _ := h.Handle(context.Background(), header, body); status != 200 {
				b.Fatal(status)
			}
		}
	})
}

// serveEach serves one new delivery of body to h per iteration, each with
// its own webhook-id.
func serveEach(b *testing.B, h http.Handler, body []byte) {
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		req := httptest.NewRequest(http.MethodPost, "/webhooks", bytes.NewReader(body))
		req.Header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
		req.Header.Set(xendit.HeaderWebhookID, "wh-"+strconv.Itoa(i))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
