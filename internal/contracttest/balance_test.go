package contracttest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/transactions"
)

const transactionID = "txn_438e4b61-7c4c-4dbb-bbba-94a896bff333"

// TestBalanceAndTransactionFile runs the Balance and Transactions APIs'
// calls against balance_and_transaction.yaml, one Prism per answer mode.
func TestBalanceAndTransactionFile(t *testing.T) {
	t.Parallel()
	each(t, balanceFile, func(t *testing.T, c *contract) {
		balanceCalls(t, c)
		transactionCalls(t, c)
	})
}

func balanceCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := balance.New(c.client)
	for _, p := range []*balance.GetParams{
		nil,
		{AccountType: xendit.Ptr(balance.AccountTypeCash), Currency: xendit.Ptr(xendit.CurrencyIDR)},
		{AccountType: xendit.Ptr(balance.AccountTypeHolding), Currency: xendit.Ptr(xendit.CurrencyPHP)},
		// at_timestamp is in the reference, not in the file; Prism
		// lets an unknown query parameter through.
		{AccountType: xendit.Ptr(balance.AccountTypeTax), Currency: xendit.Ptr(xendit.CurrencyUSD), AtTimestamp: time.Date(2023, 1, 2, 3, 4, 5, 0, time.UTC)},
	} {
		b, err := api.Get(ctx, p, xendit.ForUserID("5dbf20d7c8eb0c0896f811b6"))
		c.decoded("balance.Get", b, err)
		if c.mode == static && b != nil {
			assert.Equal(t, 123000.12, b.Balance)
		}
	}
}

func transactionCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := transactions.New(c.client)

	got, err := api.Get(ctx, transactionID, xendit.ForUserID("5dbf20d7c8eb0c0896f811b6"))
	c.decoded("transactions.Get", got, err)
	if c.mode == static && got != nil {
		assert.Equal(t, transactionID, got.ID)
		assert.Equal(t, 150.21, got.Amount)
		assert.Equal(t, transactions.CashflowMoneyIn, got.Cashflow)
		assert.Equal(t, 10.0, got.Fee.XenditFee)
	}

	day := time.Date(2020, 8, 29, 17, 0, 0, 0, time.UTC)
	params := &transactions.ListParams{
		Currency:          xendit.CurrencyIDR,
		Types:             []transactions.Type{transactions.TypeDisbursement, transactions.TypePayment, transactions.TypeRemittancePayout, transactions.TypeTransfer, transactions.TypeRefund},
		Statuses:          []transactions.Status{transactions.StatusPending, transactions.StatusSuccess, transactions.StatusFailed, transactions.StatusVoided, transactions.StatusReversed},
		ChannelCategories: []transactions.ChannelCategory{transactions.ChannelCategoryBank, transactions.ChannelCategoryCash, transactions.ChannelCategoryCards, transactions.ChannelCategoryCardlessCredit, transactions.ChannelCategoryDirectDebit, transactions.ChannelCategoryEWallet, transactions.ChannelCategoryPayLater, transactions.ChannelCategoryQRCode, transactions.ChannelCategoryRetailOutlet, transactions.ChannelCategoryVirtualAccount, transactions.ChannelCategoryXenPlatform},
		ReferenceID:       xendit.Ptr("ref23232"),
		ProductID:         xendit.Ptr("d290f1ee-6c54-4b01-90e6-d701748f0701"),
		AccountIdentifier: xendit.Ptr("123123123"),
		Amount:            xendit.Ptr(150.21),
		CreatedFrom:       day, CreatedTo: day.Add(24 * time.Hour),
		UpdatedFrom: day, UpdatedTo: day.Add(48 * time.Hour),
		Limit:   xendit.Ptr(50),
		AfterID: xendit.Ptr(transactionID),
	}
	page, err := api.List(ctx, params)
	c.decoded("transactions.List", page, err)
	before := *params
	before.AfterID, before.BeforeID, before.Limit = nil, xendit.Ptr(transactionID), xendit.Ptr(1)
	page, err = api.List(ctx, &before)
	c.decoded("transactions.List before_id", page, err)
	page, err = api.List(ctx, &transactions.ListParams{Currency: xendit.CurrencyPHP})
	c.decoded("transactions.List PHP", page, err)

	// All follows after_id from page to page. Prism answers every page
	// alike, so the second page repeats the first's last id and All
	// stops with its loop guard (or ends when has_more is false).
	n, pages := 0, 0
	requests := func() {
		log := c.rec.take()
		pages += len(log)
		for _, x := range log {
			for _, v := range x.Violations {
				t.Errorf("transactions.All: %s: Prism answered %d: %s %v: %s", x.URL, x.Status,
					strings.Join(v.Location, "."), v.Code, v.Message)
			}
		}
	}
	for tx, err := range api.All(ctx, &transactions.ListParams{Currency: xendit.CurrencyIDR, Limit: xendit.Ptr(2)}) {
		requests()
		if err != nil {
			assert.ErrorIs(t, err, xendit.ErrPagination, "transactions.All")
			break
		}
		assert.NotEmpty(t, tx.ID)
		n++
	}
	requests() // a last page without items
	assert.Positive(t, pages, "transactions.All sent no request")
	if c.mode == static {
		assert.Equal(t, 2, pages, "All asks for a second page with after_id")
		assert.Equal(t, 4, n)
	}
}
