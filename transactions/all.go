package transactions

import (
	"context"
	"fmt"
	"iter"

	"github.com/seed19b1029f/xendit-go"
)

// All returns every transaction that params selects, fetching pages lazily
// as the loop consumes them: it follows after_id from the last transaction
// of each page while has_more is true. It yields an error and stops on the
// first failed page, stops fetching when the loop breaks, and stops with an
// error instead of looping if the API hands back a cursor it already used.
// params.BeforeID is not supported: All pages forward.
//
// API: GET /transactions
func (s *Client) All(ctx context.Context, params *ListParams, opts ...xendit.RequestOption) iter.Seq2[*Transaction, error] {
	return func(yield func(*Transaction, error) bool) {
		var p ListParams
		if params != nil {
			p = *params
		}
		if p.BeforeID != "" {
			yield(nil, xendit.Invalid("before_id", "is not supported by All, which pages forward; use List"))
			return
		}
		seen := map[string]bool{}
		for {
			page, err := s.List(ctx, &p, opts...)
			if err != nil {
				yield(nil, err)
				return
			}
			for i := range page.Data {
				if !yield(&page.Data[i], nil) {
					return
				}
			}
			if !page.HasMore || len(page.Data) == 0 {
				return
			}
			next := page.Data[len(page.Data)-1].ID
			if next == "" || seen[next] || next == p.AfterID {
				yield(nil, fmt.Errorf("transactions: the API returned cursor %q again; stopping instead of looping", next))
				return
			}
			seen[next] = true
			p.AfterID = next
		}
	}
}
