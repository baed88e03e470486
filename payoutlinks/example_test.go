package payoutlinks_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/payoutlinks"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Sending a refund as a payout link, and finding out after a failed call
// whether the link was made: a second create with the same external_id is
// refused as a duplicate.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	pl := payoutlinks.New(client)
	params := &payoutlinks.CreateParams{ExternalID: "refund-order-1234", Amount: 50000, Email: "buyer@example.com"}

	link, err := pl.Create(context.Background(), params)
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("status:", link.Status)

	_, err = pl.Create(context.Background(), params)
	fmt.Println("again:", errors.Is(err, xendit.ErrDuplicate))

	voided, _ := pl.Void(context.Background(), link.ID)
	fmt.Println("voided:", voided.Status)
	// Output:
	// status: PENDING
	// again: true
	// voided: VOIDED
}
