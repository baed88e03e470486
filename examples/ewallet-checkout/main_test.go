package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is PENDING. Send the customer to:")
	assert.Contains(t, out, `Rejected before sending: field "channel_properties.success_redirect_url"`)
	assert.Contains(t, out, "Callback ewallet.capture: order order-")
	assert.Contains(t, out, "is SUCCEEDED (25000 IDR)")
	assert.Contains(t, out, "Callback ewallet.refund: refund of 5000 is SUCCEEDED")
	assert.Contains(t, out, "Sent 1 time(s). The charge may exist")
}
