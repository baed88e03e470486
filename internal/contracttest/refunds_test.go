package contracttest

import (
	"context"
	"testing"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/refunds"
)

const refundID = "rfd-3ece8615-41b7-4983-a3f0-a037430b6036"

// TestRefundFile runs the Refunds API's calls against refund.yaml, one
// Prism per answer mode.
func TestRefundFile(t *testing.T) {
	t.Parallel()
	each(t, refundFile, refundCalls)
}

func refundCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := refunds.New(c.client)

	r, err := api.Create(ctx, &refunds.CreateParams{PaymentRequestID: xendit.Ptr("pr-3ece8615-41b7-4983-a3f0-a037430b6036"),
		ReferenceID: xendit.Ptr("order-1234"), Amount: xendit.Ptr(1500.0), Currency: xendit.Ptr(xendit.CurrencyPHP),
		Reason: xendit.Ptr(refunds.ReasonCancellation), Metadata: map[string]any{"foo": "bar"}},
		xendit.ForUserID("5f9a3fbd571a1c4068aa40ce"))
	c.decoded("Create", r, err)

	r, err = api.Get(ctx, refundID)
	c.decoded("Get", r, err)

	r, err = api.Cancel(ctx, refundID)
	c.decoded("Cancel", r, err)

	page, err := api.List(ctx, &refunds.ListParams{PaymentRequestID: xendit.Ptr("pr-1"), ChannelCode: xendit.Ptr("SHOPEEPAY"),
		PaymentMethodType: xendit.Ptr("EWALLET"), Limit: xendit.Ptr(10), AfterID: xendit.Ptr(refundID)})
	c.decoded("List", page, err)
}
