package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemo runs the example as a newcomer would and checks each merchant's
// event is processed once, under its own label, and that the mismatched
// and unknown tokens are caught.
func TestDemo(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out))
	log := out.String()
	assert.Equal(t, 1, strings.Count(log, `msg="report webhook" merchant=merchant-a`), log)
	assert.Equal(t, 1, strings.Count(log, `msg="report webhook" merchant=merchant-b`), log)
	assert.Contains(t, log, `msg="demo: delivered merchant B's report, with the same webhook-id" status=200`)
	assert.Contains(t, log, `duplicate, not processed`)
	assert.Contains(t, log, `msg="event for another merchant's account, ignored" merchant=merchant-a business_id=6a1b2c3d4e5f60718293a4b5`)
	assert.Contains(t, log, `msg="demo: delivered a token nobody registered" status=401`)
	for _, secret := range []string{"a-", "b-", "unknown-"} {
		assert.NotContains(t, log, "token="+secret)
	}
}
