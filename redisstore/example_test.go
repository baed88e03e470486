package redisstore_test

import (
	"context"
	"fmt"
	"log"
	"net/http/httptest"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Two replicas behind a load balancer share one Redis: Xendit's retry of a
// webhook reaches the other replica and is acknowledged, not processed
// again. (miniredis stands in for Redis here.)
func ExampleNew() {
	redisServer, err := miniredis.Run()
	if err != nil {
		log.Fatal(err)
	}
	defer redisServer.Close()

	replica := func(name string) *httptest.Server {
		// Each replica has its own client, as each process would.
		rdb := redis.NewClient(&redis.Options{Addr: redisServer.Addr(), ContextTimeoutEnabled: true})
		store, err := redisstore.New(rdb, redisstore.WithKeyPrefix("shop:xendit-webhook:"))
		if err != nil {
			log.Fatal(err)
		}
		h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
			fmt.Printf("%s processes %s\n", name, e.ID)
			return nil
		}, xendit.WithCallbackTokens("token-from-the-dashboard"), xendit.WithDedupeStore(store))
		if err != nil {
			log.Fatal(err)
		}
		return httptest.NewServer(h)
	}
	a, b := replica("replica A"), replica("replica B")
	defer a.Close()
	defer b.Close()

	wh := xendittest.Webhook{Token: "token-from-the-dashboard", ID: "wh-001", Payload: `{"event":"reports.completed"}`}
	for _, url := range []string{a.URL, b.URL} {
		status, err := wh.Send(context.Background(), nil, url)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(status)
	}
	// Output:
	// replica A processes wh-001
	// 200
	// 200
}
