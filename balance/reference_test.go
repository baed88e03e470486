package balance_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	jsontest.RoundTripAll(t, map[string]func() any{
		"balances.get.response.json": func() any { return new(balance.Balance) },
	}, nil)
}

func TestReferenceExampleDecodes(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/balances.get.response.json")
	require.NoError(t, err)
	var b balance.Balance
	require.NoError(t, json.Unmarshal(raw, &b))
	assert.Equal(t, 1241231.0, b.Balance)
	back, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, string(raw), string(back), "a round trip loses nothing")
}
