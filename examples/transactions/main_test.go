package main

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Contains(t, out, `Rejected before sending: field "currency" is required`)
	// Pages are fetched as the loop reaches them, between its lines.
	assert.Contains(t, out, "   -> GET /transactions: fetching the first page\n   txn_seed_0007  PAYMENT  IDR   7000.00  order-0007\n")
	assert.Contains(t, out, "   txn_seed_0005  PAYMENT  IDR   5000.00  order-0005\n   -> GET /transactions: fetching the page after txn_seed_0005\n")
	assert.Contains(t, out, "7 transactions in 3 pages.")
	assert.Contains(t, out, "Stopped after 2 transactions; 1 page(s) fetched.")
	assert.Contains(t, out, "PHP   1250.50  order-ph-0001 via GCASH")
	assert.Contains(t, out, "1 PHP transaction(s)")
}
