package xendit_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/memtransport"
)

// The kinds of fault the proxy injects, each on about 2.5% of attempts
// (20% in all).
const (
	faultThrottle    = iota // 429 with Rate-Limit headers, not forwarded
	fault500                // not forwarded
	fault502                // not forwarded
	fault503                // not forwarded
	fault504                // not forwarded
	faultDropBefore         // connection closed before forwarding
	faultDropAfter          // forwarded, processed, then the connection closed
	faultLateHeaders        // forwarded, processed, headers after the client's timeout
	faultKinds
)

var faultNames = [faultKinds]string{"429", "500", "502", "503", "504", "drop before forwarding",
	"drop after processing", "headers after the timeout"}

// sideEffects is a fake Xendit that records every side effect: a keyed
// create acts once per idempotency key and answers a repeated key with the
// first answer, as Xendit does; a create without a key acts on every
// request that reaches it.
type sideEffects struct {
	mu      sync.Mutex
	acted   map[string]int    // call id -> times the fake acted on it
	answers map[string][]byte // idempotency key -> first answer
}

func (f *sideEffects) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct{ Call string }
	_ = json.NewDecoder(r.Body).Decode(&body)
	w.Header().Set("Content-Type", "application/json")
	if r.Method == http.MethodGet {
		_, _ = io.WriteString(w, `{"id":"thing"}`)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	key := r.Header.Get("X-Idempotency-Key")
	if answer, ok := f.answers[key]; ok && key != "" {
		_, _ = w.Write(answer)
		return
	}
	f.acted[body.Call]++
	answer := fmt.Appendf(nil, `{"id":"thing-%s-%d"}`, body.Call, f.acted[body.Call])
	if key != "" {
		f.answers[key] = answer
	}
	w.WriteHeader(http.StatusCreated)
	_, _ = w.Write(answer)
}

// faultProxy sits between the SDK and the fake and injects a fault into
// about one attempt in five. It records the idempotency key of every
// attempt of every call, faulted or not.
type faultProxy struct {
	upstream string
	forward  *http.Client
	late     time.Duration // how late the late headers come
	reset    string        // Rate-Limit-Reset of an injected 429
	latency  int           // up to this many microseconds before answering; 0: none (sockets have their own)
	force    atomic.Int32  // 1 + the fault to inject into every attempt; 0: one attempt in five, at random

	rngMu    sync.Mutex
	rng      *rand.Rand
	keysMu   sync.Mutex
	keys     map[string][]string // call id -> the key of each attempt
	injected [faultKinds]atomic.Int32
}

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var call struct{ Call string }
	_ = json.Unmarshal(body, &call)
	if call.Call != "" {
		p.keysMu.Lock()
		p.keys[call.Call] = append(p.keys[call.Call], r.Header.Get("X-Idempotency-Key"))
		p.keysMu.Unlock()
	}
	p.rngMu.Lock()
	roll := p.rng.IntN(8 * faultKinds * 5) // one attempt in five gets a fault
	var latency time.Duration
	if p.latency > 0 {
		latency = time.Duration(p.rng.IntN(p.latency)) * time.Microsecond
	}
	p.rngMu.Unlock()
	time.Sleep(latency)
	kind := -1
	if roll < 8*faultKinds {
		kind = roll / 8
	}
	if f := p.force.Load(); f > 0 {
		kind = int(f) - 1
	}
	if kind >= 0 {
		p.injected[kind].Add(1)
	}
	switch kind {
	case faultThrottle:
		w.Header().Set("Rate-Limit-Limit", "600")
		w.Header().Set("Rate-Limit-Remaining", "0")
		w.Header().Set("Rate-Limit-Reset", p.reset)
		jsonReply(429, `{"error_code":"RATE_LIMIT_EXCEEDED","message":"injected"}`)(w, r)
		return
	case fault500, fault502, fault503, fault504:
		status := []int{500, 502, 503, 504}[kind-fault500]
		jsonReply(status, `{"error_code":"SERVER_ERROR","message":"injected"}`)(w, r)
		return
	case faultDropBefore:
		dropAfterReading(w, r)
		return
	}
	out, err := http.NewRequest(r.Method, p.upstream+r.URL.RequestURI(), strings.NewReader(string(body)))
	if err != nil {
		panic(err)
	}
	out.Header = r.Header.Clone()
	resp, err := p.forward.Do(out) // not the client's context: a request that reached the proxy is processed
	if err != nil {
		dropAfterReading(w, r)
		return
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch kind {
	case faultDropAfter:
		dropAfterReading(w, r)
		return
	case faultLateHeaders:
		select {
		case <-time.After(p.late):
		case <-r.Context().Done(): // the client gave up
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

// callResult is what one call of the test returned.
type callResult struct {
	id        string
	endpoint  xendit.Endpoint
	err       error
	resp      xendit.Response
	cancelled time.Duration // how long after its cancellation the call returned; -1 if not cancelled first
}

// TestFaultInjection runs calls from several goroutines, for several secret
// keys, through a proxy that injects a fault into about 20% of attempts,
// against a fake that records every side effect, and checks the promises:
// nothing acted on twice, one idempotency key per call on every attempt,
// every error typed, OutcomeUnknown true whenever the fake acted and the
// call failed, no goroutine left.
//
// It runs twice: through real sockets, where Go's transport pools
// connections and drops are TCP's; and in memory inside a synctest bubble,
// where the clock is exact, so that a cancelled call is seen to return the
// instant it is cancelled, under the whole load, and each place the
// pipeline waits in is cancelled on its own.
func TestFaultInjection(t *testing.T) {
	t.Run("through sockets", func(t *testing.T) { faultInjection(t, false) })
	t.Run("in a synctest bubble", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) { faultInjection(t, true) })
	})
}

func faultInjection(t *testing.T, inBubble bool) {
	const (
		keys, workers, callsPerWorker = 4, 8, 60
		timeout                       = 150 * time.Millisecond
	)
	var baseline int
	if !inBubble { // a bubble checks for goroutines left behind itself
		xendit.CloseIdleConnections()
		baseline = settledGoroutines(0, time.Second)
	}

	fake := &sideEffects{acted: map[string]int{}, answers: map[string][]byte{}}
	proxy := &faultProxy{late: timeout + 100*time.Millisecond, reset: "0.02", rng: rand.New(rand.NewPCG(11, 2026)), keys: map[string][]string{}}
	// serveProxy returns the base URL of the proxy and the options that
	// reach it, and a function that waits for its handlers to finish.
	var serveProxy func() (string, []xendit.Option, func())
	if inBubble {
		proxy.upstream, proxy.forward = memBaseURL, &http.Client{Transport: memtransport.New(fake)}
		proxy.latency = 2000 // as a loopback round trip under load takes, so that cancellations land mid-call
		serveProxy = func() (string, []xendit.Option, func()) {
			return memBaseURL, []xendit.Option{xendit.WithHTTPClient(&http.Client{Transport: memtransport.New(proxy)})},
				func() { time.Sleep(time.Minute); synctest.Wait() }
		}
	} else {
		fakeSrv := httptest.NewServer(fake)
		proxy.upstream, proxy.forward = fakeSrv.URL, &http.Client{Transport: xendit.NewTransport()}
		serveProxy = func() (string, []xendit.Option, func()) {
			srv := httptest.NewServer(proxy)
			return srv.URL, nil, func() { srv.Close(); fakeSrv.Close() } // Close waits for the handlers still running
		}
	}
	proxyURL, reach, drain := serveProxy()

	clients := make([]*xendit.Client, keys)
	for i := range clients {
		c, err := xendit.New(fmt.Sprintf("xnd_development_merchant_%d_%s", i, docKey[16:40]), append(reach,
			xendit.WithBaseURL(proxyURL), xendit.WithTimeout(timeout),
			xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 20 * time.Millisecond}))...)
		require.NoError(t, err)
		clients[i] = c
	}
	endpoints := []xendit.Endpoint{createKeyed, createKeyed, createKeyed, createBare, createBare, getThing}

	results := make(chan callResult, workers*callsPerWorker)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for n := range callsPerWorker {
				r := callResult{id: fmt.Sprintf("w%d-%d", w, n), endpoint: endpoints[rng.IntN(len(endpoints))], cancelled: -1}
				ctx, cancel := context.WithCancel(context.Background())
				var cancelledAt atomic.Pointer[time.Time]
				if rng.IntN(5) == 0 { // one call in five is cancelled, mostly while in flight
					after := time.Duration(rng.IntN(3000)) * time.Microsecond
					if rng.IntN(3) == 0 {
						after = time.Duration(rng.IntN(200)) * time.Millisecond
					}
					time.AfterFunc(after, func() {
						now := time.Now()
						cancelledAt.Store(&now)
						cancel()
					})
				}
				r.err = clients[rng.IntN(keys)].Do(ctx, &xendit.Request{Endpoint: r.endpoint,
					PathParams: map[string]string{"id": r.id}, Body: map[string]string{"call": r.id},
					Options: []xendit.RequestOption{xendit.CaptureResponse(&r.resp)}}, &struct{ ID string }{})
				returned := time.Now()
				if at := cancelledAt.Load(); at != nil && r.err != nil {
					r.cancelled = returned.Sub(*at)
				}
				cancel()
				results <- r
			}
		})
	}
	wg.Wait()
	close(results)
	elapsed := time.Since(start)
	drain() // every side effect is recorded

	var failed, unknown, cancelled int
	var slowestCancel time.Duration
	for r := range results {
		keyed := r.endpoint.IdempotencyHeader != ""
		if r.endpoint.Method == http.MethodPost {
			acted := fake.acted[r.id]
			assert.LessOrEqual(t, acted, 1, "call %s (%s) was acted on %d times", r.id, r.endpoint.ID, acted)
			if acted > 0 && r.err != nil {
				assert.True(t, xendit.OutcomeUnknown(r.err), "call %s was acted on, yet OutcomeUnknown is false for %v (history %v)",
					r.id, r.err, r.resp.History)
			}
		}
		if keyed {
			sent := proxy.keys[r.id]
			for _, k := range sent {
				assert.Equal(t, r.resp.IdempotencyKey, k, "call %s: one key on every attempt", r.id)
			}
		}
		if r.err != nil {
			failed++
			var xe *xendit.Error
			if assert.ErrorAs(t, r.err, &xe, "call %s: every error is a *xendit.Error after sending: %v", r.id, r.err) {
				assert.Equal(t, r.endpoint.ID, xe.Operation)
				assert.Equal(t, len(xe.History), xe.Attempts)
			}
			if xendit.OutcomeUnknown(r.err) {
				unknown++
			}
		}
		if r.cancelled >= 0 {
			cancelled++
			slowestCancel = max(slowestCancel, r.cancelled)
			if inBubble {
				assert.Zero(t, r.cancelled, "call %s returned %v after it was cancelled: %v (history %v)", r.id, r.cancelled, r.err, r.resp.History)
			}
		}
	}
	for kind, name := range faultNames {
		assert.Positive(t, proxy.injected[kind].Load(), "no %q fault was injected", name)
	}
	assert.GreaterOrEqual(t, cancelled, 10, "too few calls were cancelled in flight to judge")
	t.Logf("%d calls in %v: %d failed (%d with an unknown outcome), %d cancelled mid-call (slowest return %v); faults: %s",
		workers*callsPerWorker, elapsed.Round(time.Millisecond), failed, unknown, cancelled, slowestCancel, injectedSummary(proxy))

	if inBubble {
		cancelWhileWaiting(t, proxy, serveProxy)
		return
	}
	proxy.forward.CloseIdleConnections()
	xendit.CloseIdleConnections()
	after := settledGoroutines(baseline, 5*time.Second)
	if after > baseline {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines left behind: %d before, %d after\n%s", baseline, after, buf[:runtime.Stack(buf, true)])
	}
}

// cancelWhileWaiting cancels calls 30 ms in, while each waits in one of the
// pipeline's places, on a quiet client: each returns the instant it is
// cancelled.
func cancelWhileWaiting(t *testing.T, proxy *faultProxy, serveProxy func() (string, []xendit.Option, func())) {
	proxyURL, reach, drain := serveProxy()
	defer drain()
	proxy.reset, proxy.late = "2", 5*time.Second
	slow, err := xendit.New(docKey, append(reach, xendit.WithBaseURL(proxyURL), xendit.WithTimeout(2*time.Second),
		xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 3, MinWait: 300 * time.Millisecond, MaxWait: time.Second}))...)
	require.NoError(t, err)
	for _, phase := range []struct {
		name     string
		fault    int
		endpoint xendit.Endpoint
	}{
		{"waiting for response headers", faultLateHeaders, createKeyed},
		{"waiting to retry a 503", fault503, getThing},
		{"waiting out a 429, then the rate-limit window", faultThrottle, createBare},
	} {
		proxy.force.Store(int32(phase.fault) + 1)
		for n := range 5 {
			ctx, cancel := context.WithCancel(context.Background())
			start := time.Now()
			timer := time.AfterFunc(30*time.Millisecond, cancel)
			err := slow.Do(ctx, &xendit.Request{Endpoint: phase.endpoint, PathParams: map[string]string{"id": "c"},
				Body: map[string]string{"call": fmt.Sprintf("cancel-%d-%d", phase.fault, n)}}, nil)
			took := time.Since(start)
			timer.Stop()
			cancel()
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe, "%s: %v", phase.name, err)
			require.ErrorIs(t, err, context.Canceled, phase.name)
			assert.Equal(t, 30*time.Millisecond, took, "%s: returned %v after the cancellation: %v", phase.name, took-30*time.Millisecond, err)
		}
	}
}

func injectedSummary(p *faultProxy) string {
	var parts []string
	for kind, name := range faultNames {
		parts = append(parts, fmt.Sprintf("%s %d", name, p.injected[kind].Load()))
	}
	return strings.Join(parts, ", ")
}

// settledGoroutines waits, up to limit, for the number of goroutines to come
// down to want (or to stop changing when want is 0), and returns it.
func settledGoroutines(want int, limit time.Duration) int {
	deadline := time.Now().Add(limit)
	last := runtime.NumGoroutine()
	for time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		n := runtime.NumGoroutine()
		if (want > 0 && n <= want) || (want == 0 && n == last) {
			return n
		}
		last = n
	}
	return last
}
