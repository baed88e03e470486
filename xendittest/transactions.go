package xendittest

import (
	"fmt"
	"net/http"
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
// the current time.
func (s *Server) AddTransactions(txs ...Transaction) []Transaction {
	now := s.clock.Now().UTC()
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
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
		st.transactions = append(st.transactions, *t)
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
	s.handle("transactions.get", s.getTransaction)
	s.handle("transactions.list", s.listTransactions)
}

func (s *Server) getTransaction(w http.ResponseWriter, r *http.Request) {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, t := range st.transactions {
		if t.ID == r.PathValue("transaction_id") && t.ForUserID == r.Header.Get("for-user-id") {
			WriteJSON(w, http.StatusOK, t)
			return
		}
	}
	WriteError(w, http.StatusNotFound, "TRANSACTION_NOT_FOUND", "Transaction not found")
}

// listTransactions filters, orders newest first, and pages by after_id or
// before_id like the API, with a rel=next link while more remain.
func (s *Server) listTransactions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := 10
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			writeValidation(w, "limit must be between 1 and 50")
			return
		}
		limit = n
	}
	match, problem := transactionFilter(q, r.Header.Get("for-user-id"))
	if problem != "" {
		writeValidation(w, "%s", problem)
		return
	}
	st := s.state()
	st.mu.Lock()
	var all []Transaction
	for _, t := range st.transactions {
		if match(t) {
			all = append(all, t)
		}
	}
	st.mu.Unlock()
	slices.SortStableFunc(all, func(a, b Transaction) int {
		if c := b.Created.Compare(a.Created); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	start, end := 0, len(all)
	if after := q.Get("after_id"); after != "" {
		start = slices.IndexFunc(all, func(t Transaction) bool { return t.ID == after }) + 1
	}
	if before := q.Get("before_id"); before != "" {
		end = max(slices.IndexFunc(all, func(t Transaction) bool { return t.ID == before }), 0)
		start = max(end-limit, 0)
	}
	page := all[start:min(start+limit, end)]
	hasMore := start+len(page) < len(all)
	resp := map[string]any{"data": page, "has_more": hasMore}
	if page == nil {
		resp["data"] = []Transaction{}
	}
	if hasMore && len(page) > 0 {
		next := url.Values{}
		for k, v := range q {
			if k != "after_id" && k != "before_id" {
				next[k] = v
			}
		}
		next.Set("after_id", page[len(page)-1].ID)
		resp["links"] = []map[string]string{{"href": "/transactions?" + next.Encode(), "method": "GET", "rel": "next"}}
	}
	WriteJSON(w, http.StatusOK, resp)
}

func transactionFilter(q url.Values, account string) (func(Transaction) bool, string) {
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
	return func(t Transaction) bool {
		return t.ForUserID == account && t.Currency == currency &&
			in("types", t.Type) && in("statuses", t.Status) && in("channel_categories", t.ChannelCategory) &&
			strings.Contains(t.ReferenceID, q.Get("reference_id")) &&
			(q.Get("product_id") == "" || q.Get("product_id") == t.ProductID) &&
			(q.Get("amount") == "" || q.Get("amount") == strconv.FormatFloat(t.Amount, 'f', -1, 64)) &&
			(bounds[0].IsZero() || !t.Created.Before(bounds[0])) && (bounds[1].IsZero() || !t.Created.After(bounds[1])) &&
			(bounds[2].IsZero() || !t.Updated.Before(bounds[2])) && (bounds[3].IsZero() || !t.Updated.After(bounds[3]))
	}, ""
}
