// Webhooks-merchants is one webhook endpoint for many merchants, as a
// payment backend runs it: each merchant's Xendit account has its own
// callback token, registered under the merchant's id, and one dedupe store
// serves them all.
//
//	go run ./examples/webhooks-merchants
//
// It starts the endpoint on loopback for two merchants, each with a token
// and the business_id of its Xendit account, and plays Xendit against it
// (xendittest): each merchant's report webhook, both with the same
// webhook-id (each is processed: merchants are deduplicated apart), a retry
// of one (a duplicate), merchant A's token on an event of merchant B's
// account (refused by the application, because the label says whose token
// it was), and a token nobody registered (401). Replicas share one store
// for all merchants: pass xendit.WithDedupeStore a redisstore.Store, as
// ./examples/webhooks does with REDIS_ADDR.
package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// merchant is what the backend knows of each merchant it serves.
type merchant struct {
	ID            string // the backend's id: the token's label
	BusinessID    string // the merchant's Xendit account, as events name it
	CallbackToken string // from the merchant's Dashboard > Settings > Webhooks
}

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "webhooks-merchants:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	log := slog.New(slog.NewTextHandler(out, nil))
	merchants := []merchant{
		{ID: "merchant-a", BusinessID: "5f34f60535ba7c1c0eed846a", CallbackToken: "a-" + rand.Text()},
		{ID: "merchant-b", BusinessID: "6a1b2c3d4e5f60718293a4b5", CallbackToken: "b-" + rand.Text()},
	}
	businessID := make(map[string]string)
	opts := []xendit.WebhookOption{xendit.WithWebhookLogger(log)}
	for _, m := range merchants {
		opts = append(opts, xendit.WithCallbackTokensFor(m.ID, m.CallbackToken))
		businessID[m.ID] = m.BusinessID
	}
	h, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
		var w reports.Callback
		if err := e.Decode(&w); err != nil {
			return err
		}
		if w.BusinessID != businessID[e.Label] {
			// A merchant's own token on an event of another account: a
			// leaked token or a forged event. Acknowledge it (Xendit would
			// not send it again anyway) and act on nothing.
			log.WarnContext(ctx, "event for another merchant's account, ignored",
				"merchant", e.Label, "business_id", w.BusinessID, "webhook_id", e.ID)
			return nil
		}
		log.InfoContext(ctx, "report webhook", "merchant", e.Label, "webhook_id", e.ID, "report_id", w.ID)
		return nil
	}, opts...)
	if err != nil {
		return err
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	report := func(m merchant) reports.Callback {
		return reports.Callback{Event: reports.EventCompleted, Report: reports.Report{
			ID: "report_" + m.ID, Type: reports.TypeBalanceHistory, Status: reports.StatusCompleted, Format: reports.FormatCSV,
			Currency: "IDR", BusinessID: m.BusinessID, Created: xendit.Time{Time: time.Date(2021, 6, 24, 4, 1, 55, 0, time.UTC)},
		}}
	}
	a, b := merchants[0], merchants[1]
	sameID := xendittest.NewWebhookID()
	for _, d := range []struct {
		what string
		wh   xendittest.Webhook
	}{
		{"merchant A's report", xendittest.Webhook{Token: a.CallbackToken, ID: sameID, Payload: report(a)}},
		{"merchant B's report, with the same webhook-id", xendittest.Webhook{Token: b.CallbackToken, ID: sameID, Payload: report(b)}},
		{"merchant B's report again, as a retry", xendittest.Webhook{Token: b.CallbackToken, ID: sameID, Payload: report(b)}},
		{"merchant A's token on merchant B's event", xendittest.NewWebhook(a.CallbackToken, report(b))},
		{"a token nobody registered", xendittest.NewWebhook("unknown-"+rand.Text(), report(a))},
	} {
		status, err := d.wh.Send(ctx, srv.Client(), srv.URL)
		if err != nil {
			return err
		}
		log.Info("demo: delivered "+d.what, "status", status)
	}
	return nil
}
