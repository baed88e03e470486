package payouts_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Paying a seller against the fake server: create the payout with your
// reference as the idempotency key, and learn the outcome from the
// payout.succeeded callback.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	done := make(chan *payouts.Callback, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb payouts.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		done <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	po := payouts.New(client)
	ref := "settlement-2024-06-seller-42"
	payout, err := po.CreatePayout(context.Background(), &payouts.CreatePayoutParams{
		ReferenceID: ref,
		ChannelCode: payouts.ChannelBCA,
		ChannelProperties: payouts.ChannelProperties{
			AccountHolderName: "Michael Chen",
			AccountNumber:     "0000000000",
		},
		Amount:   150000,
		Currency: xendit.CurrencyIDR,
	}, xendit.WithIdempotencyKey(ref))
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("status:", payout.Status)

	_ = srv.CompletePayout(payout.ID) // the bank credits the seller
	cb := <-done
	fmt.Println("callback:", cb.Event, cb.Payout.ReferenceID, cb.Payout.Amount)
	// Output:
	// status: ACCEPTED
	// callback: payout.succeeded settlement-2024-06-seller-42 150000
}

// Checking an amount against a channel's limits before sending.
func ExampleChannel_CheckAmount() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client()
	po := payouts.New(client)

	page, err := po.ListChannels(context.Background(), &payouts.ListChannelsParams{
		ChannelCode: xendit.Ptr(payouts.ChannelBCA),
	})
	if err != nil || len(page.Data) == 0 {
		fmt.Println("no channel:", err)
		return
	}
	bca := page.Data[0]
	fmt.Println(bca.ChannelName, "minimum:", bca.AmountLimits.Minimum)
	var ve *xendit.ValidationError
	if err := bca.CheckAmount(5000); errors.As(err, &ve) {
		fmt.Println("refused:", ve.Field)
	}
	// Output:
	// Bank Central Asia (BCA) minimum: 10000
	// refused: amount
}
