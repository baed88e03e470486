package contracttest

import (
	"context"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/payouts"
)

const payoutID = "disb-5594002a-d0a0-4cd9-b3f7-f5992abc8e48"

// TestPayoutFile runs the Payouts API's calls against payout.yaml, one
// Prism per answer mode.
func TestPayoutFile(t *testing.T) {
	t.Parallel()
	each(t, payoutFile, payoutCalls)
}

// payoutParams sets every field of Create the file defines, so that the
// schema sees all of them.
func payoutParams() *payouts.CreatePayoutParams {
	return &payouts.CreatePayoutParams{
		ReferenceID: "DISB-001", ChannelCode: "PH_BDO", Amount: 15000.05, Currency: xendit.CurrencyPHP,
		ChannelProperties: payouts.ChannelProperties{AccountHolderName: "Adam Gilcrist", AccountNumber: "9999999999",
			AccountType: xendit.Ptr(payouts.AccountTypeBankAccount)},
		Description: xendit.Ptr("Cashback 2020"),
		ReceiptNotification: &payouts.ReceiptNotification{EmailTo: []string{"to@example.com"},
			EmailCC: []string{"cc@example.com"}, EmailBCC: []string{"bcc@example.com"}},
		Metadata: map[string]any{"external_party": "xendit"},
	}
}

func payoutCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := payouts.New(c.client)

	p, err := api.CreatePayout(ctx, payoutParams(), xendit.ForUserID("5f9a3fbd571a1c4068aa40ce"))
	c.decoded("CreatePayout", p, err)

	p, err = api.GetPayout(ctx, payoutID)
	c.decoded("GetPayout", p, err)

	p, err = api.CancelPayout(ctx, payoutID)
	c.decoded("CancelPayout", p, err)

	// The list's schema example has data [null, null], which breaks the
	// schema; static mode asks for the named example instead.
	var listed []xendit.RequestOption
	if c.mode == static {
		listed = []xendit.RequestOption{xendit.WithHeader("Prefer", "example=With matching payouts")}
	}
	page, err := api.ListPayouts(ctx, &payouts.ListPayoutsParams{ReferenceID: "DISB-001", Limit: xendit.Ptr(10),
		AfterID: xendit.Ptr(payoutID), BeforeID: xendit.Ptr(payoutID)}, listed...)
	c.decoded("ListPayouts", page, err)

	channels, err := api.ListChannels(ctx, &payouts.ListChannelsParams{Currency: xendit.Ptr(xendit.CurrencyIDR),
		ChannelCategory: xendit.Ptr(payouts.ChannelCategoryBank), ChannelCode: xendit.Ptr(payouts.ChannelCode("ID_MANDIRI"))})
	var data []payouts.Channel
	if channels != nil {
		data = channels.Data
	}
	c.decoded("ListChannels", data, err)
}
