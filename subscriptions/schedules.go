package subscriptions

import (
	"context"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	updateSchedule = xendit.MustEndpoint("subscriptions.update_schedule")
	getSchedule    = xendit.MustEndpoint("subscriptions.get_schedule")
)

// Interval is the unit between two cycles (and between two retries).
type Interval string

// The documented intervals.
const (
	IntervalDay   Interval = "DAY"
	IntervalWeek  Interval = "WEEK"
	IntervalMonth Interval = "MONTH"
)

// Schedule is when a plan's cycles run and how failed ones are retried, as
// the schedule endpoints return it and plans embed it (without ID and
// BusinessID; the plan's ScheduleID names it).
type Schedule struct {
	ID                 string      `json:"id,omitempty"`
	BusinessID         string      `json:"business_id,omitempty"`
	ReferenceID        string      `json:"reference_id"`
	Interval           Interval    `json:"interval"`
	IntervalCount      int         `json:"interval_count"`
	Created            xendit.Time `json:"created"`
	Updated            xendit.Time `json:"updated"`
	TotalRecurrence    *int        `json:"total_recurrence,omitzero"`
	AnchorDate         xendit.Time `json:"anchor_date"`
	RetryInterval      Interval    `json:"retry_interval,omitempty"`
	RetryIntervalCount *int        `json:"retry_interval_count,omitzero"`
	TotalRetry         *int        `json:"total_retry,omitzero"`
	// FailedAttemptNotifications are the attempt numbers after which the
	// customer is told a payment failed (see the package doc for its type).
	FailedAttemptNotifications []int `json:"failed_attempt_notifications,omitzero"`
}

// ScheduleParams is the schedule of a new plan.
type ScheduleParams struct {
	ReferenceID   string   `json:"reference_id"`
	Interval      Interval `json:"interval"`
	IntervalCount int      `json:"interval_count"`
	// TotalRecurrence is how many times the customer is charged, the
	// immediate charge not counted; nil runs the plan until deactivated.
	TotalRecurrence *int `json:"total_recurrence,omitempty"`
	// AnchorDate sets the day cycles run on (a day 1 to 28 of the month);
	// nil means today.
	AnchorDate *time.Time `json:"anchor_date,omitempty"`
	// RetryInterval, RetryIntervalCount and TotalRetry go together: all
	// three or none.
	RetryInterval              *Interval `json:"retry_interval,omitempty"`
	RetryIntervalCount         *int      `json:"retry_interval_count,omitempty"`
	TotalRetry                 *int      `json:"total_retry,omitempty"`
	FailedAttemptNotifications []int     `json:"failed_attempt_notifications,omitzero"`
}

// Validate checks the schedule alone, as Create Plan's rules have it.
func (p *ScheduleParams) Validate() error { return p.check("") }

func (p *ScheduleParams) check(prefix string) error {
	err := product.First(
		product.Required(prefix+"reference_id", p.ReferenceID),
		checkInterval(prefix+"interval", p.Interval),
	)
	if err != nil {
		return err
	}
	if p.IntervalCount < 1 {
		return xendit.Invalid(prefix+"interval_count", "must be at least 1, got %d", p.IntervalCount)
	}
	if p.AnchorDate != nil && p.AnchorDate.Day() > 28 {
		return xendit.Invalid(prefix+"anchor_date", "must fall on day 1 to 28 of a month, got %d", p.AnchorDate.Day())
	}
	return checkRetry(prefix, p.RetryInterval != nil, p.RetryIntervalCount != nil, p.TotalRetry, p.FailedAttemptNotifications)
}

func checkInterval(field string, i Interval) error {
	switch i {
	case IntervalDay, IntervalWeek, IntervalMonth:
		return nil
	case "":
		return xendit.Invalid(field, "is required")
	}
	return xendit.Invalid(field, "%q is not DAY, WEEK or MONTH", i)
}

// checkRetry applies the API's rule that the three retry fields come
// together, and that failed_attempt_notifications are distinct and within
// total_retry.
func checkRetry(prefix string, interval, count bool, total *int, notifications []int) error {
	if interval != count || interval != (total != nil) {
		return xendit.Invalid(prefix+"retry_interval", "retry_interval, retry_interval_count and total_retry go together: set all three or none")
	}
	max := 0
	if total != nil {
		max = *total
	}
	seen := map[int]bool{}
	for i, n := range notifications {
		if n < 1 || n > max || seen[n] {
			return xendit.Invalid(prefix+"failed_attempt_notifications["+strconv.Itoa(i)+"]",
				"%d must be a distinct attempt number between 1 and total_retry (%d)", n, max)
		}
		seen[n] = true
	}
	return nil
}

// UpdateScheduleParams changes a schedule (PATCH): an unset field is left
// as it is, [xendit.Set] replaces it, [xendit.Null] clears it.
type UpdateScheduleParams struct {
	Interval                   xendit.Nullable[Interval]  `json:"interval,omitzero"`
	IntervalCount              xendit.Nullable[int]       `json:"interval_count,omitzero"`
	TotalRecurrence            xendit.Nullable[int]       `json:"total_recurrence,omitzero"`
	AnchorDate                 xendit.Nullable[time.Time] `json:"anchor_date,omitzero"`
	RetryInterval              xendit.Nullable[Interval]  `json:"retry_interval,omitzero"`
	RetryIntervalCount         xendit.Nullable[int]       `json:"retry_interval_count,omitzero"`
	TotalRetry                 xendit.Nullable[int]       `json:"total_retry,omitzero"`
	FailedAttemptNotifications xendit.Nullable[[]int]     `json:"failed_attempt_notifications,omitzero"`
}

// Validate checks the fields that are set: a known interval, a positive
// interval_count and an anchor date on day 1 to 28.
func (p *UpdateScheduleParams) Validate() error {
	if i, ok := p.Interval.Get(); ok {
		if err := checkInterval("interval", i); err != nil {
			return err
		}
	}
	if n, ok := p.IntervalCount.Get(); ok && n < 1 {
		return xendit.Invalid("interval_count", "must be at least 1, got %d", n)
	}
	if d, ok := p.AnchorDate.Get(); ok && d.Day() > 28 {
		return xendit.Invalid("anchor_date", "must fall on day 1 to 28 of a month, got %d", d.Day())
	}
	return nil
}

// UpdateSchedule changes a schedule (resc-...); it applies to the cycles
// created after it, and to the SCHEDULED one too with
// [UpdateScheduledCycle].
//
// API: PATCH /recurring/schedules/{id}
func (s *Client) UpdateSchedule(ctx context.Context, id string, params *UpdateScheduleParams, opts ...xendit.RequestOption) (*Schedule, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Schedule](ctx, s.c, &xendit.Request{Endpoint: updateSchedule, PathParams: map[string]string{"id": id}, Body: params, Options: opts})
}

// GetSchedule returns a schedule (resc-...).
//
// API: GET /recurring/schedules/{id}
func (s *Client) GetSchedule(ctx context.Context, id string, opts ...xendit.RequestOption) (*Schedule, error) {
	return product.Do[Schedule](ctx, s.c, &xendit.Request{Endpoint: getSchedule, PathParams: map[string]string{"id": id}, Options: opts})
}
