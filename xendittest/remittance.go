package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
)

// The Cross-border Payouts model: a payout is ACCEPTED when created (the
// sender and recipient must be customers of the same merchant), moves on
// when a test plays Xendit's side ([Server.SetRemittancePayoutStatus]),
// each step sending its remittance_payout.* callback, the payout itself
// with an "event" field, to the "remittance" URL of its merchant. Cancel
// works until the payout is LOCKED or final, and sends no callback. Create
// replays the first answer for a repeated Idempotency-key and refuses one
// with another body (idempotency.go).

// remittanceCurrencies are the destination currencies of the reference.
var remittanceCurrencies = []string{"IDR", "PHP", "SGD", "THB", "VND"}

// remittanceEvents maps the statuses that have a callback to its event.
var remittanceEvents = map[string]string{
	"PENDING_COMPLIANCE_ASSESSMENT": "remittance_payout.pending_compliance_assessment",
	"COMPLIANCE_REJECTED":           "remittance_payout.compliance_rejected",
	"FAILED":                        "remittance_payout.failed",
	"SUCCEEDED":                     "remittance_payout.succeeded",
	"READY":                         "remittance_payout.ready",
	"LOCKED":                        "remittance_payout.locked",
	"EXPIRED":                       "remittance_payout.expired",
}

// remittanceCancellable are the statuses Cancel accepts: the reference's
// list is missing (line 24886); LOCKED is documented as not cancellable,
// and a final status has been processed.
var remittanceCancellable = []string{"ACCEPTED", "PENDING_COMPLIANCE_ASSESSMENT", "REQUESTED", "READY"}

func (s *Server) routeRemittance() {
	s.model("remittance.create", s.createRemittancePayout)
	s.model("remittance.get", s.getRemittancePayout)
	s.model("remittance.cancel", s.cancelRemittancePayout)
}

// twoDecimals reports whether v has at most two decimals.
func twoDecimals(v float64) bool {
	cents := v * 100
	return math.Abs(cents-math.Round(cents)) <= 1e-6*math.Max(1, cents)
}

func (s *Server) createRemittancePayout(c *call) {
	b := c.body
	if cur := str(b, "destination_currency"); !slices.Contains(remittanceCurrencies, cur) {
		c.fail(http.StatusBadRequest, "DESTINATION_CURRENCY_NOT_SUPPORTED", "Destination currency %q is not supported", cur)
		return
	}
	dest, _ := num(b, "destination_amount")
	origin, _ := num(b, "origin_amount")
	if !twoDecimals(dest) || !twoDecimals(origin) {
		c.fail(http.StatusBadRequest, "AMOUNT_FORMAT_ERROR", "Given amount should contain less than or equal to 2 decimal places")
		return
	}
	for _, k := range []string{"sender_customer_id", "recipient_customer_id"} {
		if _, ok := s.store.get("customers", c.account, str(b, k)); !ok {
			c.fail(http.StatusNotFound, "CUSTOMER_DATA_NOT_FOUND",
				"Could not find any customer object with given %s. Try again using a valid Customer ID.", k)
			return
		}
	}
	now := stamp(c.now())
	p := map[string]any{
		"id": s.ids.uuid("rpo_"), "created": now, "updated": now, "business_id": paymentsBusinessID,
		"reference_id": b["reference_id"], "destination_currency": b["destination_currency"],
		"destination_amount": dest, "sender_customer_id": b["sender_customer_id"],
		"recipient_customer_id": b["recipient_customer_id"], "status": "ACCEPTED",
		"description": b["description"], "source_of_fund": orDefault(str(b, "source_of_fund"), "OTHER"),
		"origin_currency": b["origin_currency"], "origin_amount": fmt.Sprint(origin),
		"purpose_code": orDefault(str(b, "purpose_code"), "OTHER"), "relationship": orDefault(str(b, "relationship"), "OTHER"),
		"failure_code": nil, "metadata": orEmptyObject(obj(b, "metadata")),
	}
	s.store.put("remittance_payouts", c.account, p["id"].(string), p)
	c.reply(http.StatusCreated, p)
}

func orEmptyObject(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func (s *Server) getRemittancePayout(c *call) {
	if p, ok := s.store.get("remittance_payouts", c.account, c.param("cross_border_payout_id")); ok {
		c.ok(p)
		return
	}
	c.notFound("REMITTANCE_PAYOUT_NOT_FOUND", "cross-border payout")
}

func (s *Server) cancelRemittancePayout(c *call) {
	p, err := s.store.update("remittance_payouts", c.account, c.param("cross_border_payout_id"), func(p map[string]any) error {
		if !slices.Contains(remittanceCancellable, str(p, "status")) {
			return errIneligible
		}
		p["status"], p["updated"] = "CANCELLED", stamp(c.now())
		return nil
	})
	switch {
	case err == errIneligible:
		// The reference lists this code with 404 (line 24929).
		c.fail(http.StatusNotFound, "CANCELLATION_NOT_ALLOWED",
			"Cross-border Payout cannot be canceled because it has already been processed by Xendit.")
	case err != nil:
		c.notFound("REMITTANCE_PAYOUT_NOT_FOUND", "cross-border payout")
	default:
		c.ok(p)
	}
}

// SetRemittancePayoutStatus plays Xendit moving a payout that is not final
// to status, one of those with a callback: PENDING_COMPLIANCE_ASSESSMENT,
// COMPLIANCE_REJECTED, FAILED (with failureCode, for example
// INVALID_DESTINATION), SUCCEEDED, READY (the callback carries a
// disbursement_code for the cash pick-up), LOCKED or EXPIRED. The callback
// is delivered before the call returns.
func (s *Server) SetRemittancePayoutStatus(id, status, failureCode string) error {
	event, ok := remittanceEvents[status]
	if !ok {
		return fmt.Errorf("xendittest: no remittance_payout callback for status %q", status)
	}
	return s.hook("remittance_payouts", id, "remittance", func(p map[string]any) (any, error) {
		if cur := str(p, "status"); cur != "LOCKED" && !slices.Contains(remittanceCancellable, cur) {
			return nil, fmt.Errorf("xendittest: cross-border payout %s is %s, final", id, cur)
		}
		p["status"], p["updated"] = status, stamp(s.clock.Now())
		if status == "FAILED" {
			p["failure_code"] = failureCode
		}
		cb := deepCopy(p)
		cb["event"] = event
		if status == "READY" {
			cb["disbursement_code"] = "XENDIT-" + strings.ToUpper(str(p, "id")[len(str(p, "id"))-5:])
		}
		return cb, nil
	})
}

// RemittancePayoutIDs returns the ids of every account's cross-border
// payouts, oldest first.
func (s *Server) RemittancePayoutIDs() []string { return s.idsOf("remittance_payouts") }
