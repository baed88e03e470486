package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, `Rejected before sending: field "amount"`)
	assert.Contains(t, out, "Plan option:")
	assert.Contains(t, out, "Callback paylater.payment: order order-")
	assert.Contains(t, out, "is SUCCEEDED (900000 IDR)")
	assert.Contains(t, out, "of 900000 is PENDING")
}
