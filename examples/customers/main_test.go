package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Regexp(t, regexp.MustCompile(`Created customer cust-\S+ for reference_id customer-\d+\.`), out)
	assert.Regexp(t, regexp.MustCompile(`Idempotency key sent: [0-9a-f-]{36}`), out)
	assert.Contains(t, out, "(same as before: true)")
	assert.Contains(t, out, "Budi, e-mail budi@example.com, mobile +6281234567890.")
	assert.Contains(t, out, "Now: phone +62215551234, mobile (none), e-mail budi@example.com (unchanged).")
	assert.Contains(t, out, "errors.Is(err, xendit.ErrDuplicate) is true")
}
