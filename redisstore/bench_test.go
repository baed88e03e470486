package redisstore_test

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// BenchmarkDelivery measures one new event through verify, dedupe and the
// done mark on the memory store and on the real Redis at REDIS_ADDR (two
// round trips: Claim and Done, each a Lua script), in one run.
//
//	source .ci/redis.sh && go test -run='^$' -bench=Delivery -benchmem ./redisstore
func BenchmarkDelivery(b *testing.B) {
	body := []byte(`{"event":"reports.completed","id":"report_1","status":"COMPLETED"}`)
	fn := func(context.Context, *xendit.WebhookEvent) error { return nil }
	bench := func(b *testing.B, opts ...xendit.WebhookOption) {
		h, err := xendit.NewWebhookHandler(fn, append(opts, xendit.WithCallbackTokens(xendittest.CallbackToken))...)
		if err != nil {
			b.Fatal(err)
		}
		header := http.Header{}
		header.Set(xendit.HeaderCallbackToken, xendittest.CallbackToken)
		run := xendittest.NewWebhookID()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			i++
			header.Set(xendit.HeaderWebhookID, run+strconv.Itoa(i))
			if status, err := h.Handle(context.Background(), header, body); status != 200 {
				b.Fatal(status, err)
			}
		}
	}
	b.Run("memory", func(b *testing.B) { bench(b) })
	b.Run("redis", func(b *testing.B) {
		addr := os.Getenv("REDIS_ADDR")
		if addr == "" {
			b.Skip("REDIS_ADDR is not set; " + howToRun)
		}
		store, err := redisstore.New(newClient(b, addr), redisstore.WithKeyPrefix("xendit-bench:"))
		if err != nil {
			b.Fatal(err)
		}
		bench(b, xendit.WithDedupeStore(store))
	})
}
