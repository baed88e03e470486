package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is PENDING. Send the customer to:")
	assert.Contains(t, out, `Rejected before sending: field "invoice_duration"`)
	assert.Contains(t, out, "is PAID (150000 IDR by BANK_TRANSFER BCA)")
	assert.Contains(t, out, "-abandoned is EXPIRED.")
	assert.Contains(t, out, "Sent 1 time(s); 0 invoice(s) with external_id")
}
