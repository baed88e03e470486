package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is PENDING. Ask the customer to transfer IDR 150,000 to BNI 8808")
	assert.Contains(t, out, `Rejected before sending: field "suggested_amount"`)
	assert.Contains(t, out, "is ACTIVE.")
	assert.Contains(t, out, "Simulation COMPLETED.")
	assert.Contains(t, out, "of 150000 IDR into BNI 8808")
	assert.Contains(t, out, "the single-use account is now INACTIVE.")
	assert.Contains(t, out, "Sent 1 time(s).")
}
