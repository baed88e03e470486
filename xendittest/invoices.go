package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// The Invoices model: an invoice is PENDING when created, PAID when a test
// plays the customer paying it ([Server.PayInvoice]), EXPIRED when its time
// runs out ([Server.ExpireInvoice]) or the API expires it. Each change
// sends the invoice callback, the invoice itself with no envelope, to the
// "invoices" URL of the invoice's merchant.

// invoiceUserID is the business id ("user_id") of the fake's invoices.
const invoiceUserID = "5f27a14a9bf05c73dd040bc9"

func (s *Server) routeInvoices() {
	s.model("invoices.create", s.createInvoice)
	s.model("invoices.get", s.getInvoice)
	s.model("invoices.expire", s.expireInvoiceCall)
	s.model("invoices.list", s.listInvoices)
}

func (s *Server) createInvoice(c *call) {
	b := c.body
	amount, _ := num(b, "amount")
	now := c.now()
	duration := 86400.0
	if d, ok := num(b, "invoice_duration"); ok {
		duration = d
	}
	id := s.ids.hex24("invoice")
	inv := map[string]any{
		"id": id, "external_id": b["external_id"], "user_id": invoiceUserID, "status": "PENDING",
		"merchant_name": "xendittest merchant", "amount": amount, "description": b["description"],
		"currency":    orDefault(str(b, "currency"), "IDR"),
		"invoice_url": "https://checkout.xendittest.invalid/v2/" + id,
		"expiry_date": stamp(now.Add(time.Duration(duration) * time.Second)),
		"available_banks": []any{map[string]any{"bank_code": "BCA", "collection_type": "POOL",
			"transfer_amount": amount, "bank_branch": "Virtual Account", "account_holder_name": "XENDITTEST"}},
		"available_retail_outlets":   []any{map[string]any{"retail_outlet_name": "ALFAMART"}},
		"available_ewallets":         []any{map[string]any{"ewallet_type": "OVO"}},
		"should_exclude_credit_card": false, "should_send_email": false,
		"created": stamp(now), "updated": stamp(now),
	}
	for _, k := range []string{"customer", "customer_notification_preference", "items", "fees", "metadata",
		"channel_properties", "success_redirect_url", "failure_redirect_url", "mid_label", "locale"} {
		if v, ok := b[k]; ok {
			inv[k] = v
		}
	}
	s.store.put("invoices", c.account, id, inv)
	s.useSplitRule(c, "invoices", id)
	c.ok(inv)
}

func (s *Server) getInvoice(c *call) {
	if inv, ok := s.store.get("invoices", c.account, c.param("invoice_id")); ok {
		c.ok(inv)
		return
	}
	c.notFound("INVOICE_NOT_FOUND_ERROR", "invoice")
}

// expireInvoiceCall expires a PENDING invoice; an expired one answers as
// it is; a paid one is not found among the invoices that can expire (the
// reference documents no other error for Expire).
func (s *Server) expireInvoiceCall(c *call) {
	var sent bool
	inv, err := s.store.update("invoices", c.account, c.param("invoice_id"), func(inv map[string]any) error {
		switch inv["status"] {
		case "PENDING":
			s.expire(inv)
			sent = true
		case "EXPIRED":
		default:
			return errIneligible
		}
		return nil
	})
	switch {
	case err == errIneligible:
		c.fail(http.StatusNotFound, "INVOICE_NOT_FOUND_ERROR", "Could not find a PENDING invoice %s to expire", c.param("invoice_id"))
		return
	case err != nil:
		c.notFound("INVOICE_NOT_FOUND_ERROR", "invoice")
		return
	}
	c.ok(inv)
	if sent {
		s.deliverLater(c.account, "invoices", deepCopy(inv))
	}
}

func (s *Server) expire(inv map[string]any) {
	now := stamp(s.clock.Now())
	inv["status"], inv["updated"], inv["expiry_date"] = "EXPIRED", now, now
}

// listInvoices answers a bare array, newest first, with the filters and
// the last_invoice_id cursor of List All Invoices.
func (s *Server) listInvoices(c *call) {
	limit, ok := c.limit(10, 100)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	statuses, ext := q["statuses"], c.query("external_id")
	after, before := c.query("created_after"), c.query("created_before")
	within := func(created string) bool {
		if after == "" || before == "" { // Xendit applies the pair only
			return true
		}
		t, err1 := time.Parse(time.RFC3339Nano, created)
		a, err2 := time.Parse(time.RFC3339Nano, after)
		z, err3 := time.Parse(time.RFC3339Nano, before)
		return err1 == nil && err2 == nil && err3 == nil && t.After(a) && t.Before(z)
	}
	p := s.store.list("invoices", c.account, listQuery{after: c.query("last_invoice_id"), limit: limit,
		match: func(inv map[string]any) bool {
			created := str(inv, "created")
			return (ext == "" || inv["external_id"] == ext) &&
				(len(statuses) == 0 || slices.Contains(statuses, str(inv, "status"))) &&
				within(created)
		}})
	c.ok(orEmpty(p.items))
}

// PayInvoice plays the customer paying a PENDING invoice by BCA virtual
// account: it becomes PAID, its amount is credited to its merchant (a
// VIRTUAL_ACCOUNT transaction, split by its with-split-rule), and its
// callback is delivered before the call returns (an error if the receiver
// did not answer 2xx after redeliveries).
func (s *Server) PayInvoice(id string) error {
	return s.hookPaid("invoices", id, "invoices", func(inv map[string]any) (any, settlement, error) {
		if inv["status"] != "PENDING" {
			return nil, settlement{}, fmt.Errorf("xendittest: invoice %s is %s, not PENDING", id, inv["status"])
		}
		now := stamp(s.clock.Now())
		inv["status"], inv["updated"], inv["paid_at"] = "PAID", now, now
		inv["paid_amount"], inv["payment_method"], inv["payment_channel"] = inv["amount"], "BANK_TRANSFER", "BCA"
		inv["bank_code"], inv["payment_destination"] = "BCA", "8808999912345678"
		amount, _ := num(inv, "amount")
		return inv, settlement{col: "invoices", id: id, category: "VIRTUAL_ACCOUNT", currency: str(inv, "currency"), amount: amount}, nil
	})
}

// ExpireInvoice plays a PENDING invoice's expiry time passing: it becomes
// EXPIRED and its callback is delivered before the call returns.
func (s *Server) ExpireInvoice(id string) error {
	return s.hook("invoices", id, "invoices", func(inv map[string]any) (any, error) {
		if inv["status"] != "PENDING" {
			return nil, fmt.Errorf("xendittest: invoice %s is %s, not PENDING", id, inv["status"])
		}
		s.expire(inv)
		return inv, nil
	})
}
