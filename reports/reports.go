// Package reports generates Xendit account reports (balance history,
// transactions) as CSV files (https://developers.xendit.co/api-reference/#reports).
//
// Generating is asynchronous: Generate answers 201 with a PENDING report,
// and Xendit fills in its URL when it is COMPLETED. There are two ways to
// learn that.
//
// The webhook is the better way: Xendit POSTs reports.completed or
// reports.failed, with the report's fields, to the URL set in Dashboard >
// Settings > Webhooks. Decode it inside the root webhook handler:
//
//	handler, err := xendit.NewWebhookHandler(func(ctx context.Context, e *xendit.WebhookEvent) error {
//		if e.Event != reports.EventCompleted && e.Event != reports.EventFailed {
//			return nil
//		}
//		var w reports.Webhook
//		if err := e.Decode(&w); err != nil {
//			return err
//		}
//		return saveReportURL(ctx, w.ID, w.URL)
//	}, ...)
//
// To test such a handler, xendittest's Server.SetCallbacks makes the
// fake deliver these webhooks, with x-callback-token and webhook-id, when a
// report completes or fails; go run ./examples/reports shows it end to end.
//
// Polling is the fallback: [Client.Wait] calls Get with backoff until the
// report is no longer PENDING or the context ends. Each poll spends a
// request from Get's rate limit.
//
// A report's URL is a pre-signed link valid for 24 hours: download it with a
// plain HTTP GET (no Xendit credentials), and generate a new report after
// that. The range of a report must be under 31 days (400
// INVALID_DATE_RANGE otherwise), which Generate checks before sending.
//
// Generate has no idempotency header, so it is never retried after an
// ambiguous failure: a retry could create a second report.
package reports

import (
	"context"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Error codes of the Reports API. A report that does not exist is
// TRANSACTION_NOT_FOUND, as the reference documents.
const (
	CodeNotFound            = "TRANSACTION_NOT_FOUND"
	CodeInvalidDateRange    = "INVALID_DATE_RANGE"
	CodeFeatureNotAvailable = "FEATURE_NOT_AVAILABLE"
)

var (
	generateReport = xendit.MustEndpoint("reports.generate")
	getReport      = xendit.MustEndpoint("reports.get")
)

// Client generates and reads reports.
type Client struct{ c *xendit.Client }

// New returns a reports client that calls the API through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

// GenerateParams is the body of Generate Report.
type GenerateParams struct {
	// Type is required.
	Type Type `json:"type"`
	// Filter is required here: the API would default to the last 24 hours.
	// From must be before To, and the range under 31 days.
	Filter Filter `json:"filter"`
	// Format defaults to CSV, the only documented format.
	Format Format `json:"format,omitempty"`
	// Currency (ISO 4217) is required here: the API would default to IDR.
	Currency string `json:"currency"`
	// ReportVersion applies to TRANSACTIONS reports only; the API's default
	// is VERSION_0.
	ReportVersion ReportVersion `json:"report_version,omitempty"`
}

// MaxRange is the documented bound on a report's range: less than 31 days.
const MaxRange = 31 * 24 * time.Hour

// Generate asks Xendit to build a report and returns it, PENDING.
func (s *Client) Generate(ctx context.Context, params *GenerateParams, opts ...xendit.RequestOption) (*Report, error) {
	if err := params.validate(); err != nil {
		return nil, err
	}
	return product.Do[Report](ctx, s.c, &xendit.Request{Endpoint: generateReport, Body: params, Options: opts})
}

func (p *GenerateParams) validate() error {
	if p == nil {
		return xendit.Invalid("params", "is required")
	}
	f := p.Filter
	switch {
	case p.Type == "":
		return xendit.Invalid("type", "is required")
	case f.From.IsZero() || f.To.IsZero():
		return xendit.Invalid("filter", "needs both from and to")
	case !f.From.Before(f.To.Time):
		return xendit.Invalid("filter.to", "must be after filter.from")
	case f.To.Sub(f.From.Time) >= MaxRange:
		return xendit.Invalid("filter", "spans %s; a report must cover less than 31 days", f.To.Sub(f.From.Time))
	case p.ReportVersion != "" && p.Type != Transactions:
		return xendit.Invalid("report_version", "applies to TRANSACTIONS reports only")
	}
	return product.Currency("currency", p.Currency)
}

// Get returns the report with the given id (report_...).
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*Report, error) {
	req := &xendit.Request{Endpoint: getReport, PathParams: map[string]string{"report_id": id}, Options: opts}
	return product.Do[Report](ctx, s.c, req)
}
