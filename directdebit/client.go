package directdebit

import (
	"context"
	"iter"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Client calls the Direct Debit API. It is safe for concurrent use.
type Client struct{ c *xendit.Client }

// New returns a client for the Direct Debit API that sends through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

// listArray sends req to an endpoint that answers a bare JSON array and
// returns it as one page, HasMore false: the caller's code does not change
// if Xendit adds paging.
func listArray[T any](ctx context.Context, c *xendit.Client, req *xendit.Request) (*xendit.Page[T], error) {
	items, err := product.Do[[]T](ctx, c, req)
	if err != nil {
		return nil, err
	}
	return &xendit.Page[T]{Data: *items}, nil
}

// allOf walks the one page list returns, for the All methods of endpoints
// that answer a bare array.
func allOf[T any](ctx context.Context, list func(context.Context) (*xendit.Page[T], error)) iter.Seq2[*T, error] {
	fetch := func(ctx context.Context, _ string) (*xendit.Page[T], error) { return list(ctx) }
	return pager.All(ctx, "", fetch, func(*xendit.Page[T]) string { return "" })
}
