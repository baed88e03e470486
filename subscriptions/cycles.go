package subscriptions

import (
	"context"
	"iter"
	"net/url"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	listCycles        = xendit.MustEndpoint("subscriptions.list_cycles")
	updateCycle       = xendit.MustEndpoint("subscriptions.update_cycle")
	cancelCycle       = xendit.MustEndpoint("subscriptions.cancel_cycle")
	forceCycleAttempt = xendit.MustEndpoint("subscriptions.force_cycle_attempt")
	getCycle          = xendit.MustEndpoint("subscriptions.get_cycle")
	simulateCycle     = xendit.MustEndpoint("subscriptions.simulate_cycle")
)

// CycleType says why a cycle exists: the plan's schedule, or the
// immediate charge of a plan created with ImmediateActionTypeFullAmount.
type CycleType string

// The documented cycle types.
const (
	CycleTypeScheduled CycleType = "SCHEDULED"
	CycleTypeImmediate CycleType = "IMMEDIATE"
)

// CycleStatus is the state of a cycle: SCHEDULED until its time
// (recurring.cycle.created), PENDING while it runs, RETRYING between
// failed attempts (recurring.cycle.retrying), then SUCCEEDED
// (recurring.cycle.succeeded) or FAILED (recurring.cycle.failed); a
// SCHEDULED cycle the merchant cancels is CANCELLED.
type CycleStatus string

// The documented cycle statuses.
const (
	CycleStatusScheduled CycleStatus = "SCHEDULED"
	CycleStatusPending   CycleStatus = "PENDING"
	CycleStatusRetrying  CycleStatus = "RETRYING"
	CycleStatusFailed    CycleStatus = "FAILED"
	CycleStatusSucceeded CycleStatus = "SUCCEEDED"
	CycleStatusCancelled CycleStatus = "CANCELLED"
)

// Succeeded reports whether the cycle's payment went through.
func (s CycleStatus) Succeeded() bool { return s == CycleStatusSucceeded }

// Pending reports whether the cycle has yet to end: SCHEDULED, PENDING or
// RETRYING.
func (s CycleStatus) Pending() bool {
	return s == CycleStatusScheduled || s == CycleStatusPending || s == CycleStatusRetrying
}

// Failed reports whether every attempt, retries included, failed.
func (s CycleStatus) Failed() bool { return s == CycleStatusFailed }

// AttemptStatus is the result of one attempt of a cycle. The reference's
// examples also spell a failed one FAILTED; it decodes, and Failed does
// not recognise it.
type AttemptStatus string

// The documented attempt statuses.
const (
	AttemptStatusSucceeded AttemptStatus = "SUCCEEDED"
	AttemptStatusFailed    AttemptStatus = "FAILED"
)

// Succeeded reports whether this attempt paid the cycle.
func (s AttemptStatus) Succeeded() bool { return s == AttemptStatusSucceeded }

// Failed reports whether this attempt failed; see Attempt.FailureCode.
func (s AttemptStatus) Failed() bool { return s == AttemptStatusFailed }

// Attempt is one try at a cycle's action.
type Attempt struct {
	// AttemptNumber may be null (the reference's Force Attempt example).
	AttemptNumber *int        `json:"attempt_number"`
	Created       xendit.Time `json:"created"`
	// ActionID is the payment made by the attempt (ewc-..., ...).
	ActionID string        `json:"action_id"`
	Status   AttemptStatus `json:"status"`
	// FailureCode says why the attempt failed (INSUFFICIENT_BALANCE, ...).
	// Some examples spell the key Failure_code; it decodes here too.
	FailureCode        *string     `json:"failure_code"`
	NextRetryTimestamp xendit.Time `json:"next_retry_timestamp"`
}

// Cycle is one charge of a plan, as the cycle endpoints return it and the
// recurring.cycle.* callbacks carry it.
type Cycle struct {
	ID string `json:"id"`
	// ReferenceID and CustomerID are the plan's.
	ReferenceID     string          `json:"reference_id"`
	CustomerID      string          `json:"customer_id"`
	RecurringAction RecurringAction `json:"recurring_action"`
	Type            CycleType       `json:"type"`
	CycleNumber     int             `json:"cycle_number"`
	AttemptCount    int             `json:"attempt_count"`
	AttemptDetails  []Attempt       `json:"attempt_details"`
	Status          CycleStatus     `json:"status"`
	// ScheduledTimestamp is the next attempt; it moves on each retry.
	ScheduledTimestamp xendit.Time     `json:"scheduled_timestamp"`
	Created            xendit.Time     `json:"created"`
	Updated            xendit.Time     `json:"updated"`
	Currency           xendit.Currency `json:"currency"`
	Amount             float64         `json:"amount"`
	Metadata           map[string]any  `json:"metadata,omitzero"`
}

// ListCyclesParams pages through a plan's cycles. It may be nil.
type ListCyclesParams struct {
	// Limit is the page size; nil is the API's default (10). The
	// reference documents no maximum.
	Limit *int
	// AfterID starts the page after this cycle (recy-...).
	AfterID *string
}

// Validate checks that Limit, when set, is positive.
func (p *ListCyclesParams) Validate() error {
	if p == nil {
		return nil
	}
	if p.Limit != nil && *p.Limit < 1 {
		return xendit.Invalid("limit", "must be positive, got %d", *p.Limit)
	}
	return nil
}

// query sends limit and after_id as query parameters, although the
// reference's curl sends them as a GET body (see the package doc).
func (p *ListCyclesParams) query() url.Values {
	q := url.Values{}
	if p == nil {
		return q
	}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.AfterID != nil {
		q.Set("after_id", *p.AfterID)
	}
	return q
}

// ListCycles returns one page of a plan's cycles.
//
// API: GET /recurring/plans/{id}/cycles
func (s *Client) ListCycles(ctx context.Context, planID string, params *ListCyclesParams, opts ...xendit.RequestOption) (*xendit.Page[Cycle], error) {
	if err := params.Validate(); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: listCycles, PathParams: map[string]string{"id": planID}, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[Cycle]](ctx, s.c, req)
}

// AllCycles returns every cycle of a plan, fetching pages as the loop
// needs them: each page starts after the last cycle of the one before
// (after_id). It stops on the first error, fetches nothing more when the
// loop breaks, and stops with [xendit.ErrPagination] if a cursor comes
// back. opts apply to every page.
//
// API: GET /recurring/plans/{id}/cycles
func (s *Client) AllCycles(ctx context.Context, planID string, params *ListCyclesParams, opts ...xendit.RequestOption) iter.Seq2[*Cycle, error] {
	if err := params.Validate(); err != nil {
		return pager.Failed[Cycle](err)
	}
	if params == nil {
		params = &ListCyclesParams{}
	}
	list := func(ctx context.Context, p *ListCyclesParams) (*xendit.Page[Cycle], error) {
		return s.ListCycles(ctx, planID, p, opts...)
	}
	return pager.ByAfterID(ctx, params, func(p *ListCyclesParams) **string { return &p.AfterID }, list, func(c *Cycle) string { return c.ID })
}

// UpdateCycleParams changes a SCHEDULED cycle (PATCH): an unset field is
// left as it is, [xendit.Set] replaces it.
type UpdateCycleParams struct {
	// ScheduledTimestamp moves the cycle; it cannot be in the past.
	ScheduledTimestamp xendit.Nullable[time.Time]       `json:"scheduled_timestamp,omitzero"`
	Currency           xendit.Nullable[xendit.Currency] `json:"currency,omitzero"`
	Amount             xendit.Nullable[float64]         `json:"amount,omitzero"`
}

// Validate checks currency and amount as UpdatePlanParams does.
func (p *UpdateCycleParams) Validate() error { return checkUpdateAmount(p.Currency, p.Amount) }

// UpdateCycle changes a cycle of a plan; only a SCHEDULED cycle can be
// changed (else the API answers [CodeIneligibleCycleRequest]).
//
// API: PATCH /recurring/plans/{plan_id}/cycles/{id}
func (s *Client) UpdateCycle(ctx context.Context, planID, id string, params *UpdateCycleParams, opts ...xendit.RequestOption) (*Cycle, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Cycle](ctx, s.c, &xendit.Request{Endpoint: updateCycle, PathParams: cyclePath(planID, id), Body: params, Options: opts})
}

// CancelCycle cancels a SCHEDULED cycle: it becomes CANCELLED and the plan
// goes on with the next one.
//
// API: POST /recurring/plans/{plan_id}/cycles/{id}/cancel
func (s *Client) CancelCycle(ctx context.Context, planID, id string, opts ...xendit.RequestOption) (*Cycle, error) {
	return product.Do[Cycle](ctx, s.c, &xendit.Request{Endpoint: cancelCycle, PathParams: cyclePath(planID, id), Options: opts})
}

// ForceCycleAttempt runs an attempt of a SCHEDULED or RETRYING cycle now
// instead of at its scheduled time. It is not repeated after an ambiguous
// failure (a repeat could charge twice): read the cycle with GetCycle and
// look at its AttemptDetails before forcing again.
//
// API: POST /recurring/plans/{plan_id}/cycles/{id}/force_attempt
func (s *Client) ForceCycleAttempt(ctx context.Context, planID, id string, opts ...xendit.RequestOption) (*Cycle, error) {
	return product.Do[Cycle](ctx, s.c, &xendit.Request{Endpoint: forceCycleAttempt, PathParams: cyclePath(planID, id), Options: opts})
}

// GetCycle returns a cycle of a plan.
//
// API: GET /recurring/plans/{plan_id}/cycles/{id}
func (s *Client) GetCycle(ctx context.Context, planID, id string, opts ...xendit.RequestOption) (*Cycle, error) {
	return product.Do[Cycle](ctx, s.c, &xendit.Request{Endpoint: getCycle, PathParams: cyclePath(planID, id), Options: opts})
}

// SimulateCycleParams is the body of Simulate Cycle: the amount chooses
// the simulated outcome, as Xendit's test-mode amounts do for payments.
type SimulateCycleParams struct {
	Amount float64 `json:"amount"`
}

// Validate checks that the amount is positive.
func (p *SimulateCycleParams) Validate() error {
	if p.Amount <= 0 {
		return xendit.Invalid("amount", "must be positive, got %v", p.Amount)
	}
	return nil
}

// SimulateCycle (test mode only, with a development key) runs a cycle's
// payment with a simulated result, so that the recurring.cycle.* callbacks
// of later cycles can be tested. It sends the method line's POST .../simulate,
// not the PATCH of the reference's curl (see the package doc).
//
// API: POST /recurring/plans/{plan_id}/cycles/{id}/simulate
func (s *Client) SimulateCycle(ctx context.Context, planID, id string, params *SimulateCycleParams, opts ...xendit.RequestOption) (*Cycle, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Cycle](ctx, s.c, &xendit.Request{Endpoint: simulateCycle, PathParams: cyclePath(planID, id), Body: params, Options: opts})
}

func cyclePath(planID, id string) map[string]string {
	return map[string]string{"plan_id": planID, "id": id}
}

// Error codes of the cycle endpoints that a caller may act on; match them
// against [xendit.Error].Code.
const (
	// CodeIneligibleCycleRequest: the cycle is not SCHEDULED (update,
	// cancel) or not SCHEDULED or RETRYING (force attempt).
	CodeIneligibleCycleRequest = "INELIGIBLE_CYCLE_REQUEST"
	CodeDataNotFound           = "DATA_NOT_FOUND"
	CodeAPIValidationError     = "API_VALIDATION_ERROR"
)
