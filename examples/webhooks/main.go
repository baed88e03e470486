// Webhooks receives Xendit webhooks: it verifies x-callback-token, dedupes
// on webhook-id and logs each event, decoded into a typed payload.
//
//	go run ./examples/webhooks
//
// Without XENDIT_CALLBACK_TOKEN it runs a demo and exits: it starts the
// endpoint on loopback with a generated token and delivers a Report webhook
// to it the way Xendit does (xendittest), then the same delivery again, one
// with a wrong token and one that is not JSON, and logs what the endpoint
// answered.
//
// With the verification token from Dashboard > Settings > Webhooks it
// serves until interrupted:
//
//	XENDIT_CALLBACK_TOKEN=... go run ./examples/webhooks -addr :8080
//
// and prints a curl command to try it. Several tokens, comma-separated, are
// all accepted, for rotation. Set REDIS_ADDR (host:port) to dedupe in Redis,
// as several replicas behind a load balancer must.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/redisstore"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const path = "/webhooks/xendit"

func main() {
	token := os.Getenv("XENDIT_CALLBACK_TOKEN")
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	demo := flag.Bool("demo", token == "", "deliver sample webhooks to a loopback endpoint, then exit")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Stdout, *addr, token, os.Getenv("REDIS_ADDR"), *demo); err != nil {
		fmt.Fprintln(os.Stderr, "webhooks:", err)
		os.Exit(1)
	}
}

// process is the application's side: decode, then act idempotently.
func process(log *slog.Logger) xendit.WebhookFunc {
	return func(ctx context.Context, e *xendit.WebhookEvent) error {
		switch e.Event {
		case reports.EventCompleted, reports.EventFailed:
			var r reports.Callback // the reports package types its webhook
			if err := e.Decode(&r); err != nil {
				return err // 500: Xendit retries, and a fixed deployment gets it
			}
			log.InfoContext(ctx, "report webhook", "webhook_id", e.ID, "event", e.Event,
				"report_id", r.ID, "type", r.Type, "status", r.Status, "url", r.URL)
			// Record the report as ready here, keyed on r.ID so that doing it
			// twice changes nothing: dedupe is best effort.
		default:
			// Acknowledge what this endpoint does not handle: a 500 would
			// only make Xendit retry it for 24 hours.
			log.InfoContext(ctx, "webhook not handled here", "webhook_id", e.ID, "event", e.Event, "bytes", len(e.Body))
		}
		return nil
	}
}

func run(ctx context.Context, out io.Writer, addr, tokens, redisAddr string, demo bool) error {
	log := slog.New(slog.NewTextHandler(out, nil))
	if demo {
		tokens = "demo-" + rand.Text()
		addr = "127.0.0.1:0"
	}
	opts := []xendit.WebhookOption{
		xendit.WithCallbackTokens(strings.Split(tokens, ",")...),
		xendit.WithWebhookLogger(log),
	}
	if redisAddr != "" {
		rdb := redis.NewClient(&redis.Options{Addr: redisAddr, ContextTimeoutEnabled: true})
		defer rdb.Close()
		pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if err := rdb.Ping(pctx).Err(); err != nil {
			return fmt.Errorf("redis at %s: %w", redisAddr, err)
		}
		store, err := redisstore.New(rdb)
		if err != nil {
			return err
		}
		opts = append(opts, xendit.WithDedupeStore(store))
		log.Info("deduplicating in Redis, shared by every replica", "redis", redisAddr)
	}
	h, err := xendit.NewWebhookHandler(process(log), opts...)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("POST "+path, h)

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + path

	if demo {
		err = deliverSamples(ctx, out, log, url, tokens)
	} else {
		log.Info("listening; try it with curl", "url", url, "curl",
			fmt.Sprintf(`curl -i -X POST %s -H "x-callback-token: $XENDIT_CALLBACK_TOKEN" -H "webhook-id: test-1" -H "Content-Type: application/json" -d '{"event":"reports.completed","id":"report_1","status":"COMPLETED"}'`, url))
		select {
		case <-ctx.Done():
		case err = <-served:
		}
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if serr := srv.Shutdown(sctx); err == nil && serr != nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// deliverSamples plays Xendit against the endpoint at url.
func deliverSamples(ctx context.Context, out io.Writer, log *slog.Logger, url, token string) error {
	completed := xendittest.NewWebhook(token, reports.Callback{Event: reports.EventCompleted, Report: reports.Report{
		ID: "report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28", Type: reports.TypeBalanceHistory, Status: reports.StatusCompleted,
		Format: reports.FormatCSV, Currency: "IDR", URL: "https://example.com/report.csv",
	}})
	bad := completed
	bad.Token = "not-the-token"
	malformed := xendittest.NewWebhook(token, `{"event":`)
	for _, d := range []struct {
		what string
		wh   xendittest.Webhook
	}{
		{"a Report webhook", completed},
		{"the same delivery again, as a retry", completed},
		{"a delivery with a wrong token", bad},
		{"a body that is not JSON", malformed},
	} {
		status, err := d.wh.Send(ctx, nil, url)
		if err != nil {
			return err
		}
		log.Info("demo: delivered "+d.what, "status", status, "webhook_id", d.wh.ID)
	}
	fmt.Fprintf(out, "\nDemo done. To receive real webhooks, set XENDIT_CALLBACK_TOKEN to the token in\n"+
		"Dashboard > Settings > Webhooks and expose %s (e.g. with ngrok).\n", path)
	return nil
}
