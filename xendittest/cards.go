package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"strings"
)

// The cards model: tokens made by NewCardToken (standing in for
// Xendit.js), charges CAPTURED at once or AUTHORIZED then captured or
// reversed, refunds of captured amounts, and promotions
// (cards_promotions.go).

// hidden marks the keys of a stored object that the API never shows.
const hidden = "\x00"

// public returns o without its hidden keys.
func public(o map[string]any) map[string]any {
	for k := range o {
		if strings.HasPrefix(k, hidden) {
			delete(o, k)
		}
	}
	return o
}

// CardToken describes a token as Xendit.js would create it in the browser.
type CardToken struct {
	// CardNumber is the test card; only its BIN and last four digits are
	// kept. Empty means Visa 4000000000000002.
	CardNumber string
	// MultipleUse makes a token that can be charged more than once.
	MultipleUse bool
	// Decline makes every charge with the token FAILED with this reason
	// (a failure_reason such as INSUFFICIENT_BALANCE), as a declined card
	// does.
	Decline string
	// ForUserID makes the token for a xenPlatform sub-account, as
	// Xendit.js's onBehalfOf does: only charges made with that for-user-id
	// find it. Empty is the first secret key's.
	ForUserID string
}

// CardTokenization is what Xendit.js's createToken gives the browser, and
// the browser posts to your server.
type CardTokenization struct {
	ID               string `json:"id"`
	AuthenticationID string `json:"authentication_id"`
	Status           string `json:"status"`
	MaskedCardNumber string `json:"masked_card_number"`
}

// NewCardToken plays Xendit.js's createToken with bundled 3DS
// authentication: it stores a VERIFIED token for the first secret key (or
// t.ForUserID) and returns what the browser would post to your server.
func (s *Server) NewCardToken(t CardToken) CardTokenization {
	number := orDefault(t.CardNumber, "4000000000000002")
	masked := number[:6] + strings.Repeat("X", len(number)-10) + number[len(number)-4:]
	id, authID := s.ids.hex24("token"), s.ids.hex24("authentication")
	tok := map[string]any{
		"id": id, "business_id": paymentsBusinessID, "created": stamp(s.clock.Now()), "status": "VALID",
		"card_expiration_month": "12", "card_expiration_year": "2030",
		"card_info": map[string]any{"bank": "PT. Bank Xendittest", "country": "ID", "type": "CREDIT",
			"brand": cardBrand(number), "fingerprint": fingerprint(number)},
		hidden + "auth": authID, hidden + "masked": masked, hidden + "multi": t.MultipleUse, hidden + "decline": t.Decline,
	}
	s.store.put("card_tokens", s.account(t.ForUserID), id, tok)
	return CardTokenization{ID: id, AuthenticationID: authID, Status: "VERIFIED", MaskedCardNumber: masked}
}

func cardBrand(number string) string {
	switch {
	case strings.HasPrefix(number, "4"):
		return "VISA"
	case strings.HasPrefix(number, "5"):
		return "MASTERCARD"
	case strings.HasPrefix(number, "34"), strings.HasPrefix(number, "37"):
		return "AMEX"
	case strings.HasPrefix(number, "35"):
		return "JCB"
	}
	return "UNKNOWN"
}

// fingerprint is stable per card number without keeping it.
func fingerprint(number string) string {
	var h uint64 = 14695981039346656037
	for i := range len(number) {
		h = (h ^ uint64(number[i])) * 1099511628211
	}
	return fmt.Sprintf("%024x", h)
}

// ExpireCardAuthorization plays the 7 days passing: capturing the
// AUTHORIZED charge id now fails with AUTHORIZATION_EXPIRED.
func (s *Server) ExpireCardAuthorization(id string) error {
	_, err := s.store.update("card_charges", "*", id, func(ch map[string]any) error {
		if ch["status"] != "AUTHORIZED" {
			return fmt.Errorf("xendittest: charge %s is %s, not AUTHORIZED", id, ch["status"])
		}
		ch[hidden+"expired"] = true
		return nil
	})
	return err
}

func (s *Server) routeCards() {
	s.model("cards.get_token", s.getCardToken)
	s.model("cards.create_charge", s.createCardCharge)
	s.model("cards.get_charge", s.getCardCharge)
	s.model("cards.capture_charge", s.captureCardCharge)
	s.model("cards.reverse_authorization", s.withCardCharge("charge_id", s.reverseCardAuthorization))
	s.model("cards.create_refund", s.withCardCharge("credit_card_charge_id", s.refundCardCharge))
	s.routeCardPromotions() // cards_promotions.go
}

func (s *Server) getCardToken(c *call) {
	tok, ok := s.store.get("card_tokens", c.account, c.param("credit_card_token_id"))
	if !ok {
		c.fail(http.StatusNotFound, "CREDIT_CARD_TOKEN_NOT_FOUND_ERROR", "Credit card token not found")
		return
	}
	c.ok(public(tok))
}

// cardAmountLimits are the reference's default limits per currency.
var cardAmountLimits = map[string][2]float64{"IDR": {5000, 200_000_000}, "PHP": {20, 700_000}}

func (s *Server) createCardCharge(c *call) {
	b := c.body
	currency := orDefault(str(b, "currency"), "IDR")
	amount, _ := num(b, "amount")
	if lim, ok := cardAmountLimits[currency]; ok && amount > 0 {
		switch {
		case amount < lim[0]:
			c.fail(http.StatusBadRequest, "AMOUNT_BELOW_MINIMUM_LIMIT", "The minimum amount is %v %s", lim[0], currency)
			return
		case amount > lim[1]:
			c.fail(http.StatusBadRequest, "AMOUNT_ABOVE_MAXIMUM_LIMIT", "The maximum amount is %v %s", lim[1], currency)
			return
		}
	}
	if p := obj(b, "promotion"); p != nil && !s.promotionApplies(c.account, str(p, "reference_id")) {
		c.fail(http.StatusBadRequest, "INVALID_PROMOTION_DETAILS", "The promotion details are invalid")
		return
	}
	var tok map[string]any
	var problem func()
	_, err := s.store.update("card_tokens", c.account, str(b, "token_id"), func(t map[string]any) error {
		switch auth := str(b, "authentication_id"); {
		case t[hidden+"used"] == true && t[hidden+"multi"] != true:
			problem = func() {
				c.fail(http.StatusBadRequest, "TOKEN_ALREADY_USED_ERROR", "The single-use token has already been used in a charge")
			}
		case auth != "" && auth != t[hidden+"auth"]:
			problem = func() {
				c.fail(http.StatusNotFound, "AUTHENTICATION_NOT_FOUND_ERROR", "The authentication was not found")
			}
		case b["installment"] != nil && amount < 500_000:
			problem = func() {
				c.fail(http.StatusBadRequest, "INSTALLMENT_BELOW_MINIMUM_AMOUNT", "The amount is below the installment minimum of 500000")
			}
		}
		if problem != nil {
			return errIneligible
		}
		t[hidden+"used"] = true
		tok = deepCopy(t)
		return nil
	})
	switch {
	case problem != nil:
		problem()
		return
	case err != nil:
		c.fail(http.StatusNotFound, "TOKEN_NOT_FOUND_ERROR", "The token was not found; charge with your secret key")
		return
	}
	info := obj(tok, "card_info")
	ch := map[string]any{
		"id": s.ids.hex24("charge"), "external_id": b["external_id"], "business_id": paymentsBusinessID,
		"created": stamp(c.now()), "currency": currency, "charge_type": "SINGLE_USE_TOKEN", "card_type": "CREDIT",
		"card_brand": info["brand"], "masked_card_number": tok[hidden+"masked"], "eci": "05", "cvn_code": "M",
		"merchant_id": "xendit", "merchant_reference_code": s.ids.hex24("reference"),
		"bank_reconciliation_id": "5132390610356134503009", "descriptor": b["descriptor"], "mid_label": b["mid_label"],
		"promotion": b["promotion"], "installment": b["installment"],
	}
	if tok[hidden+"multi"] == true {
		ch["charge_type"] = "MULTIPLE_USE_TOKEN"
	}
	if info["brand"] == "MASTERCARD" {
		ch["eci"] = "02"
	}
	switch capture, set := b["capture"].(bool); {
	case str(tok, hidden+"decline") != "":
		ch["status"], ch["failure_reason"] = "FAILED", tok[hidden+"decline"]
	case amount > 0 && (!set || capture):
		ch["status"], ch["authorized_amount"], ch["capture_amount"], ch["approval_code"] = "CAPTURED", amount, amount, "831000"
	default:
		ch["status"], ch["authorized_amount"], ch["approval_code"] = "AUTHORIZED", amount, "831000"
	}
	s.store.put("card_charges", c.account, ch["id"].(string), ch)
	s.useSplitRule(c, "card_charges", ch["id"].(string))
	if ch["status"] == "CAPTURED" {
		s.settle(cardSettlement(ch))
	}
	c.ok(ch)
}

func (s *Server) getCardCharge(c *call) {
	id := c.param("credit_card_id")
	if c.query("id_type") == "external" {
		p := s.store.list("card_charges", c.account, listQuery{limit: 1, match: func(ch map[string]any) bool { return ch["external_id"] == id }})
		if len(p.items) > 0 {
			id = str(p.items[0], "id")
		}
	}
	ch, ok := s.store.get("card_charges", c.account, id)
	if !ok {
		c.fail(http.StatusNotFound, "CREDIT_CARD_CHARGE_NOT_FOUND_ERROR", "Credit card charge not found")
		return
	}
	c.ok(public(ch))
}

// withCardCharge changes the charge named by the path parameter param
// with h, under the store's lock; h answers, or returns a func that
// answers a refusal.
func (s *Server) withCardCharge(param string, h func(c *call, ch map[string]any) (refuse func())) handler {
	return func(c *call) {
		var refuse func()
		_, err := s.store.update("card_charges", c.account, c.param(param), func(ch map[string]any) error {
			if refuse = h(c, ch); refuse != nil {
				return errIneligible
			}
			return nil
		})
		switch {
		case refuse != nil:
			refuse()
		case err != nil:
			c.fail(http.StatusNotFound, "CREDIT_CARD_CHARGE_NOT_FOUND_ERROR", "Credit card charge not found")
		}
	}
}

// refuse is a refusal with Xendit's error code.
func refuse(c *call, code, msg string) func() {
	return func() { c.fail(http.StatusBadRequest, code, "%s", msg) }
}

// The reference calls a capture's and a refund's amount a string; num
// takes both spellings, as Xendit's form-encoded curl example suggests it
// does.

// captureCardCharge captures, then settles the captured amount (split by
// the capture's with-split-rule, which the reference documents there too,
// else the create's) and answers.
func (s *Server) captureCardCharge(c *call) {
	var captured map[string]any
	s.withCardCharge("credit_card_charge_id", func(c *call, ch map[string]any) func() {
		refuse := s.captureAuthorization(c, ch)
		if refuse == nil {
			captured = public(deepCopy(ch))
		}
		return refuse
	})(c)
	if captured != nil {
		s.useSplitRule(c, "card_charges", str(captured, "id"))
		s.settle(cardSettlement(captured))
		c.ok(captured)
	}
}

// cardSettlement is the money a CAPTURED charge brings in.
func cardSettlement(ch map[string]any) settlement {
	amount, _ := num(ch, "capture_amount")
	return settlement{col: "card_charges", id: str(ch, "id"), category: "CARDS", currency: str(ch, "currency"), amount: amount}
}

// captureAuthorization checks a capture of the AUTHORIZED charge ch and
// makes it.
func (s *Server) captureAuthorization(c *call, ch map[string]any) func() {
	amount, _ := num(c.body, "amount")
	authorized, _ := num(ch, "authorized_amount")
	switch {
	case amount <= 0:
		return func() { c.invalid("amount must be a positive number") }
	case ch["status"] != "AUTHORIZED":
		return refuse(c, "INVALID_CHARGE_STATUS_ERROR", fmt.Sprintf("The charge status is %s, not AUTHORIZED", ch["status"]))
	case ch[hidden+"expired"] == true:
		return refuse(c, "AUTHORIZATION_EXPIRED", "The authorization has expired and was reversed")
	case amount > authorized:
		return refuse(c, "AMOUNT_GREATER_THAN_AUTHORIZED_ERROR", "The capture amount is greater than the authorized amount")
	}
	ch["status"], ch["capture_amount"] = "CAPTURED", amount
	return nil
}

func (s *Server) reverseCardAuthorization(c *call, ch map[string]any) func() {
	authorized, _ := num(ch, "authorized_amount")
	switch ch["status"] {
	case "CAPTURED":
		return refuse(c, "CHARGE_ALREADY_CAPTURED_ERROR", "The charge has already been captured")
	case "REVERSED":
		return refuse(c, "CHARGE_ALREADY_REVERSED_ERROR", "The charge has already been reversed")
	case "FAILED":
		return refuse(c, "CHARGE_FAILED_ERROR", "The charge failed")
	}
	if authorized == 0 {
		return refuse(c, "INVALID_AMOUNT_FOR_REVERSE_AUTHORIZATION_ERROR", "The authorized amount must not be 0")
	}
	ch["status"] = "REVERSED"
	c.ok(map[string]any{
		"id": s.ids.hex24("reversal"), "credit_card_charge_id": ch["id"], "external_id": c.body["external_id"],
		"status": "SUCCEEDED", "business_id": ch["business_id"], "currency": ch["currency"], "amount": authorized,
		"created": stamp(c.now()),
	})
	return nil
}

func (s *Server) refundCardCharge(c *call, ch map[string]any) func() {
	amount, _ := num(c.body, "amount")
	external := str(c.body, "external_id")
	captured, _ := num(ch, "capture_amount")
	refunded, _ := num(ch, hidden+"refunded")
	ids, _ := ch[hidden+"refund_ids"].([]any)
	for _, id := range ids {
		if id == external {
			return refuse(c, "DUPLICATE_REFUND_ERROR", "The refund external_id has already been used")
		}
	}
	if amount <= 0 || external == "" {
		return func() { c.invalid("amount (positive) and external_id are required") }
	}
	if ch["status"] != "CAPTURED" || refunded+amount > captured+1e-9 {
		return refuse(c, "REFUND_AMOUNT_EXCEEDED_ERROR", "The refunded amount would exceed the captured amount")
	}
	ch[hidden+"refunded"], ch[hidden+"refund_ids"] = refunded+amount, append(ids, external)
	now := stamp(c.now())
	c.ok(map[string]any{
		"id": s.ids.hex24("refund"), "credit_card_charge_id": ch["id"], "external_id": external, "status": "REQUESTED",
		"amount": amount, "fee_refund_amount": math.Round(amount * 0.01), "user_id": ch["business_id"],
		"created": now, "updated": now,
	})
	return nil
}
