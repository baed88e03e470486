package balance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
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
//	go test -run='^$' -bench=BenchmarkGet -benchmem -count=20 ./balance > get.txt
//	benchstat -col /side get.txt
//
// Each side gets its own server and a collected heap, and the sides rotate
// order every round: in one process, whichever side ran later was measured
// up to 10% slower, from the idle connections and garbage the first left
// behind.
func BenchmarkGet(b *testing.B) {
	sides := []struct {
		name string
		run  func(b *testing.B, baseURL string)
	}{
		{"side=net-http", benchBaseline},
		{"side=sdk-caller-transport", func(b *testing.B, u string) {
			benchSDK(b, u, xendit.WithHTTPClient(&http.Client{Transport: benchTransport()}))
		}},
		{"side=sdk-own-transport", func(b *testing.B, u string) { benchSDK(b, u) }},
	}
	r := benchRounds % len(sides)
	benchRounds++
	sides = append(sides[r:], sides[:r]...)
	for _, side := range sides {
		b.Run(side.name, func(b *testing.B) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				h := w.Header()
				h.Set("Content-Type", "application/json")
				h.Set("Request-ID", "req_bench")
				h.Set("Rate-Limit-Limit", "6000")
				h.Set("Rate-Limit-Remaining", "5839")
				h.Set("Rate-Limit-Reset", "58.379")
				_, _ = w.Write([]byte(`{"balance": 1241231}`))
			}))
			defer srv.Close()
			runtime.GC()
			side.run(b, srv.URL)
		})
	}
}

func benchTransport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}

// benchBaseline is what hand-written code does per call: build the query, the
// request and its auth header, then decode the body.
func benchBaseline(b *testing.B, baseURL string) {
	hc := &http.Client{Transport: benchTransport()}
	ctx := context.Background()
	for b.Loop() {
		q := url.Values{}
		q.Set("account_type", "CASH")
		q.Set("currency", "IDR")
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/balance?"+q.Encode(), nil)
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
}

func benchSDK(b *testing.B, baseURL string, opts ...xendit.Option) {
	c, err := xendit.New(benchKey, append([]xendit.Option{xendit.WithBaseURL(baseURL)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	bal := balance.New(c)
	params := &balance.GetParams{AccountType: balance.Cash, Currency: "IDR"}
	ctx := context.Background()
	for b.Loop() {
		out, err := bal.Get(ctx, params)
		if err != nil || out.Balance != 1241231 {
			b.Fatal(err, out)
		}
	}
}
