package xendittest

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// The Direct Debit model. Linked account tokens move PENDING → SUCCESS
// when the customer authorizes (the OTP DirectDebitOTP for BRI, or
// CompleteDirectDebitLinking for the redirect channels, which delivers
// linked_account_token.successful). Payment methods are ACTIVE until
// ExpireDirectDebitPaymentMethod. Payments are PENDING: with an OTP they
// complete when ValidatePaymentOTP gets DirectDebitOTP, otherwise when a
// test calls CompleteDirectDebitPayment (or FailDirectDebitPayment);
// either way direct_debit.payment is delivered. Refunds of a COMPLETED
// payment answer PENDING, complete at once and deliver
// direct_debit.refund. Callbacks go to the "directdebit" URL of the
// object's merchant.

// DirectDebitOTP is the one-time password the fake's banks send: the one
// ValidateTokenOTP and ValidatePaymentOTP accept.
const DirectDebitOTP = "123456"

// directDebitOTPChannels send an OTP for payments unless enable_otp is
// false (BRI by default; BPI on request).
var directDebitOTPChannels = map[string]bool{"DC_BRI": true, "BA_BPI": true}

// directDebitCurrency is each channel's currency.
var directDebitCurrency = map[string]string{
	"DC_BRI": "IDR", "BCA_ONEKLIK": "IDR", "BCA_KLIKPAY": "IDR",
	"BA_BPI": "PHP", "BPI_RECURRING": "PHP", "BA_UBP": "PHP", "UBP_EADA": "PHP",
	"BA_BBL": "THB", "BA_BAY": "THB", "BA_KTB": "THB", "BA_SCB": "THB",
}

func (s *Server) routeDirectDebit() {
	s.model("directdebit.initialize_tokenization", s.initializeDDToken)
	s.model("directdebit.validate_token_otp", s.validateDDTokenOTP)
	s.model("directdebit.get_accessible_accounts", s.ddAccessibleAccounts)
	s.model("directdebit.unbind_token", s.unbindDDToken)
	s.model("directdebit.create_payment_method", s.createDDPaymentMethod)
	s.model("directdebit.list_payment_methods", s.listDDPaymentMethods)
	s.model("directdebit.create_payment", s.createDDPayment)
	s.model("directdebit.validate_payment_otp", s.validateDDPaymentOTP)
	s.model("directdebit.get_payment", s.getDDPayment)
	s.model("directdebit.get_payment_by_reference_id", s.ddPaymentsByReferenceID)
	s.model("directdebit.create_refund", s.createDDRefund)
	s.model("directdebit.get_refund", s.getDDRefund)
	s.model("directdebit.list_refunds", s.listDDRefunds)
}

func (s *Server) initializeDDToken(c *call) {
	b := c.body
	channel := str(b, "channel_code")
	if _, ok := directDebitCurrency[channel]; !ok || channel == "BCA_KLIKPAY" {
		c.fail(http.StatusBadRequest, "CHANNEL_CODE_NOT_SUPPORTED_ERROR", "channel_code %q is not supported", channel)
		return
	}
	id := s.ids.uuid("lat-")
	tok := map[string]any{
		"id": id, "customer_id": b["customer_id"], "channel_code": channel, "authorizer_url": nil,
		"status": "PENDING", "metadata": b["metadata"], "properties": obj(b, "properties"),
	}
	if channel != "DC_BRI" {
		tok["authorizer_url"] = "https://link-web.xendittest.invalid/oauth/" + id + "/confirm"
	}
	s.store.put("dd_tokens", c.account, id, tok)
	c.ok(ddTokenView(tok))
}

// ddTokenView is a token as the API shows it, without what the fake keeps.
func ddTokenView(tok map[string]any) map[string]any {
	v := map[string]any{}
	for _, k := range []string{"id", "customer_id", "channel_code", "authorizer_url", "status", "metadata"} {
		v[k] = tok[k]
	}
	return v
}

func (s *Server) validateDDTokenOTP(c *call) {
	tok, ok := s.ddUpdate(c, "dd_tokens", c.param("linked_account_token_id"), "DATA_NOT_FOUND_ERROR", "linked account token",
		func(tok map[string]any) (refuse func()) {
			switch {
			case tok["status"] == "SUCCESS":
				return func() {
					c.fail(http.StatusConflict, "ACCOUNT_LINKING_ALREADY_COMPLETED", "The linked account token has been completed")
				}
			case str(c.body, "otp_code") != DirectDebitOTP:
				return func() { c.fail(http.StatusBadRequest, "INVALID_OTP_ERROR", "The otp_code provided was incorrect") }
			}
			s.linkDDToken(tok)
			return nil
		})
	if ok {
		c.ok(map[string]any{"id": tok["id"], "customer_id": tok["customer_id"], "channel_code": tok["channel_code"], "status": "SUCCESS"})
	}
}

// ddUpdate changes object id of col for c's account: change returns nil to
// accept, or the answer that refuses. It reports whether the change was
// made, having answered otherwise (the refusal, or 404 with notFound).
func (s *Server) ddUpdate(c *call, col, id, notFound, what string, change func(o map[string]any) (refuse func())) (map[string]any, bool) {
	var refuse func()
	o, err := s.store.update(col, c.account, id, func(o map[string]any) error {
		if refuse = change(o); refuse != nil {
			return errIneligible
		}
		return nil
	})
	switch {
	case refuse != nil:
		refuse()
	case err != nil:
		c.notFound(notFound, what)
	default:
		return o, true
	}
	return nil, false
}

// linkDDToken marks tok linked and gives it one account of its channel.
func (s *Server) linkDDToken(tok map[string]any) {
	channel, props := str(tok, "channel_code"), obj(tok, "properties")
	acc := map[string]any{"id": s.ids.uuid("la-"), "currency": directDebitCurrency[channel], "description": nil}
	typ := "BANK_ACCOUNT"
	switch channel {
	case "DC_BRI", "BCA_ONEKLIK":
		typ = "DEBIT_CARD"
		acc["card_last_four"] = orDefault(str(props, "card_last_four"), "1234")
		acc["card_expiry"] = props["card_expiry"]
		if channel == "BCA_ONEKLIK" {
			acc["account_mobile_number"] = "+62*****5988"
		}
	default:
		acc["account_details"], acc["account_hash"], acc["account_type"] = "XXXXXXX123", s.ids.uuid(""), "SAVINGS"
	}
	tok["status"], tok["type"], tok["accounts"] = "SUCCESS", typ, []any{acc}
}

func (s *Server) ddAccessibleAccounts(c *call) {
	tok, ok := s.store.get("dd_tokens", c.account, c.param("linked_account_token_id"))
	if !ok || tok["status"] != "SUCCESS" {
		c.notFound("DATA_NOT_FOUND_ERROR", "linked account token")
		return
	}
	out := []any{}
	for _, a := range tok["accounts"].([]any) {
		acc := deepCopy(a.(map[string]any))
		id := acc["id"]
		delete(acc, "id")
		out = append(out, map[string]any{"id": id, "channel_code": tok["channel_code"], "type": tok["type"], "properties": acc})
	}
	c.ok(out)
}

// unbindDDToken deletes a token; KTB's customer confirms on the bank's
// page first, so KTB needs both redirect URLs and answers is_deleted
// false with an authorizer_url.
func (s *Server) unbindDDToken(c *call) {
	id := c.param("linked_account_token_id")
	tok, ok := s.store.get("dd_tokens", c.account, id)
	if !ok || tok["status"] == "UNBOUND" {
		c.notFound("DATA_NOT_FOUND_ERROR", "linked account token")
		return
	}
	if tok["channel_code"] == "BA_KTB" {
		if c.query("success_redirect_url") == "" || c.query("failure_redirect_url") == "" {
			c.missing("success_redirect_url and failure_redirect_url")
			return
		}
		c.ok(map[string]any{"id": id, "is_deleted": false,
			"authorizer_url": "https://link-web.xendittest.invalid/oauth/" + id + "/confirm_unlink"})
		return
	}
	_, _ = s.store.setStatus("dd_tokens", c.account, id, "UNBOUND")
	c.ok(map[string]any{"id": id, "is_deleted": true})
}

func (s *Server) createDDPaymentMethod(c *call) {
	b := c.body
	props := obj(b, "properties")
	pm := map[string]any{"id": s.ids.uuid("pm-"), "type": b["type"], "customer_id": b["customer_id"],
		"status": "ACTIVE", "created": stamp(c.now()), "updated": stamp(c.now()), "metadata": b["metadata"]}
	if b["type"] == "BANK_REDIRECT" {
		pm["properties"] = map[string]any{"channel_code": props["channel_code"]}
	} else {
		acc, channel := s.ddAccount(c.account, str(props, "id"))
		if acc == nil {
			c.fail(http.StatusBadRequest, "LIINKED_ACCOUNT_NOT_FOUND_ERROR",
				"Provided properties and type combination in the request does not exist or access is unauthorized")
			return
		}
		dup := s.store.list("dd_payment_methods", c.account, listQuery{match: func(o map[string]any) bool {
			return o["status"] == "ACTIVE" && obj(o, "properties")["id"] == acc["id"]
		}})
		if len(dup.items) > 0 {
			c.fail(http.StatusConflict, "DUPLICATE_ERROR", "There is already an existing ACTIVE payment method that relates to the same account")
			return
		}
		p := deepCopy(acc)
		p["channel_code"] = channel
		pm["properties"] = p
	}
	s.store.put("dd_payment_methods", c.account, pm["id"].(string), pm)
	c.ok(pm)
}

// ddAccount finds account id among account's linked tokens.
func (s *Server) ddAccount(account, id string) (acc map[string]any, channel string) {
	toks := s.store.list("dd_tokens", account, listQuery{match: func(o map[string]any) bool { return o["status"] == "SUCCESS" }})
	for _, tok := range toks.items {
		for _, a := range tok["accounts"].([]any) {
			if m := a.(map[string]any); m["id"] == id {
				return m, str(tok, "channel_code")
			}
		}
	}
	return nil, ""
}

func (s *Server) listDDPaymentMethods(c *call) {
	p := s.store.list("dd_payment_methods", c.account, listQuery{oldest: true, match: func(o map[string]any) bool {
		return o["customer_id"] == c.query("customer_id")
	}})
	c.ok(orEmpty(p.items))
}

func (s *Server) createDDPayment(c *call) {
	b := c.body
	pm, ok := s.store.get("dd_payment_methods", c.account, str(b, "payment_method_id"))
	switch {
	case !ok:
		c.fail(http.StatusBadRequest, "PAYMENT_METHOD_NOT_FOUND_ERROR", "Provided payment_method_id is invalid, not found or access is unauthorized")
		return
	case pm["status"] != "ACTIVE":
		c.fail(http.StatusBadRequest, "INVALID_PAYMENT_METHOD_ERROR", "The payment method has expired or has been invalidated")
		return
	}
	channel := str(obj(pm, "properties"), "channel_code")
	amount, _ := num(b, "amount")
	now := c.now()
	p := map[string]any{
		"id": s.ids.uuid("ddpy-"), "reference_id": b["reference_id"], "channel_code": channel,
		"payment_method_id": pm["id"], "currency": b["currency"], "amount": strconv.FormatFloat(amount, 'f', -1, 64),
		"description": b["description"], "status": "PENDING", "basket": b["basket"], "failure_code": nil,
		"is_otp_required": false, "otp_mobile_number": nil, "otp_expiration_timestamp": nil, "required_action": nil,
		"checkout_url": nil, "success_redirect_url": b["success_redirect_url"], "failure_redirect_url": b["failure_redirect_url"],
		"refunded_amount": nil, "refunds": nil, "created": stamp(now), "updated": nil, "metadata": b["metadata"],
	}
	otp, given := b["enable_otp"].(bool)
	switch {
	case channel == "BCA_ONEKLIK" || channel == "BCA_KLIKPAY":
		p["required_action"] = "VALIDATE_ON_REDIRECT"
		p["checkout_url"] = "https://checkout.xendittest.invalid/direct_debits/" + p["id"].(string)
	case directDebitOTPChannels[channel] && (otp || !given && channel == "DC_BRI"):
		p["is_otp_required"], p["required_action"] = true, "VALIDATE_OTP"
		p["otp_mobile_number"], p["otp_expiration_timestamp"] = "+62*****1111", stamp(now.Add(5*time.Minute))
	}
	s.store.put("dd_payments", c.account, p["id"].(string), p)
	s.useSplitRule(c, "dd_payments", p["id"].(string))
	c.ok(p)
}

// validateDDPaymentOTP answers PENDING (the bank debits), completes the
// payment at once and delivers direct_debit.payment in the background.
func (s *Server) validateDDPaymentOTP(c *call) {
	var answer map[string]any
	p, ok := s.ddUpdate(c, "dd_payments", c.param("direct_debit_id"), "DATA_NOT_FOUND_ERROR", "direct debit",
		func(p map[string]any) (refuse func()) {
			switch {
			case p["status"] == "COMPLETED":
				return func() {
					c.fail(http.StatusConflict, "DIRECT_DEBIT_ALREADY_COMPLETED", "The payment has been completed")
				}
			case p["status"] == "FAILED":
				return func() { c.fail(http.StatusConflict, "DIRECT_DEBIT_ALREADY_FAILED", "The payment has failed") }
			case p["required_action"] != "VALIDATE_OTP":
				return func() { c.invalid("the payment does not wait for an OTP") }
			case str(c.body, "otp_code") != DirectDebitOTP:
				return func() { c.fail(http.StatusBadRequest, "INVALID_OTP_ERROR", "OTP provided is invalid") }
			}
			p["updated"], p["required_action"] = stamp(c.now()), nil
			answer = deepCopy(p)
			p["status"] = "COMPLETED"
			return nil
		})
	if ok {
		s.settle(ddSettlement(p))
		c.ok(answer)
		s.deliverLater(c.account, "directdebit", s.ddPaymentCallback(p))
	}
}

// ddPaymentCallback is the flat direct_debit.payment callback of p.
func (s *Server) ddPaymentCallback(p map[string]any) map[string]any {
	cb := map[string]any{"event": "direct_debit.payment", "timestamp": stamp(s.clock.Now())}
	for _, k := range []string{"id", "reference_id", "channel_code", "payment_method_id", "currency", "amount",
		"description", "status", "failure_code", "metadata"} {
		cb[k] = p[k]
	}
	return cb
}

func (s *Server) getDDPayment(c *call) {
	if p, ok := s.store.get("dd_payments", c.account, c.param("direct_debit_id")); ok {
		c.ok(p)
		return
	}
	c.notFound("DATA_NOT_FOUND", "direct debit")
}

// ddPaymentsByReferenceID answers an array: a reference_id need not be
// unique.
func (s *Server) ddPaymentsByReferenceID(c *call) {
	p := s.store.list("dd_payments", c.account, listQuery{oldest: true, match: func(o map[string]any) bool {
		return o["reference_id"] == c.query("reference_id")
	}})
	c.ok(orEmpty(p.items))
}

// CompleteDirectDebitLinking plays the customer authorizing a redirect
// linking at its authorizer_url: the token becomes SUCCESS and
// linked_account_token.successful is delivered before the call returns.
func (s *Server) CompleteDirectDebitLinking(tokenID string) error {
	return s.hook("dd_tokens", tokenID, "directdebit", func(tok map[string]any) (any, error) {
		if tok["status"] != "PENDING" || tok["authorizer_url"] == nil {
			return nil, fmt.Errorf("xendittest: token %s is not a PENDING redirect linking", tokenID)
		}
		s.linkDDToken(tok)
		return map[string]any{"event": "linked_account_token.successful", "timestamp": stamp(s.clock.Now()),
			"id": tok["id"], "channel_code": tok["channel_code"], "type": tok["type"], "accounts": tok["accounts"]}, nil
	})
}

// CompleteDirectDebitPayment plays the bank debiting a PENDING payment
// (one that waits for no OTP, or whose customer finished the redirect):
// it becomes COMPLETED and direct_debit.payment is delivered.
func (s *Server) CompleteDirectDebitPayment(id string) error {
	return s.settleDDPayment(id, "COMPLETED", "")
}

// FailDirectDebitPayment plays a PENDING payment failing with code (for
// example INSUFFICIENT_BALANCE) and delivers direct_debit.payment.
func (s *Server) FailDirectDebitPayment(id, code string) error {
	return s.settleDDPayment(id, "FAILED", code)
}

func (s *Server) settleDDPayment(id, status, code string) error {
	return s.hookPaid("dd_payments", id, "directdebit", func(p map[string]any) (any, settlement, error) {
		if p["status"] != "PENDING" {
			return nil, settlement{}, fmt.Errorf("xendittest: direct debit %s is %s, not PENDING", id, p["status"])
		}
		p["status"], p["updated"], p["required_action"] = status, stamp(s.clock.Now()), nil
		if code != "" {
			p["failure_code"] = code
		}
		return s.ddPaymentCallback(p), ddSettlement(p), nil
	})
}

// ddSettlement is the money a COMPLETED payment brings in (none for
// another status).
func ddSettlement(p map[string]any) settlement {
	if p["status"] != "COMPLETED" {
		return settlement{}
	}
	amount, _ := num(p, "amount") // a string in the Direct Debit API
	return settlement{col: "dd_payments", id: str(p, "id"), category: "DIRECT_DEBIT", currency: str(p, "currency"), amount: amount}
}

// ExpireDirectDebitPaymentMethod plays the bank invalidating a payment
// method: it becomes EXPIRED and payment_method.expiry.expired is
// delivered.
func (s *Server) ExpireDirectDebitPaymentMethod(id string) error {
	return s.hook("dd_payment_methods", id, "directdebit", func(pm map[string]any) (any, error) {
		pm["status"], pm["updated"] = "EXPIRED", stamp(s.clock.Now())
		return map[string]any{"event": "payment_method.expiry.expired", "timestamp": stamp(s.clock.Now()),
			"id": pm["id"], "customer_id": pm["customer_id"], "business_id": paymentsBusinessID}, nil
	})
}

// WarnDirectDebitPaymentMethodExpiry plays the bank announcing that a
// payment method expires at at: payment_method.expiry.expiring is
// delivered.
func (s *Server) WarnDirectDebitPaymentMethodExpiry(id string, at time.Time) error {
	return s.hook("dd_payment_methods", id, "directdebit", func(pm map[string]any) (any, error) {
		return map[string]any{"event": "payment_method.expiry.expiring", "timestamp": stamp(s.clock.Now()),
			"id": pm["id"], "channel_code": obj(pm, "properties")["channel_code"], "customer_id": pm["customer_id"],
			"expiration_timestamp": stamp(at), "business_id": paymentsBusinessID}, nil
	})
}
