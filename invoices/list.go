package invoices

import (
	"context"
	"iter"
	"net/url"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

var listInvoices = xendit.MustEndpoint("invoices.list_invoices")

// ListParams filters and pages List and All; every field is optional and
// nil params lists every invoice. The time filters come in pairs: Xendit
// applies one only when both of its bounds are given, so Validate refuses
// a lone bound rather than let it be ignored.
type ListParams struct {
	// ExternalID selects the invoices created with this id (not unique).
	ExternalID *string
	Statuses   []Status
	// Limit is the page size, 1 to 100; nil means the API's 10.
	Limit *int
	// CreatedAfter and CreatedBefore bound created; PaidAfter and
	// PaidBefore bound paid_at; ExpiredAfter and ExpiredBefore bound
	// expiry_date. The zero time leaves a bound out.
	CreatedAfter, CreatedBefore time.Time
	PaidAfter, PaidBefore       time.Time
	ExpiredAfter, ExpiredBefore time.Time
	// LastInvoiceID is the cursor: the page starts after this invoice.
	LastInvoiceID *string
	// ClientTypes selects by how the invoice was made (API_GATEWAY,
	// DASHBOARD, ...).
	ClientTypes     []ClientType
	PaymentChannels []string
	// OnDemandLink and RecurringPaymentID select the invoices of an
	// on-demand link or of a recurring payment.
	OnDemandLink       *string
	RecurringPaymentID *string
}

// ClientType is how an invoice was created.
type ClientType string

// The client types of the reference's List All Invoices example and of
// Xendit's OpenAPI file (invoice.yaml, InvoiceClientType).
const (
	ClientTypeDashboard   ClientType = "DASHBOARD"
	ClientTypeAPIGateway  ClientType = "API_GATEWAY"
	ClientTypeIntegration ClientType = "INTEGRATION"
	ClientTypeOnDemand    ClientType = "ON_DEMAND"
	ClientTypeRecurring   ClientType = "RECURRING"
	ClientTypeMobile      ClientType = "MOBILE"
)

const (
	defaultLimit = 10
	maxLimit     = 100
)

// Validate applies the documented rules: a page size between 1 and 100 and
// each time filter given with both of its bounds.
func (p *ListParams) Validate() error {
	if err := product.Limit("limit", p.Limit, 1, maxLimit); err != nil {
		return err
	}
	for _, b := range []struct {
		after, before string
		a, z          time.Time
	}{
		{"created_after", "created_before", p.CreatedAfter, p.CreatedBefore},
		{"paid_after", "paid_before", p.PaidAfter, p.PaidBefore},
		{"expired_after", "expired_before", p.ExpiredAfter, p.ExpiredBefore},
	} {
		if b.a.IsZero() != b.z.IsZero() {
			return xendit.Invalid(b.after, "and %s must be given together: Xendit ignores one alone", b.before)
		}
	}
	return nil
}

// query encodes p; the multi-valued filters go out as repeated keys.
func (p *ListParams) query() url.Values {
	q := url.Values{}
	if p == nil {
		return q
	}
	for k, v := range map[string]*string{
		"external_id": p.ExternalID, "last_invoice_id": p.LastInvoiceID,
		"on_demand_link": p.OnDemandLink, "recurring_payment_id": p.RecurringPaymentID,
	} {
		if v != nil {
			q.Set(k, *v)
		}
	}
	for _, s := range p.Statuses {
		q.Add("statuses", string(s))
	}
	for _, c := range p.ClientTypes {
		q.Add("client_types", string(c))
	}
	for _, c := range p.PaymentChannels {
		q.Add("payment_channels", c)
	}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	for k, t := range map[string]time.Time{
		"created_after": p.CreatedAfter, "created_before": p.CreatedBefore,
		"paid_after": p.PaidAfter, "paid_before": p.PaidBefore,
		"expired_after": p.ExpiredAfter, "expired_before": p.ExpiredBefore,
	} {
		if !t.IsZero() {
			q.Set(k, xendit.FormatTime(t))
		}
	}
	return q
}

func (p *ListParams) limit() int {
	if p == nil || p.Limit == nil {
		return defaultLimit
	}
	return *p.Limit
}

// List returns one page of invoices, newest first. The API answers a bare
// array with no has_more, so a full page (as many invoices as the limit) is
// taken to mean more may follow: HasMore is true then, and the last page
// of a walk may come back empty.
//
// API: GET /v2/invoices
func (s *Client) List(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) (*xendit.Page[Invoice], error) {
	if params != nil {
		if err := product.Check(params); err != nil {
			return nil, err
		}
	}
	req := &xendit.Request{Endpoint: listInvoices, Query: params.query(), Options: opts}
	list, err := product.Do[[]Invoice](ctx, s.c, req)
	if err != nil {
		return nil, err
	}
	page := &xendit.Page[Invoice]{Data: *list}
	if page.Data == nil {
		page.Data = []Invoice{}
	}
	page.HasMore = len(page.Data) >= params.limit()
	return page, nil
}

// ListByExternalID returns the newest invoices created with externalID (up
// to 100; Xendit does not keep external ids unique). It is how an invoice
// whose Create ended with [xendit.OutcomeUnknown] is found: an empty page
// means it was not created.
//
// API: GET /v2/invoices
func (s *Client) ListByExternalID(ctx context.Context, externalID string, opts ...xendit.RequestOption) (*xendit.Page[Invoice], error) {
	if err := product.Required("external_id", externalID); err != nil {
		return nil, err
	}
	return s.List(ctx, &ListParams{ExternalID: &externalID, Limit: xendit.Ptr(maxLimit)}, opts...)
}

// All returns every invoice that params selects, newest first, fetching
// pages as the loop needs them: each page starts after the last invoice of
// the one before (last_invoice_id). It yields an error and stops on the
// first failed page, fetches nothing more when the loop breaks, and stops
// with [xendit.ErrPagination] if the API hands back a cursor it already
// used. opts apply to every page.
//
// API: GET /v2/invoices
func (s *Client) All(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) iter.Seq2[*Invoice, error] {
	if params == nil {
		params = &ListParams{}
	}
	if err := product.Check(params); err != nil {
		return pager.Failed[Invoice](err)
	}
	return pager.ByAfterID(ctx, params, func(p *ListParams) **string { return &p.LastInvoiceID },
		func(ctx context.Context, p *ListParams) (*xendit.Page[Invoice], error) {
			return s.List(ctx, p, opts...)
		},
		func(inv *Invoice) string { return inv.ID })
}
