package balance_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
)

// cannedTransport answers every request in memory, so that a benchmark sees
// only the client's own cost.
type cannedTransport struct{}

func (cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h := http.Header{}
	h["Content-Type"] = []string{"application/json"}
	h["Request-Id"] = []string{"req_bench"}
	h["Rate-Limit-Limit"] = []string{"6000"}
	h["Rate-Limit-Remaining"] = []string{"5839"}
	h["Rate-Limit-Reset"] = []string{"58.379"}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader(`{"balance": 1241231}`)),
		ContentLength: 20, Request: r}, nil
}

// BenchmarkGetInMemory is BenchmarkGet without a network: what the SDK
// adds to a hand-written call, alone.
func BenchmarkGetInMemory(b *testing.B) {
	b.Run("side=net-http", func(b *testing.B) {
		hc := &http.Client{Transport: cannedTransport{}}
		for b.Loop() {
			getByHand(b, hc, "https://api.xendit.co")
		}
	})
	b.Run("side=sdk", func(b *testing.B) {
		c, _ := xendit.New(benchKey, xendit.WithHTTPClient(&http.Client{Transport: cannedTransport{}}))
		bal := balance.New(c)
		params := &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash), Currency: xendit.Ptr(xendit.CurrencyIDR)}
		ctx := context.Background()
		for b.Loop() {
			if _, err := bal.Get(ctx, params); err != nil {
				b.Fatal(err)
			}
		}
	})
}
