package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
)

// The Subscriptions model: a plan created with payment methods is ACTIVE
// at once (without, REQUIRES_ACTION until ActivateSubscriptionPlan plays
// the customer linking one); an ACTIVE plan always has its next cycle
// SCHEDULED. A cycle runs when forced (Force Cycle Attempt) or simulated
// (Simulate Cycle, test keys only): it SUCCEEDS, or its attempt fails and
// it is RETRYING while the schedule's total_retry allows, else FAILED (and
// a failed_cycle_action STOP plan becomes INACTIVE). When a cycle ends, the
// next one is scheduled, until total_recurrence. Callbacks
// (recurring.plan.*, recurring.cycle.*) go to the "subscriptions" URL of
// the plan's merchant. Cycles are kept per plan, in the collection
// subscription_cycles:<plan id>, since a cycle does not name its plan.

func (s *Server) routeSubscriptions() {
	s.model("subscriptions.create_plan", s.createPlan)
	s.model("subscriptions.get_plan", s.getPlan)
	s.model("subscriptions.update_plan", s.updatePlan)
	s.model("subscriptions.deactivate_plan", s.deactivatePlan)
	s.model("subscriptions.list_plan_cycles", s.listCycles)
	s.model("subscriptions.get_cycle", s.getCycle)
	s.model("subscriptions.update_cycle", s.updateCycle)
	s.model("subscriptions.cancel_cycle", s.cancelCycle)
	s.model("subscriptions.force_cycle_attempt", s.forceCycleAttempt)
	s.model("subscriptions.simulate_cycle", s.simulateCycle)
	s.model("subscriptions.get_schedule", s.getSchedule)
	s.model("subscriptions.update_schedule", s.updateSchedule)
}

const (
	plansCol     = "subscription_plans"
	schedulesCol = "subscription_schedules"
)

func cyclesCol(planID string) string { return "subscription_cycles:" + planID }

// scheduleFields are the fields of a schedule that a plan embeds and Update
// Schedule changes.
var scheduleFields = []string{"reference_id", "interval", "interval_count", "total_recurrence", "anchor_date",
	"retry_interval", "retry_interval_count", "total_retry", "failed_attempt_notifications"}

// planFields are the request fields a plan keeps as sent.
var planFields = []string{"reference_id", "customer_id", "recurring_action", "currency", "amount", "payment_methods",
	"immediate_action_type", "notification_config", "failed_cycle_action", "metadata", "description", "items",
	"success_return_url", "failure_return_url", "payment_link_for_failed_attempt"}

func (s *Server) createPlan(c *call) {
	b := c.body
	if _, ok := s.store.get("customers", c.account, str(b, "customer_id")); !ok && strings.HasPrefix(str(b, "customer_id"), "cust-") {
		c.fail(http.StatusNotFound, "DATA_NOT_FOUND", "customer_id %s does not exist in this account", str(b, "customer_id"))
		return
	}
	now := stamp(c.now())
	sched := map[string]any{"id": s.ids.uuid("resc-"), "business_id": paymentsBusinessID, "created": now, "updated": now}
	for _, k := range scheduleFields {
		if v, ok := obj(b, "schedule")[k]; ok {
			sched[k] = v
		}
	}
	if sched["anchor_date"] == nil {
		sched["anchor_date"] = now
	}
	plan := map[string]any{"id": s.ids.uuid("repl-"), "recurring_cycle_count": 0, "status": "ACTIVE",
		"created": now, "updated": now, "schedule_id": sched["id"], "actions": []any{}}
	for _, k := range planFields {
		if v, ok := b[k]; ok {
			plan[k] = v
		}
	}
	if pms, _ := b["payment_methods"].([]any); len(pms) == 0 {
		plan["status"] = "REQUIRES_ACTION"
		plan["actions"] = []any{map[string]any{"action": "AUTH", "url": "https://linking.xendittest.invalid/" + plan["id"].(string),
			"url_type": "WEB", "method": "GET"}}
	}
	plan["schedule"] = embedded(sched)
	s.store.put(schedulesCol, c.account, sched["id"].(string), sched)
	s.store.put(plansCol, c.account, plan["id"].(string), plan)
	s.useSplitRule(c, plansCol, plan["id"].(string))
	c.ok(plan)
	if plan["status"] == "ACTIVE" {
		s.startPlan(c.account, plan)
	}
}

// embedded is a schedule as a plan shows it: without id and business_id.
func embedded(sched map[string]any) map[string]any {
	e := deepCopy(sched)
	delete(e, "id")
	delete(e, "business_id")
	return e
}

// startPlan sends recurring.plan.activated and schedules the first cycle.
func (s *Server) startPlan(account string, plan map[string]any) {
	s.deliverLater(account, "subscriptions", s.recurringCallback("recurring.plan.activated", plan))
	s.scheduleCycle(account, plan, 1)
}

// scheduleCycle stores cycle n of plan, SCHEDULED one interval after the
// anchor date per cycle before it, and sends recurring.cycle.created;
// nothing once total_recurrence cycles exist.
func (s *Server) scheduleCycle(account string, plan map[string]any, n int) {
	sched := obj(plan, "schedule")
	if total, ok := num(sched, "total_recurrence"); ok && float64(n) > total {
		return
	}
	at, err := time.Parse(time.RFC3339Nano, str(sched, "anchor_date"))
	if err != nil {
		at = s.clock.Now()
	}
	count, _ := num(sched, "interval_count")
	at = advance(at, str(sched, "interval"), int(count)*(n-1))
	now := stamp(s.clock.Now())
	cycle := map[string]any{
		"id": s.ids.uuid("recy-"), "reference_id": plan["reference_id"], "customer_id": plan["customer_id"],
		"recurring_action": plan["recurring_action"], "type": "SCHEDULED", "cycle_number": n, "attempt_count": 0,
		"attempt_details": []any{}, "status": "SCHEDULED", "scheduled_timestamp": stamp(at), "created": now,
		"updated": now, "currency": plan["currency"], "amount": plan["amount"], "metadata": plan["metadata"],
	}
	s.store.put(cyclesCol(plan["id"].(string)), account, cycle["id"].(string), cycle)
	s.deliverLater(account, "subscriptions", s.recurringCallback("recurring.cycle.created", cycle))
}

// advance moves t by n intervals (DAY, WEEK or MONTH).
func advance(t time.Time, interval string, n int) time.Time {
	switch interval {
	case "DAY":
		return t.AddDate(0, 0, n)
	case "WEEK":
		return t.AddDate(0, 0, 7*n)
	}
	return t.AddDate(0, n, 0)
}

func (s *Server) recurringCallback(event string, data map[string]any) map[string]any {
	return map[string]any{"created": stamp(s.clock.Now()), "business_id": paymentsBusinessID, "event": event,
		"data": deepCopy(data), "api_version": "v1"}
}

func (s *Server) getPlan(c *call) {
	if p, ok := s.store.get(plansCol, c.account, c.param("id")); ok {
		c.ok(p)
		return
	}
	c.notFound("DATA_NOT_FOUND", "plan")
}

// updatePlan merges the body into the plan; with update-scheduled-cycle:
// true, amount and currency reach the SCHEDULED cycle too.
func (s *Server) updatePlan(c *call) {
	plan, err := s.store.update(plansCol, c.account, c.param("id"), func(p map[string]any) error {
		if p["status"] == "INACTIVE" {
			return errIneligible
		}
		for k, v := range c.body {
			p[k] = v
		}
		p["updated"] = stamp(c.now())
		return nil
	})
	if !s.answerCycle(c, err, "plan", "An INACTIVE plan cannot be updated") {
		return
	}
	if c.r.Header.Get("update-scheduled-cycle") == "true" {
		s.changeScheduledCycles(c.account, plan["id"].(string), func(cy map[string]any) {
			for _, k := range []string{"amount", "currency"} {
				if v, ok := c.body[k]; ok {
					cy[k] = v
				}
			}
		})
	}
	c.ok(plan)
}

// changeScheduledCycles applies f to the plan's SCHEDULED cycles.
func (s *Server) changeScheduledCycles(account, planID string, f func(map[string]any)) {
	for _, cy := range s.store.list(cyclesCol(planID), account, listQuery{}).items {
		_, _ = s.store.update(cyclesCol(planID), account, cy["id"].(string), func(o map[string]any) error {
			if o["status"] == "SCHEDULED" {
				f(o)
			}
			return nil
		})
	}
}

// deactivatePlan makes the plan INACTIVE, cancels its SCHEDULED cycle and
// sends recurring.plan.inactivated.
func (s *Server) deactivatePlan(c *call) {
	plan, err := s.store.update(plansCol, c.account, c.param("id"), func(p map[string]any) error {
		if p["status"] == "INACTIVE" {
			return errIneligible
		}
		p["status"], p["updated"] = "INACTIVE", stamp(c.now())
		return nil
	})
	if !s.answerCycle(c, err, "plan", "The plan is already INACTIVE") {
		return
	}
	s.changeScheduledCycles(c.account, plan["id"].(string), func(cy map[string]any) {
		cy["status"], cy["updated"] = "CANCELLED", stamp(c.now())
	})
	c.ok(plan)
	s.deliverLater(c.account, "subscriptions", s.recurringCallback("recurring.plan.inactivated", plan))
}

// answerCycle answers a failed store update of a plan or cycle (404
// DATA_NOT_FOUND, or 403 INELIGIBLE_CYCLE_REQUEST with why) and reports
// whether it succeeded.
func (s *Server) answerCycle(c *call, err error, what, why string) bool {
	switch {
	case err == nil:
		return true
	case err == errIneligible:
		c.fail(http.StatusForbidden, "INELIGIBLE_CYCLE_REQUEST", "%s", why)
	default:
		c.notFound("DATA_NOT_FOUND", what)
	}
	return false
}

// listCycles pages a plan's cycles, oldest first, after after_id.
func (s *Server) listCycles(c *call) {
	if _, ok := s.store.get(plansCol, c.account, c.param("id")); !ok {
		c.notFound("DATA_NOT_FOUND", "plan")
		return
	}
	limit, ok := c.limit(10, math.MaxInt32) // the reference documents no maximum
	if !ok {
		return
	}
	p := s.store.list(cyclesCol(c.param("id")), c.account, listQuery{oldest: true, limit: limit, after: c.query("after_id")})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

func (s *Server) getCycle(c *call) {
	if cy, ok := s.store.get(cyclesCol(c.param("plan_id")), c.account, c.param("id")); ok {
		c.ok(cy)
		return
	}
	c.notFound("DATA_NOT_FOUND", "cycle")
}

const onlyScheduled = `Requested changes to cycle cannot be processed. Only cycles in "SCHEDULED" status can be cancelled or updated`

func (s *Server) updateCycle(c *call) {
	cy, err := s.store.update(cyclesCol(c.param("plan_id")), c.account, c.param("id"), func(o map[string]any) error {
		if o["status"] != "SCHEDULED" {
			return errIneligible
		}
		for _, k := range []string{"scheduled_timestamp", "currency", "amount"} {
			if v, ok := c.body[k]; ok {
				o[k] = v
			}
		}
		o["updated"] = stamp(c.now())
		return nil
	})
	if s.answerCycle(c, err, "cycle", onlyScheduled) {
		c.ok(cy)
	}
}

func (s *Server) cancelCycle(c *call) {
	cy, err := s.store.update(cyclesCol(c.param("plan_id")), c.account, c.param("id"), func(o map[string]any) error {
		if o["status"] != "SCHEDULED" {
			return errIneligible
		}
		o["status"], o["updated"] = "CANCELLED", stamp(c.now())
		return nil
	})
	if s.answerCycle(c, err, "cycle", onlyScheduled) {
		c.ok(cy)
	}
}

// forceCycleAttempt runs an attempt now; it succeeds.
func (s *Server) forceCycleAttempt(c *call) {
	s.attemptCycle(c, true, "Requested attempt trigger for this cycle cannot be processed. Only cycles in SCHEDULED or RETRYING status are eligible for Force Attempt.")
}

// simulateCycle (test keys only) runs an attempt whose result the amount
// chooses: the fake's convention, as the reference documents none, is
// that an amount of at least the cycle's succeeds and a smaller one fails
// with INSUFFICIENT_BALANCE.
func (s *Server) simulateCycle(c *call) {
	if key, _, _ := c.r.BasicAuth(); !strings.HasPrefix(key, "xnd_development_") {
		c.fail(http.StatusForbidden, "REQUEST_FORBIDDEN_ERROR", "Simulate Cycle works only in test mode, with a development key")
		return
	}
	want, _ := num(c.body, "amount")
	s.attemptCycle(c, want, onlyScheduled)
}

// attemptCycle runs one attempt of a SCHEDULED or RETRYING cycle: paid is
// true, or an amount compared with the cycle's.
func (s *Server) attemptCycle(c *call, paid any, why string) {
	planID := c.param("plan_id")
	plan, ok := s.store.get(plansCol, c.account, planID)
	if !ok {
		c.notFound("DATA_NOT_FOUND", "plan")
		return
	}
	var event string
	cy, err := s.store.update(cyclesCol(planID), c.account, c.param("id"), func(o map[string]any) error {
		if o["status"] != "SCHEDULED" && o["status"] != "RETRYING" {
			return errIneligible
		}
		succeeded, _ := paid.(bool)
		if amount, isAmount := paid.(float64); isAmount {
			due, _ := num(o, "amount")
			succeeded = amount >= due
		}
		event = s.settleAttempt(o, obj(plan, "schedule"), succeeded, c.now())
		return nil
	})
	if !s.answerCycle(c, err, "cycle", why) {
		return
	}
	if cy["status"] == "SUCCEEDED" {
		s.settle(cycleSettlement(plan, cy))
	}
	c.ok(cy)
	s.afterAttempt(c.account, planID, cy, event)
}

// cycleSettlement is the money a SUCCEEDED cycle of plan brings in. The
// fake's attempts are eWallet charges (their action ids say so), so the
// transaction's channel category is EWALLET whatever the plan's payment
// method.
func cycleSettlement(plan, cy map[string]any) settlement {
	amount, _ := num(cy, "amount")
	return settlement{col: plansCol, id: str(plan, "id"), paymentID: str(cy, "id"), category: "EWALLET",
		currency: str(cy, "currency"), amount: amount}
}

// settleAttempt records an attempt on cycle o and returns the callback
// event it causes.
func (s *Server) settleAttempt(o, sched map[string]any, succeeded bool, now time.Time) string {
	n, _ := num(o, "attempt_count")
	attempt := map[string]any{"attempt_number": n + 1, "created": stamp(now), "action_id": s.ids.uuid("ewc_"),
		"status": "SUCCEEDED", "failure_code": nil, "next_retry_timestamp": nil}
	o["attempt_count"], o["updated"] = n+1, stamp(now)
	event := "recurring.cycle.succeeded"
	o["status"] = "SUCCEEDED"
	if !succeeded {
		attempt["status"], attempt["failure_code"] = "FAILED", "INSUFFICIENT_BALANCE"
		retries, _ := num(sched, "total_retry")
		if n < retries { // attempt n+1 failed; retries remain
			count, _ := num(sched, "retry_interval_count")
			next := stamp(advance(now, str(sched, "retry_interval"), int(max(count, 1))))
			attempt["next_retry_timestamp"], o["scheduled_timestamp"] = next, next
			o["status"], event = "RETRYING", "recurring.cycle.retrying"
		} else {
			o["status"], event = "FAILED", "recurring.cycle.failed"
		}
	}
	details, _ := o["attempt_details"].([]any)
	o["attempt_details"] = append(details, attempt)
	return event
}

// afterAttempt sends the cycle's callback; an ended cycle counts on the
// plan and schedules the next one, and a FAILED cycle stops a plan whose
// failed_cycle_action is STOP.
func (s *Server) afterAttempt(account, planID string, cy map[string]any, event string) {
	s.deliverLater(account, "subscriptions", s.recurringCallback(event, cy))
	if cy["status"] == "RETRYING" {
		return
	}
	stop := cy["status"] == "FAILED"
	plan, err := s.store.update(plansCol, account, planID, func(p map[string]any) error {
		n, _ := num(p, "recurring_cycle_count")
		p["recurring_cycle_count"], p["updated"] = n+1, stamp(s.clock.Now())
		stop = stop && p["failed_cycle_action"] == "STOP"
		if stop {
			p["status"] = "INACTIVE"
		}
		return nil
	})
	if err != nil {
		return
	}
	if stop {
		s.deliverLater(account, "subscriptions", s.recurringCallback("recurring.plan.inactivated", plan))
		return
	}
	n, _ := num(cy, "cycle_number")
	s.scheduleCycle(account, plan, int(n)+1)
}

func (s *Server) getSchedule(c *call) {
	if sc, ok := s.store.get(schedulesCol, c.account, c.param("id")); ok {
		c.ok(sc)
		return
	}
	c.notFound("DATA_NOT_FOUND", "schedule")
}

// updateSchedule merges the body into the schedule and into the plan that
// embeds it.
func (s *Server) updateSchedule(c *call) {
	sc, err := s.store.update(schedulesCol, c.account, c.param("id"), func(o map[string]any) error {
		for _, k := range scheduleFields {
			if v, ok := c.body[k]; ok && k != "reference_id" {
				o[k] = v
			}
		}
		o["updated"] = stamp(c.now())
		return nil
	})
	if err != nil {
		c.notFound("DATA_NOT_FOUND", "schedule")
		return
	}
	for _, p := range s.store.list(plansCol, c.account, listQuery{match: func(p map[string]any) bool { return p["schedule_id"] == sc["id"] }}).items {
		_, _ = s.store.update(plansCol, c.account, p["id"].(string), func(o map[string]any) error {
			o["schedule"] = embedded(sc)
			return nil
		})
	}
	c.ok(sc)
}

// ActivateSubscriptionPlan plays the customer authorizing the payment
// method of a REQUIRES_ACTION plan: it becomes ACTIVE,
// recurring.plan.activated is delivered before the call returns, and its
// first cycle is scheduled (recurring.cycle.created follows).
func (s *Server) ActivateSubscriptionPlan(id string) error {
	var plan map[string]any
	err := s.hook(plansCol, id, "subscriptions", func(p map[string]any) (any, error) {
		if p["status"] != "REQUIRES_ACTION" {
			return nil, fmt.Errorf("xendittest: plan %s is %s, not REQUIRES_ACTION", id, p["status"])
		}
		p["status"], p["updated"], p["actions"] = "ACTIVE", stamp(s.clock.Now()), []any{}
		plan = deepCopy(p)
		return s.recurringCallback("recurring.plan.activated", p), nil
	})
	if err != nil {
		return err
	}
	owner, _ := s.store.ownerOf(plansCol, id)
	s.scheduleCycle(owner, plan, 1)
	return nil
}
