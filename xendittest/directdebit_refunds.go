package xendittest

import (
	"net/http"
	"strconv"
)

// createDDRefund refunds a COMPLETED payment: it answers a PENDING refund,
// completes it at once and delivers direct_debit.refund in the
// background. Idempotency-key is handled by the server (idempotency.go).
func (s *Server) createDDRefund(c *call) {
	var ref map[string]any
	_, ok := s.ddUpdate(c, "dd_payments", c.param("direct_debit_id"), "DATA_NOT_FOUND", "direct debit",
		func(p map[string]any) (refuse func()) {
			if p["status"] != "COMPLETED" {
				return func() {
					c.fail(http.StatusBadRequest, "INELIGIBLE_TRANSACTION", "The original transaction was not completed successfully")
				}
			}
			paid, _ := num(p, "amount")
			refunded, _ := num(p, "refunded_amount")
			amount, given := num(c.body, "amount")
			if !given {
				amount = paid - refunded
			}
			if amount <= 0 || amount > paid-refunded {
				return func() {
					c.fail(http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED", "The refund amount you have entered is greater than the refundable amount")
				}
			}
			now := stamp(c.now())
			ref = map[string]any{
				"id": s.ids.uuid("ddrfd-"), "direct_debit_id": p["id"], "channel_code": p["channel_code"],
				"currency": p["currency"], "amount": strconv.FormatFloat(amount, 'f', -1, 64), "status": "PENDING",
				"reason": c.body["reason"], "failure_code": nil, "created": now, "updated": nil, "metadata": c.body["metadata"],
			}
			refunds, _ := p["refunds"].(map[string]any)
			if refunds == nil {
				refunds = map[string]any{"data": []any{}, "has_more": false,
					"url": "/direct_debits/" + p["id"].(string) + "/refunds"}
			}
			refunds["data"] = append(refunds["data"].([]any), ref["id"])
			p["refunds"], p["refunded_amount"], p["updated"] = refunds, refunded+amount, now
			return nil
		})
	if !ok {
		return
	}
	c.ok(ref)
	ref = deepCopy(ref)
	ref["status"], ref["updated"] = "COMPLETED", stamp(c.now())
	s.store.put("dd_refunds", c.account, ref["id"].(string), ref)
	s.deliverLater(c.account, "directdebit", map[string]any{"event": "direct_debit.refund",
		"created": stamp(s.clock.Now()), "business_id": paymentsBusinessID, "data": ref})
}

func (s *Server) getDDRefund(c *call) {
	ref, ok := s.store.get("dd_refunds", c.account, c.param("refund_id"))
	if !ok || ref["direct_debit_id"] != c.param("direct_debit_id") {
		c.notFound("DATA_NOT_FOUND", "refund")
		return
	}
	c.ok(ref)
}

func (s *Server) listDDRefunds(c *call) {
	id := c.param("direct_debit_id")
	if _, ok := s.store.get("dd_payments", c.account, id); !ok {
		c.notFound("DATA_NOT_FOUND", "direct debit")
		return
	}
	p := s.store.list("dd_refunds", c.account, listQuery{oldest: true, match: func(r map[string]any) bool {
		return r["direct_debit_id"] == id
	}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": false, "links": nil})
}
