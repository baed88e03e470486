package main

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunsOfflineAgainstTheFake runs the quickstart as a newcomer would on a
// fresh clone: no key, no network.
func TestRunsOfflineAgainstTheFake(t *testing.T) {
	t.Setenv("XENDIT_SECRET_KEY", "")
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	main()
	os.Stdout = stdout
	require.NoError(t, w.Close())
	out := <-done

	assert.Contains(t, out, "Cash balance: 1250000.00")
	assert.Contains(t, out, "59 of 60 requests left")
	assert.Contains(t, out, "Holding balance: 75000.00")
	assert.Contains(t, out, `Rejected before sending: field "account_type"`)
	assert.Contains(t, out, "after 2 attempts")
	assert.Contains(t, out, "401 INVALID_API_KEY")
}
