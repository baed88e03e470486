package subscriptions_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestSimulateCycleSucceedsAndSchedulesTheNext(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-10")
	got, err := f.sub.SimulateCycle(t.Context(), plan.ID, cycle.ID, &subscriptions.SimulateCycleParams{Amount: cycle.Amount})
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	require.Len(t, got.AttemptDetails, 1)
	assert.True(t, got.AttemptDetails[0].Status.Succeeded())

	reqs := f.srv.Requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, http.MethodPost, last.Method, "the method line, not the curl's PATCH")
	assert.Equal(t, "/recurring/plans/"+plan.ID+"/cycles/"+cycle.ID+"/simulate", last.Path)

	cbs := f.next(t, subscriptions.EventCycleSucceeded, subscriptions.EventCycleCreated)
	assert.Equal(t, cycle.ID, cbs[subscriptions.EventCycleSucceeded].Cycle.ID)
	next := cbs[subscriptions.EventCycleCreated].Cycle
	assert.Equal(t, 2, next.CycleNumber)
	assert.Equal(t, time.Date(2030, 2, 15, 0, 0, 0, 0, time.UTC), next.ScheduledTimestamp.Time, "one month after the first")

	p, err := f.sub.GetPlan(t.Context(), plan.ID)
	require.NoError(t, err)
	assert.Equal(t, 1, p.RecurringCycleCount)
}

func TestAFailedCycleRetriesThenStopsThePlan(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-11")
	short := &subscriptions.SimulateCycleParams{Amount: 1}

	got, err := f.sub.SimulateCycle(t.Context(), plan.ID, cycle.ID, short)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.CycleStatusRetrying, got.Status)
	assert.True(t, got.Status.Pending())
	assert.Equal(t, "INSUFFICIENT_BALANCE", *got.AttemptDetails[0].FailureCode)
	assert.False(t, got.AttemptDetails[0].NextRetryTimestamp.IsZero())
	f.next(t, subscriptions.EventCycleRetrying)

	got, err = f.sub.SimulateCycle(t.Context(), plan.ID, cycle.ID, short)
	require.NoError(t, err)
	assert.True(t, got.Status.Failed(), "total_retry 1: the second failure ends the cycle")
	cbs := f.next(t, subscriptions.EventCycleFailed, subscriptions.EventPlanInactivated)
	assert.Equal(t, subscriptions.PlanStatusInactive, cbs[subscriptions.EventPlanInactivated].Plan.Status, "failed_cycle_action STOP")
}

func TestSimulateCycleNeedsATestKey(t *testing.T) {
	t.Parallel()
	live := "xnd_production_xendittest"
	srv := xendittest.NewServer(xendittest.WithSecretKeys(xendittest.SecretKey, live))
	t.Cleanup(srv.Close)
	c, err := xendit.New(live, xendit.WithBaseURL(srv.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	_, err = subscriptions.New(c).SimulateCycle(t.Context(), "repl-1", "recy-1", &subscriptions.SimulateCycleParams{Amount: 1000})
	var xe *xendit.Error
	require.True(t, errors.As(err, &xe), "%v", err)
	assert.Equal(t, http.StatusForbidden, xe.StatusCode)
}

func TestCycleChangesOnlyWhileScheduled(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-12")
	when := time.Date(2030, 1, 20, 0, 0, 0, 0, time.UTC)
	got, err := f.sub.UpdateCycle(t.Context(), plan.ID, cycle.ID, &subscriptions.UpdateCycleParams{ScheduledTimestamp: xendit.Set(when)})
	require.NoError(t, err)
	assert.Equal(t, when, got.ScheduledTimestamp.Time)
	assert.Equal(t, cycle.Amount, got.Amount, "amount left as it was")

	got, err = f.sub.CancelCycle(t.Context(), plan.ID, cycle.ID)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.CycleStatusCancelled, got.Status)

	_, err = f.sub.CancelCycle(t.Context(), plan.ID, cycle.ID)
	var xe *xendit.Error
	require.True(t, errors.As(err, &xe), "%v", err)
	assert.Equal(t, subscriptions.CodeIneligibleCycleRequest, xe.Code)
	_, err = f.sub.ForceCycleAttempt(t.Context(), plan.ID, cycle.ID)
	require.True(t, errors.As(err, &xe), "%v", err)
	assert.Equal(t, subscriptions.CodeIneligibleCycleRequest, xe.Code)
}

func TestForceCycleAttemptIsNotRepeated(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	plan, cycle := f.activePlan(t, "member-13")
	path := "/recurring/plans/" + plan.ID + "/cycles/" + cycle.ID + "/force_attempt"
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Status: http.StatusServiceUnavailable})
	var resp xendit.Response
	_, err := f.sub.ForceCycleAttempt(t.Context(), plan.ID, cycle.ID, xendit.CaptureResponse(&resp))
	require.Error(t, err)
	assert.True(t, xendit.OutcomeUnknown(err))
	assert.Equal(t, 1, resp.Attempts, "a repeat could charge twice")

	got, err := f.sub.ForceCycleAttempt(t.Context(), plan.ID, cycle.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
}

func TestAllCyclesWalksEveryPageByAfterID(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, cycle := f.activePlan(t, "member-14")
	want := []string{cycle.ID}
	for range 2 {
		_, err := f.sub.ForceCycleAttempt(t.Context(), plan.ID, cycle.ID)
		require.NoError(t, err)
		cycle = f.next(t, subscriptions.EventCycleSucceeded, subscriptions.EventCycleCreated)[subscriptions.EventCycleCreated].Cycle
		want = append(want, cycle.ID)
	}

	page, err := f.sub.ListCycles(t.Context(), plan.ID, &subscriptions.ListCyclesParams{Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.True(t, page.HasMore)

	var got []string
	for c, err := range f.sub.AllCycles(t.Context(), plan.ID, &subscriptions.ListCyclesParams{Limit: xendit.Ptr(1)}) {
		require.NoError(t, err)
		got = append(got, c.ID)
	}
	assert.Equal(t, want, got)

	var cursors []string
	for _, r := range f.srv.Requests() {
		if r.Method == http.MethodGet && r.Path == "/recurring/plans/"+plan.ID+"/cycles" {
			assert.Empty(t, r.Body, "no body on a GET")
			q, err := url.ParseQuery(r.Query)
			require.NoError(t, err)
			cursors = append(cursors, q.Get("after_id"))
		}
	}
	assert.Equal(t, []string{"", "", want[0], want[1]}, cursors, "limit and after_id in the query")
}

// TestListCyclesRequestExampleIsTheQuery sends the reference's curl body
// (limit, after_id) the way the SDK decided to: as a query.
func TestListCyclesRequestExampleIsTheQuery(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, _ := f.activePlan(t, "member-15")
	_, err := f.sub.ListCycles(t.Context(), plan.ID, &subscriptions.ListCyclesParams{
		Limit: xendit.Ptr(2), AfterID: xendit.Ptr("recy_239c16f4-866d-43e8-9341-7badafbc019f"),
	})
	require.NoError(t, err)
	reqs := f.srv.Requests()
	q, err := url.ParseQuery(reqs[len(reqs)-1].Query)
	require.NoError(t, err)
	assert.Equal(t, "2", q.Get("limit"))
	assert.Equal(t, "recy_239c16f4-866d-43e8-9341-7badafbc019f", q.Get("after_id"))
}

func TestUpdateScheduleReachesThePlan(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	plan, _ := f.activePlan(t, "member-16")
	sched, err := f.sub.UpdateSchedule(t.Context(), plan.ScheduleID, &subscriptions.UpdateScheduleParams{
		Interval: xendit.Set(subscriptions.IntervalWeek), FailedAttemptNotifications: xendit.Set([]int{1}),
	})
	require.NoError(t, err)
	assert.Equal(t, subscriptions.IntervalWeek, sched.Interval)
	assert.Equal(t, []int{1}, sched.FailedAttemptNotifications)
	p, err := f.sub.GetPlan(t.Context(), plan.ID)
	require.NoError(t, err)
	assert.Equal(t, subscriptions.IntervalWeek, p.Schedule.Interval)
}
