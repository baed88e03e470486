package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is CAPTURED: 200000 on 400000XXXXXX0002 (CVN check M)")
	assert.Contains(t, out, "is REQUESTED (succeeded: true) after 3 attempt(s), all with X-IDEMPOTENCY-KEY")
	assert.Contains(t, out, "Same refund: true.")
	assert.Contains(t, out, "ErrIdempotencyConflict: true.")
	assert.Contains(t, out, "Sent 1 time(s); outcome unknown: true.")
	assert.Contains(t, out, "exists: charge again with a new external_id.")
}
