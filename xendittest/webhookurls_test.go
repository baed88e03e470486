package xendittest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/xenplatform"
)

// TestSetWebhookURLRoutesEachDisbursementCallback: the Dashboard has a URL
// for Indonesian, Philippine and batch disbursements; a sub-account's URL
// set for each type gets that type's callback.
func TestSetWebhookURLRoutesEachDisbursementCallback(t *testing.T) {
	t.Parallel()
	p := newPlatform(t)
	xp, dc := xenplatform.New(p.c), disbursements.New(p.c)
	for _, typ := range []xenplatform.WebhookType{xenplatform.WebhookTypeDisbursement, xenplatform.WebhookTypePHDisbursement,
		xenplatform.WebhookTypeBatchDisbursement} {
		_, err := xp.SetWebhookURL(t.Context(), typ, &xenplatform.SetWebhookURLParams{URL: "https://stall.example/" + string(typ)}, p.as())
		require.NoError(t, err)
	}
	for bank, account := range map[string]string{"BCA": "1234567890", "PH_GCASH": "09171234567"} {
		d, err := dc.CreateDisbursement(t.Context(), &disbursements.CreateDisbursementParams{ExternalID: "pay-" + bank, BankCode: bank,
			AccountHolderName: "JUAN CRUZ", AccountNumber: account, Description: "Payout", Amount: 500}, p.as())
		require.NoError(t, err)
		require.NoError(t, p.srv.CompleteDisbursement(d.ID))
	}
	b, err := dc.CreateBatch(t.Context(), &disbursements.CreateBatchParams{Reference: "payday-1", Disbursements: []disbursements.BatchItem{
		{Amount: 20000, BankCode: "BCA", BankAccountName: "Stanley", BankAccountNumber: "1234567890", Description: "Salary"}}}, p.as())
	require.NoError(t, err)
	require.NoError(t, p.srv.CompleteBatchDisbursement(b.ID))

	var urls []string
	for _, d := range p.srv.Deliveries(p.sub) {
		urls = append(urls, d.URL)
	}
	assert.ElementsMatch(t, []string{"https://stall.example/disbursement", "https://stall.example/ph_disbursement",
		"https://stall.example/batch_disbursement"}, urls)
}
