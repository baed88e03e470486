package xendittest

import "math"

// Money in, one rule for every product: when a payment settles (an eWallet
// charge SUCCEEDED, an invoice PAID, a virtual account, QR code or retail
// code paid, a direct debit COMPLETED, a card charge CAPTURED, a PayLater
// charge SUCCEEDED, a subscription cycle SUCCEEDED, a payment request
// SUCCEEDED or captured, a payment method's simulated payment), its amount is credited
// to the CASH balance of the account the payment was made for (the
// for-user-id of its create, else the platform), a PAYMENT transaction of
// the payment's channel category is that account's alone, and the split
// rule its create named (with-split-rule) then moves each route's part on.
// Only the creates whose reference section documents with-split-rule
// remember one (PayLater documents none).
//
// A product calls useSplitRule on its create and settle (through hookPaid
// for a test hook) once the money is in, before the callback goes out: a
// receiver that reads the balance when the callback arrives sees it.

// settlement is a payment that has settled, for settle.
type settlement struct {
	// col and id name the object the payment was made on: the charge,
	// invoice, virtual account, QR code, retail code or subscription plan
	// whose create carried for-user-id and with-split-rule.
	col, id string
	// paymentID is the payment's own id, the transaction's product_id,
	// where one object takes many payments (id when empty).
	paymentID string
	// category is the transaction's channel_category, as GET /transactions
	// names it (EWALLET, VIRTUAL_ACCOUNT, QR_CODE, ...).
	category string
	currency string
	amount   float64
}

// splitUseKey keys a remembered split rule: ids of two collections may be
// equal (the 24-digit hex ids count per kind).
func splitUseKey(col, id string) string { return col + "/" + id }

// useSplitRule remembers the with-split-rule of object id of col, which c
// creates (or, for a card charge, captures), for settle.
func (s *Server) useSplitRule(c *call, col, id string) {
	if rule := c.r.Header.Get("with-split-rule"); rule != "" {
		key, _, _ := c.r.BasicAuth()
		s.store.put(colSplitUses, c.account, splitUseKey(col, id), map[string]any{"id": id, "split_rule_id": rule, "platform": key})
	}
}

// settle credits p to the balance of the account it was made for, records
// its transaction there, and applies its split rule. A zero p (nothing
// paid) does nothing.
func (s *Server) settle(p settlement) {
	owner, ok := s.store.ownerOf(p.col, p.id)
	if !ok || p.amount <= 0 {
		return
	}
	ownerFor := owner
	if s.isPlatformKey(owner) {
		ownerFor = ""
	}
	productID := orDefault(p.paymentID, p.id)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.balances[Account{"CASH", p.currency, ownerFor}] += p.amount
	s.AddTransactions(Transaction{ProductID: productID, ReferenceID: productID, ChannelCategory: p.category,
		Currency: p.currency, Amount: p.amount, ForUserID: owner})
	use, ok := s.store.get(colSplitUses, owner, splitUseKey(p.col, p.id))
	if !ok {
		return
	}
	platform := str(use, "platform")
	rule, ok := s.store.get(colSplitRules, platform, str(use, "split_rule_id"))
	if !ok {
		return
	}
	routes, _ := rule["routes"].([]any)
	for _, x := range routes {
		r, _ := x.(map[string]any)
		part, isFlat := num(r, "flat_amount")
		if pct, _ := num(r, "percent_amount"); !isFlat {
			part = pct * p.amount / 100
		}
		part = roundTo(part, p.currency)
		destFor, destOwner, _, ok := s.userAccount(platform, str(r, "destination_account_id"))
		if !ok || str(r, "currency") != p.currency || destOwner == owner {
			continue
		}
		s.balances[Account{"CASH", p.currency, ownerFor}] -= part
		s.balances[Account{"CASH", p.currency, destFor}] += part
		s.recordMovement(owner, destOwner, productID, str(r, "reference_id"), p.currency, part)
	}
}

// unifiedCategory is the transaction category of a payment of the unified
// Payments API, by its payment method's type.
var unifiedCategory = map[string]string{
	"EWALLET": "EWALLET", "DIRECT_DEBIT": "DIRECT_DEBIT", "CARD": "CARDS",
	"VIRTUAL_ACCOUNT": "VIRTUAL_ACCOUNT", "QR_CODE": "QR_CODE", "OVER_THE_COUNTER": "RETAIL_OUTLET",
}

// paymentRequestSettlement is what a payment request pays in when it
// reaches SUCCEEDED: amount of its currency, for the account it was made for.
func paymentRequestSettlement(pr map[string]any, amount float64) settlement {
	return settlement{col: "payment_requests", id: str(pr, "id"), paymentID: paymentOf(str(pr, "id")),
		category: unifiedCategory[str(obj(pr, "payment_method"), "type")], currency: str(pr, "currency"), amount: amount}
}

// roundTo rounds an amount to the currency's unit, as split routes are.
func roundTo(v float64, currency string) float64 {
	if currency == "IDR" || currency == "VND" {
		return math.Round(v)
	}
	return math.Round(v*100) / 100
}

// hookPaid is hook for a change that may settle a payment: change returns
// the settlement too (zero when nothing was paid, as for a failure), and
// the money moves after the change and before the callback goes out.
func (s *Server) hookPaid(col, id, product string, change func(o map[string]any) (callback any, paid settlement, err error)) error {
	var callback any
	var paid settlement
	_, err := s.store.update(col, "*", id, func(o map[string]any) error {
		var err error
		callback, paid, err = change(o)
		if m, ok := callback.(map[string]any); ok {
			callback = deepCopy(m) // the store keeps o; the callback is sent later
		}
		return err
	})
	if err != nil {
		return err
	}
	s.settle(paid)
	owner, _ := s.store.ownerOf(col, id)
	return s.deliverNow(owner, product, callback)
}
