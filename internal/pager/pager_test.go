package pager_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/pager"
)

type item struct{ ID string }

// pages serves items 0..n-1 in pages of size, with after_id cursors, and
// counts the fetches.
type pages struct {
	n, size int
	fetches []string
}

func (p *pages) fetch(_ context.Context, cursor string) (*xendit.Page[item], error) {
	p.fetches = append(p.fetches, cursor)
	start := 0
	if cursor != "" {
		i, err := strconv.Atoi(cursor)
		if err != nil {
			return nil, err
		}
		start = i + 1
	}
	page := &xendit.Page[item]{}
	for i := start; i < p.n && len(page.Data) < p.size; i++ {
		page.Data = append(page.Data, item{strconv.Itoa(i)})
	}
	page.HasMore = start+len(page.Data) < p.n
	return page, nil
}

var lastID = pager.AfterLastID(func(it *item) string { return it.ID })

func collect(t *testing.T, seq func(func(*item, error) bool)) (ids []string, errs []error) {
	t.Helper()
	for it, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, it.ID)
	}
	return ids, errs
}

func TestAllWalksEveryPageInOrder(t *testing.T) {
	t.Parallel()
	p := &pages{n: 7, size: 3}
	ids, errs := collect(t, pager.All(t.Context(), "", p.fetch, lastID))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"0", "1", "2", "3", "4", "5", "6"}, ids)
	assert.Equal(t, []string{"", "2", "5"}, p.fetches, "each page after the last id of the one before")
}

func TestAllFetchesLazilyAndStopsWhenTheLoopBreaks(t *testing.T) {
	t.Parallel()
	p := &pages{n: 100, size: 3}
	n := 0
	for _, err := range pager.All(t.Context(), "", p.fetch, lastID) {
		require.NoError(t, err)
		n++
		if n == 4 {
			break
		}
	}
	assert.Equal(t, []string{"", "2"}, p.fetches, "two pages for four items, nothing after the break")
}

func TestAllStartsAtTheCallersCursor(t *testing.T) {
	t.Parallel()
	p := &pages{n: 5, size: 2}
	ids, _ := collect(t, pager.All(t.Context(), "1", p.fetch, lastID))
	assert.Equal(t, []string{"2", "3", "4"}, ids)
}

func TestAllYieldsTheFirstErrorAndStops(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	calls := 0
	fetch := func(ctx context.Context, cursor string) (*xendit.Page[item], error) {
		calls++
		if cursor == "" {
			return &xendit.Page[item]{Data: []item{{"a"}}, HasMore: true}, nil
		}
		return nil, boom
	}
	ids, errs := collect(t, pager.All(t.Context(), "", fetch, lastID))
	assert.Equal(t, []string{"a"}, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], boom)
	assert.Equal(t, 2, calls)
}

func TestAllRefusesToLoop(t *testing.T) {
	t.Parallel()
	cases := map[string]func(ctx context.Context, cursor string) (*xendit.Page[item], error){
		// The API hands back the page it was asked to start after.
		"repeated cursor": func(context.Context, string) (*xendit.Page[item], error) {
			return &xendit.Page[item]{Data: []item{{"same"}}, HasMore: true}, nil
		},
		// has_more with an empty page: no last id to go on from.
		"no cursor": func(context.Context, string) (*xendit.Page[item], error) {
			return &xendit.Page[item]{HasMore: true}, nil
		},
	}
	for name, fetch := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, errs := collect(t, pager.All(t.Context(), "", fetch, lastID))
			require.Len(t, errs, 1)
			assert.ErrorIs(t, errs[0], xendit.ErrPagination)
		})
	}
}

func TestFromNextLinkReadsTheCursorOfTheNextLink(t *testing.T) {
	t.Parallel()
	next := pager.FromNextLink[item]("after_id")
	page := &xendit.Page[item]{HasMore: true, Links: []xendit.Link{
		{Href: "/transactions?before_id=txn_0&limit=2", Rel: "prev"},
		{Href: "/transactions?after_id=txn_9&limit=2", Rel: "next", Method: "GET"},
	}}
	assert.Equal(t, "txn_9", next(page))
	assert.Empty(t, next(&xendit.Page[item]{}))
}

type listParams struct {
	AfterID *string
	Limit   int
}

func TestByAfterIDStartsFromTheCallersCursorAndLeavesParamsAlone(t *testing.T) {
	t.Parallel()
	p := &pages{n: 6, size: 2}
	var sent []string
	list := func(ctx context.Context, lp *listParams) (*xendit.Page[item], error) {
		cursor := ""
		if lp.AfterID != nil {
			cursor = *lp.AfterID
		}
		sent = append(sent, cursor)
		return p.fetch(ctx, cursor)
	}
	params := &listParams{AfterID: xendit.Ptr("0"), Limit: 2}
	ids, errs := collect(t, pager.ByAfterID(t.Context(), params, func(lp *listParams) **string { return &lp.AfterID }, list,
		func(it *item) string { return it.ID }))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"1", "2", "3", "4", "5"}, ids)
	assert.Equal(t, []string{"0", "2", "4"}, sent, "after the caller's id, then after each page's last")
	assert.Equal(t, "0", *params.AfterID, "the caller's params are not changed")
}

func TestFailedYieldsTheErrorOnce(t *testing.T) {
	t.Parallel()
	boom := errors.New("refused")
	ids, errs := collect(t, pager.Failed[item](boom))
	assert.Empty(t, ids)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], boom)
}
