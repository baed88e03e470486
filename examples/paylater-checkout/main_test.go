package main

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runMain runs the example as a newcomer would, without a key, and returns
// what it printed.
func runMain(t *testing.T) string {
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
	return <-done
}

func TestRunsOfflineAgainstTheFake(t *testing.T) {
	out := runMain(t)
	assert.Contains(t, out, `Rejected before sending: field "amount"`)
	assert.Contains(t, out, "Plan option:")
	assert.Contains(t, out, "Callback paylater.payment: order order-")
	assert.Contains(t, out, "is SUCCEEDED (900000 IDR)")
	assert.Contains(t, out, "of 900000 is PENDING")
}
