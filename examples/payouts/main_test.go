package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is ACCEPTED (idempotency key settlement-")
	assert.Contains(t, out, `Rejected before sending: field "currency"`)
	assert.Contains(t, out, "Callback payout.succeeded: payout settlement-")
	assert.Contains(t, out, "is ACCEPTED after 2 attempts with one key.")
	assert.Contains(t, out, "-b: 1.")
	assert.Contains(t, out, "Outcome unknown: true.")
	assert.Contains(t, out, "-c: 0.")
	assert.Contains(t, out, "None was made; paid now with the same key")
	assert.Contains(t, out, "-c: 1.")
}
