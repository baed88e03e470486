package balance_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
)

// BenchmarkGet compares the SDK's balance Get, with its default retry policy
// and rate limiting on, against the same call written with net/http and
// encoding/json, on one loopback server returning the same body:
//
//	go test -run='^$' -bench=BenchmarkGet -benchmem -count=6 ./balance
func BenchmarkGet(b *testing.B) {
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
	const key = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw=="
	ctx := context.Background()
	newTransport := func() *http.Transport {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 32
		return t
	}

	b.Run("baseline=net/http", func(b *testing.B) {
		hc := &http.Client{Transport: newTransport()}
		for b.Loop() {
			// What hand-written code does per call: build the query, the
			// request and its auth header, then decode the body.
			q := url.Values{}
			q.Set("account_type", "CASH")
			q.Set("currency", "IDR")
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/balance?"+q.Encode(), nil)
			if err != nil {
				b.Fatal(err)
			}
			req.SetBasicAuth(key, "")
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
	})

	b.Run("sdk", func(b *testing.B) {
		c, err := xendit.New(key, xendit.WithBaseURL(srv.URL), xendit.WithHTTPClient(&http.Client{Transport: newTransport()}))
		if err != nil {
			b.Fatal(err)
		}
		bal := balance.New(c)
		params := &balance.GetParams{AccountType: balance.Cash, Currency: "IDR"}
		for b.Loop() {
			out, err := bal.Get(ctx, params)
			if err != nil || out.Balance != 1241231 {
				b.Fatal(err, out)
			}
		}
	})
}
