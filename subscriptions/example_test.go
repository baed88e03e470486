package subscriptions_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A monthly subscription against the fake server: a customer, a plan for
// them, and the cycle callbacks that say when a payment is due and when it
// went through, matched to the subscription by reference_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	cycles := make(chan *subscriptions.Callback, 4)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb subscriptions.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Cycle != nil {
			cycles <- &cb
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	ctx := context.Background()
	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	customer, err := customers.New(client).Create(ctx, &customers.CreateParams{
		ReferenceID: "member-42", Type: customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi"},
	})
	if err != nil {
		fmt.Println("customer:", err)
		return
	}
	sub := subscriptions.New(client)
	plan, err := sub.CreatePlan(ctx, &subscriptions.CreatePlanParams{
		ReferenceID: "member-42-gold", CustomerID: customer.ID,
		RecurringAction: subscriptions.RecurringActionPayment, Currency: xendit.CurrencyIDR, Amount: 99000,
		Schedule: &subscriptions.ScheduleParams{
			ReferenceID: "member-42-gold-monthly", Interval: subscriptions.IntervalMonth, IntervalCount: 1,
		},
		PaymentMethods: []subscriptions.PaymentMethod{{PaymentMethodID: "pm-card-of-budi", Rank: 1}},
	})
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("plan:", plan.Status)

	created := <-cycles
	fmt.Println(created.Event, created.Cycle.ReferenceID, created.Cycle.CycleNumber, created.Cycle.Status)

	// Test mode only: run the cycle's payment now, paid in full.
	_, _ = sub.SimulateCycle(ctx, plan.ID, created.Cycle.ID, &subscriptions.SimulateCycleParams{Amount: 99000})
	for cb := range cycles {
		if cb.Event == subscriptions.EventCycleSucceeded {
			fmt.Println(cb.Event, cb.Cycle.ReferenceID, cb.Cycle.Amount, cb.Cycle.Status.Succeeded())
			break
		}
	}
	// Output:
	// plan: ACTIVE
	// recurring.cycle.created member-42-gold 1 SCHEDULED
	// recurring.cycle.succeeded member-42-gold 99000 true
}
