package contracttest

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/transactions"
)

// TestPrismReportsViolations shows that the harness sees what it guards
// against, on the file as Xendit wrote it: a request that breaks the
// schema (limit above 50, sent past the SDK's own check with Client.Do) is
// refused with a violation, and so is a static example that breaks it
// (a transaction's type is null).
func TestPrismReportsViolations(t *testing.T) {
	t.Parallel()
	c := contractWith(t, startPrismOn(t, filepath.Join("testdata", "openapi", balanceFile), static), static)
	ctx := context.Background()

	list := xendit.MustEndpoint("transactions.list_transactions")
	err := c.client.Do(ctx, &xendit.Request{Endpoint: list, Query: url.Values{"currency": {"IDR"}, "limit": {"51"}}}, new(xendit.Page[transactions.Transaction]))
	assert.Error(t, err)
	log := c.rec.take()
	if assert.Len(t, log, 1) {
		assert.Equal(t, 400, log[0].Status)
		if assert.NotEmpty(t, log[0].Violations) {
			assert.Equal(t, []string{"request", "query", "limit"}, log[0].Violations[0].Location)
		}
	}

	_, err = transactions.New(c.client).Get(ctx, transactionID)
	assert.Error(t, err)
	log = c.rec.take()
	if assert.Len(t, log, 1) {
		assert.Equal(t, 500, log[0].Status)
		if assert.NotEmpty(t, log[0].Violations) {
			assert.Equal(t, []string{"response", "body", "type"}, log[0].Violations[0].Location)
		}
	}
}
