package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, "Tell the Alfamart cashier: TEST")
	assert.Contains(t, out, "Tell the 7-Eleven cashier: TEST")
	assert.Contains(t, out, `Rejected before sending: field "payment_code"`)
	assert.Regexp(t, `Indonesia: order-\d+-id-1 paid 50000 IDR at ALFAMART \(SETTLING, paid: true\) for order order-\d+\.`, out)
	assert.Regexp(t, `Philippines: order-\d+-ph-1 paid 500 PHP at 7ELEVEN_CLIQQ \(COMPLETED, paid: true\) for order order-\d+\.`, out)
	assert.Contains(t, out, "The single-use Alfamart code is now INACTIVE.")
	assert.Contains(t, out, "Xendit answered 503")
	assert.Contains(t, out, "Sent 1 time(s)")
}
