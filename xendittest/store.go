package xendittest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// store is the one object store every product uses: JSON objects (maps, as
// they go over the wire) in named collections, each owned by an account (a
// secret key, or the for-user-id of a xenPlatform sub-account) that alone
// sees it through the API. Objects go in and come out as deep copies, so a
// handler never shares a map with another request.
type store struct {
	mu   sync.Mutex
	seq  int64
	cols map[string]map[string]*record
}

type record struct {
	owner string
	seq   int64 // creation order
	obj   map[string]any
}

// errNotFound is what get and update return for an id the account cannot
// see.
var errNotFound = errors.New("xendittest: no such object")

// ErrNoSuchObject is returned by the test hooks for an unknown id.
var ErrNoSuchObject = errNotFound

func newStore() *store { return &store{cols: make(map[string]map[string]*record)} }

// put stores a copy of obj, keyed by id, for owner.
func (st *store) put(col, owner, id string, obj map[string]any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	c := st.cols[col]
	if c == nil {
		c = make(map[string]*record)
		st.cols[col] = c
	}
	st.seq++
	c[id] = &record{owner: owner, seq: st.seq, obj: deepCopy(obj)}
}

// get returns a copy of the object id if owner may see it.
func (st *store) get(col, owner, id string) (map[string]any, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	r := st.cols[col][id]
	if r == nil || r.owner != owner {
		return nil, false
	}
	return deepCopy(r.obj), true
}

// update runs f on object id under the store's lock and returns a copy of
// the result; an error from f leaves the object as it was. owner "*" is the
// test hooks' view: every account's objects.
func (st *store) update(col, owner, id string, f func(obj map[string]any) error) (map[string]any, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	r := st.cols[col][id]
	if r == nil || (owner != "*" && r.owner != owner) {
		return nil, fmt.Errorf("%w: %s %q", errNotFound, col, id)
	}
	work := deepCopy(r.obj)
	if err := f(work); err != nil {
		return nil, err
	}
	r.obj = work
	return deepCopy(work), nil
}

// ownerOf returns the account that owns object id.
func (st *store) ownerOf(col, id string) (string, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	r := st.cols[col][id]
	if r == nil {
		return "", false
	}
	return r.owner, true
}

// setStatus moves object id to status to, if its status is one of from
// (any status when from is empty).
func (st *store) setStatus(col, owner, id string, to string, from ...string) (map[string]any, error) {
	return st.update(col, owner, id, func(obj map[string]any) error {
		if cur, _ := obj["status"].(string); len(from) > 0 && !slices.Contains(from, cur) {
			return fmt.Errorf("xendittest: %s %s is %s, not %v", col, id, cur, from)
		}
		obj["status"] = to
		return nil
	})
}

// page is what list returns.
type page struct {
	items   []map[string]any
	hasMore bool
}

// listQuery selects and pages a collection: objects match keeps, order
// sorts (creation order, newest first, when nil), and after or before (an
// id) start the page after or end it before that object, as the API's
// after_id and before_id cursors do.
type listQuery struct {
	match  func(map[string]any) bool
	order  func(a, b map[string]any) int
	after  string
	before string
	limit  int
	oldest bool // creation order, oldest first, when order is nil
}

// list returns a page of owner's objects in col.
func (st *store) list(col, owner string, q listQuery) page {
	st.mu.Lock()
	var rs []*record
	for _, r := range st.cols[col] {
		if (owner == "*" || r.owner == owner) && (q.match == nil || q.match(r.obj)) {
			rs = append(rs, r)
		}
	}
	slices.SortFunc(rs, func(a, b *record) int {
		if q.order != nil {
			if c := q.order(a.obj, b.obj); c != 0 {
				return c
			}
		}
		if q.oldest {
			return int(a.seq - b.seq)
		}
		return int(b.seq - a.seq)
	})
	all := make([]map[string]any, len(rs))
	for i, r := range rs {
		all[i] = deepCopy(r.obj)
	}
	st.mu.Unlock()

	limit := q.limit
	if limit <= 0 {
		limit = len(all)
	}
	index := func(id string) int {
		return slices.IndexFunc(all, func(o map[string]any) bool { return o["id"] == id })
	}
	start, end := 0, len(all)
	if q.after != "" {
		start = index(q.after) + 1
	}
	if q.before != "" {
		end = max(index(q.before), 0)
		start = max(end-limit, 0)
	}
	items := all[start:min(start+limit, end)]
	return page{items: items, hasMore: start+len(items) < len(all)}
}

// deepCopy copies a JSON value made of maps, slices and scalars.
func deepCopy[T any](v T) T {
	return any(copyValue(any(v))).(T)
}

func copyValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		if x == nil {
			return x
		}
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = copyValue(e)
		}
		return m
	case []any:
		if x == nil {
			return x
		}
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = copyValue(e)
		}
		return s
	case []map[string]any:
		s := make([]map[string]any, len(x))
		for i, e := range x {
			s[i] = copyValue(e).(map[string]any)
		}
		return s
	}
	return v
}
