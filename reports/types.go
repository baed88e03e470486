package reports

import (
	"encoding/json"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
)

// Report is a report, PENDING until Xendit has built it.
type Report struct {
	// ID is "report_" and a UUID.
	ID     string `json:"id"`
	Type   Type   `json:"type"`
	Status Status `json:"status"`
	Filter Filter `json:"filter"`
	Format Format `json:"format"`
	// URL is set once the report is COMPLETED; it is valid for 24 hours.
	URL        string      `json:"url"`
	Currency   string      `json:"currency"`
	BusinessID string      `json:"business_id"`
	Created    xendit.Time `json:"created"`
	Updated    xendit.Time `json:"updated"`
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
	BalanceHistory       Type = "BALANCE_HISTORY"
	Transactions         Type = "TRANSACTIONS"
	UpcomingTransactions Type = "UPCOMING_TRANSACTIONS"
	DetailedTransactions Type = "DETAILED_TRANSACTIONS"
	TransactionAnalysis  Type = "TRANSACTION_ANALYSIS"
)

// Status is the state of a report. A FAILED report can be generated again.
type Status string

// The documented report statuses.
const (
	Pending   Status = "PENDING"
	Completed Status = "COMPLETED"
	Failed    Status = "FAILED"
)

// Format is the file format of a report.
type Format string

// CSV is the only documented format.
const CSV Format = "CSV"

// ReportVersion selects the columns of a TRANSACTIONS report.
type ReportVersion string

// The documented report versions.
const (
	Version0 ReportVersion = "VERSION_0"
	Version1 ReportVersion = "VERSION_1"
	Version2 ReportVersion = "VERSION_2"
)

// Webhook event names.
const (
	EventCompleted = "reports.completed"
	EventFailed    = "reports.failed"
)

// Webhook is the body of a report webhook: the event name and the report's
// fields, flat at the top level. Decode it with [ParseWebhook] or the root
// webhook event's Decode method.
type Webhook struct {
	// Event is reports.completed or reports.failed. The reference's example
	// leaves it out, so an empty Event is possible; Report.Status tells the
	// outcome either way.
	Event string `json:"event"`
	Report
}

// ParseWebhook decodes a report webhook body.
func ParseWebhook(body []byte) (*Webhook, error) {
	var w Webhook
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("reports: decoding the webhook: %w", err)
	}
	return &w, nil
}
