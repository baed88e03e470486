package xendit_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// TestThousandMerchantClients is the many-merchants setup: 1,000 clients,
// one secret key each, none given WithHTTPClient, after one call each. It
// reports the heap each client holds and the goroutines left running (the
// server's included), as the README quotes them:
//
//	go test -run TestThousandMerchantClients -v .
func TestThousandMerchantClients(t *testing.T) {
	if testing.Short() {
		t.Skip("measures 1,000 clients")
	}
	const clients = 1000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"balance":1}`))
	}))
	defer srv.Close()
	balance := xendit.Endpoint{ID: "balance.get", Method: http.MethodGet, Path: "/balance"}
	ctx := context.Background()

	heap, goroutines := settle()
	all := make([]*xendit.Client, clients)
	for i := range all {
		c, err := xendit.New(fmt.Sprintf("xnd_development_merchant_%04d_%s", i, docKey[16:]), xendit.WithBaseURL(srv.URL))
		require.NoError(t, err)
		var out struct{ Balance float64 }
		require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: balance}, &out))
		all[i] = c
	}
	heapAfter, goroutinesAfter := settle()
	runtime.KeepAlive(all)

	perClient := float64(int64(heapAfter)-int64(heap)) / clients / 1024
	t.Logf("%d clients after one call each: heap %.1f KiB per client (%.1f MiB in all); goroutines %d before, %d after",
		clients, perClient, float64(int64(heapAfter)-int64(heap))/(1<<20), goroutines, goroutinesAfter)
	assert.Less(t, perClient, 8.0, "KiB of heap per client")
	assert.Less(t, goroutinesAfter-goroutines, 20, "goroutines do not grow with the number of clients")
}

// settle collects garbage until the heap stops shrinking and idle
// goroutines have exited, and returns the live heap and goroutine count.
func settle() (heap uint64, goroutines int) {
	var ms runtime.MemStats
	for range 3 {
		time.Sleep(20 * time.Millisecond)
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, runtime.NumGoroutine()
}
