package reports_test

import (
	"testing"

	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/reports"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	report := func() any { return new(reports.Report) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"reports.object.response.json":   report,
		"reports.generate.response.json": report,
		"reports.get.response.json":      report,
		"reports.webhook.webhook.json":   func() any { return new(reports.Callback) },
		"reports.webhook.completed.json": func() any { return new(reports.Callback) },
	}, nil)
}
