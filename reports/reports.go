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
	generateReport = xendit.MustEndpoint("reports.generate_report")
	getReport      = xendit.MustEndpoint("reports.get_report")
)

// GenerateParams is the body of Generate Report.
type GenerateParams struct {
	// Type is required.
	Type Type `json:"type"`
	// Filter is required here: the API would default to the last 24 hours.
	// From must be before To, and the range under 31 days.
	Filter Filter `json:"filter"`
	// Format defaults to CSV, the only documented format.
	Format *Format `json:"format,omitempty"`
	// Currency is required here: the API would default to IDR.
	Currency xendit.Currency `json:"currency"`
	// ReportVersion applies to TRANSACTIONS reports only; the API's default
	// is VERSION_0.
	ReportVersion *ReportVersion `json:"report_version,omitempty"`
}

// MaxRange is the documented bound on a report's range: less than 31 days.
const MaxRange = 31 * 24 * time.Hour

// Validate applies the documented rules: a type, a range of less than 31
// days with From before To, a three-letter currency, and a report version
// only for TRANSACTIONS reports.
func (p *GenerateParams) Validate() error {
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
	case p.ReportVersion != nil && p.Type != TypeTransactions:
		return xendit.Invalid("report_version", "applies to TRANSACTIONS reports only")
	}
	return product.Currency("currency", string(p.Currency))
}

// Generate asks Xendit to build a report and returns it, PENDING. It has no
// idempotency header: after an ambiguous failure it is not repeated (see the
// package doc).
//
// API: POST /reports
func (s *Client) Generate(ctx context.Context, params *GenerateParams, opts ...xendit.RequestOption) (*Report, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Report](ctx, s.c, &xendit.Request{Endpoint: generateReport, Body: params, Options: opts})
}

// Get returns the report with the given id (report_...).
//
// API: GET /reports/{report_id}
func (s *Client) Get(ctx context.Context, reportID string, opts ...xendit.RequestOption) (*Report, error) {
	req := &xendit.Request{Endpoint: getReport, PathParams: map[string]string{"report_id": reportID}, Options: opts}
	return product.Do[Report](ctx, s.c, req)
}

// Report is a report, PENDING until Xendit has built it.
type Report struct {
	// ID is "report_" and a UUID.
	ID     string `json:"id"`
	Type   Type   `json:"type"`
	Status Status `json:"status"`
	Filter Filter `json:"filter"`
	Format Format `json:"format"`
	// URL is set once the report is COMPLETED; it is valid for 24 hours.
	URL        string          `json:"url"`
	Currency   xendit.Currency `json:"currency"`
	BusinessID string          `json:"business_id"`
	Created    xendit.Time     `json:"created"`
	Updated    xendit.Time     `json:"updated"`
}

// Filter is the time range a report covers, in UTC.
type Filter struct {
	From xendit.Time `json:"from"`
	To   xendit.Time `json:"to"`
}

// Type is the kind of report. The report object lists three types, while
// Generate also accepts DETAILED_TRANSACTIONS and its older name
// TRANSACTION_ANALYSIS; the type is open, so any of them decodes.
type Type string

// The documented report types.
const (
	TypeBalanceHistory       Type = "BALANCE_HISTORY"
	TypeTransactions         Type = "TRANSACTIONS"
	TypeUpcomingTransactions Type = "UPCOMING_TRANSACTIONS"
	TypeDetailedTransactions Type = "DETAILED_TRANSACTIONS"
	TypeTransactionAnalysis  Type = "TRANSACTION_ANALYSIS"
)

// Status is the state of a report. A FAILED report can be generated again.
type Status string

// The documented report statuses.
const (
	StatusPending   Status = "PENDING"
	StatusCompleted Status = "COMPLETED"
	StatusFailed    Status = "FAILED"
)

// Succeeded reports whether the report is ready to download (COMPLETED).
func (s Status) Succeeded() bool { return s == StatusCompleted }

// Pending reports whether Xendit is still building the report.
func (s Status) Pending() bool { return s == StatusPending }

// Failed reports whether Xendit could not build the report (FAILED).
func (s Status) Failed() bool { return s == StatusFailed }

// Format is the file format of a report.
type Format string

// FormatCSV is the only documented format.
const FormatCSV Format = "CSV"

// ReportVersion selects the columns of a TRANSACTIONS report. Its
// constants drop the value's repeated VERSION (ReportVersion0, not
// ReportVersionVersion0), as a type ending in Code drops it.
type ReportVersion string

// The documented report versions.
const (
	ReportVersion0 ReportVersion = "VERSION_0"
	ReportVersion1 ReportVersion = "VERSION_1"
	ReportVersion2 ReportVersion = "VERSION_2"
)
