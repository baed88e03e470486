package subscriptions_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	client    *xendit.Client
	sub       *subscriptions.Client
	callbacks <-chan fake.Delivery[subscriptions.Callback]
}

// newFixture starts a fake Xendit that delivers its callbacks to a
// receiver the fixture reads.
func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, client: c, sub: subscriptions.New(c), callbacks: fake.Callbacks[subscriptions.Callback](t, srv)}
}

// next waits for the next callback with the given event, failing on any
// other: the fake sends a plan's and its cycle's callbacks in the
// background, so their order among themselves is not fixed.
func (f *fixture) next(t *testing.T, events ...string) map[string]*subscriptions.Callback {
	t.Helper()
	got := map[string]*subscriptions.Callback{}
	for len(got) < len(events) {
		select {
		case d := <-f.callbacks:
			require.Contains(t, events, d.Payload.Event)
			got[d.Payload.Event] = d.Payload
		case <-time.After(5 * time.Second):
			t.Fatalf("callbacks %v: got only %d", events, len(got))
		}
	}
	return got
}

// customer creates an INDIVIDUAL customer through the customers package.
func (f *fixture) customer(t *testing.T, ref string) string {
	t.Helper()
	c, err := customers.New(f.client).Create(t.Context(), &customers.CreateParams{
		ReferenceID: ref, Type: customers.TypeIndividual,
		IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi"},
	})
	require.NoError(t, err)
	return c.ID
}

func monthly(ref, customerID string) *subscriptions.CreatePlanParams {
	return &subscriptions.CreatePlanParams{
		ReferenceID: ref, CustomerID: customerID, RecurringAction: subscriptions.RecurringActionPayment,
		Currency: xendit.CurrencyIDR, Amount: 99000,
		Schedule: &subscriptions.ScheduleParams{
			ReferenceID: ref + "-schedule", Interval: subscriptions.IntervalMonth, IntervalCount: 1,
			AnchorDate:    xendit.Ptr(time.Date(2030, 1, 15, 0, 0, 0, 0, time.UTC)),
			RetryInterval: xendit.Ptr(subscriptions.IntervalDay), RetryIntervalCount: xendit.Ptr(1), TotalRetry: xendit.Ptr(1),
		},
		PaymentMethods:    []subscriptions.PaymentMethod{{PaymentMethodID: "pm-1", Rank: 1}},
		FailedCycleAction: xendit.Ptr(subscriptions.FailedCycleActionStop),
	}
}

// activePlan creates a plan and reads its two first callbacks.
func (f *fixture) activePlan(t *testing.T, ref string) (*subscriptions.Plan, *subscriptions.Cycle) {
	t.Helper()
	plan, err := f.sub.CreatePlan(t.Context(), monthly(ref, f.customer(t, ref)))
	require.NoError(t, err)
	cbs := f.next(t, subscriptions.EventPlanActivated, subscriptions.EventCycleCreated)
	return plan, cbs[subscriptions.EventCycleCreated].Cycle
}

func TestCreatePlanActivatesAndSchedulesTheFirstCycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	customerID := f.customer(t, "member-1")
	plan, err := f.sub.CreatePlan(t.Context(), monthly("member-1", customerID))
	require.NoError(t, err)
	assert.Equal(t, subscriptions.PlanStatusActive, plan.Status)
	assert.True(t, plan.Status.Active())
	assert.Equal(t, customerID, plan.CustomerID)
	require.NotNil(t, plan.Schedule)
	assert.Equal(t, subscriptions.IntervalMonth, plan.Schedule.Interval)

	cbs := f.next(t, subscriptions.EventPlanActivated, subscriptions.EventCycleCreated)
	assert.Equal(t, plan.ID, cbs[subscriptions.EventPlanActivated].Plan.ID)
	cycle := cbs[subscriptions.EventCycleCreated].Cycle
	require.NotNil(t, cycle)
	assert.Equal(t, "member-1", cycle.ReferenceID, "cycles carry the plan's reference_id")
	assert.Equal(t, subscriptions.CycleStatusScheduled, cycle.Status)
	assert.Equal(t, 1, cycle.CycleNumber)
	assert.Equal(t, time.Date(2030, 1, 15, 0, 0, 0, 0, time.UTC), cycle.ScheduledTimestamp.Time)

	got, err := f.sub.GetPlan(t.Context(), plan.ID)
	require.NoError(t, err)
	assert.Equal(t, plan.ID, got.ID)
	sched, err := f.sub.GetSchedule(t.Context(), plan.ScheduleID)
	require.NoError(t, err)
	assert.Equal(t, plan.ScheduleID, sched.ID)
	assert.Equal(t, "member-1-schedule", sched.ReferenceID)
}

func TestAPlanWithoutPaymentMethodWaitsForTheCustomer(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	params := monthly("member-2", f.customer(t, "member-2"))
	params.PaymentMethods = nil
	params.SuccessReturnURL, params.FailureReturnURL = xendit.Ptr("https://shop.example/ok"), xendit.Ptr("https://shop.example/ko")
	plan, err := f.sub.CreatePlan(t.Context(), params)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.PlanStatusRequiresAction, plan.Status)
	assert.True(t, plan.Status.Pending())
	require.Len(t, plan.Actions, 1)
	assert.Equal(t, "AUTH", plan.Actions[0].Action)

	require.NoError(t, f.srv.ActivateSubscriptionPlan(plan.ID))
	cbs := f.next(t, subscriptions.EventPlanActivated, subscriptions.EventCycleCreated)
	assert.Equal(t, subscriptions.PlanStatusActive, cbs[subscriptions.EventPlanActivated].Plan.Status)
}

func TestDeactivatePlanCancelsItsScheduledCycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-3")
	got, err := f.sub.DeactivatePlan(t.Context(), plan.ID)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.PlanStatusInactive, got.Status)
	assert.Equal(t, plan.ID, f.next(t, subscriptions.EventPlanInactivated)[subscriptions.EventPlanInactivated].Plan.ID)
	c, err := f.sub.GetCycle(t.Context(), plan.ID, cycle.ID)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.CycleStatusCancelled, c.Status)
}

func TestUpdatePlanSendsOnlyWhatIsSet(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-4")
	var resp xendit.Response
	got, err := f.sub.UpdatePlan(t.Context(), plan.ID, &subscriptions.UpdatePlanParams{
		Amount:      xendit.Set(120000.0),
		Description: xendit.Null[string](),
	}, subscriptions.UpdateScheduledCycle(), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 120000.0, got.Amount)
	assert.Equal(t, xendit.CurrencyIDR, got.Currency, "currency left as it was")

	reqs := f.srv.Requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, http.MethodPatch, last.Method)
	assert.JSONEq(t, `{"amount":120000,"description":null}`, string(last.Body))
	assert.Equal(t, "true", last.Header.Get(subscriptions.HeaderUpdateScheduledCycle))

	c, err := f.sub.GetCycle(t.Context(), plan.ID, cycle.ID)
	require.NoError(t, err)
	assert.Equal(t, 120000.0, c.Amount, "update-scheduled-cycle reached the SCHEDULED cycle")
}

func countCreates(srv *xendittest.Server) int {
	return fake.Count(srv, http.MethodPost, "/recurring/plans")
}

// TestCreatePlanIsNeverRepeatedAfterAnAmbiguousFailure proves through a
// real server, with the SDK's default retries on, that a create without an
// idempotency header is sent once when Xendit may have processed it.
func TestCreatePlanIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	for name, fault := range fake.AmbiguousFaults() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, fake.FastRetries)
			params := monthly("member-5", f.customer(t, "member-5"))
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/recurring/plans", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err := f.sub.CreatePlan(t.Context(), params, xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, countCreates(f.srv), "exactly one attempt")
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err), "the caller must reconcile by reference_id")
		})
	}
}

func TestCreatePlanRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	params := monthly("member-6", f.customer(t, "member-6"))
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/recurring/plans", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	_, err := f.sub.CreatePlan(t.Context(), params, xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts, "a 429 was refused before processing: safe to repeat")
}

func TestCreatePlanParamsRules(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		change func(*subscriptions.CreatePlanParams)
		field  string
	}{
		"valid":                 {func(*subscriptions.CreatePlanParams) {}, ""},
		"no reference_id":       {func(p *subscriptions.CreatePlanParams) { p.ReferenceID = "" }, "reference_id"},
		"long reference_id":     {func(p *subscriptions.CreatePlanParams) { p.ReferenceID = string(make([]byte, 65)) }, "reference_id"},
		"no customer":           {func(p *subscriptions.CreatePlanParams) { p.CustomerID = "" }, "customer_id"},
		"no recurring_action":   {func(p *subscriptions.CreatePlanParams) { p.RecurringAction = "" }, "recurring_action"},
		"no currency":           {func(p *subscriptions.CreatePlanParams) { p.Currency = "" }, "currency"},
		"USD":                   {func(p *subscriptions.CreatePlanParams) { p.Currency = "USD" }, "currency"},
		"below 1000 IDR":        {func(p *subscriptions.CreatePlanParams) { p.Amount = 999 }, "amount"},
		"below 20 PHP":          {func(p *subscriptions.CreatePlanParams) { p.Currency, p.Amount = xendit.CurrencyPHP, 19 }, "amount"},
		"20 PHP":                {func(p *subscriptions.CreatePlanParams) { p.Currency, p.Amount = xendit.CurrencyPHP, 20 }, ""},
		"no schedule":           {func(p *subscriptions.CreatePlanParams) { p.Schedule = nil }, "schedule"},
		"no schedule reference": {func(p *subscriptions.CreatePlanParams) { p.Schedule.ReferenceID = "" }, "schedule.reference_id"},
		"YEAR":                  {func(p *subscriptions.CreatePlanParams) { p.Schedule.Interval = "YEAR" }, "schedule.interval"},
		"interval_count 0":      {func(p *subscriptions.CreatePlanParams) { p.Schedule.IntervalCount = 0 }, "schedule.interval_count"},
		"anchor on the 29th": {func(p *subscriptions.CreatePlanParams) {
			p.Schedule.AnchorDate = xendit.Ptr(time.Date(2030, 1, 29, 0, 0, 0, 0, time.UTC))
		}, "schedule.anchor_date"},
		"retry without total": {func(p *subscriptions.CreatePlanParams) { p.Schedule.TotalRetry = nil }, "schedule.retry_interval"},
		"notification beyond total_retry": {func(p *subscriptions.CreatePlanParams) {
			p.Schedule.FailedAttemptNotifications = []int{2}
		}, "schedule.failed_attempt_notifications[0]"},
		"rank 6": {func(p *subscriptions.CreatePlanParams) { p.PaymentMethods[0].Rank = 6 }, "payment_methods[0].rank"},
		"rank twice": {func(p *subscriptions.CreatePlanParams) {
			p.PaymentMethods = append(p.PaymentMethods, subscriptions.PaymentMethod{PaymentMethodID: "pm-2", Rank: 1})
		}, "payment_methods[1].rank"},
		"item without name": {func(p *subscriptions.CreatePlanParams) {
			p.Items = []subscriptions.Item{{Type: "DIGITAL_PRODUCT", Quantity: 1}}
		}, "items[0].name"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := monthly("member", "cust-1")
			tc.change(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestUpdateParamsRules(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&subscriptions.UpdatePlanParams{Currency: xendit.Set(xendit.CurrencyPHP), Amount: xendit.Set(49.0)}).Validate(), "amount")
	fake.Invalid(t, (&subscriptions.UpdatePlanParams{Amount: xendit.Set(0.0)}).Validate(), "amount")
	fake.Invalid(t, (&subscriptions.UpdatePlanParams{Currency: xendit.Set(xendit.Currency("USD"))}).Validate(), "currency")
	fake.Invalid(t, (&subscriptions.UpdatePlanParams{}).Validate(), "")
	fake.Invalid(t, (&subscriptions.UpdateCycleParams{Currency: xendit.Set(xendit.CurrencyIDR), Amount: xendit.Set(999.0)}).Validate(), "amount")
	fake.Invalid(t, (&subscriptions.UpdateScheduleParams{Interval: xendit.Set(subscriptions.Interval("YEAR"))}).Validate(), "interval")
	fake.Invalid(t, (&subscriptions.UpdateScheduleParams{IntervalCount: xendit.Set(0)}).Validate(), "interval_count")
	fake.Invalid(t, (&subscriptions.SimulateCycleParams{}).Validate(), "amount")
	fake.Invalid(t, (&subscriptions.ListCyclesParams{Limit: xendit.Ptr(0)}).Validate(), "limit")
}
