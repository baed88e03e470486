// Package pager walks the pages of a list endpoint for every product's All.
//
// Endpoints differ only in how a page names the next one (the last item's
// id sent back as after_id, or a "next" link); the walk itself (lazily, one
// page per need, stopping on the first error, when the loop breaks, or on a
// cursor seen before) is written once, here.
package pager

import (
	"context"
	"fmt"
	"iter"
	"net/url"

	"github.com/seed19b1029f/xendit-go"
)

// Fetch returns the page at cursor; "" asks for the first page.
type Fetch[T any] func(ctx context.Context, cursor string) (*xendit.Page[T], error)

// Next returns the cursor of the page after p, or "" if p does not say.
type Next[T any] func(p *xendit.Page[T]) string

// All yields every item of every page, fetching the next page only when the
// loop has consumed the previous one. It starts at cursor start ("" for the
// first page). It yields an error and stops when a page fails, when a page
// says more follow but next finds no cursor, or when a cursor repeats.
func All[T any](ctx context.Context, start string, fetch Fetch[T], next Next[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		seen := map[string]bool{start: true}
		cursor := start
		for {
			page, err := fetch(ctx, cursor)
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range page.Data {
				if !yield(&page.Data[i], nil) {
					return
				}
			}
			if !page.HasMore {
				return
			}
			cursor = next(page)
			switch {
			case cursor == "":
				yield(nil, fmt.Errorf("%w: the page says has_more but names no next page", xendit.ErrPagination))
				return
			case seen[cursor]:
				yield(nil, fmt.Errorf("%w: the API returned cursor %q again", xendit.ErrPagination, cursor))
				return
			}
			seen[cursor] = true
		}
	}
}

// AfterLastID is the cursor of endpoints that page with after_id: the id of
// the page's last item.
func AfterLastID[T any](id func(*T) string) Next[T] {
	return func(p *xendit.Page[T]) string {
		if len(p.Data) == 0 {
			return ""
		}
		return id(&p.Data[len(p.Data)-1])
	}
}

// FromNextLink is the cursor of endpoints whose pages carry a "next" link:
// the value of query parameter param in that link's href.
func FromNextLink[T any](param string) Next[T] {
	return func(p *xendit.Page[T]) string {
		for _, l := range p.Links {
			if l.Rel != "next" {
				continue
			}
			if u, err := url.Parse(l.Href); err == nil {
				return u.Query().Get(param)
			}
		}
		return ""
	}
}

// ByAfterID walks an endpoint that pages with an after_id query parameter
// held in its params: a copy of params starts from the caller's own after_id
// (nil for the first page), and each next page asks for the items after the
// last id of the page before. params are not changed.
func ByAfterID[T, P any](ctx context.Context, params *P, afterID func(*P) **string,
	list func(context.Context, *P) (*xendit.Page[T], error), id func(*T) string) iter.Seq2[*T, error] {
	p := *params
	start := ""
	if a := *afterID(&p); a != nil {
		start = *a
	}
	fetch := func(ctx context.Context, cursor string) (*xendit.Page[T], error) {
		if cursor != "" {
			*afterID(&p) = &cursor
		}
		return list(ctx, &p)
	}
	return All(ctx, start, fetch, AfterLastID(id))
}

// Failed is a walk that yields err and ends: what All returns when its
// params are refused before anything is sent.
func Failed[T any](err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) { yield(nil, err) }
}
