package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Two replicas of a service share one secret key's budget through Redis:
// what one learns from the Rate-Limit-* headers, the other respects.
// (miniredis stands in for Redis, and a fake for Xendit allowing one call a
// minute.)
func ExampleNewRateLimitMemory() {
	redisServer, err := miniredis.Run()
	if err != nil {
		log.Fatal(err)
	}
	defer redisServer.Close()
	xenditServer := httptest.NewServer(xendittest.NewFixedWindow(1, time.Minute))
	defer xenditServer.Close()

	replica := func() *balance.Client {
		// Each replica has its own Redis client, as each process would.
		rdb := redis.NewClient(&redis.Options{Addr: redisServer.Addr(), ContextTimeoutEnabled: true})
		mem, err := redisstore.NewRateLimitMemory(rdb, nil)
		if err != nil {
			log.Fatal(err)
		}
		client, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(xenditServer.URL), xendit.WithRateLimitMemory(mem))
		if err != nil {
			log.Fatal(err)
		}
		return balance.New(client)
	}
	a, b := replica(), replica()

	_, err = a.Get(context.Background(), nil)
	fmt.Println("replica a:", err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = b.Get(ctx, nil) // the window is spent: b waits for it, or fails at once without sending
	fmt.Println("replica b, rate limited:", errors.Is(err, xendit.ErrRateLimited))
	// Output:
	// replica a: <nil>
	// replica b, rate limited: true
}
