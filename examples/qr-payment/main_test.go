package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is ACTIVE until")
	assert.Contains(t, out, `Rejected before sending: field "type"`)
	assert.Contains(t, out, "of 25000 IDR is SUCCEEDED")
	assert.Contains(t, out, "Callback qr.payment: order order-")
	assert.Contains(t, out, "Xendit answered 410 INACTIVE_QR_CODE")
	assert.Contains(t, out, "Callback qr.refund: refund of 5000 is SUCCEEDED")
	assert.Contains(t, out, "created in 2 attempts, with one key")
	assert.Contains(t, out, "Sent 1 time(s). The payment may exist")
}
