// Package transactions reads the ledger of a Xendit account: every payment,
// disbursement, refund, transfer and remittance payout that moved money in
// or out (https://developers.xendit.co/api-reference/#transactions).
//
// Get reads one transaction; List reads one page; All walks every page:
//
//	for tx, err := range transactions.New(client).All(ctx, &transactions.ListParams{
//		Currency: "IDR",
//		Statuses: []transactions.Status{transactions.Success},
//	}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(tx.ID, tx.Amount)
//	}
//
// Currency is required by this package although the API makes it optional:
// without it Xendit answers with IDR transactions only and silently leaves
// out every other currency. Pass "IDR" to mean exactly that.
//
// Pages follow a cursor: limit (1 to 50, default 10), after_id or before_id,
// and has_more. The reference orders them by creation time, newest first in
// its example. The multi-valued filters (types, statuses,
// channel_categories) go out as repeated query keys.
package transactions

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Error codes of the Transactions API.
const (
	CodeNotFound            = "TRANSACTION_NOT_FOUND"
	CodeFeatureNotAvailable = "FEATURE_NOT_AVAILABLE"
)

var (
	getTransaction   = xendit.MustEndpoint("transactions.get")
	listTransactions = xendit.MustEndpoint("transactions.list")
)

// Client reads transactions.
type Client struct{ c *xendit.Client }

// New returns a transactions client that calls the API through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

// Get returns the transaction with the given id (txn_...).
//
// API: GET /transactions/{transaction_id}
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*Transaction, error) {
	req := &xendit.Request{Endpoint: getTransaction, PathParams: map[string]string{"transaction_id": id}, Options: opts}
	return product.Do[Transaction](ctx, s.c, req)
}

// ListParams filters and pages List. Currency is required; everything else
// is optional.
type ListParams struct {
	// Currency (ISO 4217) selects the transactions listed. Required here:
	// the API would default to IDR and drop other currencies silently.
	Currency          string
	Types             []Type
	Statuses          []Status
	ChannelCategories []ChannelCategory
	// ReferenceID matches partially and case-sensitively.
	ReferenceID string
	// ProductID and AccountIdentifier match exactly.
	ProductID         string
	AccountIdentifier string
	// Amount matches exactly.
	Amount *float64
	// CreatedFrom, CreatedTo, UpdatedFrom and UpdatedTo bound the times
	// (created[gte], created[lte], updated[gte], updated[lte]).
	CreatedFrom, CreatedTo time.Time
	UpdatedFrom, UpdatedTo time.Time
	// Limit is the page size, 1 to 50; 0 means the API's default of 10.
	Limit int
	// AfterID and BeforeID (at most one) page from a transaction id.
	AfterID, BeforeID string
}

// Page is one page of List.
type Page struct {
	Data    []Transaction `json:"data"`
	HasMore bool          `json:"has_more"`
	// Links is documented as an object; it is an array holding, while
	// HasMore, the relative href of the next page (rel "next").
	Links []Link `json:"links,omitzero"`
}

// Link is a link to another page.
type Link struct {
	Href   string `json:"href"`
	Method string `json:"method"`
	Rel    string `json:"rel"`
}

// List returns one page of transactions.
//
// API: GET /transactions
func (s *Client) List(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) (*Page, error) {
	q, err := params.query()
	if err != nil {
		return nil, err
	}
	return product.Do[Page](ctx, s.c, &xendit.Request{Endpoint: listTransactions, Query: q, Options: opts})
}

const maxLimit = 50

func (p *ListParams) query() (url.Values, error) {
	if p == nil {
		return nil, xendit.Invalid("currency", "is required: without it Xendit lists IDR transactions only")
	}
	if p.Currency == "" {
		return nil, xendit.Invalid("currency", "is required: without it Xendit lists IDR transactions only; pass \"IDR\" to mean that")
	}
	if err := product.Currency("currency", p.Currency); err != nil {
		return nil, err
	}
	switch {
	case p.Limit < 0 || p.Limit > maxLimit:
		return nil, xendit.Invalid("limit", "%d is not between 1 and %d", p.Limit, maxLimit)
	case p.AfterID != "" && p.BeforeID != "":
		return nil, xendit.Invalid("after_id", "and before_id cannot both be set")
	}
	q := url.Values{"currency": {p.Currency}}
	addAll(q, "types", p.Types)
	addAll(q, "statuses", p.Statuses)
	addAll(q, "channel_categories", p.ChannelCategories)
	for k, v := range map[string]string{
		"reference_id": p.ReferenceID, "product_id": p.ProductID, "account_identifier": p.AccountIdentifier,
		"after_id": p.AfterID, "before_id": p.BeforeID,
	} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if p.Amount != nil {
		q.Set("amount", strconv.FormatFloat(*p.Amount, 'f', -1, 64))
	}
	for k, t := range map[string]time.Time{
		"created[gte]": p.CreatedFrom, "created[lte]": p.CreatedTo,
		"updated[gte]": p.UpdatedFrom, "updated[lte]": p.UpdatedTo,
	} {
		if !t.IsZero() {
			q.Set(k, xendit.FormatTime(t))
		}
	}
	if p.Limit > 0 {
		q.Set("limit", strconv.Itoa(p.Limit))
	}
	return q, nil
}

// addAll adds each value under key: repeated keys, as the API documents.
func addAll[T ~string](q url.Values, key string, values []T) {
	for _, v := range values {
		q.Add(key, string(v))
	}
}
