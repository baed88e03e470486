package xendittest

import (
	"fmt"
	"net/http"
)

// The Refunds model (the unified Payments API): a refund of a SUCCEEDED
// payment request answers PENDING and stays so until a test plays the
// channel (CompleteRefund, FailRefund), which delivers refund.succeeded or
// refund.failed to the "refunds" URL of the merchant; Cancel moves a
// PENDING refund to CANCELLED. The amounts of a request's refunds that
// are not FAILED or CANCELLED never exceed its amount.

func (s *Server) routeRefunds() {
	s.model("refunds.create", s.createRefund)
	s.model("refunds.get", s.getRefund)
	s.model("refunds.list", s.listUnifiedRefunds)
	s.model("refunds.cancel", s.cancelRefund)
}

func (s *Server) createRefund(c *call) {
	b := c.body
	prID := str(b, "payment_request_id")
	if prID == "" {
		c.invalid("payment_request_id is required (the fake refunds payment requests only)")
		return
	}
	pr, ok := s.store.get("payment_requests", c.account, prID)
	if !ok {
		c.notFound("DATA_NOT_FOUND", "payment request")
		return
	}
	if pr["status"] != "SUCCEEDED" {
		c.fail(http.StatusBadRequest, "INELIGIBLE_TRANSACTION", "The payment request is %v, not SUCCEEDED", pr["status"])
		return
	}
	if cur := str(b, "currency"); cur != "" && cur != str(pr, "currency") {
		c.invalid("currency %s is not the payment's %s", cur, pr["currency"])
		return
	}
	paid, _ := num(pr, "amount")
	left := paid - s.refunded(c.account, prID)
	amount, given := num(b, "amount")
	if !given {
		amount = left
	}
	switch {
	case given && amount <= 0:
		c.invalid("amount must be positive")
		return
	case amount > left || amount <= 0:
		c.fail(http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED", "The refund amount exceeds the remaining amount of the payment")
		return
	}
	pm := obj(pr, "payment_method")
	channel := str(obj(pm, prChannelObject[str(pm, "type")]), "channel_code")
	now := stamp(c.now())
	ref := map[string]any{
		"id": s.ids.uuid("rfd-"), "payment_request_id": prID, "amount": amount, "channel_code": orDefault(channel, str(pm, "type")),
		"country": pr["country"], "currency": pr["currency"], "reference_id": b["reference_id"], "status": "PENDING",
		"reason": b["reason"], "failure_code": nil, "refund_fee_amount": nil, "metadata": b["metadata"],
		"created": now, "updated": now,
	}
	s.store.put("refunds", c.account, ref["id"].(string), ref)
	c.ok(ref)
}

// refunded is the amount of a payment request's refunds that still count.
func (s *Server) refunded(account, prID string) float64 {
	var sum float64
	for _, r := range s.store.list("refunds", account, listQuery{match: func(r map[string]any) bool {
		return r["payment_request_id"] == prID && r["status"] != "FAILED" && r["status"] != "CANCELLED"
	}}).items {
		a, _ := num(r, "amount")
		sum += a
	}
	return sum
}

func (s *Server) getRefund(c *call) {
	if ref, ok := s.store.get("refunds", c.account, c.param("refundID")); ok {
		c.ok(ref)
		return
	}
	c.notFound("DATA_NOT_FOUND", "refund")
}

// listUnifiedRefunds answers newest first, filtered by payment_request_id
// and channel_code, paged by after_id and before_id.
func (s *Server) listUnifiedRefunds(c *call) {
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	pr, ch := c.query("payment_request_id"), c.query("channel_code")
	p := s.store.list("refunds", c.account, listQuery{limit: limit, after: c.query("after_id"), before: c.query("before_id"),
		match: func(r map[string]any) bool {
			return (pr == "" || r["payment_request_id"] == pr) && (ch == "" || r["channel_code"] == ch)
		}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

func (s *Server) cancelRefund(c *call) {
	ref, err := s.store.update("refunds", c.account, c.param("refundID"), func(r map[string]any) error {
		if r["status"] != "PENDING" {
			return errIneligible
		}
		r["status"], r["updated"] = "CANCELLED", stamp(c.now())
		return nil
	})
	if s.answerUpdate(c, err, "refund", "Only a PENDING refund can be cancelled") {
		c.ok(ref)
	}
}

// CompleteRefund plays the channel returning a PENDING refund's money: it
// becomes SUCCEEDED and refund.succeeded is delivered before the call
// returns.
func (s *Server) CompleteRefund(id string) error { return s.settleRefund(id, "SUCCEEDED", "") }

// FailRefund plays the channel refusing a PENDING refund with code (for
// example INSUFFICIENT_BALANCE), and delivers refund.failed.
func (s *Server) FailRefund(id, code string) error { return s.settleRefund(id, "FAILED", code) }

func (s *Server) settleRefund(id, status, code string) error {
	return s.hook("refunds", id, "refunds", func(r map[string]any) (any, error) {
		if r["status"] != "PENDING" {
			return nil, fmt.Errorf("xendittest: refund %s is %s, not PENDING", id, r["status"])
		}
		r["status"], r["updated"] = status, stamp(s.clock.Now())
		if code != "" {
			r["failure_code"] = code
		}
		return s.ewalletCallback("refund."+map[string]string{"SUCCEEDED": "succeeded", "FAILED": "failed"}[status], r), nil
	})
}
