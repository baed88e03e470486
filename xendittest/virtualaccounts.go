package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The Virtual Accounts model: Create answers a PENDING account, makes it
// ACTIVE at once and sends the created/updated callback (the account with
// created and updated); Update changes an account that is not INACTIVE
// (an expiration date in the past makes it INACTIVE) and sends that
// callback again. A payment (Simulate Payment, or [Server.PayVirtualAccount])
// must match a closed account's expected amount; it is recorded for Get
// Virtual Account Payment, makes a single-use account INACTIVE and sends
// the payment callback. Both callbacks go, flat and without an "event",
// to the "virtualaccounts" URL of the account's merchant.

// vaBank is what the reference says about a bank (Create Virtual Account,
// lines 18521-18631): its country and the range of a closed account's
// expected amount; merchant is the prefix of its account numbers.
type vaBank struct {
	country, merchant string
	min, max          float64
}

var vaBanks = map[string]vaBank{
	"BNI": {"ID", "8808", 1, 50e9}, "BJB": {"ID", "1234", 1, 50e9}, "BRI": {"ID", "26215", 1, 50e9},
	"BSI": {"ID", "9347", 1, 50e9}, "BNC": {"ID", "90100010", 1, 50e9}, "MANDIRI": {"ID", "88908", 1, 50e9},
	"SAHABAT_SAMPOERNA": {"ID", "9999", 1, 50e9}, "PERMATA": {"ID", "8214", 1, 9_999_999_999},
	"BCA": {"ID", "10766", 10_000, 999_999_999_999}, "CIMB": {"ID", "9910", 1_000, 50e9}, "DBS": {"ID", "7777", 1, 50e9},
	"WOORI": {"VN", "0021", 10_000, 499_999_999}, "VIETCAPITAL": {"VN", "0022", 10_000, 499_999_999},
	"PV": {"VN", "0023", 0, 0}, "MSB": {"VN", "0025", 0, 0}, "VPB": {"VN", "0024", 0, 0}, "BIDV": {"VN", "0026", 0, 0},
	"STANDARD_CHARTERED": {"TH", "0031", 0, 0}, "UOB": {"MY", "0041", 0, 0}, "AMBANK": {"MY", "0042", 0, 0},
}

// vaID returns a 24-digit hex id, the shape of the reference's, for
// accounts (kind 1), payments (2) and payment_ids (3): the kind is part of
// the id, so ids of different kinds never coincide.
func (s *Server) vaID(kind int) string {
	return fmt.Sprintf("%s%02x%014x", s.ids.salt, kind, s.ids.next(fmt.Sprint("va_id:", kind)))
}

// vaCurrency is each country's default currency.
var vaCurrency = map[string]string{"ID": "IDR", "VN": "VND", "TH": "THB", "MY": "MYR"}

func (s *Server) routeVirtualAccounts() {
	s.model("virtualaccounts.create", s.createVirtualAccount)
	s.model("virtualaccounts.update", s.updateVirtualAccount)
	s.model("virtualaccounts.get", s.getVirtualAccount)
	s.model("virtualaccounts.simulate_payment", s.simulateVAPayment)
	s.model("virtualaccounts.get_payment", s.getVAPayment)
}

func (s *Server) createVirtualAccount(c *call) {
	b := c.body
	bank, known := vaBanks[str(b, "bank_code")]
	if !known {
		c.fail(http.StatusBadRequest, "BANK_NOT_SUPPORTED_ERROR", "That bank code is not currently supported. Use Get Virtual Account Banks API to check available banks")
		return
	}
	expected, hasExpected := num(b, "expected_amount")
	switch closed, _ := b["is_closed"].(bool); {
	case closed && !hasExpected:
		c.fail(http.StatusBadRequest, "EXPECTED_AMOUNT_REQUIRED_ERROR", "The expected_amount is required for Closed Virtual Account (is_closed: true)")
		return
	case hasExpected && bank.max > 0 && expected < bank.min:
		c.fail(http.StatusBadRequest, "MINIMUM_EXPECTED_AMOUNT_ERROR", "The expected amount is below the minimum limit")
		return
	case hasExpected && bank.max > 0 && expected > bank.max:
		c.fail(http.StatusBadRequest, "MAXIMUM_EXPECTED_AMOUNT_ERROR", "The expected amount is above the maximum limit")
		return
	}
	now := c.now()
	expiry := stamp(now.AddDate(31, 0, 0))
	if e := str(b, "expiration_date"); e != "" {
		t, err := time.Parse(time.RFC3339Nano, e)
		if err != nil || t.Before(now) {
			c.fail(http.StatusBadRequest, "EXPIRATION_DATE_INVALID_ERROR", "Invalid custom expiration date because it's earlier than current time")
			return
		}
		expiry = e
	}
	number := str(b, "virtual_account_number")
	if number == "" {
		number = fmt.Sprintf("9999%06d", s.ids.next("va_number"))
	}
	country := orDefault(str(b, "country"), bank.country)
	va := map[string]any{
		"id": s.vaID(1), "external_id": b["external_id"], "owner_id": paymentsBusinessID,
		"bank_code": b["bank_code"], "merchant_code": bank.merchant, "account_number": bank.merchant + number,
		"name": b["name"], "country": country, "currency": orDefault(str(b, "currency"), vaCurrency[country]),
		"is_single_use": b["is_single_use"] == true, "is_closed": b["is_closed"] == true,
		"expiration_date": expiry, "status": "PENDING",
	}
	for _, k := range []string{"expected_amount", "min_amount", "max_amount", "suggested_amount", "description"} {
		if v, ok := b[k]; ok {
			va[k] = v
		}
	}
	if types, _ := b["alternative_display_types"].([]any); slices.Contains(types, any("QR_STRING")) {
		va["alternative_displays"] = []any{map[string]any{"type": "QR_STRING", "data": "000201010212xendittest" + number}}
	}
	taken := s.store.list("virtual_accounts", c.account, listQuery{limit: 1, match: func(o map[string]any) bool {
		return o["account_number"] == va["account_number"] && o["status"] != "INACTIVE"
	}})
	if len(taken.items) > 0 {
		c.fail(http.StatusBadRequest, "DUPLICATE_CALLBACK_VIRTUAL_ACCOUNT_ERROR", "The Virtual Account number already exist")
		return
	}
	c.ok(va)
	va["status"] = "ACTIVE" // the bank has set it up
	s.store.put("virtual_accounts", c.account, va["id"].(string), va)
	s.useSplitRule(c, "virtual_accounts", va["id"].(string))
	s.deliverLater(c.account, "virtualaccounts", s.vaStatusCallback(va, now))
}

// vaStatusCallback is the created/updated callback: the account, with
// created and updated.
func (s *Server) vaStatusCallback(va map[string]any, created time.Time) map[string]any {
	cb := deepCopy(va)
	if _, ok := cb["created"]; !ok {
		cb["created"] = stamp(created)
	}
	cb["updated"] = stamp(s.clock.Now())
	return cb
}

func (s *Server) updateVirtualAccount(c *call) {
	now := c.now()
	va, err := s.store.update("virtual_accounts", c.account, c.param("id"), func(va map[string]any) error {
		if va["status"] == "INACTIVE" {
			return errIneligible
		}
		for _, k := range []string{"external_id", "is_single_use", "expected_amount", "min_amount", "max_amount",
			"suggested_amount", "expiration_date", "description"} {
			switch v, ok := c.body[k]; {
			case !ok:
			case v == nil:
				delete(va, k)
			default:
				va[k] = v
			}
		}
		if t, err := time.Parse(time.RFC3339Nano, str(va, "expiration_date")); err == nil && !t.After(now) {
			va["status"] = "INACTIVE"
		}
		return nil
	})
	switch {
	case err == errIneligible:
		c.fail(http.StatusBadRequest, "INACTIVE_VIRTUAL_ACCOUNT_ERROR", "Account number that you want to update is inactive")
		return
	case err != nil:
		c.notFound("CALLBACK_VIRTUAL_ACCOUNT_NOT_FOUND_ERROR", "Callback virtual account")
		return
	}
	c.ok(va)
	s.deliverLater(c.account, "virtualaccounts", s.vaStatusCallback(va, now))
}

func (s *Server) getVirtualAccount(c *call) {
	if va, ok := s.store.get("virtual_accounts", c.account, c.param("id")); ok {
		c.ok(va)
		return
	}
	c.notFound("CALLBACK_VIRTUAL_ACCOUNT_NOT_FOUND_ERROR", "Callback virtual account")
}

// simulateVAPayment pays the newest account of the merchant with the path's
// external_id.
func (s *Server) simulateVAPayment(c *call) {
	ext := c.param("external_id")
	found := s.store.list("virtual_accounts", c.account, listQuery{limit: 1, match: func(o map[string]any) bool {
		return o["external_id"] == ext
	}, order: func(a, b map[string]any) int { // an ACTIVE one first
		return boolRank(b["status"] == "ACTIVE") - boolRank(a["status"] == "ACTIVE")
	}})
	if len(found.items) == 0 {
		c.notFound("CALLBACK_VIRTUAL_ACCOUNT_NOT_FOUND_ERROR", "Callback virtual account")
		return
	}
	amount, _ := num(c.body, "amount")
	var payment map[string]any
	_, err := s.store.update("virtual_accounts", c.account, str(found.items[0], "id"), func(va map[string]any) error {
		var err error
		payment, err = s.payVA(va, amount)
		return err
	})
	if err != nil {
		c.fail(http.StatusBadRequest, "API_VALIDATION_ERROR", "%s", strings.TrimPrefix(err.Error(), "xendittest: "))
		return
	}
	s.store.put("va_payments", c.account, str(payment, "payment_id"), payment)
	s.settle(vaSettlement(payment))
	c.ok(map[string]any{"status": "COMPLETED", "message": "Payment for the Fixed VA with external id " + ext +
		" is currently being processed. Please ensure that you have set a callback URL for VA payments via Dashboard Settings and contact us if you do not receive a VA payment callback within the next 5 mins."})
	s.deliverLater(c.account, "virtualaccounts", s.vaPaymentCallback(payment))
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// payVA checks amount against the account va and records the payment on
// it: a single-use account becomes INACTIVE. It returns the payment.
func (s *Server) payVA(va map[string]any, amount float64) (map[string]any, error) {
	expected, _ := num(va, "expected_amount")
	lo, hasLo := num(va, "min_amount")
	hi, hasHi := num(va, "max_amount")
	switch {
	case va["status"] != "ACTIVE":
		return nil, fmt.Errorf("xendittest: virtual account %s is %s, not ACTIVE", va["id"], va["status"])
	case amount <= 0:
		return nil, fmt.Errorf("xendittest: amount must be positive")
	case va["is_closed"] == true && amount != expected:
		return nil, fmt.Errorf("xendittest: a closed virtual account accepts only its expected_amount %v, not %v", expected, amount)
	case hasLo && amount < lo, hasHi && amount > hi:
		return nil, fmt.Errorf("xendittest: amount %v is outside the account's min_amount and max_amount", amount)
	}
	if va["is_single_use"] == true {
		va["status"] = "INACTIVE"
	}
	merchant := str(va, "merchant_code")
	return map[string]any{
		"id": s.vaID(2), "payment_id": s.vaID(3), "callback_virtual_account_id": va["id"],
		"owner_id": va["owner_id"], "external_id": va["external_id"], "bank_code": va["bank_code"], "merchant_code": merchant,
		"account_number": strings.TrimPrefix(str(va, "account_number"), merchant), "amount": amount,
		"currency": va["currency"], "country": va["country"], "transaction_timestamp": stamp(s.clock.Now()),
	}, nil
}

// vaSettlement is the money a payment into a virtual account brings in.
func vaSettlement(payment map[string]any) settlement {
	amount, _ := num(payment, "amount")
	return settlement{col: "virtual_accounts", id: str(payment, "callback_virtual_account_id"), paymentID: str(payment, "payment_id"),
		category: "VIRTUAL_ACCOUNT", currency: str(payment, "currency"), amount: amount}
}

// vaPaymentCallback is the payment callback: the payment, with created
// and updated.
func (s *Server) vaPaymentCallback(payment map[string]any) map[string]any {
	cb := deepCopy(payment)
	cb["created"], cb["updated"] = payment["transaction_timestamp"], payment["transaction_timestamp"]
	return cb
}

func (s *Server) getVAPayment(c *call) {
	if p, ok := s.store.get("va_payments", c.account, c.param("payment_id")); ok {
		c.ok(p)
		return
	}
	c.notFound("CALLBACK_VIRTUAL_ACCOUNT_PAYMENT_NOT_FOUND_ERROR", "Callback virtual account payment")
}

// PayVirtualAccount plays a customer paying amount into the ACTIVE virtual
// account id, as Simulate Payment does through the API: a closed account
// takes only its expected amount, a single-use one becomes INACTIVE, and
// the payment callback is delivered before the call returns (an error if
// the receiver did not answer 2xx after redeliveries). It returns the
// payment's payment_id, for Get Virtual Account Payment.
func (s *Server) PayVirtualAccount(id string, amount float64) (paymentID string, err error) {
	var payment map[string]any
	if _, err := s.store.update("virtual_accounts", "*", id, func(va map[string]any) error {
		payment, err = s.payVA(va, amount)
		return err
	}); err != nil {
		return "", err
	}
	owner, _ := s.store.ownerOf("virtual_accounts", id)
	paymentID = str(payment, "payment_id")
	s.store.put("va_payments", owner, paymentID, payment)
	s.settle(vaSettlement(payment))
	return paymentID, s.deliverNow(owner, "virtualaccounts", s.vaPaymentCallback(payment))
}
