package xendit_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A webhook endpoint: verify the token, dedupe on webhook-id, decode the
// payload. Here the deliveries come from xendittest; in production, mount
// the handler on the URL set in Dashboard > Settings > Webhooks.
func ExampleNewWebhookHandler() {
	type report struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	h, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
		var r report
		if err := e.Decode(&r); err != nil {
			return err // 500: Xendit delivers it again
		}
		// Record it idempotently (for example keyed on r.ID), or enqueue it
		// and return at once: Xendit waits 30 seconds at most.
		fmt.Printf("processing %s: report %s is %s\n", e.Event, r.ID, r.Status)
		return nil
	}, xendit.WithCallbackTokens("token-from-the-dashboard")) // several while rotating
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /webhooks/xendit", h)

	deliver := func(wh xendittest.Webhook) {
		req, err := wh.Request(context.Background(), "/webhooks/xendit")
		if err != nil {
			log.Fatal(err)
		}
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	wh := xendittest.Webhook{
		Token:   "token-from-the-dashboard",
		ID:      "wh-001",
		Payload: `{"event":"reports.completed","id":"report_5c1b34a2","status":"COMPLETED"}`,
	}
	deliver(wh) // processed
	deliver(wh) // Xendit delivers it again: acknowledged, not processed
	wh.Token = "guessed"
	deliver(wh) // not from Xendit
	// Output:
	// processing reports.completed: report report_5c1b34a2 is COMPLETED
	// 200
	// 200
	// 401
}

// One endpoint for several merchants: each merchant's callback token is
// registered under its id, and the event names the merchant whose token it
// carried. The same webhook-id from two merchants is two events.
func ExampleWithCallbackTokensFor() {
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		fmt.Printf("%s: %s\n", e.Label, e.ID)
		return nil
	},
		xendit.WithCallbackTokensFor("merchant-a", "token-of-merchant-a"),
		xendit.WithCallbackTokensFor("merchant-b", "token-of-merchant-b"))
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	for _, token := range []string{"token-of-merchant-a", "token-of-merchant-b", "token-of-merchant-b", "someone-else"} {
		wh := xendittest.Webhook{Token: token, ID: "wh-1", Payload: `{"event":"reports.completed"}`}
		status, err := wh.Send(context.Background(), nil, srv.URL)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(status)
	}
	// Output:
	// merchant-a: wh-1
	// 200
	// merchant-b: wh-1
	// 200
	// 200
	// 401
}
