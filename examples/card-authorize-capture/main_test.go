package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "is AUTHORIZED for 150000; 3DS authenticated (ECI 05): true")
	assert.Contains(t, out, "Xendit answered 400 AMOUNT_GREATER_THAN_AUTHORIZED_ERROR")
	assert.Contains(t, out, "is CAPTURED: 120000 captured of 150000")
	assert.Contains(t, out, "Reversal SUCCEEDED: 80000 released.")
	assert.Contains(t, out, "Xendit answered 400 INVALID_CHARGE_STATUS_ERROR")
}
