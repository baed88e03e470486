package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "Callback account.created: account ")
	assert.Contains(t, out, "prints as [redacted]")
	assert.Contains(t, out, "Callback ewallet.capture for ")
	assert.Contains(t, out, "is SUCCEEDED")
	assert.Contains(t, out, "Transfer delivery-")
	assert.Contains(t, out, "The platform holds IDR 10000.")
	assert.Contains(t, out, "The seller holds IDR 40000.")
	assert.Contains(t, out, "Callback account.suspended: SUSPENDED (FRAUD_PROMO_ABUSE)")
	assert.Contains(t, out, "errors.Is(err, xendit.ErrSubAccount): true")
}
