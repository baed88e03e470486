// Package subscriptions bills customers on a schedule: Xendit's
// Subscriptions API, formerly Recurring (paths under /recurring).
//
// A plan charges one customer an amount every interval; each charge is a
// cycle; the plan's schedule says when cycles run and how failed ones are
// retried. API reference:
// https://developers.xendit.co/api-reference/#subscriptions
//
// # Customer, plan, cycles
//
// A plan belongs to a customer of type INDIVIDUAL, created with the
// customers package (the reference's Subscriptions section repeats Create
// Customer, lines 28183-28213: it is customers.Client.Create). Then:
//
//	plan, err := subscriptions.New(client).CreatePlan(ctx, &subscriptions.CreatePlanParams{
//		ReferenceID:     "member-42-gold",
//		CustomerID:      customer.ID,
//		RecurringAction: subscriptions.RecurringActionPayment,
//		Currency:        xendit.CurrencyIDR,
//		Amount:          99000,
//		Schedule: &subscriptions.ScheduleParams{
//			ReferenceID:   "member-42-gold-monthly",
//			Interval:      subscriptions.IntervalMonth,
//			IntervalCount: 1,
//		},
//		PaymentMethods: []subscriptions.PaymentMethod{{PaymentMethodID: "pm-...", Rank: 1}},
//	})
//
// [CreatePlanParams.Validate] (run by CreatePlan) checks the reference's
// rules first: reference_id of 1 to 64 characters, IDR (at least 1000) or
// PHP (at least 20), an interval, retry fields all or none, ranks 1 to 5
// used once. A plan whose payment method needs the customer's
// authorization is REQUIRES_ACTION: send the customer to the AUTH URL in
// Plan.Actions. When the plan is ACTIVE, Xendit posts
// recurring.plan.activated, then recurring.cycle.created for each cycle it
// schedules, and recurring.cycle.succeeded, .retrying or .failed as the
// cycle runs. [Callback] decodes them all (Plan or Cycle is set by the
// event); the root package's webhook handler has checked the callback
// token and deduplicated the delivery before.
//
// Plans: CreatePlan, GetPlan, UpdatePlan, DeactivatePlan. Cycles:
// ListCycles and AllCycles (after_id cursor, through the SDK's one pager),
// GetCycle, UpdateCycle and CancelCycle (SCHEDULED cycles only),
// ForceCycleAttempt, and SimulateCycle in test mode. Schedules:
// GetSchedule, UpdateSchedule. Updates are PATCH: every field of their
// params is an [xendit.Nullable], left out unless set; UpdatePlan and
// UpdateSchedule change the next SCHEDULED cycle too only when sent with
// [UpdateScheduledCycle]. Cycle statuses answer Succeeded, Pending and
// Failed; a plan's status says whether it bills, so it answers Active and
// Pending.
//
// # Unknown outcomes: look the plan up by reference_id
//
// No Subscriptions endpoint documents an idempotency header. So the SDK
// retries CreatePlan only when the request surely was not processed (a
// 429, a connection that could not be opened), never after a 5xx, a
// timeout or a connection dropped after sending: a second plan would bill
// the customer twice. Such an error makes [xendit.OutcomeUnknown] true; the
// plan may or may not exist. Then:
//
//  1. Store the reference_id before calling CreatePlan, one per plan.
//  2. On an unknown outcome, do not create again at once. The API has no
//     lookup of plans by reference_id, but every recurring.plan.* and
//     recurring.cycle.* callback carries it: a plan that was created
//     announces itself (Callback.Plan.ReferenceID) and can be read with
//     GetPlan, or deactivated if you have given up on it.
//  3. Only when no callback arrives for that reference_id (Xendit retries
//     deliveries for 24 hours) create the plan again, with a new
//     reference_id.
//
// ForceCycleAttempt is not repeated either: read the cycle's
// AttemptDetails with GetCycle before forcing again. DeactivatePlan,
// CancelCycle and the updates are not repeated after an ambiguous failure;
// read the object back to see whether they went through.
//
// # What the SDK decided where the reference contradicts itself
//
// Line numbers are those of the API reference the SDK is built from
// (seed 002) and of its inventory's list of inconsistencies
// (endpoints-more.md). Each decision is one row of the root's endpoint
// table or one line of this package, so that Xendit proving the other
// reading right is a one-line change (for a row, with the method's "API:"
// doc line, which a test keeps equal to it).
//
//   - Simulate Cycle (line 29957 vs 29963; inconsistency 6): the method
//     line is POST .../cycles/:id/simulate, the curl a PATCH on
//     .../cycles/:id without /simulate, which is Update Cycle's request
//     copied, and a PATCH could not be told from Update Cycle. The SDK
//     sends POST .../simulate (row "subscriptions.simulate_cycle").
//   - Force Cycle Attempt (lines 29803, 29819, 29822; inconsistency 9):
//     the method line uses :id for both the plan and the cycle; the path
//     table names them plan_id and id. The SDK sends
//     /recurring/plans/{plan_id}/cycles/{id}/force_attempt, the shape of
//     every other cycle endpoint (row "subscriptions.force_cycle_attempt").
//   - List Cycles (lines 29315, 29329; inconsistency 13): the curl sends
//     limit and after_id as a JSON body on a GET; the table lists them as
//     query parameters. ListCycles sends them as a query: GET
//     bodies are dropped by proxies and many HTTP stacks.
//   - failed_attempt_notifications (lines 28056, 28594, 30042, 30087;
//     inconsistency 35): typed string in the Schedule Object and Update
//     Schedule, array in Create Plan; every example sends an array of
//     attempt numbers. The SDK uses []int everywhere
//     (Schedule.FailedAttemptNotifications).
//   - UNSUPPORTED_CONTENT_TYPE (lines 29784-29785, 29938-29945;
//     inconsistency 42) is listed with 403 under Cancel and 403 and 415
//     under Get Cycle, 415 elsewhere: classify errors by their error_code
//     ([xendit.Error].Code), not by HTTP status.
//   - Error examples headed with another endpoint's name (lines 29867,
//     29925, 29993, 30159; inconsistencies 45-48) have the generic error
//     shape, which [xendit.Error] reads.
//   - Get Plan's path ends in a slash (line 29251); the SDK sends
//     /recurring/plans/{id}, as every other plan endpoint.
//   - Attempts' failure code is spelled Failure_code in the Cycle Object and
//     cycle callback examples (lines 28066-28098, 29484-29619) and
//     failure_code elsewhere; Go's decoder matches both into
//     Attempt.FailureCode, which encodes failure_code. A failed attempt's
//     status is spelled FAILTED in those examples; it decodes, and
//     AttemptStatus.Failed is true only for FAILED.
//
// # Trying it
//
// xendittest serves these endpoints with state: a created plan is ACTIVE
// and schedules its first cycle, SimulateCycle settles a cycle and
// schedules the next, and the recurring.* callbacks reach your handler
// through the fake's callback deliverer.
package subscriptions
