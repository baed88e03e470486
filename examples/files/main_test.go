package main

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go/internal/exampletest"
)

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := exampletest.Run(t, main)
	assert.Regexp(t, regexp.MustCompile(`Uploaded as file-\S+\.`), out)
	// 9 bytes of header, 4000 lines of 69, 6 of trailer.
	assert.Contains(t, out, ": CHARGEBACK_EVIDENCE, application/pdf, 276015 bytes")
	assert.Contains(t, out, "Downloaded 276015 bytes.")
	assert.Contains(t, out, "The checksums match")
	sums := regexp.MustCompile(`SHA-256 sent:       ([0-9a-f]{64})\n   SHA-256 downloaded: ([0-9a-f]{64})\n`).FindStringSubmatch(out)
	if assert.Len(t, sums, 3) {
		assert.Equal(t, sums[1], sums[2])
	}
	assert.Contains(t, out, `Rejected before sending: field "file" has type "image/gif"`)
	assert.Regexp(t, regexp.MustCompile(`Deleted file-\S+: true\.`), out)
	assert.Contains(t, out, "404 DATA_NOT_FOUND")
}
