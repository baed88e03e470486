package xendittest

import (
	"fmt"
	"net/http"
	"time"
)

// The QR Codes model: a QR code is ACTIVE until it expires or, if DYNAMIC,
// is paid once (then INACTIVE); Simulate Payment pays it, answers with the
// payment and sends qr.payment; a refund answers PENDING, settles at once
// and sends qr.refund. Callbacks go to the code's webhook-url header when
// its create had one, else to the "qrcodes" URL of the merchant; with
// neither, the create fails with 404 CALLBACK_URL_NOT_FOUND, as Xendit's
// does.

// qrChannelCurrency is each documented channel's currency.
var qrChannelCurrency = map[string]string{"ID_DANA": "IDR", "ID_LINKAJA": "IDR", "QRPH": "PHP"}

// qrCodeTTL is how long a dynamic code lives without expires_at: 48 hours
// for the Indonesian channels, 15 minutes (fixed) for QRPh.
func qrCodeTTL(channel string) time.Duration {
	if channel == "QRPH" {
		return 15 * time.Minute
	}
	return 48 * time.Hour
}

func (s *Server) routeQRCodes() {
	s.model("qrcodes.create", s.createQRCode)
	s.model("qrcodes.get", s.getQRCode)
	s.model("qrcodes.list_payments", s.listQRPayments)
	s.model("qrcodes.simulate_payment", s.simulateQRPayment)
	s.model("qrcodes.create_refund", s.refundQRPayment)
	s.model("qrcodes.get_refund", s.getQRRefund)
	s.model("qrcodes.list_refunds", s.listQRRefunds)
}

func (s *Server) createQRCode(c *call) {
	b := c.body
	typ, currency, channel := str(b, "type"), str(b, "currency"), str(b, "channel_code")
	if channel == "" {
		channel = map[string]string{"IDR": "ID_DANA", "PHP": "QRPH"}[currency]
	}
	amount, hasAmount := num(b, "amount")
	switch {
	case qrChannelCurrency[channel] != "" && qrChannelCurrency[channel] != currency:
		c.fail(http.StatusBadRequest, "UNSUPPORTED_CURRENCY",
			"The payment currency request is not supported for this payment channel. Please refer to our API reference or docs to pick available currencies")
		return
	case typ == "DYNAMIC" && (!hasAmount || amount < 1):
		c.invalid("amount is required for a DYNAMIC QR code")
		return
	case typ == "STATIC" && channel == "QRPH":
		c.invalid("STATIC is not available for QRPh")
		return
	}
	webhook := c.r.Header.Get("webhook-url")
	if webhook == "" && s.callbackURL(c.account, "qrcodes") == "" {
		c.fail(http.StatusNotFound, "CALLBACK_URL_NOT_FOUND",
			"Payment request failed because there was no input of callback URL in Xendit Dashboard or request headers. Please save your callback URL in Xendit Dashboard")
		return
	}
	if typ == "STATIC" && channel == "ID_DANA" && len(s.store.list("qr_codes", c.account, listQuery{match: func(q map[string]any) bool {
		return q["type"] == "STATIC" && q["channel_code"] == "ID_DANA"
	}}).items) > 0 {
		c.fail(http.StatusConflict, "DUPLICATE_ERROR", "ID_DANA only allows 1 static QR code for each merchant")
		return
	}
	now := c.now()
	var expires any
	switch {
	case str(b, "expires_at") != "":
		expires = b["expires_at"]
	case typ == "DYNAMIC":
		expires = stamp(now.Add(qrCodeTTL(channel)))
	}
	id := s.ids.uuid("qr_")
	qr := map[string]any{
		"id": id, "reference_id": b["reference_id"], "business_id": paymentsBusinessID, "type": typ,
		"currency": currency, "amount": b["amount"], "channel_code": channel, "status": "ACTIVE",
		"qr_string": "00020101021226660014ID.CO.XENDITTEST.WWW" + id, "expires_at": expires,
		"created": stamp(now), "updated": stamp(now), "basket": b["basket"], "metadata": b["metadata"],
	}
	s.store.put("qr_codes", c.account, id, qr)
	s.store.put("qr_code_webhooks", c.account, id, map[string]any{"url": webhook})
	s.useSplitRule(c, "qr_codes", id)
	c.ok(qr)
}

func (s *Server) getQRCode(c *call) {
	if qr, ok := s.qrCode(c, c.param("id")); ok {
		c.ok(qr)
		return
	}
	c.notFound("DATA_NOT_FOUND", "QR code")
}

// qrCode returns the account's QR code id, INACTIVE once past its expiry.
func (s *Server) qrCode(c *call, id string) (map[string]any, bool) {
	qr, ok := s.store.get("qr_codes", c.account, id)
	if !ok {
		return nil, false
	}
	if exp := str(qr, "expires_at"); exp != "" && qr["status"] == "ACTIVE" {
		if t, err := time.Parse(time.RFC3339Nano, exp); err == nil && !c.now().Before(t) {
			qr, _ = s.store.setStatus("qr_codes", c.account, id, "INACTIVE")
		}
	}
	return qr, true
}

// simulateQRPayment pays an ACTIVE code: a dynamic one its own amount, a
// static one the amount of the body, answers with the payment and sends
// qr.payment in the background.
func (s *Server) simulateQRPayment(c *call) {
	id := c.param("id")
	if _, ok := s.qrCode(c, id); !ok {
		c.notFound("DATA_NOT_FOUND", "QR code")
		return
	}
	var pay map[string]any
	var problem func()
	_, err := s.store.update("qr_codes", c.account, id, func(qr map[string]any) error {
		if qr["status"] != "ACTIVE" {
			return errIneligible
		}
		amount, given := num(c.body, "amount")
		if qr["type"] == "DYNAMIC" {
			amount, _ = num(qr, "amount")
		} else if !given || amount < 1 || amount > 10_000_000 {
			problem = func() { c.invalid("amount between 1 and 10,000,000 is required for a STATIC QR code") }
			return errIneligible
		}
		now := stamp(c.now())
		pay = map[string]any{
			"id": s.ids.uuid("qrpy_"), "business_id": qr["business_id"], "currency": qr["currency"], "amount": amount,
			"status": "SUCCEEDED", "created": now, "qr_id": id, "qr_string": qr["qr_string"],
			"reference_id": qr["reference_id"], "type": qr["type"], "channel_code": qr["channel_code"],
			"expires_at": qr["expires_at"], "description": "", "basket": qr["basket"], "metadata": qr["metadata"],
			"payment_detail": map[string]any{"receipt_id": fmt.Sprintf("%09d", s.ids.next("qr_receipt")), "source": "XENDITTEST",
				"name": nil, "account_details": nil},
		}
		if qr["type"] == "DYNAMIC" {
			qr["status"], qr["updated"] = "INACTIVE", now
		}
		return nil
	})
	switch {
	case problem != nil:
		problem()
		return
	case err != nil:
		c.fail(http.StatusGone, "INACTIVE_QR_CODE", "The specified QR code is inactive and can no longer accept payment")
		return
	}
	s.store.put("qr_payments", c.account, pay["id"].(string), pay)
	amount, _ := num(pay, "amount")
	s.settle(settlement{col: "qr_codes", id: id, paymentID: str(pay, "id"), category: "QR_CODE", currency: str(pay, "currency"), amount: amount})
	c.ok(pay)
	s.deliverQR(c.account, id, "qr.payment", "2022-07-31", pay)
}

// deliverQR sends a QR callback in the background to the code's
// webhook-url, else to the merchant's "qrcodes" URL.
func (s *Server) deliverQR(account, qrID, event string, version any, data map[string]any) {
	hook, _ := s.store.get("qr_code_webhooks", account, qrID)
	payload := map[string]any{"event": event, "api_version": version, "business_id": paymentsBusinessID,
		"created": stamp(s.clock.Now()), "data": data}
	s.hooks.sendTo(account, "qrcodes", str(hook, "url"), payload, false)
}

func (s *Server) listQRPayments(c *call) {
	qrID := c.param("qr_id")
	if _, ok := s.store.get("qr_codes", c.account, qrID); !ok {
		c.notFound("DATA_NOT_FOUND", "QR code")
		return
	}
	limit, ok := c.limit(10, 1<<20) // the reference gives payments no maximum
	if !ok {
		return
	}
	from, to, ok := c.timeRange()
	if !ok {
		return
	}
	p := s.store.list("qr_payments", c.account, listQuery{oldest: true, limit: limit, match: func(pay map[string]any) bool {
		created, _ := time.Parse(time.RFC3339Nano, str(pay, "created"))
		return pay["qr_id"] == qrID && (from.IsZero() || !created.Before(from)) && (to.IsZero() || !created.After(to))
	}})
	for _, pay := range p.items {
		delete(pay, "refunded_amount") // the model's own bookkeeping, not a field of the API
	}
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}

// timeRange reads the from and to query parameters (RFC 3339).
func (c *call) timeRange() (from, to time.Time, ok bool) {
	for name, t := range map[string]*time.Time{"from": &from, "to": &to} {
		v := c.query(name)
		if v == "" {
			continue
		}
		parsed, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			c.invalid("%s must be an ISO 8601 timestamp", name)
			return from, to, false
		}
		*t = parsed
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		c.invalid("from must be earlier than to")
		return from, to, false
	}
	return from, to, true
}

// refundQRPayment checks the refund as Xendit documents, answers with a
// PENDING refund, settles it at once and sends qr.refund in the
// background.
func (s *Server) refundQRPayment(c *call) {
	payID := c.param("qrpy_id")
	var ref map[string]any
	var problem func()
	pay, err := s.store.update("qr_payments", c.account, payID, func(pay map[string]any) error {
		if pay["status"] != "SUCCEEDED" {
			return errIneligible
		}
		paid, _ := num(pay, "amount")
		refunded, _ := num(pay, "refunded_amount")
		amount, given := num(c.body, "amount")
		if !given {
			amount = paid - refunded
		}
		switch {
		case given && amount <= 0:
			problem = func() { c.invalid("amount must be positive") }
			return errIneligible
		case amount > paid-refunded || amount <= 0:
			problem = func() {
				c.fail(http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED",
					"Requested refund amount cannot exceed the remaining unrefunded amount of the original payment")
			}
			return errIneligible
		}
		now := stamp(c.now())
		ref = map[string]any{
			"id": s.ids.uuid("qrrf_"), "qrpy_id": payID, "status": "PENDING", "currency": pay["currency"],
			"payment_amount": paid, "refund_amount": amount, "channel_code": pay["channel_code"],
			"reason": orDefault(str(c.body, "reason"), "OTHERS"), "failure_code": nil,
			"created": now, "updated": now, "refunded_at": nil,
		}
		pay["refunded_amount"] = refunded + amount
		return nil
	})
	if problem != nil {
		problem()
		return
	}
	if !s.answerUpdate(c, err, "QR payment", "Requested refund transaction cannot be processed as the transaction is in FAILED, PENDING, or VOIDED status") {
		return
	}
	c.ok(ref)
	now := stamp(s.clock.Now())
	ref["status"], ref["updated"], ref["refunded_at"] = "SUCCEEDED", now, now
	s.store.put("qr_refunds", c.account, ref["id"].(string), ref)
	s.deliverQR(c.account, str(pay, "qr_id"), "qr.refund", nil, ref)
}

func (s *Server) getQRRefund(c *call) {
	ref, ok := s.store.get("qr_refunds", c.account, c.param("refund_id"))
	if !ok || ref["qrpy_id"] != c.param("qrpy_id") {
		c.notFound("DATA_NOT_FOUND", "QR refund")
		return
	}
	c.ok(ref)
}

func (s *Server) listQRRefunds(c *call) {
	payID := c.param("qrpy_id")
	if _, ok := s.store.get("qr_payments", c.account, payID); !ok {
		c.notFound("DATA_NOT_FOUND", "QR payment")
		return
	}
	limit, ok := c.limit(10, 50)
	if !ok {
		return
	}
	status := c.query("status")
	p := s.store.list("qr_refunds", c.account, listQuery{oldest: true, limit: limit, match: func(r map[string]any) bool {
		return r["qrpy_id"] == payID && (status == "" || r["status"] == status)
	}})
	c.ok(map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore})
}
