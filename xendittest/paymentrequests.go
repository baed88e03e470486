package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// The Payment Requests model (the unified Payments API): a payment request
// starts REQUIRES_ACTION (a one-time eWallet or a card: the customer
// authorises at a URL; a direct debit: an OTP through Authorize; a QR code:
// the customer scans it) or PENDING (a saved eWallet, a virtual account,
// an over-the-counter code), and ends SUCCEEDED or FAILED when a test
// plays the customer (CompletePaymentRequest, FailPaymentRequest) or
// Authorize takes the OTP. With capture_method MANUAL it stops at
// AWAITING_CAPTURE until a capture, which makes it SUCCEEDED. Each change
// sends its payment or capture callback to the "paymentrequests" URL of the
// merchant. Payment methods made with a payment request are kept in the
// payment_methods collection the eWallets and generic models share, so a
// MULTIPLE_USE one can be charged again by payment_method_id.

// prOTPRejected is the OTP the fake refuses, to test a wrong code.
const prOTPRejected = "000000"

func (s *Server) routePaymentRequests() {
	s.model("paymentrequests.create", s.createPaymentRequest)
	s.model("paymentrequests.get", s.getPaymentRequest)
	s.model("paymentrequests.list", s.listPaymentRequests)
	s.model("paymentrequests.authorize", s.authorizePaymentRequest)
	s.model("paymentrequests.resend_auth", s.resendPaymentRequestAuth)
	s.model("paymentrequests.capture", s.capturePaymentRequest)
	s.model("paymentrequests.list_captures", s.listPaymentRequestCaptures)
}

var prCurrencies = []string{"IDR", "PHP", "VND", "THB", "MYR"}

var prChannelObjects = []string{"card", "direct_debit", "ewallet", "over_the_counter", "qr_code", "virtual_account"}

// prChannelObject is the JSON name of a payment method type's channel object.
var prChannelObject = map[string]string{"CARD": "card", "DIRECT_DEBIT": "direct_debit", "EWALLET": "ewallet",
	"OVER_THE_COUNTER": "over_the_counter", "QR_CODE": "qr_code", "VIRTUAL_ACCOUNT": "virtual_account"}

func (s *Server) createPaymentRequest(c *call) {
	b := c.body
	amount, hasAmount := num(b, "amount")
	if !slices.Contains(prCurrencies, str(b, "currency")) {
		c.invalid("currency must be one of %v", prCurrencies)
		return
	}
	pm, saved, ok := s.prPaymentMethod(c)
	if !ok {
		return
	}
	typ := str(pm, "type")
	switch {
	case hasAmount && amount <= 0:
		c.invalid("amount must be positive")
		return
	case !hasAmount && typ != "VIRTUAL_ACCOUNT":
		c.invalid("amount is required for %s", typ)
		return
	}
	id := s.ids.uuid("pr-")
	now := stamp(c.now())
	pr := map[string]any{
		"id": id, "business_id": paymentsBusinessID, "reference_id": orDefault(str(b, "reference_id"), s.ids.uuid("")),
		"customer_id": b["customer_id"], "customer": b["customer"], "amount": amount, "min_amount": nil, "max_amount": nil,
		"country": b["country"], "currency": b["currency"], "payment_method": pm, "description": b["description"],
		"failure_code": nil, "capture_method": orDefault(str(b, "capture_method"), "AUTOMATIC"), "initiator": b["initiator"],
		"card_verification_results": nil, "status": "PENDING", "actions": []any{},
		"channel_properties": b["channel_properties"], "shipping_information": b["shipping_information"],
		"items": b["items"], "metadata": b["metadata"], "created": now, "updated": now,
	}
	action := func(kind, urlType, method, url string) map[string]any {
		return map[string]any{"action": kind, "url_type": urlType, "method": method, "url": url, "qr_code": nil}
	}
	page := "https://checkout.xendittest.invalid/payment_requests/" + id
	switch {
	case typ == "EWALLET" && saved:
	case typ == "EWALLET", typ == "CARD":
		pr["status"] = "REQUIRES_ACTION"
		pr["actions"] = []any{action("AUTH", "WEB", "GET", page), action("AUTH", "MOBILE", "GET", page+"?mobile=1")}
	case typ == "DIRECT_DEBIT":
		pr["status"] = "REQUIRES_ACTION"
		pr["actions"] = []any{action("AUTH", "API", "POST", "/payment_requests/"+id+"/auth"),
			action("RESEND_AUTH", "API", "POST", "/payment_requests/"+id+"/auth/resend")}
	case typ == "QR_CODE":
		pr["status"] = "REQUIRES_ACTION"
		qr := action("PRESENT_TO_CUSTOMER", "API", "", "")
		qr["method"], qr["url"], qr["qr_code"] = nil, nil, "00020101021226xendittest"+id
		pr["actions"] = []any{qr}
	}
	s.store.put("payment_requests", c.account, id, pr)
	c.ok(pr)
}

// prPaymentMethod is the payment method a create charges: the saved one
// payment_method_id names (saved true), or a new one made from
// payment_method and stored. It answers the error itself when !ok.
func (s *Server) prPaymentMethod(c *call) (pm map[string]any, saved, ok bool) {
	b := c.body
	spec, id := obj(b, "payment_method"), str(b, "payment_method_id")
	switch {
	case spec != nil && id != "":
		c.invalid("payment_method and payment_method_id cannot both be given")
		return nil, false, false
	case id != "":
		pm, found := s.store.get("payment_methods", c.account, id)
		if !found {
			c.fail(http.StatusBadRequest, "PAYMENT_METHOD_NOT_FOUND_ERROR", "payment method %s not found", id)
			return nil, false, false
		}
		if pm["status"] != "ACTIVE" {
			c.fail(http.StatusBadRequest, "INVALID_PAYMENT_METHOD", "payment method %s is %v, not ACTIVE", id, pm["status"])
			return nil, false, false
		}
		return pm, true, true
	case spec == nil:
		c.invalid("payment_method or payment_method_id is required")
		return nil, false, false
	}
	typ := str(spec, "type")
	field, known := prChannelObject[typ]
	channel := obj(spec, field)
	switch {
	case !known || typ == "CARD":
		c.invalid("payment_method.type %q cannot be created with a payment request", typ)
		return nil, false, false
	case channel == nil || str(channel, "channel_code") == "":
		c.invalid("payment_method.%s.channel_code is required", field)
		return nil, false, false
	case typ == "EWALLET" && str(obj(channel, "channel_properties"), "success_return_url") == "":
		c.invalid("payment_method.ewallet.channel_properties.success_return_url is required")
		return nil, false, false
	}
	now := stamp(c.now())
	pm = map[string]any{
		"id": s.ids.uuid("pm-"), "type": typ, "reusability": orDefault(str(spec, "reusability"), "ONE_TIME_USE"),
		"status": "ACTIVE", "reference_id": orDefault(str(spec, "reference_id"), s.ids.uuid("")),
		"description": spec["description"], "customer_id": b["customer_id"], "country": b["country"],
		"business_id": paymentsBusinessID, "metadata": nil, "created": now, "updated": now,
	}
	for _, f := range prChannelObjects {
		pm[f] = nil
	}
	pm[field] = channel
	s.store.put("payment_methods", c.account, pm["id"].(string), pm)
	return pm, false, true
}

func (s *Server) getPaymentRequest(c *call) {
	if pr, ok := s.store.get("payment_requests", c.account, c.param("paymentRequestId")); ok {
		c.ok(pr)
		return
	}
	c.notFound("DATA_NOT_FOUND", "payment request")
}

// listPaymentRequests answers newest first, filtered by any of the given
// reference_id, id and customer_id values, paged by after_id and before_id.
func (s *Server) listPaymentRequests(c *call) {
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	in := func(key string, v any) bool {
		s, _ := v.(string)
		return len(q[key]) == 0 || slices.Contains(q[key], s)
	}
	p := s.store.list("payment_requests", c.account, listQuery{limit: limit, after: q.Get("after_id"), before: q.Get("before_id"),
		match: func(pr map[string]any) bool {
			return in("reference_id", pr["reference_id"]) && in("id", pr["id"]) && in("customer_id", pr["customer_id"])
		}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

// hasAction reports whether pr waits for an action of kind and URL type.
func hasAction(pr map[string]any, kind, urlType string) bool {
	as, _ := pr["actions"].([]any)
	return slices.ContainsFunc(as, func(a any) bool {
		m, _ := a.(map[string]any)
		return m["action"] == kind && m["url_type"] == urlType
	})
}

// errNoOTP is an Authorize or Resend on a payment request that waits for
// no OTP.
var errNoOTP = fmt.Errorf("xendittest: payment request waits for no OTP")

// authorizePaymentRequest takes the OTP of a direct debit: the request
// succeeds (or awaits capture) and its callback follows; prOTPRejected is
// refused with INVALID_OTP_ERROR.
func (s *Server) authorizePaymentRequest(c *call) {
	if str(c.body, "auth_code") == prOTPRejected {
		c.fail(http.StatusBadRequest, "INVALID_OTP_ERROR", "The OTP is invalid")
		return
	}
	var callback map[string]any
	var paid settlement
	pr, err := s.store.update("payment_requests", c.account, c.param("paymentRequestId"), func(pr map[string]any) error {
		if pr["status"] != "REQUIRES_ACTION" || !hasAction(pr, "AUTH", "API") {
			return errNoOTP
		}
		callback, paid = s.settlePaymentRequest(pr, "SUCCEEDED", "")
		return nil
	})
	if !s.answerOTP(c, err) {
		return
	}
	s.settle(paid)
	c.ok(pr)
	s.deliverLater(c.account, "paymentrequests", callback)
}

// resendPaymentRequestAuth answers a request that waits for an OTP.
func (s *Server) resendPaymentRequestAuth(c *call) {
	pr, err := s.store.update("payment_requests", c.account, c.param("paymentRequestId"), func(pr map[string]any) error {
		if pr["status"] != "REQUIRES_ACTION" || !hasAction(pr, "RESEND_AUTH", "API") {
			return errNoOTP
		}
		return nil
	})
	if s.answerOTP(c, err) {
		c.ok(pr)
	}
}

func (s *Server) answerOTP(c *call, err error) bool {
	switch {
	case err == nil:
		return true
	case err == errNoOTP:
		c.fail(http.StatusBadRequest, "OPERATION_NOT_ALLOWED", "The payment request is not waiting for an OTP")
	default:
		c.notFound("DATA_NOT_FOUND", "payment request")
	}
	return false
}

// settlePaymentRequest moves pr to its final state (AWAITING_CAPTURE
// instead of SUCCEEDED for a MANUAL capture) and returns the payment
// callback, and the settlement when the money is in (SUCCEEDED; a MANUAL
// capture settles at capture). It runs under the store's lock, so it
// stores nothing: the caller settles after.
func (s *Server) settlePaymentRequest(pr map[string]any, status, code string) (map[string]any, settlement) {
	if status == "SUCCEEDED" && pr["capture_method"] == "MANUAL" {
		status = "AWAITING_CAPTURE"
	}
	now := stamp(s.clock.Now())
	pr["status"], pr["updated"], pr["actions"] = status, now, []any{}
	if code != "" {
		pr["failure_code"] = code
	}
	payment := map[string]any{
		"id": paymentOf(str(pr, "id")), "payment_request_id": pr["id"], "business_id": pr["business_id"],
		"reference_id": pr["reference_id"], "customer_id": pr["customer_id"], "amount": pr["amount"],
		"currency": pr["currency"], "country": pr["country"], "status": status, "capture_method": pr["capture_method"],
		"payment_method": pr["payment_method"], "channel_properties": pr["channel_properties"], "payment_detail": nil,
		"failure_code": pr["failure_code"], "description": pr["description"], "metadata": pr["metadata"],
		"created": now, "updated": now,
	}
	event := map[string]string{"SUCCEEDED": "payment.succeeded", "AWAITING_CAPTURE": "payment.awaiting_capture",
		"FAILED": "payment.failed"}[status]
	var paid settlement
	if status == "SUCCEEDED" {
		amount, _ := num(pr, "amount")
		paid = paymentRequestSettlement(pr, amount)
	}
	return s.ewalletCallback(event, payment), paid
}

// paymentOf is the id of a payment request's one payment: "py-" and the
// request's UUID, so a capture names it without a second store.
func paymentOf(prID string) string { return "py-" + strings.TrimPrefix(prID, "pr-") }

// CompletePaymentRequest plays the customer paying a PENDING or
// REQUIRES_ACTION payment request (authorising at the URL, scanning the
// code, transferring to the account): it becomes SUCCEEDED, or
// AWAITING_CAPTURE with capture_method MANUAL, and payment.succeeded or
// payment.awaiting_capture is delivered before the call returns.
func (s *Server) CompletePaymentRequest(id string) error {
	return s.hookPaymentRequest(id, "SUCCEEDED", "")
}

// FailPaymentRequest plays a PENDING or REQUIRES_ACTION payment request
// failing with code (for example INSUFFICIENT_BALANCE), and delivers
// payment.failed.
func (s *Server) FailPaymentRequest(id, code string) error {
	return s.hookPaymentRequest(id, "FAILED", code)
}

func (s *Server) hookPaymentRequest(id, status, code string) error {
	return s.hookPaid("payment_requests", id, "paymentrequests", func(pr map[string]any) (any, settlement, error) {
		if pr["status"] != "PENDING" && pr["status"] != "REQUIRES_ACTION" {
			return nil, settlement{}, fmt.Errorf("xendittest: payment request %s is %s, not PENDING or REQUIRES_ACTION", id, pr["status"])
		}
		callback, paid := s.settlePaymentRequest(pr, status, code)
		return callback, paid, nil
	})
}

// NewCardPaymentMethod plays Xendit's card tokenization for the Payments
// API (a card entered in the browser becomes an ACTIVE CARD payment
// method): it stores one for the first secret key, with only the card's
// masked number and fingerprint, and returns its id, to charge with
// payment_method_id. t.MultipleUse makes it MULTIPLE_USE.
func (s *Server) NewCardPaymentMethod(t CardToken) string {
	number := orDefault(t.CardNumber, "4000000000000002")
	id := s.ids.uuid("pm-")
	now := stamp(s.clock.Now())
	reusability := "ONE_TIME_USE"
	if t.MultipleUse {
		reusability = "MULTIPLE_USE"
	}
	masked := number[:6] + strings.Repeat("X", len(number)-10) + number[len(number)-4:]
	info := map[string]any{
		"token_id": s.ids.hex24("token"), "cardholder_name": nil, "expiry_month": "12", "expiry_year": "2030",
		"masked_card_number": masked, "fingerprint": fingerprint(number), "type": "CREDIT",
		"network": cardBrand(number), "country": "ID", "issuer": "PT. Bank Xendittest",
	}
	pm := map[string]any{
		"id": id, "type": "CARD", "reusability": reusability, "status": "ACTIVE", "reference_id": s.ids.uuid(""),
		"description": nil, "customer_id": nil, "country": "ID", "business_id": paymentsBusinessID, "metadata": nil,
		"created": now, "updated": now,
		"card": map[string]any{"currency": "IDR", "card_information": info, "card_verification_results": nil,
			"channel_properties": map[string]any{"success_return_url": "https://shop.example/3ds/ok",
				"failure_return_url": "https://shop.example/3ds/no"}},
	}
	for _, f := range prChannelObjects {
		if f != "card" {
			pm[f] = nil
		}
	}
	s.store.put("payment_methods", s.account(""), id, pm)
	return id
}
