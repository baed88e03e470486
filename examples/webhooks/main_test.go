package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDemoRunsWithNoSetup runs the example as a newcomer would: no token, no
// Redis. It must deliver its samples, answer each as documented, and exit.
func TestDemoRunsWithNoSetup(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, "", "", "", true))
	log := out.String()

	assert.Equal(t, 1, strings.Count(log, `msg="report webhook"`), "processed once:\n%s", log)
	assert.Contains(t, log, `report_id=report_5c1b34a2-6ceb-4c24-aba9-c836bac82b28 type=BALANCE_HISTORY status=COMPLETED`)
	assert.Contains(t, log, `msg="demo: delivered a Report webhook" status=200`)
	assert.Contains(t, log, `msg="demo: delivered the same delivery again, as a retry" status=200`)
	assert.Contains(t, log, `duplicate, not processed`)
	assert.Contains(t, log, `msg="demo: delivered a delivery with a wrong token" status=401`)
	assert.Contains(t, log, `msg="demo: delivered a body that is not JSON" status=400`)
	assert.NotContains(t, log, "demo-", "the generated token is logged")
}

func TestBadRedisAddressFailsAtStart(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), &out, "", "", "127.0.0.1:1", true)
	assert.ErrorContains(t, err, "redis at 127.0.0.1:1")
}
