package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	first := regexp.MustCompile(`Report (report_\S+) is PENDING: Xendit builds it`).FindStringSubmatch(out)
	if assert.Len(t, first, 2) {
		assert.Contains(t, out, "Webhook reports.completed (webhook-id xendittest-")
		assert.Contains(t, out, "): report "+first[1]+" is COMPLETED.", "the webhook is about the report generated")
	}
	second := regexp.MustCompile(`Report (report_\S+) is PENDING; Wait calls Get`).FindStringSubmatch(out)
	if assert.Len(t, second, 2) {
		assert.Contains(t, out, "Wait says: report "+second[1]+" is COMPLETED after ")
		assert.Contains(t, out, "Its webhook arrived as well: reports.completed for "+second[1]+".")
	}
	assert.Regexp(t, regexp.MustCompile(`Webhook reports.failed: report report_\S+ is FAILED\.`), out)
	assert.Contains(t, out, "FAILED (errors.Is(err, reports.ErrFailed))")
}
