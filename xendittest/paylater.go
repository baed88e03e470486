package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// The PayLater model: plans, charges that move PENDING → SUCCEEDED or
// FAILED when a test plays the provider (paylater.payment goes to the
// "paylater" URL), PENDING → CANCELLED through the API, and refunds.

func (s *Server) routePayLater() {
	s.model("paylater.initiate_plans", s.initiatePlans)
	s.model("paylater.create_charge", s.createPayLaterCharge)
	s.model("paylater.get_charge", s.withPayLaterCharge(func(c *call, ch map[string]any) { c.ok(ch) }))
	s.model("paylater.cancel_charge", s.withPayLaterCharge(s.cancelPayLaterCharge))
	s.model("paylater.create_refund", s.withPayLaterCharge(s.refundPayLaterCharge))
	s.model("paylater.get_refund", s.getPayLaterRefund)
	s.model("paylater.list_refunds", s.withPayLaterCharge(func(c *call, ch map[string]any) {
		s.listRefunds(c, "paylater_refunds", str(ch, "id"))
	}))
}

func (s *Server) initiatePlans(c *call) {
	b := c.body
	amount, _ := num(b, "amount")
	total := 0.0
	items, _ := b["order_items"].([]any)
	for _, it := range items {
		m, _ := it.(map[string]any)
		price, _ := num(m, "net_unit_amount")
		qty, _ := num(m, "quantity")
		total += price * qty
	}
	if math.Abs(amount-total) >= 0.005 {
		c.invalid("Amount Does Not Tally with Order Items: amount must equal the sum of net_unit_amount * quantity")
		return
	}
	channel := str(b, "channel_code")
	if cur, known := ewalletCurrency[strings.SplitN(channel, "_", 2)[0]]; known && str(b, "currency") != cur {
		c.fail(http.StatusBadRequest, "UNSUPPORTED_CURRENCY", "The currency is not supported by the PayLater partner")
		return
	}
	options := []any{map[string]any{
		"downpayment_amount": 0, "installment_amount": amount, "interest_rate": 0, "total_amount": amount,
		"interval": "MONTH", "interval_count": 1, "total_recurrence": 1, "description": "Buy Now, Pay Later",
	}}
	if channel == "PH_CASHALO" {
		options = []any{}
	}
	plan := map[string]any{
		"id": s.ids.uuid("plp_"), "customer_id": b["customer_id"], "channel_code": channel, "currency": b["currency"],
		"amount": amount, "order_items": items, "options": options, "created": stamp(c.now()),
	}
	s.store.put("paylater_plans", c.account, plan["id"].(string), plan)
	c.ok(plan)
}

func (s *Server) createPayLaterCharge(c *call) {
	b := c.body
	if str(b, "checkout_method") != "ONE_TIME_PAYMENT" {
		c.invalid("PayLater partner does not support requested checkout_method.")
		return
	}
	plan, ok := s.store.get("paylater_plans", c.account, str(b, "plan_id"))
	if !ok {
		c.fail(http.StatusNotFound, "PAYLATER_PLAN_DATA_NOT_FOUND", "Plan ID is invalid")
		return
	}
	now := c.now()
	id := s.ids.uuid("plc_")
	base := "https://checkout.xendittest.invalid/paylater/" + id
	ch := map[string]any{
		"id": id, "customer_id": plan["customer_id"], "plan_id": plan["id"], "business_id": paymentsBusinessID,
		"reference_id": b["reference_id"], "checkout_method": b["checkout_method"], "channel_code": plan["channel_code"],
		"currency": plan["currency"], "amount": plan["amount"], "order_items": plan["order_items"],
		"success_redirect_url": b["success_redirect_url"], "failure_redirect_url": b["failure_redirect_url"],
		"status": "PENDING", "created": stamp(now), "updated": stamp(now), "expires_at": stamp(now.Add(24 * time.Hour)),
		"callback_url": s.callbackURL(c.account, "paylater"), "metadata": b["metadata"],
		"actions": map[string]any{"desktop_web_checkout_url": base, "mobile_web_checkout_url": base + "?mobile=1"},
	}
	s.store.put("paylater_charges", c.account, id, ch)
	c.ok(ch)
}

var plcID = regexp.MustCompile(`^plc_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// withPayLaterCharge checks the id's shape (400, as Xendit answers), looks
// the charge up (404) and runs h.
func (s *Server) withPayLaterCharge(h func(*call, map[string]any)) handler {
	return func(c *call) {
		id := c.param("id")
		if !plcID.MatchString(id) {
			c.invalid("Charge ID does not match plc_UUID format")
			return
		}
		ch, ok := s.store.get("paylater_charges", c.account, id)
		if !ok {
			c.notFound("DATA_NOT_FOUND", "Charge")
			return
		}
		h(c, ch)
	}
}

func (s *Server) cancelPayLaterCharge(c *call, ch map[string]any) {
	ch, err := s.store.update("paylater_charges", c.account, str(ch, "id"), func(ch map[string]any) error {
		if ch["status"] != "PENDING" {
			return errIneligible
		}
		ch["status"], ch["updated"] = "CANCELLED", stamp(c.now())
		return nil
	})
	if s.answerUpdate(c, err, "Charge", "Only PENDING charges can be cancelled") {
		c.ok(ch)
	}
}

// refundPayLaterCharge answers with a PENDING refund (updated null) and
// settles it at once; the reference promises a callback for refunds but
// documents none, so none is sent.
func (s *Server) refundPayLaterCharge(c *call, ch map[string]any) {
	var ref map[string]any
	var problem func()
	_, err := s.store.update("paylater_charges", c.account, str(ch, "id"), func(ch map[string]any) error {
		if ch["status"] != "SUCCEEDED" {
			return errIneligible
		}
		total, _ := num(ch, "amount")
		refunded, _ := num(ch, "refunded_amount")
		amount, given := num(c.body, "amount")
		if !given {
			amount = total - refunded
		}
		switch {
		case amount <= 0 || amount > total-refunded+0.005:
			problem = func() {
				c.fail(http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED", "The charge has already been fully refunded or the amount exceeds what is left")
			}
			return errIneligible
		case ch["channel_code"] == "PH_BILLEASE" && math.Abs(amount-total) >= 0.005:
			problem = func() {
				c.fail(http.StatusBadRequest, "PARTIAL_REFUND_NOT_SUPPORTED", "The PayLater partner does not support partial refunds")
			}
			return errIneligible
		}
		ref = map[string]any{
			"id": s.ids.uuid("plr_"), "charge_id": ch["id"], "channel_code": ch["channel_code"], "currency": ch["currency"],
			"amount": amount, "reason": orDefault(str(c.body, "reason"), "OTHERS"), "status": "PENDING",
			"created": stamp(c.now()), "updated": nil,
		}
		ch["refunded_amount"], ch["updated"] = refunded+amount, stamp(c.now())
		return nil
	})
	if problem != nil {
		problem()
		return
	}
	if !s.answerUpdate(c, err, "Charge", "Only SUCCEEDED charges can be refunded") {
		return
	}
	c.ok(ref)
	ref["status"], ref["updated"] = "SUCCEEDED", stamp(c.now())
	s.store.put("paylater_refunds", c.account, ref["id"].(string), ref)
}

func (s *Server) getPayLaterRefund(c *call) {
	ref, ok := s.store.get("paylater_refunds", c.account, c.param("refund_id"))
	if !ok || ref["charge_id"] != c.param("charge_id") {
		c.notFound("DATA_NOT_FOUND", "Refund")
		return
	}
	c.ok(ref)
}

// CompletePayLaterCharge plays the customer completing the provider's
// checkout: the PENDING charge becomes SUCCEEDED and paylater.payment is
// delivered before the call returns.
func (s *Server) CompletePayLaterCharge(id string) error {
	return s.settlePayLaterCharge(id, "SUCCEEDED")
}

// FailPayLaterCharge plays the provider declining: the PENDING charge
// becomes FAILED and paylater.payment is delivered.
func (s *Server) FailPayLaterCharge(id string) error { return s.settlePayLaterCharge(id, "FAILED") }

func (s *Server) settlePayLaterCharge(id, status string) error {
	return s.hookPaid("paylater_charges", id, "paylater", func(ch map[string]any) (any, settlement, error) {
		if ch["status"] != "PENDING" {
			return nil, settlement{}, fmt.Errorf("xendittest: charge %s is %s, not PENDING", id, ch["status"])
		}
		ch["status"], ch["updated"] = status, stamp(s.clock.Now())
		var paid settlement
		if status == "SUCCEEDED" {
			amount, _ := num(ch, "amount")
			paid = settlement{col: "paylater_charges", id: id, category: "PAYLATER", currency: str(ch, "currency"), amount: amount}
		}
		return map[string]any{"event": "paylater.payment", "business_id": paymentsBusinessID,
			"created": stamp(s.clock.Now()), "data": ch}, paid, nil
	})
}
