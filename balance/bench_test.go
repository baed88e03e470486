package balance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/internal/benchtest"
)

const benchKey = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw=="

// benchRounds rotates the order of BenchmarkGet's sides.
var benchRounds int

// BenchmarkGet compares the SDK's balance Get, with its default retry policy
// and rate limiting on, against the same call written with net/http and
// encoding/json, each on a loopback server returning the same body. The SDK
// runs twice: through a caller's transport (WithHTTPClient, tuned like the
// baseline's) and through its own shared one.
//
//	go test -run='^$' -bench='BenchmarkGet$' -benchmem -cpu=1 -count=20 ./balance > get.txt
//	benchstat -col /side get.txt
func BenchmarkGet(b *testing.B) {
	benchtest.Run(b, &benchRounds, []byte(`{"balance": 1241231}`), []benchtest.Side{
		{Name: "side=net-http", Run: benchBaseline},
		{Name: "side=sdk-caller-transport", Run: func(b *testing.B, u string) {
			benchSDK(b, u, xendit.WithHTTPClient(&http.Client{Transport: benchtest.Transport()}))
		}},
		{Name: "side=sdk-own-transport", Run: func(b *testing.B, u string) { benchSDK(b, u) }},
	})
}

// benchBaseline is what hand-written code does per call: build the query, the
// request and its auth header, then decode the body.
func benchBaseline(b *testing.B, baseURL string) {
	hc := &http.Client{Transport: benchtest.Transport()}
	for b.Loop() {
		getByHand(b, hc, baseURL)
	}
}

func getByHand(b *testing.B, hc *http.Client, baseURL string) {
	q := url.Values{}
	q.Set("account_type", "CASH")
	q.Set("currency", "IDR")
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, baseURL+"/balance?"+q.Encode(), nil)
	if err != nil {
		b.Fatal(err)
	}
	req.SetBasicAuth(benchKey, "")
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	var out balance.Balance
	err = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || out.Balance != 1241231 {
		b.Fatal(fmt.Sprint(err, resp.StatusCode, out))
	}
}

func benchSDK(b *testing.B, baseURL string, opts ...xendit.Option) {
	c, err := xendit.New(benchKey, append([]xendit.Option{xendit.WithBaseURL(baseURL)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	bal := balance.New(c)
	params := &balance.GetParams{AccountType: xendit.Ptr(balance.AccountTypeCash), Currency: xendit.Ptr(xendit.CurrencyIDR)}
	ctx := context.Background()
	for b.Loop() {
		out, err := bal.Get(ctx, params)
		if err != nil || out.Balance != 1241231 {
			b.Fatal(err, out)
		}
	}
}
