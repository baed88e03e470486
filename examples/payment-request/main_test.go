package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is REQUIRES_ACTION: send the customer to https://")
	assert.Contains(t, out, "-ewallet authorised 15000 IDR")
	assert.Contains(t, out, "-card authorised 25000 IDR")
	assert.Contains(t, out, "Captured 15000 of 15000: SUCCEEDED")
	assert.Contains(t, out, "Captured 25000 of 25000: SUCCEEDED")
	assert.Contains(t, out, "(400000XXXXXX0002) is REQUIRES_ACTION: 3-D Secure at")
	assert.Contains(t, out, "Callback capture.succeeded: capture cptr-")
	assert.Contains(t, out, "Xendit answered 400 PAYMENT_REQUEST_ALREADY_COMPLETED")
	assert.Contains(t, out, "via SHOPEEPAY is PENDING")
	assert.Contains(t, out, "Callback refund.succeeded: refund order-")
	assert.Contains(t, out, "Xendit answered 400 MAXIMUM_REFUND_AMOUNT_REACHED")
}
