package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Regexp(t, regexp.MustCompile(`Customer cust-\S+\.`), out)
	assert.Contains(t, out, `Rejected before sending: field "amount"`)
	assert.Regexp(t, regexp.MustCompile(`Plan repl-\S+ is REQUIRES_ACTION\.`), out)
	assert.Regexp(t, regexp.MustCompile(`Cycle 1 of member-\d+-gold is SCHEDULED for `), out)
	assert.Regexp(t, regexp.MustCompile(`Callback recurring.cycle.succeeded: cycle 1 of member-\d+-gold paid 99000 IDR`), out)
	assert.Contains(t, out, "Callback recurring.cycle.retrying: cycle 2 attempt failed (INSUFFICIENT_BALANCE)")
	assert.Contains(t, out, "Sent 1 time(s). The plan may exist")
}
