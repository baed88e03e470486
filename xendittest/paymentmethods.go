package xendittest

import (
	"fmt"
	"net/http"
)

// The Payment Methods (v2) model. A payment method lives in the
// "payment_methods" collection that the eWallets model's account linking
// shares (the eWallets model answers the creates it accepts, and every get
// and expire: its templates come first). Here:
//   - a create of any other kind: a saved eWallet or direct debit is
//     REQUIRES_ACTION (eWallet: a WEB auth URL; direct debit: an OTP, see
//     [PaymentMethodOTP]); a card, virtual account, payment code or QR code
//     is ACTIVE at once, with its number, code or QR string;
//   - Authorize with the OTP makes it ACTIVE and sends
//     payment_method.activated; a wrong code is INVALID_OTP_ERROR;
//   - Update switches ACTIVE and INACTIVE and merges amounts and channel
//     properties;
//   - Simulate Payment pays an ACTIVE virtual account, payment code or QR
//     code: the payment is listed by List Payments and payment.succeeded
//     is sent.
//
// Callbacks go to the "paymentmethods" URL of the merchant.

// PaymentMethodOTP is the one-time password Authorize accepts for a
// payment method that asks for one.
const PaymentMethodOTP = "333000"

func (s *Server) routePaymentMethods() {
	s.model("paymentmethods.create", s.createPaymentMethodV2)
	s.model("paymentmethods.list", s.listPaymentMethods)
	s.model("paymentmethods.update", s.updatePaymentMethod)
	s.model("paymentmethods.authorize", s.authorizePaymentMethod)
	s.model("paymentmethods.simulate_payment", s.simulatePaymentMethodPayment)
	s.model("paymentmethods.list_payments", s.listPaymentMethodPayments)
}

// pmChannelObject is the object of each type that has one.
var pmChannelObject = map[string]string{
	"CARD": "card", "DIRECT_DEBIT": "direct_debit", "EWALLET": "ewallet",
	"OVER_THE_COUNTER": "over_the_counter", "VIRTUAL_ACCOUNT": "virtual_account", "QR_CODE": "qr_code",
}

// pmID is the payment method id of the path, whichever template matched.
func pmID(c *call) string {
	if id := c.param("paymentMethodId"); id != "" {
		return id
	}
	return c.param("id")
}

func (s *Server) createPaymentMethodV2(c *call) {
	b := c.body
	typ := str(b, "type")
	name, known := pmChannelObject[typ]
	if !known {
		c.invalid("type %q is not supported", typ)
		return
	}
	o := obj(b, name)
	if o == nil {
		c.invalid("%s is required for type %s", name, typ)
		return
	}
	id := s.ids.uuid("pm-")
	now := stamp(c.now())
	pm := map[string]any{
		"id": id, "type": typ, "country": b["country"], "business_id": paymentsBusinessID,
		"customer_id": b["customer_id"], "reference_id": orDefault(str(b, "reference_id"), s.ids.uuid("")),
		"reusability": b["reusability"], "status": "ACTIVE", "actions": []any{}, "description": b["description"],
		"created": now, "updated": now, "metadata": b["metadata"], "billing_information": b["billing_information"],
		"failure_code": nil, "ewallet": nil, "direct_debit": nil, "card": nil, "over_the_counter": nil,
		"qr_code": nil, "virtual_account": nil,
	}
	if b["customer"] != nil {
		pm["customer"], pm["customer_id"] = b["customer"], s.ids.uuid("cust-")
	}
	channel := deepCopy(o)
	props, _ := channel["channel_properties"].(map[string]any)
	if props == nil {
		props = map[string]any{}
		channel["channel_properties"] = props
	}
	saved := b["reusability"] == "MULTIPLE_USE"
	switch typ {
	case "EWALLET":
		if saved {
			pm["status"] = "REQUIRES_ACTION"
			pm["actions"] = []any{map[string]any{"action": "AUTH", "url": "https://link-web.xendittest.invalid/auth/" + id, "url_type": "WEB", "method": "GET"}}
		}
	case "DIRECT_DEBIT":
		pm["status"] = "REQUIRES_ACTION"
		pm["actions"] = []any{map[string]any{"action": "AUTH", "url": "/v2/payment_methods/" + id + "/auth", "url_type": "API", "method": "POST"}}
		channel["type"] = "DEBIT_CARD"
	case "CARD":
		info := obj(o, "card_information")
		number := str(info, "card_number")
		if len(number) < 12 {
			c.invalid("card.card_information.card_number is invalid")
			return
		}
		// The number is tokenized: only its masked form is kept.
		channel["card_information"] = map[string]any{
			"token_id": s.ids.uuid("tok-"), "masked_card_number": number[:6] + "XXXXXX" + number[len(number)-4:],
			"cardholder_name": info["cardholder_name"], "expiry_month": info["expiry_month"], "expiry_year": info["expiry_year"],
			"fingerprint": "fp-" + number[len(number)-4:], "type": "CREDIT", "network": "VISA", "country": "ID", "issuer": "XENDIT TEST BANK",
		}
	case "VIRTUAL_ACCOUNT":
		if _, set := props["virtual_account_number"]; !set {
			props["virtual_account_number"] = fmt.Sprintf("8808%012d", s.ids.next("va"))
		}
	case "OVER_THE_COUNTER":
		if _, set := props["payment_code"]; !set {
			props["payment_code"] = fmt.Sprintf("TEST%08d", s.ids.next("otc"))
		}
	case "QR_CODE":
		props["qr_string"] = "00020101021226660014ID.XENDITTEST" + id
	}
	pm[name] = channel
	s.store.put("payment_methods", c.account, id, pm)
	c.reply(http.StatusCreated, pm)
}

func (s *Server) listPaymentMethods(c *call) {
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	in := func(field string, m map[string]any) bool {
		want := q[field]
		if len(want) == 0 {
			return true
		}
		v, _ := m[field].(string)
		for _, w := range want {
			if w == v {
				return true
			}
		}
		return false
	}
	p := s.store.list("payment_methods", c.account, listQuery{limit: limit, after: c.query("after_id"), before: c.query("before_id"),
		match: func(m map[string]any) bool {
			return in("id", m) && in("type", m) && in("status", m) && in("reusability", m) && in("customer_id", m) && in("reference_id", m)
		}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

// merge copies src into dst, one level of objects deep: a PATCH of
// channel_properties changes the keys it names.
func merge(dst, src map[string]any) {
	for k, v := range src {
		sub, isObj := v.(map[string]any)
		if old, ok := dst[k].(map[string]any); ok && isObj {
			merge(old, sub)
			continue
		}
		dst[k] = v
	}
}

// changePaymentMethod runs change on the path's payment method and
// answers the result; change returns instead the refusal to answer, and
// the payment method stays as it was.
func (s *Server) changePaymentMethod(c *call, change func(pm map[string]any) (refuse func())) (map[string]any, bool) {
	var refuse func()
	pm, err := s.store.update("payment_methods", c.account, pmID(c), func(pm map[string]any) error {
		if refuse = change(pm); refuse != nil {
			return errRefused
		}
		pm["updated"] = stamp(c.now())
		return nil
	})
	switch {
	case refuse != nil:
		refuse()
		return nil, false
	case err != nil:
		c.notFound("DATA_NOT_FOUND", "payment method")
		return nil, false
	}
	c.ok(pm)
	return pm, true
}

// errRefused aborts a store update whose answer is already decided.
var errRefused = fmt.Errorf("xendittest: refused")

func (s *Server) updatePaymentMethod(c *call) {
	b := c.body
	s.changePaymentMethod(c, func(pm map[string]any) func() {
		if st, set := b["status"]; set && st != nil {
			from := pm["status"]
			if (st != "ACTIVE" && st != "INACTIVE") || (from != "ACTIVE" && from != "INACTIVE") {
				return func() {
					c.fail(http.StatusBadRequest, "INVALID_PAYMENT_METHOD", "status cannot change from %v to %v", from, st)
				}
			}
		}
		for _, k := range []string{"over_the_counter", "virtual_account"} {
			if v, set := b[k]; set && pm[k] == nil && v != nil {
				return func() { c.invalid("%s cannot be updated on a %v payment method", k, pm["type"]) }
			}
		}
		merge(pm, b)
		return nil
	})
}

func (s *Server) authorizePaymentMethod(c *call) {
	pm, ok := s.changePaymentMethod(c, func(pm map[string]any) func() {
		switch {
		case pm["status"] == "ACTIVE":
			return func() {
				c.fail(http.StatusConflict, "PAYMENT_METHOD_ALREADY_ACTIVE", "the payment method is already ACTIVE")
			}
		case pm["status"] != "REQUIRES_ACTION":
			return func() {
				c.fail(http.StatusBadRequest, "INVALID_PAYMENT_METHOD", "the payment method is %v", pm["status"])
			}
		case str(c.body, "auth_code") != PaymentMethodOTP:
			return func() { c.fail(http.StatusBadRequest, "INVALID_OTP_ERROR", "the OTP is not correct") }
		}
		pm["status"], pm["actions"] = "ACTIVE", []any{}
		return nil
	})
	if ok {
		s.deliverLater(c.account, "paymentmethods", s.ewalletCallback("payment_method.activated", pm))
	}
}

// payable are the types a payment can be simulated for, with the object
// that holds the amount.
var payable = map[string]string{"VIRTUAL_ACCOUNT": "virtual_account", "OVER_THE_COUNTER": "over_the_counter", "QR_CODE": "qr_code"}

func (s *Server) simulatePaymentMethodPayment(c *call) {
	pm, ok := s.store.get("payment_methods", c.account, pmID(c))
	if !ok {
		c.notFound("DATA_NOT_FOUND", "payment method")
		return
	}
	name, can := payable[str(pm, "type")]
	switch {
	case !can:
		c.fail(http.StatusBadRequest, "NOT_SUPPORTED_BY_CHANNEL", "payments of a %v payment method cannot be simulated", pm["type"])
		return
	case pm["status"] != "ACTIVE":
		c.fail(http.StatusBadRequest, "INACTIVE_PAYMENT_METHOD", "the payment method is %v", pm["status"])
		return
	}
	channel := obj(pm, name)
	fixed, isFixed := num(channel, "amount")
	amount, given := num(c.body, "amount")
	switch {
	case given && isFixed && amount != fixed:
		c.fail(http.StatusBadRequest, "INCORRECT_AMOUNT", "the amount must be %v", fixed)
		return
	case !given && !isFixed:
		c.missing("amount")
		return
	case !given:
		amount = fixed
	}
	now := stamp(c.now())
	pay := map[string]any{
		"id": s.ids.uuid("py-"), "payment_method_id": pm["id"], "reference_id": pm["reference_id"], "status": "SUCCEEDED",
		"amount": amount, "currency": orDefault(str(channel, "currency"), "IDR"), "channel_code": channel["channel_code"],
		"created": now, "updated": now,
	}
	s.store.put("paymentmethod_payments", c.account, pay["id"].(string), pay)
	s.settle(settlement{col: "payment_methods", id: str(pm, "id"), paymentID: str(pay, "id"),
		category: unifiedCategory[str(pm, "type")], currency: str(pay, "currency"), amount: amount})
	c.ok(map[string]any{"status": "PENDING", "message": "the payment is being simulated; its callback follows"})
	s.deliverLater(c.account, "paymentmethods", s.ewalletCallback("payment.succeeded", pay))
}

func (s *Server) listPaymentMethodPayments(c *call) {
	id := pmID(c)
	if _, ok := s.store.get("payment_methods", c.account, id); !ok {
		c.notFound("DATA_NOT_FOUND", "payment method")
		return
	}
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	p := s.store.list("paymentmethod_payments", c.account, listQuery{oldest: true, limit: limit, after: c.query("after_id"),
		match: func(m map[string]any) bool { return m["payment_method_id"] == id }})
	page := map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore}
	if p.hasMore {
		last := p.items[len(p.items)-1]["id"].(string)
		page["links"] = []any{map[string]any{"href": "/v2/payment_methods/" + id + "/payments?limit=" + fmt.Sprint(limit) +
			"&after_id=" + last, "method": "GET", "rel": "next"}}
	}
	c.ok(page)
}
