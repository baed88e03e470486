package subscriptions_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/subscriptions"
)

// capitalisedFailureCode are the examples that spell an attempt's
// failure_code "Failure_code" (the reference's typo). Go's decoder matches
// the key anyway; the type encodes it as failure_code, so these are
// round-tripped with the key lower-cased.
var capitalisedFailureCode = []string{
	"subscriptions.cycle_object.response.json",
	"subscriptions.cycle_callback.webhook.json",
	"subscriptions.cycle_callback.webhook.2.json",
	"subscriptions.cycle_callback.webhook.3.json",
	"subscriptions.cycle_callback.webhook.4.json",
}

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	plan := func() any { return new(subscriptions.Plan) }
	callback := func() any { return new(subscriptions.Callback) }
	skip := map[string]string{}
	for _, name := range capitalisedFailureCode {
		skip[name] = "Failure_code: round-tripped by TestFailureCodeSpelledWithACapital"
	}
	jsontest.RoundTripAll(t, map[string]func() any{
		"subscriptions.create_customer.request.json":      func() any { return new(customers.CreateParams) },
		"subscriptions.create_plan.request.json":          func() any { return new(subscriptions.CreatePlanParams) },
		"subscriptions.plan_object.response.json":         plan,
		"subscriptions.plan_callback.webhook.json":        callback,
		"subscriptions.plan_callback.webhook.2.json":      callback,
		"subscriptions.update_plan.request.json":          func() any { return new(subscriptions.UpdatePlanParams) },
		"subscriptions.list_plan_cycles.response.json":    func() any { return new(xendit.Page[subscriptions.Cycle]) },
		"subscriptions.force_cycle_attempt.response.json": func() any { return new(subscriptions.Cycle) },
		"subscriptions.update_cycle.request.json":         func() any { return new(subscriptions.UpdateCycleParams) },
		"subscriptions.simulate_cycle.request.json":       func() any { return new(subscriptions.SimulateCycleParams) },
		"subscriptions.schedule_object.response.json":     func() any { return new(subscriptions.Schedule) },
		"subscriptions.update_schedule.request.json":      func() any { return new(subscriptions.UpdateScheduleParams) },
	}, jsontest.Skip(mergeSkip(skip, map[string]string{
		"subscriptions.list_plan_cycles.request.json": "limit and after_id, sent by the SDK as a query (see the package doc); checked by TestListCyclesRequestExampleIsTheQuery",
	}), "subscriptions.cancel_cycle.error.json", "subscriptions.create_plan.error.json",
		"subscriptions.deactivate_plan.error.json", "subscriptions.force_cycle_attempt.error.json",
		"subscriptions.get_cycle.error.json", "subscriptions.get_plan.error.json",
		"subscriptions.get_schedule.error.json", "subscriptions.list_plan_cycles.error.json",
		"subscriptions.simulate_cycle.error.json", "subscriptions.update_cycle.error.json",
		"subscriptions.update_plan.error.json", "subscriptions.update_schedule.error.json"))
}

func mergeSkip(a, b map[string]string) map[string]string {
	for k, v := range b {
		a[k] = v
	}
	return a
}

func TestFailureCodeSpelledWithACapital(t *testing.T) {
	t.Parallel()
	for _, name := range capitalisedFailureCode {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			raw := jsontest.Load(t, name)
			var v any = new(subscriptions.Cycle)
			if strings.Contains(name, "webhook") {
				v = new(subscriptions.Callback)
			}
			require.NoError(t, json.Unmarshal(raw, v))
			again, err := json.Marshal(v)
			require.NoError(t, err)
			fixed := bytes.ReplaceAll(raw, []byte(`"Failure_code"`), []byte(`"failure_code"`))
			assert.Empty(t, jsontest.Diff(fixed, again))
		})
	}
}

func TestCycleExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var c subscriptions.Cycle
	jsontest.Strict(t, "subscriptions.cycle_object.response.json", &c)
	assert.Equal(t, subscriptions.CycleStatusSucceeded, c.Status)
	assert.True(t, c.Status.Succeeded())
	require.Len(t, c.AttemptDetails, 2)
	assert.Nil(t, c.AttemptDetails[0].FailureCode, "Failure_code null")
	assert.Equal(t, "INSUFFICIENT_BALANCE", *c.AttemptDetails[1].FailureCode)
	assert.Equal(t, subscriptions.AttemptStatus("FAILTED"), c.AttemptDetails[1].Status, "the reference's spelling decodes")
	assert.False(t, c.AttemptDetails[1].Status.Failed())

	var f subscriptions.Cycle
	jsontest.Strict(t, "subscriptions.force_cycle_attempt.response.json", &f)
	assert.Nil(t, f.AttemptDetails[0].AttemptNumber, "attempt_number may be null")
	assert.Equal(t, 1, *f.AttemptDetails[1].AttemptNumber)
	assert.True(t, f.Status.Pending())

	cb := parseExample(t, "subscriptions.cycle_callback.webhook.3.json")
	assert.Equal(t, subscriptions.EventCycleRetrying, cb.Event)
	require.NotNil(t, cb.Cycle)
	assert.Nil(t, cb.Plan)
	assert.Equal(t, "INSUFFICIENT_BALANCE", *cb.Cycle.AttemptDetails[0].FailureCode, "decoded from Failure_code")
	assert.False(t, cb.Cycle.AttemptDetails[0].NextRetryTimestamp.IsZero())
	assert.Equal(t, "v1", cb.APIVersion)
}

func TestPlanExamplesDecodeIntoNamedFields(t *testing.T) {
	t.Parallel()
	var p subscriptions.Plan
	jsontest.Strict(t, "subscriptions.plan_object.response.json", &p)
	assert.Equal(t, subscriptions.PlanStatusPending, p.Status)
	assert.Equal(t, xendit.CurrencyIDR, p.Currency)
	assert.Equal(t, []int{2, 4}, p.Schedule.FailedAttemptNotifications)
	assert.Equal(t, subscriptions.IntervalMonth, p.Schedule.Interval)
	assert.Equal(t, "AUTH", p.Actions[0].Action)
	assert.Equal(t, subscriptions.FailedCycleActionStop, p.FailedCycleAction)

	for name, want := range map[string]string{
		"subscriptions.plan_callback.webhook.json":   subscriptions.EventPlanActivated,
		"subscriptions.plan_callback.webhook.2.json": subscriptions.EventPlanInactivated,
	} {
		cb := parseExample(t, name)
		assert.Equal(t, want, cb.Event)
		require.NotNil(t, cb.Plan, name)
		assert.Nil(t, cb.Cycle)
		assert.Equal(t, "test_reference_id", cb.Plan.ReferenceID)
	}
}

func TestRequestExamplesAreValid(t *testing.T) {
	t.Parallel()
	var p subscriptions.CreatePlanParams
	jsontest.Strict(t, "subscriptions.create_plan.request.json", &p)
	assert.NoError(t, p.Validate(), "the reference's own request is valid")

	var u subscriptions.UpdatePlanParams
	jsontest.Strict(t, "subscriptions.update_plan.request.json", &u)
	assert.NoError(t, u.Validate())
	assert.True(t, u.Metadata.IsNull(), "metadata: null is an explicit clear")

	var s subscriptions.UpdateScheduleParams
	jsontest.Strict(t, "subscriptions.update_schedule.request.json", &s)
	assert.NoError(t, s.Validate())

	var c subscriptions.UpdateCycleParams
	jsontest.Strict(t, "subscriptions.update_cycle.request.json", &c)
	assert.NoError(t, c.Validate())
}

func parseExample(t *testing.T, name string) *subscriptions.Callback {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	cb, err := subscriptions.ParseCallback(b)
	require.NoError(t, err)
	return cb
}

func TestCallbackOfAKnownEventNeedsData(t *testing.T) {
	t.Parallel()
	_, err := subscriptions.ParseCallback([]byte(`{"event":"recurring.cycle.failed","data":null}`))
	require.ErrorContains(t, err, "recurring.cycle.failed callback without data")

	cb, err := subscriptions.ParseCallback([]byte(`{"event":"recurring.plan.paused","data":{"id":"repl-1"}}`))
	require.NoError(t, err, "an event the package does not know still decodes")
	assert.Nil(t, cb.Plan)
	assert.JSONEq(t, `{"id":"repl-1"}`, string(cb.Data))
	again, err := json.Marshal(cb)
	require.NoError(t, err)
	assert.JSONEq(t, `{"event":"recurring.plan.paused","data":{"id":"repl-1"},"business_id":"","created":null,"api_version":""}`, string(again))
}
