package xendittest

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// Card promotions: created ACTIVE, applied by BIN or promo code to the
// amount of a charge option or calculation, deleted to DELETED. Times go
// out with a space instead of "T", as in the reference's examples.

func (s *Server) routeCardPromotions() {
	s.model("cards.get_charge_option", s.getCardChargeOption)
	s.model("cards.promotions.create", s.createCardPromotion)
	s.model("cards.promotions.list", s.listCardPromotions)
	s.model("cards.promotions.calculate", s.calculateCardPromotion)
	s.model("cards.promotions.update", s.updateCardPromotion)
	s.model("cards.promotions.delete", s.deleteCardPromotion)
}

// promotionTime is t in the promotions' layout.
func promotionTime(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05.000Z") }

// parsePromotionTime reads a time in either layout.
func parsePromotionTime(v string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05.000Z", "2006-01-02 15:04:05Z"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var promotionNumbers = []string{"discount_percent", "discount_amount", "min_original_amount", "max_discount_amount"}

func (s *Server) createCardPromotion(c *call) {
	b := c.body
	ref, code := str(b, "reference_id"), str(b, "promo_code")
	for _, q := range s.promotions(c.account, "") {
		switch {
		case q["reference_id"] == ref:
			c.fail(http.StatusConflict, "REFERENCE_IN_USE", "The reference_id is already used by another promotion")
			return
		case code != "" && q["promo_code"] == code:
			c.fail(http.StatusConflict, "PROMO_CODE_IN_USE", "The promo_code is already used by another promotion")
			return
		}
	}
	start, ok := parsePromotionTime(str(b, "start_time"))
	if !ok {
		start = c.now()
	}
	end, ok := parsePromotionTime(str(b, "end_time"))
	if !ok {
		end = start.AddDate(0, 1, 0)
	}
	p := map[string]any{
		"id": s.ids.uuid(""), "business_id": paymentsBusinessID, "reference_id": ref, "description": b["description"],
		"status": "ACTIVE", "promo_code": code, "bin_list": b["bin_list"], "channel_code": b["channel_code"],
		"currency": orDefault(str(b, "currency"), "IDR"), "start_time": promotionTime(start), "end_time": promotionTime(end),
		"created": stamp(c.now()),
	}
	for _, k := range promotionNumbers {
		if v, ok := num(b, k); ok {
			p[k] = v
		}
	}
	s.store.put("card_promotions", c.account, p["id"].(string), p)
	c.ok(p)
}

// promotions returns account's promotions not DELETED, oldest first, with
// status when it is not empty.
func (s *Server) promotions(account, status string) []map[string]any {
	return s.store.list("card_promotions", account, listQuery{oldest: true, match: func(p map[string]any) bool {
		return p["status"] != "DELETED" && (status == "" || p["status"] == status)
	}}).items
}

func (s *Server) listCardPromotions(c *call) {
	out := []map[string]any{}
	match := func(k string, got any) bool { return c.query(k) == "" || c.query(k) == got }
	for _, p := range s.promotions(c.account, c.query("status")) {
		bins, _ := p["bin_list"].([]any)
		if match("reference_id", p["reference_id"]) && match("channel_code", p["channel_code"]) &&
			match("currency", p["currency"]) && (c.query("bin") == "" || slices.Contains(bins, any(c.query("bin")))) {
			out = append(out, p)
		}
	}
	c.ok(out)
}

// promotionApplies reports whether a charge may use the promotion.
func (s *Server) promotionApplies(account, referenceID string) bool {
	return slices.ContainsFunc(s.promotions(account, "ACTIVE"), func(p map[string]any) bool { return p["reference_id"] == referenceID })
}

// calculations returns the ACTIVE promotions that apply to bin or code for
// amount, with the discount applied, best first.
func (s *Server) calculations(c *call, bin, code string, amount float64) []map[string]any {
	var out []map[string]any
	now := c.now()
	for _, p := range s.promotions(c.account, "ACTIVE") {
		bins, _ := p["bin_list"].([]any)
		start, _ := parsePromotionTime(str(p, "start_time"))
		end, hasEnd := parsePromotionTime(str(p, "end_time"))
		minimum, _ := num(p, "min_original_amount")
		eligible := (code != "" && p["promo_code"] == code) || (bin != "" && slices.Contains(bins, any(bin)))
		if !eligible || now.Before(start) || (hasEnd && now.After(end)) || amount < minimum {
			continue
		}
		discount, _ := num(p, "discount_amount")
		if pct, _ := num(p, "discount_percent"); pct > 0 {
			discount = math.Round(amount * pct / 100)
		}
		if m, _ := num(p, "max_discount_amount"); m > 0 && discount > m {
			discount = m
		}
		calc := map[string]any{"reference_id": p["reference_id"], "original_amount": amount,
			"final_amount": math.Max(amount-discount, 0), "currency": p["currency"], "description": p["description"]}
		for _, k := range promotionNumbers {
			if v, ok := p[k]; ok {
				calc[k] = v
			}
		}
		out = append(out, calc)
	}
	slices.SortStableFunc(out, func(a, b map[string]any) int {
		x, _ := num(a, "final_amount")
		y, _ := num(b, "final_amount")
		return cmp.Compare(x, y)
	})
	return out
}

// optionQuery reads amount and the card's BIN (from bin or token_id).
func (s *Server) optionQuery(c *call) (bin string, amount float64, ok bool) {
	amount, err := strconv.ParseFloat(c.query("amount"), 64)
	if err != nil || amount <= 0 {
		c.invalid("amount is required and must be a positive number")
		return "", 0, false
	}
	bin = c.query("bin")
	if id := c.query("token_id"); id != "" {
		tok, found := s.store.get("card_tokens", c.account, id)
		if !found {
			c.fail(http.StatusNotFound, "TOKEN_NOT_FOUND_ERROR", "The token was not found")
			return "", 0, false
		}
		bin = str(tok, hidden+"masked")[:6]
	}
	return bin, amount, true
}

func (s *Server) getCardChargeOption(c *call) {
	bin, amount, ok := s.optionQuery(c)
	if !ok {
		return
	}
	if bin == "" {
		c.invalid("bin or token_id is required")
		return
	}
	opt := map[string]any{"business_id": paymentsBusinessID, "bin": bin}
	if calcs := s.calculations(c, bin, c.query("promo_code"), amount); len(calcs) > 0 {
		opt["promotions"] = calcs
	}
	var installments []any
	for _, n := range []int{3, 6, 12} {
		installments = append(installments, map[string]any{"count": n, "interval": "month", "acquirer": "BRI",
			"currency": "IDR", "minimum_amount": 500_000})
	}
	opt["installments"] = installments
	c.ok(opt)
}

func (s *Server) calculateCardPromotion(c *call) {
	bin, amount, ok := s.optionQuery(c)
	if !ok {
		return
	}
	calcs := s.calculations(c, bin, c.query("promo_code"), amount)
	if len(calcs) == 0 {
		c.fail(http.StatusNotFound, "PROMOTION_NOT_FOUND_ERROR", "No active promotion applies")
		return
	}
	c.ok(calcs[0])
}

// changePromotion runs f on the promotion in the path, or answers 404.
func (s *Server) changePromotion(c *call, f func(p map[string]any) (refuse func())) {
	var refused func()
	p, err := s.store.update("card_promotions", c.account, c.param("promotion_id"), func(p map[string]any) error {
		if p["status"] == "DELETED" {
			return errNotFound
		}
		if refused = f(p); refused != nil {
			return errIneligible
		}
		return nil
	})
	switch {
	case refused != nil:
		refused()
	case err != nil:
		c.fail(http.StatusNotFound, "PROMOTION_NOT_FOUND_ERROR", "Promotion not found")
	default:
		c.ok(p)
	}
}

func (s *Server) updateCardPromotion(c *call) {
	u := c.body
	var others []map[string]any
	if code := str(u, "promo_code"); code != "" {
		for _, q := range s.promotions(c.account, "") {
			if q["id"] != c.param("promotion_id") && q["promo_code"] == code {
				others = append(others, q)
			}
		}
	}
	s.changePromotion(c, func(p map[string]any) func() {
		pct, _ := num(p, "discount_percent")
		amt, _ := num(p, "discount_amount")
		start, newStart := parsePromotionTime(str(u, "start_time"))
		end, newEnd := parsePromotionTime(str(u, "end_time"))
		if !newEnd {
			end, _ = parsePromotionTime(str(p, "end_time"))
		}
		switch {
		case (u["discount_percent"] != nil && amt > 0) || (u["discount_amount"] != nil && pct > 0):
			return refuse(c, "INVALID_DISCOUNT_TYPE", "The promotion uses the other discount type")
		case newStart && !start.Before(end):
			return refuse(c, "INVALID_START_TIME_UPDATE", "start_time must be before end_time")
		case len(others) > 0:
			return refuse(c, "PROMO_CODE_IN_USE", "The promo_code is already used by another promotion")
		}
		for _, k := range []string{"promo_code", "description", "channel_code", "bin_list", "currency"} {
			if v, ok := u[k]; ok { // null clears the field
				p[k] = v
			}
		}
		if newStart {
			p["start_time"] = promotionTime(start)
		}
		p["end_time"] = promotionTime(end)
		for _, k := range promotionNumbers {
			if v, ok := num(u, k); ok {
				p[k] = v
			} else if x, set := u[k]; set && x == nil {
				delete(p, k)
			}
		}
		return nil
	})
}

func (s *Server) deleteCardPromotion(c *call) {
	s.changePromotion(c, func(p map[string]any) func() {
		p["status"] = "DELETED"
		return nil
	})
}
