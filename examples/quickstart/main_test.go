package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

// TestRunsOfflineAgainstTheFake runs the quickstart as a newcomer would on a
// fresh clone: no key, no network.
func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)

	assert.Contains(t, out, "Cash balance: 1250000.00")
	assert.Contains(t, out, "59 of 60 requests left")
	assert.Contains(t, out, "Holding balance: 75000.00")
	assert.Contains(t, out, `Rejected before sending: field "account_type"`)
	assert.Contains(t, out, "after 2 attempts")
	assert.Contains(t, out, "401 INVALID_API_KEY")
}
