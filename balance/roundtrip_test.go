package balance_test

import (
	"testing"

	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestExamplesRoundTrip(t *testing.T) {
	jsontest.RoundTripAll(t, map[string]func() any{
		"balances.get.response.json": func() any { return new(balance.Balance) },
	}, nil)
}
