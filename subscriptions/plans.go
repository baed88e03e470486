package subscriptions

import (
	"context"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var (
	createPlan     = xendit.MustEndpoint("subscriptions.create_plan")
	updatePlan     = xendit.MustEndpoint("subscriptions.update_plan")
	deactivatePlan = xendit.MustEndpoint("subscriptions.deactivate_plan")
	getPlan        = xendit.MustEndpoint("subscriptions.get_plan")
)

// HeaderUpdateScheduledCycle is the header of Update Plan and Update
// Schedule that also applies the change to the cycle already SCHEDULED;
// send it with [UpdateScheduledCycle].
const HeaderUpdateScheduledCycle = "update-scheduled-cycle"

// UpdateScheduledCycle sends update-scheduled-cycle: true, so that an
// update of a plan or schedule also changes the next SCHEDULED cycle, not
// only the cycles created after it.
func UpdateScheduledCycle() xendit.RequestOption {
	return xendit.WithHeader(HeaderUpdateScheduledCycle, "true")
}

// RecurringAction is what a plan does each cycle; PAYMENT is the only one
// documented.
type RecurringAction string

// The documented recurring actions.
const RecurringActionPayment RecurringAction = "PAYMENT"

// PlanStatus is the state of a plan: REQUIRES_ACTION while the customer
// must authorize the payment method (see Plan.Actions), PENDING until it is
// set up, then ACTIVE (recurring.plan.activated) until it is deactivated or
// ends: INACTIVE (recurring.plan.inactivated).
type PlanStatus string

// The documented plan statuses.
const (
	PlanStatusActive         PlanStatus = "ACTIVE"
	PlanStatusInactive       PlanStatus = "INACTIVE"
	PlanStatusPending        PlanStatus = "PENDING"
	PlanStatusRequiresAction PlanStatus = "REQUIRES_ACTION"
)

// Active reports whether the plan runs: ACTIVE. A plan's status says
// whether it bills, not whether money moved (its cycles say that), so it
// answers Active, not Succeeded.
func (s PlanStatus) Active() bool { return s == PlanStatusActive }

// Pending reports whether the plan waits for setup or for the customer
// (PENDING, REQUIRES_ACTION).
func (s PlanStatus) Pending() bool { return s == PlanStatusPending || s == PlanStatusRequiresAction }

// ImmediateActionType says whether the plan charges at once on activation.
type ImmediateActionType string

// The documented immediate action.
const ImmediateActionTypeFullAmount ImmediateActionType = "FULL_AMOUNT"

// FailedCycleAction says what a failed cycle does to the plan.
type FailedCycleAction string

// The documented failed-cycle actions.
const (
	FailedCycleActionResume FailedCycleAction = "RESUME"
	FailedCycleActionStop   FailedCycleAction = "STOP"
)

// NotificationChannel is how Xendit notifies the end customer.
type NotificationChannel string

// The documented notification channels.
const (
	NotificationChannelWhatsApp NotificationChannel = "WHATSAPP"
	NotificationChannelEmail    NotificationChannel = "EMAIL"
)

// PaymentMethod is one payment method a plan tries, in Rank order (1 to 5);
// only one payment per cycle succeeds.
type PaymentMethod struct {
	PaymentMethodID string `json:"payment_method_id"`
	Rank            int    `json:"rank"`
	// Type is sent back by the API (EWALLET, CARD, ...); leave it empty in
	// requests.
	Type string `json:"type,omitempty"`
}

// NotificationConfig chooses the notifications Xendit sends the end
// customer. A non-nil empty list is sent as [] and turns that notification
// off.
type NotificationConfig struct {
	RecurringCreated   []NotificationChannel `json:"recurring_created,omitzero"`
	RecurringSucceeded []NotificationChannel `json:"recurring_succeeded,omitzero"`
	RecurringFailed    []NotificationChannel `json:"recurring_failed,omitzero"`
	// Locale is "en" (the default) or "id".
	Locale string `json:"locale,omitempty"`
}

// Item is one line of what a plan sells.
type Item struct {
	Type          string         `json:"type"`
	Name          string         `json:"name"`
	NetUnitAmount float64        `json:"net_unit_amount"`
	Quantity      float64        `json:"quantity"`
	URL           string         `json:"url,omitempty"`
	Category      string         `json:"category,omitempty"`
	Subcategory   string         `json:"subcategory,omitempty"`
	Description   string         `json:"description,omitempty"`
	Metadata      map[string]any `json:"metadata,omitzero"`
}

// Action is a step the customer must take, such as authorizing the
// payment method (AUTH) when the plan is REQUIRES_ACTION.
type Action struct {
	Action  string `json:"action"`
	URL     string `json:"url"`
	URLType string `json:"url_type"`
	Method  string `json:"method"`
}

// CreatePlanParams is the body of Create Plan.
type CreatePlanParams struct {
	// ReferenceID is your identifier for the plan (1 to 64 characters).
	// Store it before calling: it is how you find a plan whose creation
	// ended in an unknown outcome (see the package doc).
	ReferenceID string `json:"reference_id"`
	// CustomerID is a customer of type INDIVIDUAL (cust-..., from the
	// customers package).
	CustomerID      string          `json:"customer_id"`
	RecurringAction RecurringAction `json:"recurring_action"`
	// Currency is IDR or PHP.
	Currency xendit.Currency `json:"currency"`
	// Amount is charged each cycle: at least 1000 IDR (5000 for cards) or
	// 20 PHP; with Items, their sum.
	Amount   float64         `json:"amount"`
	Schedule *ScheduleParams `json:"schedule"`
	// PaymentMethods are tried in rank order; without them the customer
	// is asked to pay through a link.
	PaymentMethods      []PaymentMethod      `json:"payment_methods,omitzero"`
	ImmediateActionType *ImmediateActionType `json:"immediate_action_type,omitempty"`
	NotificationConfig  *NotificationConfig  `json:"notification_config,omitempty"`
	// PaymentLinkForFailedAttempt sends the customer a payment link when a
	// cycle's first attempt fails (the schedule needs total_retry ≥ 1).
	PaymentLinkForFailedAttempt *bool              `json:"payment_link_for_failed_attempt,omitempty"`
	FailedCycleAction           *FailedCycleAction `json:"failed_cycle_action,omitempty"`
	Metadata                    map[string]any     `json:"metadata,omitzero"`
	Description                 *string            `json:"description,omitempty"`
	Items                       []Item             `json:"items,omitzero"`
	// SuccessReturnURL and FailureReturnURL are where the customer returns
	// after authorizing the payment method; required when it needs
	// authorization (the plan is then REQUIRES_ACTION).
	SuccessReturnURL *string `json:"success_return_url,omitempty"`
	FailureReturnURL *string `json:"failure_return_url,omitempty"`
}

// Validate applies the reference's rules: the required fields, the
// reference_id length, IDR or PHP and their minimum amounts, the schedule,
// the payment methods' ranks and the items. CreatePlan calls it.
func (p *CreatePlanParams) Validate() error {
	err := product.First(
		product.Required("reference_id", p.ReferenceID),
		product.MaxLen("reference_id", p.ReferenceID, 64),
		product.Required("customer_id", p.CustomerID),
		product.Required("recurring_action", string(p.RecurringAction)),
		checkAmount("currency", "amount", p.Currency, p.Amount, 20),
	)
	if err != nil {
		return err
	}
	if p.Schedule == nil {
		return xendit.Invalid("schedule", "is required")
	}
	if err := p.Schedule.check("schedule."); err != nil {
		return err
	}
	return product.First(checkPaymentMethods(p.PaymentMethods), checkItems(p.Items), xendit.CheckMetadata("metadata", p.Metadata))
}

// minimumIDR is the smallest plan amount in IDR (cards need 5000, which
// the API checks: the SDK does not know the method's type).
const minimumIDR = 1000

// checkAmount checks the currency (IDR or PHP) and its minimum amount; the
// reference gives 20 PHP on Create Plan and 50 on the updates.
func checkAmount(currencyField, amountField string, c xendit.Currency, amount, minPHP float64) error {
	switch c {
	case xendit.CurrencyIDR:
		if amount < minimumIDR {
			return xendit.Invalid(amountField, "must be at least %d IDR, got %v", minimumIDR, amount)
		}
	case xendit.CurrencyPHP:
		if amount < minPHP {
			return xendit.Invalid(amountField, "must be at least %v PHP, got %v", minPHP, amount)
		}
	case "":
		return xendit.Invalid(currencyField, "is required")
	default:
		return xendit.Invalid(currencyField, "%q is not IDR or PHP", c)
	}
	return nil
}

func checkPaymentMethods(pms []PaymentMethod) error {
	seen := map[int]bool{}
	for i, pm := range pms {
		it := product.ItemOf("payment_methods", i)
		if err := it.Required("payment_method_id", pm.PaymentMethodID); err != nil {
			return err
		}
		if pm.Rank < 1 || pm.Rank > 5 {
			return xendit.Invalid(it.Field("rank"), "must be between 1 and 5, got %d", pm.Rank)
		}
		if seen[pm.Rank] {
			return xendit.Invalid(it.Field("rank"), "%d is used twice; each rank must be unique", pm.Rank)
		}
		seen[pm.Rank] = true
	}
	return nil
}

func checkItems(items []Item) error {
	for i, item := range items {
		it := product.ItemOf("items", i)
		if err := product.First(it.Required("type", item.Type), it.Required("name", item.Name)); err != nil {
			return err
		}
		if item.Quantity <= 0 {
			return xendit.Invalid(it.Field("quantity"), "must be positive, got %v", item.Quantity)
		}
	}
	return nil
}

// Plan is a recurring plan, as every plan endpoint returns it and the
// recurring.plan.* callbacks carry it.
type Plan struct {
	ID              string          `json:"id"`
	ReferenceID     string          `json:"reference_id"`
	CustomerID      string          `json:"customer_id"`
	RecurringAction RecurringAction `json:"recurring_action"`
	// RecurringCycleCount is the number of cycles run so far, the immediate
	// charge included.
	RecurringCycleCount int             `json:"recurring_cycle_count"`
	Currency            xendit.Currency `json:"currency"`
	Amount              float64         `json:"amount"`
	Status              PlanStatus      `json:"status"`
	Created             xendit.Time     `json:"created"`
	Updated             xendit.Time     `json:"updated"`
	PaymentMethods      []PaymentMethod `json:"payment_methods,omitzero"`
	ScheduleID          string          `json:"schedule_id"`
	// Schedule is the plan's schedule; its ID is ScheduleID.
	Schedule                    *Schedule           `json:"schedule,omitzero"`
	ImmediateActionType         ImmediateActionType `json:"immediate_action_type,omitempty"`
	NotificationConfig          *NotificationConfig `json:"notification_config,omitzero"`
	PaymentLinkForFailedAttempt *bool               `json:"payment_link_for_failed_attempt,omitzero"`
	FailedCycleAction           FailedCycleAction   `json:"failed_cycle_action,omitempty"`
	Metadata                    map[string]any      `json:"metadata,omitzero"`
	Description                 string              `json:"description,omitempty"`
	Items                       []Item              `json:"items,omitzero"`
	// Actions are what the customer must do while the plan is
	// REQUIRES_ACTION (an AUTH URL to link the payment method).
	Actions          []Action `json:"actions,omitzero"`
	SuccessReturnURL string   `json:"success_return_url,omitempty"`
	FailureReturnURL string   `json:"failure_return_url,omitempty"`
}

// UpdatePlanParams changes a plan (PATCH): an unset field is left as it
// is, [xendit.Set] replaces it, [xendit.Null] clears it.
type UpdatePlanParams struct {
	CustomerID                  xendit.Nullable[string]             `json:"customer_id,omitzero"`
	Currency                    xendit.Nullable[xendit.Currency]    `json:"currency,omitzero"`
	Amount                      xendit.Nullable[float64]            `json:"amount,omitzero"`
	PaymentMethods              xendit.Nullable[[]PaymentMethod]    `json:"payment_methods,omitzero"`
	NotificationConfig          xendit.Nullable[NotificationConfig] `json:"notification_config,omitzero"`
	PaymentLinkForFailedAttempt xendit.Nullable[bool]               `json:"payment_link_for_failed_attempt,omitzero"`
	Metadata                    xendit.Nullable[map[string]any]     `json:"metadata,omitzero"`
	Description                 xendit.Nullable[string]             `json:"description,omitzero"`
	Items                       xendit.Nullable[[]Item]             `json:"items,omitzero"`
}

// Validate checks the fields that are set: currency and amount together
// against the update minimums (1000 IDR, 50 PHP), an amount alone is
// positive, the payment methods' ranks and the items.
func (p *UpdatePlanParams) Validate() error {
	if err := checkUpdateAmount(p.Currency, p.Amount); err != nil {
		return err
	}
	pms, _ := p.PaymentMethods.Get()
	items, _ := p.Items.Get()
	md, _ := p.Metadata.Get()
	return product.First(checkPaymentMethods(pms), checkItems(items), xendit.CheckMetadata("metadata", md))
}

func checkUpdateAmount(currency xendit.Nullable[xendit.Currency], amount xendit.Nullable[float64]) error {
	c, hasCurrency := currency.Get()
	a, hasAmount := amount.Get()
	switch {
	case hasCurrency && hasAmount:
		return checkAmount("currency", "amount", c, a, 50)
	case hasAmount && a <= 0:
		return xendit.Invalid("amount", "must be positive, got %v", a)
	case hasCurrency && c != xendit.CurrencyIDR && c != xendit.CurrencyPHP:
		return xendit.Invalid("currency", "%q is not IDR or PHP", c)
	}
	return nil
}

// CreatePlan creates a plan for a customer. Its cycles follow
// params.Schedule; the recurring.plan.activated callback says it runs, and
// a recurring.cycle.created callback announces each cycle.
//
// Xendit documents no idempotency header here, so the SDK never repeats
// the request once it may have reached Xendit. When [xendit.OutcomeUnknown]
// reports true for the error, a plan may exist: look for params.ReferenceID
// (the recurring.plan.* callbacks carry it) before creating again; see the
// package doc.
//
// API: POST /recurring/plans
func (s *Client) CreatePlan(ctx context.Context, params *CreatePlanParams, opts ...xendit.RequestOption) (*Plan, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Plan](ctx, s.c, &xendit.Request{Endpoint: createPlan, Body: params, Options: opts})
}

// UpdatePlan changes a plan (repl-...). Changes apply to cycles created
// after it, and to the SCHEDULED one too with [UpdateScheduledCycle].
//
// API: PATCH /recurring/plans/{id}
func (s *Client) UpdatePlan(ctx context.Context, id string, params *UpdatePlanParams, opts ...xendit.RequestOption) (*Plan, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
	return product.Do[Plan](ctx, s.c, &xendit.Request{Endpoint: updatePlan, PathParams: map[string]string{"id": id}, Body: params, Options: opts})
}

// DeactivatePlan stops a plan for good: it becomes INACTIVE, its SCHEDULED
// cycle is cancelled, and recurring.plan.inactivated is sent.
//
// API: POST /recurring/plans/{id}/deactivate
func (s *Client) DeactivatePlan(ctx context.Context, id string, opts ...xendit.RequestOption) (*Plan, error) {
	return product.Do[Plan](ctx, s.c, &xendit.Request{Endpoint: deactivatePlan, PathParams: map[string]string{"id": id}, Options: opts})
}

// GetPlan returns a plan (repl-...).
//
// API: GET /recurring/plans/{id}
func (s *Client) GetPlan(ctx context.Context, id string, opts ...xendit.RequestOption) (*Plan, error) {
	return product.Do[Plan](ctx, s.c, &xendit.Request{Endpoint: getPlan, PathParams: map[string]string{"id": id}, Options: opts})
}
