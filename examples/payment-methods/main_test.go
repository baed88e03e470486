package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is ACTIVE: transfer to BNI 8808")
	assert.Contains(t, out, "Callback payment.succeeded.")
	assert.Contains(t, out, ": 25000 IDR SUCCEEDED.")
	assert.Contains(t, out, `Rejected before sending: field "country"`)
	assert.Contains(t, out, "is REQUIRES_ACTION.")
	assert.Contains(t, out, "Xendit answered 400 INVALID_OTP_ERROR")
	assert.Contains(t, out, "Callback payment_method.activated.")
	assert.Contains(t, out, "DIRECT_DEBIT BRI is INACTIVE.")
	assert.Contains(t, out, "is EXPIRED.")
}
