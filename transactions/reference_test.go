package transactions_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/transactions"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	jsontest.RoundTripAll(t, map[string]func() any{
		"transactions.object.response.json": func() any { return new(transactions.Transaction) },
		"transactions.get.response.json":    func() any { return new(transactions.Transaction) },
		"transactions.list.response.json":   func() any { return new(xendit.Page[transactions.Transaction]) },
	}, nil)
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "transactions.object.response.json"), &tx))
	assert.Equal(t, 500000.0, tx.Amount)
	assert.Equal(t, transactions.FeeStatusCompleted, tx.Fee.Status)
	assert.True(t, tx.Fee.Status.Succeeded())
	assert.Equal(t, 1500.0, tx.Fee.XenditFee)
	assert.Nil(t, tx.AccountIdentifier)
	assert.Nil(t, tx.NetAmount, "documented as required, absent from the examples")
	var page xendit.Page[transactions.Transaction]
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "transactions.list.response.json"), &page))
	assert.Equal(t, "next", page.Links[0].Rel)
}

func TestUnknownValuesAndNullsDecode(t *testing.T) {
	t.Parallel()
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal([]byte(`{"id":"txn_1","type":"CASHBACK","status":"ON_HOLD","channel_category":"CRYPTO",
		"amount":10.5,"net_amount":9.5,"cashflow":"MONEY_IN","fee":null,"estimated_settlement_time":null,
		"settlement_status":"PENDING_REVIEW","created":"2021-06-23T02:42:15.601Z"}`), &tx))
	assert.Equal(t, transactions.Type("CASHBACK"), tx.Type)
	assert.Equal(t, transactions.Status("ON_HOLD"), tx.Status)
	assert.False(t, tx.Status.Succeeded() || tx.Status.Pending() || tx.Status.Failed())
	assert.Equal(t, 9.5, *tx.NetAmount)
	assert.Nil(t, tx.Fee)
	assert.True(t, tx.EstimatedSettlementTime.IsZero())
}

// Xendit's OpenAPI file lets channel_code and settlement_status be null (a
// money-out transaction has no settlement); re-encoded, a null must not
// become "".
func TestNullChannelCodeAndSettlementStatusStayNull(t *testing.T) {
	t.Parallel()
	in := []byte(`{"id":"txn_1","channel_code":null,"settlement_status":null,"estimated_settlement_time":null}`)
	var tx transactions.Transaction
	require.NoError(t, json.Unmarshal(in, &tx))
	out, err := json.Marshal(tx)
	require.NoError(t, err)
	assert.Empty(t, jsontest.Diff(in, out))
}
