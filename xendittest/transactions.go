package xendittest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Transaction is a transaction the fake lists, as GET /transactions returns
// it. [Server.AddTransactions] fills the fields left empty.
type Transaction struct {
	ID                string    `json:"id"`
	ProductID         string    `json:"product_id"`
	Type              string    `json:"type"`
	Status            string    `json:"status"`
	ChannelCategory   string    `json:"channel_category"`
	ChannelCode       string    `json:"channel_code"`
	ReferenceID       string    `json:"reference_id"`
	AccountIdentifier *string   `json:"account_identifier"`
	Currency          string    `json:"currency"`
	Amount            float64   `json:"amount"`
	Cashflow          string    `json:"cashflow"`
	BusinessID        string    `json:"business_id"`
	Created           time.Time `json:"created"`
	Updated           time.Time `json:"updated"`
	// ForUserID is the xenPlatform sub-account that sees the transaction;
	// empty for the master account.
	ForUserID string `json:"-"`
}

// AddTransactions stores txs for GET /transactions and returns them with
// defaults filled: a txn_ id, PAYMENT, SUCCESS, EWALLET, IDR, MONEY_IN and
// the server's time. A transaction belongs to its ForUserID, or to the
// first secret key when that is empty.
func (s *Server) AddTransactions(txs ...Transaction) []Transaction {
	now := s.clock.Now().UTC()
	for i := range txs {
		t := &txs[i]
		fill := func(f *string, v string) {
			if *f == "" {
				*f = v
			}
		}
		fill(&t.ID, s.ids.uuid("txn_"))
		fill(&t.ProductID, s.ids.uuid(""))
		fill(&t.Type, "PAYMENT")
		fill(&t.Status, "SUCCESS")
		fill(&t.ChannelCategory, "EWALLET")
		fill(&t.ReferenceID, "ref-"+t.ID)
		fill(&t.Currency, "IDR")
		fill(&t.Cashflow, "MONEY_IN")
		fill(&t.BusinessID, businessID)
		if t.Created.IsZero() {
			t.Created = now
		}
		if t.Updated.IsZero() {
			t.Updated = t.Created
		}
		b, _ := json.Marshal(t)
		var o map[string]any
		_ = json.Unmarshal(b, &o)
		s.store.put("transactions", s.account(t.ForUserID), t.ID, o)
	}
	return txs
}

// SeedTransactions stores n IDR payments with predictable ids (txn_seed_0001
// is the oldest) one minute apart, amounts 1000, 2000, ..., and returns them.
func (s *Server) SeedTransactions(n int) []Transaction {
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	txs := make([]Transaction, n)
	for i := range txs {
		txs[i] = Transaction{
			ID: fmt.Sprintf("txn_seed_%04d", i+1), ProductID: fmt.Sprintf("py_seed_%04d", i+1),
			ReferenceID: fmt.Sprintf("order-%04d", i+1), Amount: float64(1000 * (i + 1)),
			Created: base.Add(time.Duration(i) * time.Minute),
		}
	}
	return s.AddTransactions(txs...)
}

func (s *Server) routeTransactions() {
	s.model("transactions.get", s.getTransaction)
	s.model("transactions.list", s.listTransactions)
}

func (s *Server) getTransaction(c *call) {
	if t, ok := s.store.get("transactions", c.account, c.param("transaction_id")); ok {
		c.ok(t)
		return
	}
	c.notFound("TRANSACTION_NOT_FOUND", "Transaction")
}

// listTransactions filters, orders newest first, and pages by after_id or
// before_id like the API, with a rel=next link while more remain.
func (s *Server) listTransactions(c *call) {
	limit, ok := c.limit(10, 50)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	match, problem := transactionFilter(q)
	if problem != "" {
		c.invalid("%s", problem)
		return
	}
	p := s.store.list("transactions", c.account, listQuery{match: match, limit: limit,
		after: q.Get("after_id"), before: q.Get("before_id"),
		order: func(a, b map[string]any) int {
			if c := timeOf(b, "created").Compare(timeOf(a, "created")); c != 0 {
				return c
			}
			return strings.Compare(str(b, "id"), str(a, "id"))
		}})
	c.ok(afterIDPage("/transactions", q, p))
}

// afterIDPage is the answer of a list that pages by after_id: the page,
// has_more, and while more remain a rel=next link to path with the query
// q and the last item's id as after_id.
func afterIDPage(path string, q url.Values, p page) map[string]any {
	resp := map[string]any{"data": orEmpty(p.items), "has_more": p.hasMore}
	if p.hasMore && len(p.items) > 0 {
		next := url.Values{}
		for k, v := range q {
			if k != "after_id" && k != "before_id" {
				next[k] = v
			}
		}
		next.Set("after_id", str(p.items[len(p.items)-1], "id"))
		resp["links"] = []map[string]string{{"href": path + "?" + next.Encode(), "method": "GET", "rel": "next"}}
	}
	return resp
}

func transactionFilter(q url.Values) (func(map[string]any) bool, string) {
	currency := q.Get("currency")
	if currency == "" {
		currency = "IDR" // the API's default, which hides other currencies
	}
	var bounds [4]time.Time
	for i, k := range []string{"created[gte]", "created[lte]", "updated[gte]", "updated[lte]"} {
		if v := q.Get(k); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return nil, k + " must be an ISO 8601 date time"
			}
			bounds[i] = t
		}
	}
	in := func(key, v string) bool { return len(q[key]) == 0 || slices.Contains(q[key], v) }
	return func(o map[string]any) bool {
		amount, _ := num(o, "amount")
		created, updated := timeOf(o, "created"), timeOf(o, "updated")
		return str(o, "currency") == currency &&
			in("types", str(o, "type")) && in("statuses", str(o, "status")) && in("channel_categories", str(o, "channel_category")) &&
			strings.Contains(str(o, "reference_id"), q.Get("reference_id")) &&
			(q.Get("product_id") == "" || q.Get("product_id") == str(o, "product_id")) &&
			(q.Get("amount") == "" || q.Get("amount") == strconv.FormatFloat(amount, 'f', -1, 64)) &&
			(bounds[0].IsZero() || !created.Before(bounds[0])) && (bounds[1].IsZero() || !created.After(bounds[1])) &&
			(bounds[2].IsZero() || !updated.Before(bounds[2])) && (bounds[3].IsZero() || !updated.After(bounds[3]))
	}, ""
}

// timeOf reads a time field of an object.
func timeOf(o map[string]any, k string) time.Time {
	t, _ := time.Parse(time.RFC3339, str(o, k))
	return t
}
