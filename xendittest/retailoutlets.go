package xendittest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The retail outlets model. Indonesia's fixed payment codes are ACTIVE
// when created, INACTIVE once a single-use code is paid, EXPIRED when an
// update moves their expiration_date into the past. The Philippines'
// payment codes are ACTIVE, and INACTIVE once paid (single use) or
// expired by an update. The reference has no test-mode payment endpoint:
// a test plays the customer at the cashier with [Server.PayFixedPaymentCode]
// and [Server.PayPaymentCode], which record the payment and deliver its
// callback to the "retailoutlets" URL of the code's merchant.

// retailPrefix is the merchant prefix of the fake's payment codes.
const retailPrefix = "TEST"

// fixedOutletMax is the expected amount's maximum per retail outlet; the
// minimum is Rp 10,000 for both.
var fixedOutletMax = map[string]float64{"ALFAMART": 2_500_000, "INDOMARET": 5_000_000}

func (s *Server) routeRetailOutlets() {
	s.model("retailoutlets.create_fixed_payment_code", s.createFixedPaymentCode)
	s.model("retailoutlets.update_fixed_payment_code", s.updateFixedPaymentCode)
	s.model("retailoutlets.get_fixed_payment_code", s.getFixedPaymentCode)
	s.model("retailoutlets.list_fixed_payment_code_payments", s.listFixedPaymentCodePayments)
	s.model("retailoutlets.create_payment_code", s.createPaymentCode)
	s.model("retailoutlets.update_payment_code", s.updatePaymentCode)
	s.model("retailoutlets.get_payment_code", s.getPaymentCode)
	s.model("retailoutlets.list_payment_code_payments", s.listPaymentCodePayments)
}

// inPast reports whether the timestamp field k of b is set and before now;
// bad is true when it is set but not a timestamp.
func inPast(c *call, b map[string]any, k string) (past, bad bool) {
	v := str(b, k)
	if v == "" {
		return false, false
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return false, true
	}
	return t.Before(c.now()), false
}

// codeTaken reports whether account already has payment_code in col.
func (s *Server) codeTaken(col, account, code string) bool {
	p := s.store.list(col, account, listQuery{match: func(o map[string]any) bool { return o["payment_code"] == code }})
	return len(p.items) > 0
}

func (s *Server) createFixedPaymentCode(c *call) {
	b := c.body
	outlet := str(b, "retail_outlet_name")
	most, known := fixedOutletMax[outlet]
	amount, _ := num(b, "expected_amount")
	past, bad := inPast(c, b, "expiration_date")
	switch {
	case !known:
		c.fail(http.StatusBadRequest, "RETAIL_OUTLET_NOT_SUPPORTED_ERROR", "The Retail Outlets is not currently supported.")
		return
	case amount < 10_000:
		c.fail(http.StatusBadRequest, "MINIMUM_EXPECTED_AMOUNT_ERROR", "The expected amount can only be more than or equal Rp 10,000")
		return
	case amount > most:
		c.fail(http.StatusBadRequest, "MAXIMUM_EXPECTED_AMOUNT_ERROR", "The expected amount can only be less than or equal Rp %.0f", most)
		return
	case bad:
		c.invalid("expiration_date must be an ISO 8601 date")
		return
	case past:
		c.fail(http.StatusBadRequest, "EXPIRATION_DATE_INVALID_ERROR", "Invalid custom expiration date because it's earlier than current time.")
		return
	}
	id := s.ids.hex24("fixed_payment_code")
	code := retailPrefix + orDefault(str(b, "payment_code"), fmt.Sprintf("%06d", s.ids.next("fixed_payment_code")))
	if s.codeTaken("fixed_payment_codes", c.account, code) {
		c.fail(http.StatusBadRequest, "DUPLICATE_PAYMENT_CODE_ERROR", "The payment code that you want to create is already exist")
		return
	}
	single, _ := b["is_single_use"].(bool)
	fpc := map[string]any{
		"id": id, "owner_id": businessID, "external_id": b["external_id"], "retail_outlet_name": outlet,
		"prefix": retailPrefix, "name": b["name"], "payment_code": code, "type": "USER",
		"expected_amount": amount, "is_single_use": single, "status": "ACTIVE",
		"expiration_date": orDefault(str(b, "expiration_date"), stamp(c.now().AddDate(31, 0, 0))),
	}
	s.store.put("fixed_payment_codes", c.account, id, fpc)
	s.useSplitRule(c, "fixed_payment_codes", id)
	c.ok(fpc)
}

func (s *Server) updateFixedPaymentCode(c *call) {
	b := c.body
	past, bad := inPast(c, b, "expiration_date")
	if bad {
		c.invalid("expiration_date must be an ISO 8601 date")
		return
	}
	var problem func()
	fpc, err := s.store.update("fixed_payment_codes", c.account, c.param("fixed_payment_code_id"), func(fpc map[string]any) error {
		if fpc["status"] == "INACTIVE" {
			problem = func() {
				c.fail(http.StatusBadRequest, "INACTIVE_FIXED_PAYMENT_CODE_ERROR", "Account number that you want to update is inactive.")
			}
			return errIneligible
		}
		if amount, ok := num(b, "expected_amount"); ok {
			if most := fixedOutletMax[str(fpc, "retail_outlet_name")]; amount < 10_000 || amount > most {
				problem = func() {
					c.fail(http.StatusBadRequest, "MAXIMUM_EXPECTED_AMOUNT_ERROR", "The expected amount must be between Rp 10,000 and Rp %.0f", most)
				}
				return errIneligible
			}
			fpc["expected_amount"] = amount
		}
		if name, ok := b["name"]; ok {
			fpc["name"] = name
		}
		if d, ok := b["expiration_date"]; ok {
			fpc["expiration_date"] = d
			if past {
				fpc["status"] = "EXPIRED"
			}
		}
		return nil
	})
	switch {
	case problem != nil:
		problem()
	case err != nil:
		c.notFound("FIXED_PAYMENT_CODE_NOT_FOUND_ERROR", "fixed payment code")
	default:
		c.ok(fpc)
	}
}

func (s *Server) getFixedPaymentCode(c *call) {
	if fpc, ok := s.store.get("fixed_payment_codes", c.account, c.param("fixed_payment_code_id")); ok {
		c.ok(fpc)
		return
	}
	c.notFound("FIXED_PAYMENT_CODE_NOT_FOUND_ERROR", "fixed payment code")
}

// listFixedPaymentCodePayments answers a page, oldest first, with limit
// (1 to 100, default 10), after_id and, while more follow, "links" as one
// object, as the reference shows it.
func (s *Server) listFixedPaymentCodePayments(c *call) {
	id := c.param("fixed_payment_code_id")
	if _, ok := s.store.get("fixed_payment_codes", c.account, id); !ok {
		c.notFound("DATA_NOT_FOUND", "fixed payment code")
		return
	}
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	p := s.store.list("fixed_payment_code_payments", c.account, listQuery{oldest: true, limit: limit, after: c.query("after_id"),
		match: func(o map[string]any) bool { return o["fixed_payment_code_id"] == id }})
	answer := map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore}
	if p.hasMore {
		last := p.items[len(p.items)-1]["id"]
		answer["links"] = map[string]any{"rel": "next", "method": "GET",
			"href": fmt.Sprintf("/fixed_payment_code/%s/payments?limit=%d&after_id=%s", id, limit, last)}
	}
	c.ok(answer)
}

// PayFixedPaymentCode plays a customer paying fixed payment code id at the
// cashier: amount rupiah, or the expected amount when amount is 0. The
// payment is recorded (SETTLING), a single-use code turns INACTIVE, and
// the callback (no event field) is delivered before the call returns (an
// error if the receiver did not answer 2xx after redeliveries).
func (s *Server) PayFixedPaymentCode(id string, amount float64) error {
	return s.payRetailCode("fixed_payment_codes", "fixed_payment_code_payments", id, func(fpc map[string]any) (map[string]any, map[string]any, error) {
		if amount == 0 {
			amount, _ = num(fpc, "expected_amount")
		}
		payment := map[string]any{
			"id": s.ids.hex24("fixed_payment_code_payment"), "external_id": fpc["external_id"], "prefix": fpc["prefix"],
			"payment_code": fpc["payment_code"], "retail_outlet_name": fpc["retail_outlet_name"], "name": fpc["name"],
			"amount": amount, "status": "SETTLING", "transaction_timestamp": s.nowString(),
			"payment_id": fmt.Sprint(s.clock.Now().UnixMilli()), "fixed_payment_code_payment_id": s.ids.hex24("fpc_payment"),
			"fixed_payment_code_id": id, "owner_id": fpc["owner_id"],
		}
		return payment, payment, nil
	})
}

// payRetailCode pays the ACTIVE code id of col: pay returns the payment
// to record in payments and the callback to deliver; the amount is
// credited to the code's merchant, and a single-use code turns INACTIVE. It returns once the callback is delivered or given up.
func (s *Server) payRetailCode(col, payments, id string, pay func(code map[string]any) (payment, callback map[string]any, err error)) error {
	owner, ok := s.store.ownerOf(col, id)
	if !ok {
		return fmt.Errorf("%w: %s %q", ErrNoSuchObject, col, id)
	}
	var payment, callback map[string]any
	_, err := s.store.update(col, owner, id, func(code map[string]any) error {
		if code["status"] != "ACTIVE" {
			return fmt.Errorf("xendittest: %s %s is %s, not ACTIVE", col, id, code["status"])
		}
		var err error
		if payment, callback, err = pay(code); err != nil {
			return err
		}
		if code["is_single_use"] == true {
			code["status"] = "INACTIVE"
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.store.put(payments, owner, payment["id"].(string), payment)
	amount, _ := num(payment, "amount")
	s.settle(settlement{col: col, id: id, paymentID: str(payment, "id"), category: "RETAIL_OUTLET",
		currency: orDefault(str(payment, "currency"), "IDR"), amount: amount}) // fixed payment codes are Indonesia's, in rupiah
	return s.deliverNow(owner, "retailoutlets", callback)
}

// paymentCodeChannels are the Philippine channels the fake serves, with
// whether they allow multiple use.
var paymentCodeChannels = map[string]bool{
	"7ELEVEN": false, "7ELEVEN_CLIQQ": true, "CEBUANA": true, "ECPAY": true, "LBC": true,
	"DP_PALAWAN": false, "DP_MLHUILLIER": false, "DP_ECPAY_LOAN": true, "DP_RD_PAWNSHOP": true,
	"DP_CVM": true, "DP_ECPAY_SCHOOL": true, "DP_USSC": true, "ROBINSONS_BILLS": false, "SM_BILLS": false,
}

func (s *Server) createPaymentCode(c *call) {
	b := c.body
	channel := str(b, "channel_code")
	multi, known := paymentCodeChannels[channel]
	single, given := b["is_single_use"].(bool)
	past, bad := inPast(c, b, "expires_at")
	switch {
	case !known:
		c.fail(http.StatusBadRequest, "CHANNEL_CODE_NOT_SUPPORTED", "The Retail Outlets is not currently supported. Please contact Xendit customer support to resolve this issue")
		return
	case channel == "7ELEVEN" && str(b, "payment_code") != "":
		c.invalid("7ELEVEN does not support custom payment_code")
		return
	case given && !single && !multi:
		c.invalid("%s does not support multiple use payment codes", channel)
		return
	case bad:
		c.invalid("expires_at must be an ISO 8601 date")
		return
	case past:
		c.fail(http.StatusBadRequest, "EXPIRATION_DATE_INVALID_ERROR", "Invalid custom expiration date because it's earlier than current time. Update expires_at value, must be a date in the future.")
		return
	}
	code := retailPrefix + strings.ToUpper(orDefault(str(b, "payment_code"), fmt.Sprintf("AB%06d", s.ids.next("payment_code"))))
	if s.codeTaken("payment_codes", c.account, code) {
		c.fail(http.StatusBadRequest, "DUPLICATE_ERROR", "The payment code that you want to create already exist. Please use a different payment code.")
		return
	}
	now := s.nowString()
	id := s.ids.uuid("pcode-")
	pc := map[string]any{
		"id": id, "business_id": paymentsBusinessID, "reference_id": b["reference_id"], "customer_name": b["customer_name"],
		"payment_code": code, "currency": b["currency"], "amount": b["amount"], "channel_code": channel,
		"description": orDefault(str(b, "description"), ""), "is_single_use": !given || single, "market": b["market"],
		"status": "ACTIVE", "metadata": b["metadata"], "created_at": now, "updated_at": now,
		"expires_at": orDefault(str(b, "expires_at"), stamp(c.now().Add(48*time.Hour))),
	}
	s.store.put("payment_codes", c.account, id, pc)
	s.useSplitRule(c, "payment_codes", id)
	c.ok(pc)
}

func (s *Server) updatePaymentCode(c *call) {
	b := c.body
	past, bad := inPast(c, b, "expires_at")
	if bad {
		c.invalid("expires_at must be an ISO 8601 date")
		return
	}
	var problem func()
	pc, err := s.store.update("payment_codes", c.account, c.param("payment_code_id"), func(pc map[string]any) error {
		if _, ok := b["expires_at"]; ok && pc["channel_code"] == "7ELEVEN" {
			problem = func() { c.invalid("updating of expiration days is not allowed for 7ELEVEN") }
			return errIneligible
		}
		for _, k := range []string{"customer_name", "amount", "currency", "expires_at", "description"} {
			if v, ok := b[k]; ok {
				pc[k] = v
			}
		}
		if past {
			pc["status"] = "INACTIVE"
		}
		pc["updated_at"] = stamp(c.now())
		return nil
	})
	switch {
	case problem != nil:
		problem()
	case err != nil:
		c.notFound("DATA_NOT_FOUND_ERROR", "payment code")
	default:
		c.ok(pc)
	}
}

func (s *Server) getPaymentCode(c *call) {
	if pc, ok := s.store.get("payment_codes", c.account, c.param("payment_code_id")); ok {
		c.ok(pc)
		return
	}
	c.notFound("DATA_NOT_FOUND_ERROR", "payment code")
}

// listPaymentCodePayments answers every payment of a code as a bare
// array, oldest first: the reference documents an array and no paging.
func (s *Server) listPaymentCodePayments(c *call) {
	id := c.param("payment_code_id")
	if _, ok := s.store.get("payment_codes", c.account, id); !ok {
		c.notFound("DATA_NOT_FOUND_ERROR", "payment code")
		return
	}
	p := s.store.list("payment_code_payments", c.account, listQuery{oldest: true,
		match: func(o map[string]any) bool { return o["payment_code_id"] == id }})
	c.ok(orEmpty(p.items))
}

// PayPaymentCode plays a customer paying Philippine payment code id at the
// cashier: amount pesos, or the code's amount when amount is 0 (an open
// code, with no amount, needs one). The payment is recorded (COMPLETED), a
// single-use code turns INACTIVE, and the payment_code.payment callback is
// delivered before the call returns.
func (s *Server) PayPaymentCode(id string, amount float64) error {
	return s.payRetailCode("payment_codes", "payment_code_payments", id, func(pc map[string]any) (map[string]any, map[string]any, error) {
		if amount == 0 {
			var closed bool
			if amount, closed = num(pc, "amount"); !closed {
				return nil, nil, fmt.Errorf("xendittest: payment code %s is open: give an amount", id)
			}
		}
		now := s.nowString()
		payment := map[string]any{
			"id": s.ids.uuid("pymt-"), "payment_code_id": id, "payment_code": pc["payment_code"],
			"channel_code": pc["channel_code"], "currency": pc["currency"], "amount": amount, "status": "COMPLETED",
			"remarks": "payment simulation", "created": now, "updated": now,
		}
		callback := map[string]any{
			"event": "payment_code.payment", "id": payment["id"], "reference_id": pc["reference_id"],
			"business_id": pc["business_id"], "payment_code_id": id, "channel_code": pc["channel_code"],
			"payment_code": pc["payment_code"], "country_code": pc["market"], "currency": pc["currency"],
			"amount": amount, "status": "COMPLETED", "created": now, "remarks": "payment simulation",
		}
		return payment, callback, nil
	})
}
