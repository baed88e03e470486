package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "2020700 Request In Progress, in progress: true;")
	assert.Contains(t, out, "is REQUIRES_ACTION.")
	assert.Contains(t, out, "Refused (validation: true).")
	assert.Contains(t, out, "The card is ACTIVE.")
	assert.Contains(t, out, "2005400: payment pr-... needs AUTH by API.")
	assert.Contains(t, out, "Callback snap.direct_debit.succeeded verified: Success, IDR 2500000.00 paid.")
	assert.Contains(t, out, "2005800: refund of IDR 500000.00 is SUCCESS.")
}
