package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"
)

// The Payouts (v2) model: a payout is ACCEPTED when created, may be
// CANCELLED through the API while ACCEPTED, and moves to SUCCEEDED or
// FAILED when a test plays the bank ([Server.CompletePayout],
// [Server.FailPayout]); a SUCCEEDED payout may be REVERSED
// ([Server.ReversePayout]). Each of the last three sends the payout
// callback, in the envelope the reference's table documents, to the
// "payouts" URL of the payout's merchant. Create requires Idempotency-key:
// the server's idempotency (idempotency.go) answers a repeated key with
// the first payout, and a different body under it with 409.

// payoutChannels are the fake's payout channels: the reference's example
// (ID_BSI, PH_AUB) and the channels of its create examples.
var payoutChannels = []map[string]any{
	payoutChannel("ID_BCA", "BANK", "IDR", "Bank Central Asia (BCA)", 10000, 50000000000, 1),
	payoutChannel("ID_BSI", "BANK", "IDR", "Bank Syariah Indonesia", 10000, 1999999999999, 1),
	payoutChannel("ID_OVO", "EWALLET", "IDR", "OVO", 10000, 20000000, 1),
	payoutChannel("MY_DUITNOW", "BANK", "MYR", "DuitNow", 0.01, 50000, 0.01),
	payoutChannel("PH_AUB", "BANK", "PHP", "Asia United Bank", 1, 100000000, 1),
	payoutChannel("PH_CITI", "OTC", "PHP", "Citibank", 1, 100000000, 1),
	payoutChannel("PH_GCASH", "EWALLET", "PHP", "GCash", 1, 100000, 0.01),
	payoutChannel("PH_UBP", "BANK", "PHP", "Union Bank of the Philippines", 1, 100000000, 0.01),
	payoutChannel("TH_BAY", "BANK", "THB", "Bank of Ayudhya (Krungsri)", 0.01, 2000000, 0.01),
}

func payoutChannel(code, category, currency, name string, minimum, maximum, increment float64) map[string]any {
	return map[string]any{"channel_code": code, "channel_category": category, "currency": currency, "channel_name": name,
		"amount_limits": map[string]any{"minimum": minimum, "maximum": maximum, "minimum_increment": increment}}
}

func findPayoutChannel(code string) map[string]any {
	for _, ch := range payoutChannels {
		if ch["channel_code"] == code {
			return ch
		}
	}
	return nil
}

func (s *Server) routePayouts() {
	s.model("payouts.create", s.createPayout)
	s.model("payouts.get", s.getPayout)
	s.model("payouts.list_by_reference_id", s.listPayouts)
	s.model("payouts.cancel", s.cancelPayout)
	s.model("payouts.list_channels", s.listPayoutChannels)
}

// createPayout checks the channel and its amount limits as Xendit does,
// then stores an ACCEPTED payout.
func (s *Server) createPayout(c *call) {
	b := c.body
	channel, currency := str(b, "channel_code"), str(b, "currency")
	ch := findPayoutChannel(channel)
	if ch == nil || ch["currency"] != currency {
		c.fail(http.StatusBadRequest, "CHANNEL_CODE_NOT_SUPPORTED",
			"%q is not supported for %s. See list of supported channel codes at the URL below.", channel, currency)
		return
	}
	amount, _ := num(b, "amount")
	limits := obj(ch, "amount_limits")
	lo, _ := num(limits, "minimum")
	hi, _ := num(limits, "maximum")
	step, _ := num(limits, "minimum_increment")
	switch q := amount / step; {
	case amount < lo:
		c.fail(http.StatusBadRequest, "MINIMUM_TRANSFER_LIMIT_ERROR", "amount is under the minimum amount supported for the channel")
		return
	case amount > hi:
		c.fail(http.StatusBadRequest, "MAXIMUM_TRANSFER_LIMIT_ERROR", "amount is more than the maximum amount supported for the channel")
		return
	case math.Abs(q-math.Round(q)) > 1e-6:
		c.fail(http.StatusBadRequest, "AMOUNT_INCREMENT_NOT_SUPPORTED", "amount needs to be a multiple of the minimum increment supported by the channel")
		return
	}
	now := c.now()
	p := map[string]any{
		"id": s.ids.uuid("disb-"), "reference_id": b["reference_id"], "business_id": paymentsBusinessID,
		"amount": amount, "currency": currency, "channel_code": channel, "channel_category": ch["channel_category"],
		"channel_properties": b["channel_properties"], "description": b["description"], "status": "ACCEPTED",
		"created": stamp(now), "updated": stamp(now), "estimated_arrival_time": stamp(now.Add(15 * time.Minute)),
		"idempotency_key": c.r.Header.Get("Idempotency-key"),
	}
	for _, k := range []string{"receipt_notification", "metadata"} {
		if v, ok := b[k]; ok {
			p[k] = v
		}
	}
	s.store.put("payouts", c.account, p["id"].(string), p)
	c.ok(p)
}

func (s *Server) getPayout(c *call) {
	if p, ok := s.store.get("payouts", c.account, c.param("id")); ok {
		c.ok(p)
		return
	}
	c.notFound("DATA_NOT_FOUND", "payout")
}

// listPayouts answers {data, has_more, links}, newest first, as the
// reference's table documents, with the after_id and before_id cursors.
func (s *Server) listPayouts(c *call) {
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	ref := c.query("reference_id")
	p := s.store.list("payouts", c.account, listQuery{limit: limit, after: c.query("after_id"), before: c.query("before_id"),
		match: func(o map[string]any) bool { return o["reference_id"] == ref }})
	answer := map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore}
	if p.hasMore && len(p.items) > 0 {
		last := p.items[len(p.items)-1]["id"]
		answer["links"] = []any{map[string]any{"href": fmt.Sprintf("/v2/payouts?reference_id=%s&limit=%d&after_id=%s", ref, limit, last),
			"rel": "next", "method": "GET"}}
	}
	c.ok(answer)
}

// cancelPayout cancels an ACCEPTED payout; Xendit sends no callback for it.
func (s *Server) cancelPayout(c *call) {
	p, err := s.store.update("payouts", c.account, c.param("id"), func(p map[string]any) error {
		if p["status"] != "ACCEPTED" {
			return errIneligible
		}
		p["status"], p["updated"] = "CANCELLED", stamp(c.now())
		return nil
	})
	switch {
	case err == errIneligible:
		c.fail(http.StatusBadRequest, "CANCELLATION_NOT_ALLOWED", "Payout cannot be canceled because it has already been processed by Xendit.")
	case err != nil:
		c.notFound("DATA_NOT_FOUND", "payout")
	default:
		c.ok(p)
	}
}

// listPayoutChannels answers the channels matching the filters, a bare
// array sorted by channel_code.
func (s *Server) listPayoutChannels(c *call) {
	out := []map[string]any{}
	for _, ch := range payoutChannels {
		if payoutChannelMatches(c, ch, "currency") && payoutChannelMatches(c, ch, "channel_category") && payoutChannelMatches(c, ch, "channel_code") {
			out = append(out, deepCopy(ch))
		}
	}
	sort.Slice(out, func(i, j int) bool { return str(out[i], "channel_code") < str(out[j], "channel_code") })
	c.ok(out)
}

// payoutChannelMatches reports whether the query filter name, when given, equals o's
// field of that name.
func payoutChannelMatches(c *call, o map[string]any, name string) bool {
	q := c.query(name)
	return q == "" || strings.EqualFold(q, str(o, name))
}

// CompletePayout plays the bank crediting the recipient of an ACCEPTED
// payout: it becomes SUCCEEDED and payout.succeeded is delivered before
// the call returns (an error if the receiver did not answer 2xx after
// redeliveries).
func (s *Server) CompletePayout(id string) error {
	return s.settlePayout(id, "ACCEPTED", "SUCCEEDED", "payout.succeeded", "")
}

// FailPayout plays the channel rejecting an ACCEPTED payout with code (for
// example INVALID_DESTINATION), and delivers payout.failed.
func (s *Server) FailPayout(id, code string) error {
	return s.settlePayout(id, "ACCEPTED", "FAILED", "payout.failed", code)
}

// ReversePayout plays a SUCCEEDED payout bouncing back, and delivers
// payout.reversed.
func (s *Server) ReversePayout(id string) error {
	return s.settlePayout(id, "SUCCEEDED", "REVERSED", "payout.reversed", "")
}

func (s *Server) settlePayout(id, from, to, event, code string) error {
	return s.hook("payouts", id, "payouts", func(p map[string]any) (any, error) {
		if p["status"] != from {
			return nil, fmt.Errorf("xendittest: payout %s is %s, not %s", id, p["status"], from)
		}
		now := stamp(s.clock.Now())
		p["status"], p["updated"] = to, now
		if code != "" {
			p["failure_code"] = code
		}
		if to == "SUCCEEDED" {
			p["connector_reference"] = "XENDITTEST_PARTNER_REFERENCE_" + id
		}
		return map[string]any{"event": event, "business_id": paymentsBusinessID, "created": now, "data": p}, nil
	})
}
