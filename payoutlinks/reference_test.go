package payoutlinks_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/payoutlinks"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	link := func() any { return new(payoutlinks.PayoutLink) }
	jsontest.RoundTripAll(t, map[string]func() any{
		"payoutlinks.create.response.json": link,
		"payoutlinks.get.response.json":    link,
		"payoutlinks.void.response.json":   link,
	}, nil)
}

// TestTestdataIsTheReference keeps the copies in testdata equal to the
// reference data's examples.
func TestTestdataIsTheReference(t *testing.T) {
	t.Parallel()
	n := 0
	for _, e := range reference.Endpoints() {
		if e.Area != "payoutlinks" {
			continue
		}
		for _, ex := range e.Examples {
			var want, got any
			require.NoError(t, json.Unmarshal(ex.JSON, &want), ex.Name)
			require.NoError(t, json.Unmarshal(jsontest.Load(t, ex.Name), &got), ex.Name)
			assert.Equal(t, want, got, ex.Name)
			n++
		}
	}
	assert.Equal(t, 3, n)
}

func TestExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var created payoutlinks.PayoutLink
	jsontest.Strict(t, "payoutlinks.create.response.json", &created)
	assert.Equal(t, "demo_2392329329", created.ExternalID)
	assert.Equal(t, 23000.0, created.Amount)
	assert.True(t, created.Status.Pending())
	assert.Equal(t, "https://payout.xendit.co/web/67f1b30c-0262-4955-8777-95aa0478c2fc", created.PayoutURL)
	assert.Equal(t, time.Date(2019, 12, 12, 6, 13, 21, 637e6, time.UTC), created.ExpirationTimestamp.Time)

	var voided payoutlinks.PayoutLink
	jsontest.Strict(t, "payoutlinks.void.response.json", &voided)
	assert.Equal(t, payoutlinks.StatusVoided, voided.Status)
	assert.True(t, voided.Status.Failed())
	assert.Empty(t, voided.PayoutURL)
}
