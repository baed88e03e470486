package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "2002700 ACTIVE: pay IDR 150000.00 to VA 88908")
	assert.Contains(t, out, "Xendit answered 409 4092701 (service 27, case 01)")
	assert.Contains(t, out, "duplicate: true")
	assert.Contains(t, out, "paid IDR 150000.00, payment")
	assert.Contains(t, out, "is SUCCEEDED.")
	assert.Contains(t, out, "Sent 2 times; same headers on both: true.")
}
