package xendittest

import (
	"fmt"
	"net/http"
	"strings"
)

// The eWallets model: charges move PENDING → SUCCEEDED or FAILED when a
// test plays the customer, SUCCEEDED → VOIDED or REFUNDED through the API;
// account links (payment methods) move REQUIRES_ACTION → ACTIVE → EXPIRED.
// Callbacks go to the "ewallets" URL of the charge's merchant.

// paymentsBusinessID is the business id in the objects the payment fakes
// create.
const paymentsBusinessID = "5f27a14a9bf05c73dd040bc8"

func (s *Server) routeEWallets() {
	s.model("ewallets.create_charge", s.createEWalletCharge)
	s.model("ewallets.get_charge", s.getEWalletCharge)
	s.model("ewallets.void_charge", s.voidEWalletCharge)
	s.model("ewallets.create_refund", s.refundEWalletCharge)
	s.model("ewallets.get_refund", s.getEWalletRefund)
	s.model("ewallets.list_refunds", s.listEWalletRefunds)
	s.model("ewallets.tokenized.create_payment_method", s.createPaymentMethod)
	s.model("ewallets.tokenized.get_payment_method", s.getPaymentMethod)
	s.model("ewallets.tokenized.unlink_payment_method", s.unlinkPaymentMethod)
}

// ewalletCurrency is the one currency of a channel, from its country
// prefix.
var ewalletCurrency = map[string]string{"ID": "IDR", "PH": "PHP", "VN": "VND", "TH": "THB", "MY": "MYR"}

func (s *Server) createEWalletCharge(c *call) {
	b := c.body
	channel, currency := str(b, "channel_code"), str(b, "currency")
	if cur, known := ewalletCurrency[strings.SplitN(channel, "_", 2)[0]]; known && currency != "" && currency != cur {
		c.fail(http.StatusBadRequest, "UNSUPPORTED_CURRENCY",
			"The payment currency request is not supported for this payment channel. Please refer to our API reference or docs to pick available currencies")
		return
	}
	amount, _ := num(b, "amount")
	now := stamp(c.now())
	ch := map[string]any{
		"id": s.ids.uuid("ewc_"), "business_id": paymentsBusinessID, "reference_id": b["reference_id"],
		"status": "PENDING", "currency": currency, "charge_amount": amount, "capture_amount": amount,
		"refunded_amount": nil, "checkout_method": b["checkout_method"], "channel_code": channel,
		"channel_properties": b["channel_properties"], "actions": nil, "is_redirect_required": false,
		"callback_url": s.callbackURL(c.account, "ewallets"), "created": now, "updated": now,
		"void_status": nil, "voided_at": nil, "capture_now": true, "customer_id": b["customer_id"],
		"payment_method_id": nil, "failure_code": nil, "basket": b["basket"], "metadata": b["metadata"],
	}
	if b["checkout_method"] == "TOKENIZED_PAYMENT" {
		pmID := str(b, "payment_method_id")
		pm, ok := s.store.get("payment_methods", c.account, pmID)
		if !ok || pm["status"] != "ACTIVE" {
			c.fail(http.StatusBadRequest, "INVALID_PAYMENT_METHOD_ID",
				"payment_method_id does not exist in this account or is not ACTIVE")
			return
		}
		ch["payment_method_id"], ch["customer_id"] = pmID, pm["customer_id"]
		if channel == "" {
			ch["channel_code"] = str(pm, "country") + "_" + str(obj(pm, "ewallet"), "channel_code")
		}
	}
	if str(obj(b, "channel_properties"), "success_redirect_url") != "" {
		base := "https://checkout.xendittest.invalid/ewallets/" + ch["id"].(string)
		ch["is_redirect_required"] = true
		ch["actions"] = map[string]any{"desktop_web_checkout_url": base, "mobile_web_checkout_url": base + "?mobile=1",
			"mobile_deeplink_checkout_url": "xendittest://checkout/" + ch["id"].(string), "qr_checkout_string": nil}
	}
	s.store.put("ewallet_charges", c.account, ch["id"].(string), ch)
	s.useSplitRule(c, "ewallet_charges", ch["id"].(string))
	c.ok(ch)
}

func (s *Server) getEWalletCharge(c *call) {
	if ch, ok := s.store.get("ewallet_charges", c.account, c.param("id")); ok {
		c.ok(ch)
		return
	}
	c.notFound("DATA_NOT_FOUND", "charge")
}

// voidEWalletCharge answers with void_status PENDING, settles the void at
// once and sends ewallet.void in the background.
func (s *Server) voidEWalletCharge(c *call) {
	var answer map[string]any
	ch, err := s.store.update("ewallet_charges", c.account, c.param("id"), func(ch map[string]any) error {
		if ch["status"] != "SUCCEEDED" || ch["checkout_method"] != "ONE_TIME_PAYMENT" || ch["void_status"] != nil {
			return errIneligible
		}
		now := stamp(c.now())
		answer = deepCopy(ch)
		answer["void_status"], answer["updated"] = "PENDING", now
		ch["status"], ch["void_status"], ch["voided_at"], ch["updated"] = "VOIDED", "SUCCEEDED", now, now
		return nil
	})
	if !s.answerUpdate(c, err, "charge", "Transaction is not eligible for void: the charge must be a SUCCEEDED one-time payment, voided on the same day") {
		return
	}
	c.ok(answer)
	delete(ch, "business_id") // the void callback's data has no business_id
	s.deliverLater(c.account, "ewallets", s.ewalletCallback("ewallet.void", ch))
}

// errIneligible is a state change the object's status does not allow.
var errIneligible = fmt.Errorf("xendittest: ineligible transaction")

// answerUpdate answers a failed store update (404, or 403
// INELIGIBLE_TRANSACTION with why) and reports whether it succeeded.
func (s *Server) answerUpdate(c *call, err error, what, why string) bool {
	switch {
	case err == nil:
		return true
	case err == errIneligible:
		c.fail(http.StatusForbidden, "INELIGIBLE_TRANSACTION", "%s", why)
	default:
		c.notFound("DATA_NOT_FOUND", what)
	}
	return false
}

// refundEWalletCharge checks the refund as Xendit documents, answers with a
// PENDING refund, settles it at once and sends ewallet.refund in the
// background.
func (s *Server) refundEWalletCharge(c *call) {
	var ref map[string]any
	var problem func()
	_, err := s.store.update("ewallet_charges", c.account, c.param("id"), func(ch map[string]any) error {
		if ch["status"] != "SUCCEEDED" && ch["status"] != "REFUNDED" {
			return errIneligible
		}
		refunded, _ := num(ch, "refunded_amount")
		captured, _ := num(ch, "capture_amount")
		amount, given := num(c.body, "amount")
		if !given {
			amount = captured - refunded
		}
		switch {
		case amount <= 0 && given:
			problem = func() { c.invalid("amount must be positive") }
			return errIneligible
		case amount > captured-refunded || amount <= 0:
			problem = func() {
				c.fail(http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED", "The refund amount exceeds the remaining amount of the charge")
			}
			return errIneligible
		}
		now := stamp(c.now())
		ref = map[string]any{
			"id": s.ids.uuid("ewr_"), "charge_id": ch["id"], "status": "PENDING", "currency": ch["currency"],
			"channel_code": ch["channel_code"], "capture_amount": captured, "refund_amount": amount,
			"reason": orDefault(str(c.body, "reason"), "OTHERS"), "failure_code": nil, "created": now, "updated": now,
		}
		ch["refunded_amount"], ch["status"], ch["updated"] = refunded+amount, "REFUNDED", now
		return nil
	})
	if problem != nil {
		problem()
		return
	}
	if !s.answerUpdate(c, err, "charge", "Transaction is not eligible for refund: the charge is not SUCCEEDED") {
		return
	}
	c.ok(ref)
	ref["status"] = "SUCCEEDED"
	s.store.put("ewallet_refunds", c.account, ref["id"].(string), ref)
	s.deliverLater(c.account, "ewallets", s.ewalletCallback("ewallet.refund", ref))
}

func (s *Server) getEWalletRefund(c *call) {
	ref, ok := s.store.get("ewallet_refunds", c.account, c.param("refund_id"))
	if !ok || ref["charge_id"] != c.param("charge_id") {
		c.notFound("DATA_NOT_FOUND", "refund")
		return
	}
	c.ok(ref)
}

func (s *Server) listEWalletRefunds(c *call) {
	if _, ok := s.store.get("ewallet_charges", c.account, c.param("id")); !ok {
		c.notFound("DATA_NOT_FOUND", "charge")
		return
	}
	s.listRefunds(c, "ewallet_refunds", c.param("id"))
}

// listRefunds answers a charge's refunds, oldest first, with the limit (1
// to 50, default 10) and status filter of the refund list endpoints.
func (s *Server) listRefunds(c *call, col, chargeID string) {
	limit, ok := c.limit(10, 50)
	if !ok {
		return
	}
	status := c.query("status")
	p := s.store.list(col, c.account, listQuery{oldest: true, limit: limit, match: func(r map[string]any) bool {
		return r["charge_id"] == chargeID && (status == "" || r["status"] == status)
	}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

// limit reads the limit query parameter, def when absent.
func (c *call) limit(def, most int) (int, bool) {
	v := c.query("limit")
	if v == "" {
		return def, true
	}
	var n int
	if _, err := fmt.Sscan(v, &n); err != nil || n < 1 || n > most {
		c.invalid("limit must be a number between 1 and %d", most)
		return 0, false
	}
	return n, true
}

func orEmpty(items []map[string]any) []map[string]any {
	if items == nil {
		return []map[string]any{}
	}
	return items
}

func (s *Server) ewalletCallback(event string, data map[string]any) map[string]any {
	return map[string]any{"event": event, "business_id": paymentsBusinessID, "created": stamp(s.clock.Now()), "data": data}
}

// CompleteEWalletCharge plays the customer authorizing a PENDING charge: it
// becomes SUCCEEDED and the ewallet.capture callback is delivered before
// the call returns (an error if the receiver did not answer 2xx after
// redeliveries).
func (s *Server) CompleteEWalletCharge(id string) error {
	return s.settleEWalletCharge(id, "SUCCEEDED", "")
}

// FailEWalletCharge plays a PENDING charge failing with code (for example
// USER_DECLINED_PAYMENT), and delivers its ewallet.capture callback.
func (s *Server) FailEWalletCharge(id, code string) error {
	return s.settleEWalletCharge(id, "FAILED", code)
}

func (s *Server) settleEWalletCharge(id, status, code string) error {
	return s.hookPaid("ewallet_charges", id, "ewallets", func(ch map[string]any) (any, settlement, error) {
		if ch["status"] != "PENDING" {
			return nil, settlement{}, fmt.Errorf("xendittest: charge %s is %s, not PENDING", id, ch["status"])
		}
		ch["status"], ch["updated"] = status, stamp(s.clock.Now())
		if code != "" {
			ch["failure_code"] = code
		}
		var paid settlement
		if status == "SUCCEEDED" {
			ch["payment_detail"] = map[string]any{"fund_source": "BALANCE", "source": nil}
			amount, _ := num(ch, "capture_amount")
			paid = settlement{col: "ewallet_charges", id: id, category: "EWALLET", currency: str(ch, "currency"), amount: amount}
		}
		return s.ewalletCallback("ewallet.capture", ch), paid, nil
	})
}

// hook changes object id of col for a test hook (whatever its account)
// and delivers, to that account's product URL, the callback change
// returns; it returns once the callback is delivered or given up.
func (s *Server) hook(col, id, product string, change func(o map[string]any) (callback any, err error)) error {
	return s.hookPaid(col, id, product, func(o map[string]any) (any, settlement, error) {
		callback, err := change(o)
		return callback, settlement{}, err
	})
}

func (s *Server) createPaymentMethod(c *call) {
	b := c.body
	ew := obj(b, "ewallet")
	country := str(b, "country")
	if country == "" {
		country = "ID" // only single-country wallets may omit it
		switch str(ew, "channel_code") {
		case "PAYMAYA", "GCASH":
			country = "PH"
		case "TOUCHNGO":
			country = "MY"
		}
	}
	id := s.ids.uuid("pm-")
	now := c.now().Format("2006-01-02T15:04:05.000000000Z") // nanoseconds, as Xendit sends here
	pm := map[string]any{
		"id": id, "type": "EWALLET", "country": country, "business_id": paymentsBusinessID,
		"customer_id": b["customer_id"], "reference_id": orDefault(str(b, "reference_id"), s.ids.uuid("")),
		"reusability": "MULTIPLE_USE", "status": "REQUIRES_ACTION",
		"actions": []any{map[string]any{"action": "AUTH", "url": "https://link-web.xendittest.invalid/auth/" + id,
			"url_type": "WEB", "method": "GET"}},
		"description": b["description"], "created": now, "updated": now, "metadata": b["metadata"],
		"ewallet": map[string]any{"channel_code": ew["channel_code"], "channel_properties": ew["channel_properties"],
			"account": map[string]any{"name": nil, "account_details": nil, "balance": nil, "point_balance": nil}},
		"direct_bank_transfer": nil, "direct_debit": nil, "card": nil, "over_the_counter": nil, "qr_code": nil, "virtual_account": nil,
	}
	s.store.put("payment_methods", c.account, id, pm)
	c.ok(pm)
}

func (s *Server) getPaymentMethod(c *call) {
	if pm, ok := s.store.get("payment_methods", c.account, c.param("id")); ok {
		c.ok(pm)
		return
	}
	c.notFound("DATA_NOT_FOUND_ERROR", "payment method")
}

// unlinkPaymentMethod expires the link; Xendit sends no callback for an
// unlink.
func (s *Server) unlinkPaymentMethod(c *call) {
	pm, err := s.store.setStatus("payment_methods", c.account, c.param("id"), "EXPIRED")
	if err != nil {
		c.notFound("DATA_NOT_FOUND_ERROR", "payment method")
		return
	}
	c.ok(pm)
}

// ActivatePaymentMethod plays the customer authorizing an account link: the
// payment method becomes ACTIVE and payment_method.activated is delivered.
func (s *Server) ActivatePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, "ACTIVE", "payment_method.activated")
}

// ExpirePaymentMethod plays the wallet ending an account link: the payment
// method becomes EXPIRED and payment_method.expiry.expired is delivered.
func (s *Server) ExpirePaymentMethod(id string) error {
	return s.setPaymentMethodStatus(id, "EXPIRED", "payment_method.expiry.expired")
}

func (s *Server) setPaymentMethodStatus(id, status, event string) error {
	return s.hook("payment_methods", id, "ewallets", func(pm map[string]any) (any, error) {
		pm["status"], pm["updated"] = status, stamp(s.clock.Now())
		if ew := obj(pm, "ewallet"); status == "ACTIVE" && ew != nil {
			ew["account"] = map[string]any{"account_details": "+62*****3123", "balance": 1_000_000.0}
		}
		return s.ewalletCallback(event, pm), nil
	})
}
