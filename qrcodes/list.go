package qrcodes

import (
	"context"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// MaxLimit is the page size AllPayments and AllRefunds ask for unless the
// caller sets one: the largest the reference documents (for refunds; it
// gives payments no maximum).
const MaxLimit = 50

// listParams is a list's params type: checked, and sent as a query.
type listParams[P any] interface {
	*P
	product.Validator
	query() url.Values
}

// list sends the list endpoint e of the object whose path id is pathName =
// id, with params (nil: the API's defaults) after checking them. Both QR
// lists have this shape and no cursor.
func list[T, P any, PP listParams[P]](ctx context.Context, c *xendit.Client, e xendit.Endpoint, pathName, id string, params PP, opts []xendit.RequestOption) (*xendit.Page[T], error) {
	if params == nil {
		params = new(P)
	}
	if err := product.Check(params); err != nil {
		return nil, err
	}
	req := &xendit.Request{Endpoint: e, PathParams: map[string]string{pathName: id}, Query: params.query(), Options: opts}
	return product.Do[xendit.Page[T]](ctx, c, req)
}

// onePage walks a list without a cursor: the items of the one page first
// returns, then, should it say has_more, an error wrapping
// [xendit.ErrPagination], rather than items silently missing.
func onePage[T any](ctx context.Context, first func(context.Context) (*xendit.Page[T], error)) iter.Seq2[*T, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[T], error) { return first(ctx) }
	return pager.All(ctx, "", fetch, func(*xendit.Page[T]) string { return "" })
}
