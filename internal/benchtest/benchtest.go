// Package benchtest runs the benchmarks that compare an SDK call with the
// same call written by hand with net/http, side by side in one process.
package benchtest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
)

// Side is one way of making the call a benchmark compares, against the
// server at baseURL.
type Side struct {
	Name string // "side=..." so that benchstat -col /side compares them
	Run  func(b *testing.B, baseURL string)
}

// Run runs each side against a loopback server of its own that answers with
// body and the headers Xendit sends (Request-ID, Rate-Limit-*), after a
// collected heap. The sides rotate order every round (round counts them):
// in one process, whichever side ran later was measured up to 10% slower,
// from the idle connections and garbage the first left behind.
func Run(b *testing.B, round *int, body []byte, sides []Side) {
	r := *round % len(sides)
	*round++
	sides = append(sides[r:len(sides):len(sides)], sides[:r]...)
	for _, side := range sides {
		b.Run(side.Name, func(b *testing.B) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(io.Discard, r.Body)
				h := w.Header()
				h.Set("Content-Type", "application/json")
				h.Set("Request-ID", "req_bench")
				h.Set("Rate-Limit-Limit", "6000")
				h.Set("Rate-Limit-Remaining", "5839")
				h.Set("Rate-Limit-Reset", "58.379")
				_, _ = w.Write(body)
			}))
			defer srv.Close()
			runtime.GC()
			side.Run(b, srv.URL)
		})
	}
}

// Transport is the hand-written side's transport, tuned as the SDK's is
// for one host; the SDK's caller-transport side gets one too.
func Transport() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 32
	return t
}
