// Reports asks Xendit for a balance history report and learns when it is
// ready in the two ways Xendit offers: the reports.completed webhook, and
// polling with reports.Wait.
//
//	go run ./examples/reports
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// builds the reports and POSTs their webhooks to a local endpoint served by
// xendit.WebhookHandler. With a test-mode key it generates the report at
// Xendit and waits for it by polling; Xendit sends the webhook to the URL
// set in your Dashboard, which this program cannot receive.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Config{Timeout: 6 * time.Minute}.Start()
	defer stop()
	api := reports.New(client)
	now := time.Now().UTC().Truncate(time.Second)
	lastWeek := reports.Filter{From: xendit.Time{Time: now.AddDate(0, 0, -7)}, To: xendit.Time{Time: now}}

	var webhooks <-chan delivery
	if fake != nil {
		webhooks = listen(fake)
	}

	demo.Step("1. Ask for last week's IDR balance history")
	r, err := api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: lastWeek, Currency: xendit.CurrencyIDR})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Report %s is %s: Xendit builds it in the background.\n", r.ID, r.Status)

	if fake == nil {
		demo.Step("2. Poll until it is ready (your Dashboard's webhook URL gets reports.completed too)")
		wait(ctx, api, r.ID, nil)
		fmt.Println("\nDone. Run without XENDIT_SECRET_KEY to also receive the webhooks on a local endpoint.")
		return
	}

	demo.Step("2. Xendit POSTs reports.completed to your webhook endpoint")
	d := demo.Await(webhooks)
	fmt.Printf("   Webhook %s (webhook-id %s): report %s is %s.\n", d.w.Event, d.id, d.w.ID, d.w.Status)
	fmt.Printf("   Download it within 24 hours, with no credentials, from:\n   %s\n", d.w.URL)

	demo.Step("3. Or poll with reports.Wait, when you cannot receive webhooks")
	fake.SetReportDelay(500 * time.Millisecond) // the fake takes a moment to build this one
	r, err = api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeTransactions, Filter: lastWeek, Currency: xendit.CurrencyIDR})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Report %s is %s; Wait calls Get, backing off, until it is not.\n", r.ID, r.Status)
	wait(ctx, api, r.ID, &reports.WaitOptions{MinInterval: 200 * time.Millisecond, MaxInterval: time.Second})
	d = demo.Await(webhooks)
	fmt.Printf("   Its webhook arrived as well: %s for %s.\n", d.w.Event, d.w.ID)

	demo.Step("4. A report Xendit could not build")
	fake.SetReportDelay(-1) // reports stay PENDING until the fake is told how they end
	r, err = api.Generate(ctx, &reports.GenerateParams{Type: reports.TypeBalanceHistory, Filter: lastWeek, Currency: xendit.CurrencyIDR})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	if err := fake.FinishReport(r.ID, true); err != nil {
		log.Fatal(err)
	}
	d = demo.Await(webhooks)
	fmt.Printf("   Webhook %s: report %s is %s. Generating it again is safe.\n", d.w.Event, d.w.ID, d.w.Status)
	wait(ctx, api, r.ID, nil)
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to generate a report at Xendit.")
}

// wait polls the report under a deadline and says how it ended.
func wait(ctx context.Context, api *reports.Client, id string, wo *reports.WaitOptions) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	start := time.Now()
	r, err := api.Wait(ctx, id, wo)
	switch {
	case errors.Is(err, reports.ErrFailed):
		fmt.Printf("   Wait says: report %s FAILED (errors.Is(err, reports.ErrFailed)).\n", r.ID)
	case err != nil:
		demo.Explain(err)
	default:
		fmt.Printf("   Wait says: report %s is %s after %s; its URL is valid for 24 hours:\n   %s\n",
			r.ID, r.Status, time.Since(start).Round(100*time.Millisecond), r.URL)
	}
}

// delivery is a report webhook as the endpoint received it.
type delivery struct {
	id string // the webhook-id header, the key for dedupe
	w  reports.Callback
}

// listen starts a webhook endpoint on the SDK's handler (token check,
// webhook-id dedupe) and points the fake's report webhooks at it.
func listen(fake *xendittest.Server) <-chan delivery {
	out := make(chan delivery, 8)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		if e.Event != reports.EventCompleted && e.Event != reports.EventFailed {
			return nil // acknowledge what this endpoint does not handle
		}
		var w reports.Callback
		if err := e.Decode(&w); err != nil {
			return err // 500: Xendit delivers it again
		}
		out <- delivery{e.ID, w}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h) // closed when the program exits
	fake.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})
	fmt.Printf("Webhook endpoint listening at %s.\n", receiver.URL)
	return out
}
