package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"time"
)

// The Payout Links model: a link is PENDING when created and emailed,
// VOIDED through the API, COMPLETED when a test plays the recipient
// claiming it ([Server.ClaimPayoutLink]). A second link with the same
// external_id is refused with DUPLICATE_PAYOUT_ERROR, which is how a
// caller resolves a create whose outcome is unknown. The reference
// documents no callback for payout links.

func (s *Server) routePayoutLinks() {
	s.model("payoutlinks.create", s.createPayoutLink)
	s.model("payoutlinks.get", s.getPayoutLink)
	s.model("payoutlinks.void", s.voidPayoutLink)
}

func (s *Server) createPayoutLink(c *call) {
	b := c.body
	ext := str(b, "external_id")
	amount, _ := num(b, "amount")
	if amount < 10000 || amount != math.Trunc(amount) {
		c.invalid("amount must be a whole number of at least 10000")
		return
	}
	taken := s.store.list("payout_links", c.account, listQuery{limit: 1,
		match: func(o map[string]any) bool { return o["external_id"] == ext }})
	if len(taken.items) > 0 {
		c.fail(http.StatusBadRequest, "DUPLICATE_PAYOUT_ERROR", "The payout link with the same external_id has already been made before")
		return
	}
	now := c.now()
	id := s.ids.uuid("")
	l := map[string]any{
		"id": id, "external_id": ext, "amount": amount, "merchant_name": "xendittest merchant", "status": "PENDING",
		"expiration_timestamp": stamp(now.Add(72 * time.Hour)), "created": stamp(now),
		"payout_url": "https://payout.xendittest.invalid/web/" + id, "email": b["email"],
	}
	s.store.put("payout_links", c.account, id, l)
	c.ok(l)
}

func (s *Server) getPayoutLink(c *call) {
	if l, ok := s.store.get("payout_links", c.account, c.param("id")); ok {
		c.ok(l)
		return
	}
	c.notFound("PAYOUT_NOT_FOUND_ERROR", "payout link")
}

// voidPayoutLink voids a PENDING link; a voided one answers as it is, a
// claimed one is CLAIMED_PAYOUT_ERROR.
func (s *Server) voidPayoutLink(c *call) {
	l, err := s.store.update("payout_links", c.account, c.param("id"), func(l map[string]any) error {
		switch l["status"] {
		case "PENDING":
			l["status"] = "VOIDED"
		case "VOIDED":
		default:
			return errIneligible
		}
		return nil
	})
	switch {
	case err == errIneligible:
		c.fail(http.StatusBadRequest, "CLAIMED_PAYOUT_ERROR", "The payout is already claimed")
	case err != nil:
		c.notFound("PAYOUT_NOT_FOUND_ERROR", "payout link")
	default:
		c.ok(l)
	}
}

// ClaimPayoutLink plays the recipient claiming a PENDING link to a BCA
// account: the link becomes COMPLETED.
func (s *Server) ClaimPayoutLink(id string) error {
	_, err := s.store.update("payout_links", "*", id, func(l map[string]any) error {
		if l["status"] != "PENDING" {
			return fmt.Errorf("xendittest: payout link %s is %s, not PENDING", id, l["status"])
		}
		now := stamp(s.clock.Now())
		l["status"], l["claimed_timestamp"], l["completed_timestamp"] = "COMPLETED", now, now
		l["bank_code"], l["account_holder_name"], l["account_number"] = "BCA", "XENDITTEST RECIPIENT", "1234567890"
		l["disbursement_id"] = s.ids.hex24("disbursement")
		return nil
	})
	return err
}
