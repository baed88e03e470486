// Package chargerefund is the refunds resource of the products whose refunds
// belong to a charge (ewallets, paylater). Their four calls (create, get,
// list, all) reach three endpoints of the same shape
// (POST and GET /<product>/charges/{id}/refunds,
// GET /<product>/charges/{charge_id}/refunds/{refund_id}) and take the same
// query; only the endpoint rows and the refund and status types differ. Those
// stay each product's own, with their docs: the product passes the row of
// the call and its types, and the calls are written once, here.
package chargerefund

import (
	"context"
	"iter"
	"net/url"
	"strconv"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// MaxLimit is the largest page the list endpoints return (the reference:
// limit 1 to 50, default 10). All asks for it unless the caller set a limit.
const MaxLimit = 50

// ListParams is the query of the list endpoints with the product's status
// type S. A product's ListRefundsParams has the same fields and converts to
// it.
type ListParams[S ~string] struct {
	Limit  *int
	Status *S
}

// Validate checks the limit against the reference's range.
func (p *ListParams[S]) Validate() error { return product.Limit("limit", p.Limit, 1, MaxLimit) }

func (p *ListParams[S]) query() url.Values {
	q := url.Values{}
	if p.Limit != nil {
		q.Set("limit", strconv.Itoa(*p.Limit))
	}
	if p.Status != nil {
		q.Set("status", string(*p.Status))
	}
	return q
}

// Create sends the product's Create Refund row e
// (POST .../charges/{id}/refunds) for the charge, with body (checked by the
// caller).
func Create[R any](ctx context.Context, c *xendit.Client, e xendit.Endpoint, chargeID string, body any, opts []xendit.RequestOption) (*R, error) {
	return product.Do[R](ctx, c, &xendit.Request{Endpoint: e, PathParams: map[string]string{"id": chargeID}, Body: body, Options: opts})
}

// Get sends the product's Get Refund row e
// (GET .../charges/{charge_id}/refunds/{refund_id}).
func Get[R any](ctx context.Context, c *xendit.Client, e xendit.Endpoint, chargeID, refundID string, opts []xendit.RequestOption) (*R, error) {
	req := &xendit.Request{Endpoint: e, PathParams: map[string]string{"charge_id": chargeID, "refund_id": refundID}, Options: opts}
	return product.Do[R](ctx, c, req)
}

// List sends the product's List Refunds row e (GET .../charges/{id}/refunds)
// with p (nil: the API's defaults) after checking it.
func List[R any, S ~string](ctx context.Context, c *xendit.Client, e xendit.Endpoint, chargeID string, p *ListParams[S], opts []xendit.RequestOption) (*xendit.Page[R], error) {
	if p == nil {
		p = &ListParams[S]{}
	}
	if err := product.Check(p); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: e, PathParams: map[string]string{"id": chargeID}, Query: p.query(), Options: opts}
	return product.Do[xendit.Page[R]](ctx, c, req)
}

// All yields the refunds List returns, asking for [MaxLimit] of them unless
// p sets Limit. The API documents no cursor: a page that says has_more ends
// the walk with an error wrapping [xendit.ErrPagination], after its refunds.
func All[R any, S ~string](ctx context.Context, c *xendit.Client, e xendit.Endpoint, chargeID string, p *ListParams[S], opts []xendit.RequestOption) iter.Seq2[*R, error] {
	q := ListParams[S]{Limit: xendit.Ptr(MaxLimit)}
	if p != nil {
		q.Status = p.Status
		if p.Limit != nil {
			q.Limit = p.Limit
		}
	}
	fetch := func(ctx context.Context, _ string) (*xendit.Page[R], error) {
		return List[R](ctx, c, e, chargeID, &q, opts)
	}
	return pager.All(ctx, "", fetch, noCursor[R])
}

// noCursor is the next page of an endpoint without a cursor: none.
func noCursor[R any](*xendit.Page[R]) string { return "" }
