package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "2004700: render this as a QR code: 000201")
	assert.Contains(t, out, "paid IDR 85000.00 (status 00, payment qrpy-...)")
	assert.Contains(t, out, "2005100: transaction 00 Success, QR INACTIVE.")
}
