package remittance_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/remittance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A cross-border payout against the fake server: the sender and the
// recipient are customers, the payout's reference_id is its idempotency
// key, and each status change comes as a remittance_payout.* callback.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	events := make(chan *remittance.Callback, 4)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb remittance.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		events <- &cb
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ctx := context.Background()
	var ids []string
	for _, name := range []string{"Budi", "Maria"} {
		c, err := customers.New(client).Create(ctx, &customers.CreateParams{
			ReferenceID: "cust-" + name, Type: customers.TypeIndividual,
			IndividualDetail: &customers.IndividualDetail{GivenNames: name},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		ids = append(ids, c.ID)
	}

	const ref = "remit-2024-0042"
	p, err := remittance.New(client).Create(ctx, &remittance.CreateParams{
		ReferenceID:         ref,
		DestinationCurrency: xendit.CurrencyPHP,
		DestinationAmount:   35,
		SenderCustomerID:    ids[0],
		RecipientCustomerID: ids[1],
		OriginCurrency:      xendit.CurrencyIDR,
		OriginAmount:        10000,
		Description:         "Family support, May",
	}, xendit.WithIdempotencyKey(ref))
	if err != nil {
		// On xendit.OutcomeUnknown(err), repeat the call with the same key.
		fmt.Println(err)
		return
	}
	fmt.Println("status:", p.Status)

	_ = srv.SetRemittancePayoutStatus(p.ID, "SUCCEEDED", "") // Xendit's side
	cb := <-events
	fmt.Println("callback:", cb.Event, cb.ReferenceID, cb.Status.Succeeded())
	// Output:
	// status: ACCEPTED
	// callback: remittance_payout.succeeded remit-2024-0042 true
}
