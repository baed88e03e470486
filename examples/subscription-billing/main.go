// Subscription-billing bills a customer monthly: it creates the customer
// (customers package), a plan for them, and follows the plan's cycles
// through their callbacks: one cycle paid, one that fails and is retried.
//
//	go run ./examples/subscription-billing
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// runs the cycles (Simulate Cycle) and sends the callbacks to a local
// webhook endpoint. With a test-mode key it creates the customer and the
// plan at Xendit; Xendit then sends the recurring callbacks to the URL set
// in your Dashboard, which this program cannot receive.
package main

import (
	"fmt"
	"log"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	sub := subscriptions.New(client)
	callbacks := &inbox{}
	if fake != nil {
		callbacks.ch = demo.Listen[subscriptions.Callback](fake) // before the plan: it calls back at once
	}

	// The subscription's reference_id is stored before the call: if the call
	// ends with an unknown outcome, the callbacks carrying it tell what
	// happened.
	member := fmt.Sprintf("member-%d", time.Now().Unix())
	demo.Step("1. Create the INDIVIDUAL customer " + member)
	customer, err := customers.New(client).Create(ctx, &customers.CreateParams{
		ReferenceID: member, Type: customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi", Surname: xendit.Ptr("Santoso")},
		Email:            xendit.Ptr("budi@example.com"),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Customer %s.\n", customer.ID)

	demo.Step("2. A plan below the IDR minimum is refused before sending")
	params := &subscriptions.CreatePlanParams{
		ReferenceID: member + "-gold", CustomerID: customer.ID,
		RecurringAction: subscriptions.RecurringActionPayment, Currency: xendit.CurrencyIDR, Amount: 500,
		Schedule: &subscriptions.ScheduleParams{
			ReferenceID: member + "-gold-monthly", Interval: subscriptions.IntervalMonth, IntervalCount: 1,
			RetryInterval: xendit.Ptr(subscriptions.IntervalDay), RetryIntervalCount: xendit.Ptr(1), TotalRetry: xendit.Ptr(2),
		},
		SuccessReturnURL: xendit.Ptr("https://shop.example/subscribed"),
		FailureReturnURL: xendit.Ptr("https://shop.example/not-subscribed"),
	}
	_, err = sub.CreatePlan(ctx, params)
	demo.Explain(err)

	demo.Step("3. Create a monthly plan of IDR 99,000 for " + params.ReferenceID)
	params.Amount = 99000
	plan, err := sub.CreatePlan(ctx, params)
	if err != nil {
		demo.Explain(err)
		if xendit.OutcomeUnknown(err) {
			fmt.Printf("   The plan may exist: wait for a callback with reference_id %s before creating it again.\n", params.ReferenceID)
		}
		os.Exit(1)
	}
	fmt.Printf("   Plan %s is %s.\n", plan.ID, plan.Status)
	for _, a := range plan.Actions {
		fmt.Printf("   Send the customer to %s to authorize the payment method (%s).\n", a.URL, a.Action)
	}
	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's recurring callback URL as the plan and its cycles move.")
		return
	}

	demo.Step("4. The customer authorizes the payment method; Xendit activates the plan and schedules a cycle")
	if err := fake.ActivateSubscriptionPlan(plan.ID); err != nil {
		log.Fatal(err)
	}
	cycle := callbacks.await(subscriptions.EventCycleCreated).Cycle
	fmt.Printf("   Cycle %d of %s is %s for %s.\n", cycle.CycleNumber, cycle.ReferenceID, cycle.Status,
		cycle.ScheduledTimestamp.Format("2006-01-02"))

	demo.Step("5. (Test mode) the cycle's payment goes through")
	if _, err := sub.SimulateCycle(ctx, plan.ID, cycle.ID, &subscriptions.SimulateCycleParams{Amount: cycle.Amount}); err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	paid := callbacks.await(subscriptions.EventCycleSucceeded).Cycle
	fmt.Printf("   Callback %s: cycle %d of %s paid %.0f %s; extend the membership.\n",
		subscriptions.EventCycleSucceeded, paid.CycleNumber, paid.ReferenceID, paid.Amount, paid.Currency)
	next := callbacks.await(subscriptions.EventCycleCreated).Cycle

	demo.Step("6. (Test mode) the next payment fails; Xendit retries")
	if _, err := sub.SimulateCycle(ctx, plan.ID, next.ID, &subscriptions.SimulateCycleParams{Amount: 1}); err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	retry := callbacks.await(subscriptions.EventCycleRetrying).Cycle
	last := retry.AttemptDetails[len(retry.AttemptDetails)-1]
	fmt.Printf("   Callback %s: cycle %d attempt failed (%s); next try %s.\n", subscriptions.EventCycleRetrying,
		retry.CycleNumber, *last.FailureCode, last.NextRetryTimestamp.Format("2006-01-02"))

	demo.Step("7. If Xendit answers 503 to a create, it is not sent again")
	fake.InjectFault(xendittest.Fault{Path: "/recurring/plans", Status: 503, Times: 3})
	params.ReferenceID = member + "-silver"
	var resp xendit.Response
	_, err = sub.CreatePlan(ctx, params, xendit.CaptureResponse(&resp))
	demo.Explain(err)
	if xendit.OutcomeUnknown(err) {
		fmt.Printf("   Sent %d time(s). The plan may exist: wait for a callback with reference_id %s\n"+
			"   before creating it again.\n", resp.Attempts, params.ReferenceID)
	}
	fmt.Println("\nDone. Set XENDIT_SECRET_KEY to a test-mode key to create the plan at Xendit.")
}

// inbox hands out callbacks by event: the plan's and the cycles'
// callbacks are sent independently, in no fixed order, so one that arrives
// before it is asked for waits here.
type inbox struct {
	ch      <-chan *subscriptions.Callback
	pending []*subscriptions.Callback
}

// await returns the first callback of event, received or still to come.
func (in *inbox) await(event string) *subscriptions.Callback {
	for i, cb := range in.pending {
		if cb.Event == event {
			in.pending = append(in.pending[:i], in.pending[i+1:]...)
			return cb
		}
	}
	for {
		cb := demo.Await(in.ch)
		if cb.Event == event {
			return cb
		}
		in.pending = append(in.pending, cb)
	}
}
