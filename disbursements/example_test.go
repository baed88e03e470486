package disbursements_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/disbursements"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Paying a seller against the fake server: create the disbursement with
// the order's external_id as its idempotency key, learn the outcome from
// the disbursement callback, and, had the outcome been unknown, reconcile
// by external_id instead of paying again.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the callback.
	done := make(chan *disbursements.Disbursement, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb disbursements.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Disbursement != nil {
			done <- cb.Disbursement
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	dc := disbursements.New(client)
	ctx := context.Background()
	const externalID = "seller-7-payout-2024-05"
	d, err := dc.CreateDisbursement(ctx, &disbursements.CreateDisbursementParams{
		ExternalID:        externalID,
		BankCode:          "BCA",
		AccountHolderName: "MICHAEL CHEN",
		AccountNumber:     "1234567890",
		Description:       "May payout",
		Amount:            90000,
	}, xendit.WithIdempotencyKey(externalID))
	var xe *xendit.Error
	if errors.As(err, &xe) && xendit.OutcomeUnknown(err) {
		// Xendit may have made it: look before paying again.
		page, lookErr := dc.ListDisbursementsByExternalID(ctx, externalID)
		if lookErr != nil || len(page.Data) == 0 {
			fmt.Println("none yet: repeat the call with key", xe.IdempotencyKey)
			return
		}
		d, err = &page.Data[0], nil
	}
	if err != nil {
		fmt.Println("refused:", err)
		return
	}
	fmt.Println("status:", d.Status)

	_ = srv.CompleteDisbursement(d.ID) // the bank confirms the transfer
	got := <-done
	fmt.Println("callback:", got.ExternalID, got.Status, got.Amount)
	// Output:
	// status: PENDING
	// callback: seller-7-payout-2024-05 COMPLETED 90000
}
