package xendit

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// DedupeStore remembers which webhook-ids have been seen, so that a webhook
// Xendit delivers twice is processed once. A [WebhookHandler] uses it in
// three steps:
//
//  1. Claim(id, lease) before running the handler. Exactly one of several
//     concurrent callers with the same id may get true, also across
//     processes when the store is shared. The claim expires after the lease,
//     so that a process that dies while handling an event does not block
//     Xendit's retries of it.
//  2. Done(id, ttl) after the handler succeeded: the id is kept for ttl
//     (longer than Xendit's 24-hour retry schedule), and every later delivery
//     of it is a duplicate.
//  3. Release(id) after the handler failed: the id is forgotten, so that
//     Xendit's retry is processed.
//
// Implementations must never keep an id without an expiry. The SDK ships an
// in-memory store ([NewMemoryDedupeStore]) for a single process, and a Redis
// store in [github.com/seed19b1029f/xendit-go/redisstore] for replicas.
type DedupeStore interface {
	// Claim records id for ttl unless it is already recorded, and reports
	// whether this call recorded it. The check and the write are one atomic
	// step.
	Claim(ctx context.Context, id string, ttl time.Duration) (bool, error)
	// Done records id for ttl, whether or not it is recorded now.
	Done(ctx context.Context, id string, ttl time.Duration) error
	// Release forgets id. Releasing an unknown id is not an error.
	Release(ctx context.Context, id string) error
}

// DefaultDedupeEntries is how many webhook-ids a [MemoryDedupeStore] made by
// a [WebhookHandler] remembers: at about 150 bytes each, some 15 MB.
const DefaultDedupeEntries = 100_000

// errNoExpiry is what stores answer when asked to keep an id forever.
var errNoExpiry = errors.New("xendit: dedupe store: ttl must be at least 1ms; an id is never kept without expiry")

// MemoryDedupeStore is a [DedupeStore] in process memory, bounded in entries
// and safe for concurrent use. It dedupes within one process only: replicas
// behind a load balancer need a shared store such as redisstore.
//
// When full, it forgets the oldest claim first. Size it for the number of
// events a process receives over the dedupe TTL; a forgotten id can be
// processed again if Xendit delivers it once more.
type MemoryDedupeStore struct {
	max int
	now func() time.Time

	mu    sync.Mutex
	ids   map[string]*list.Element
	order *list.List // of *memoryEntry, oldest claim first
}

type memoryEntry struct {
	id      string
	expires time.Time
}

// NewMemoryDedupeStore returns an empty store that keeps at most maxEntries
// ids.
func NewMemoryDedupeStore(maxEntries int) (*MemoryDedupeStore, error) {
	if maxEntries < 1 {
		return nil, fmt.Errorf("xendit: NewMemoryDedupeStore: maxEntries %d is not positive", maxEntries)
	}
	return &MemoryDedupeStore{
		max:   maxEntries,
		now:   time.Now,
		ids:   make(map[string]*list.Element),
		order: list.New(),
	}, nil
}

// Claim implements [DedupeStore].
func (s *MemoryDedupeStore) Claim(_ context.Context, id string, ttl time.Duration) (bool, error) {
	if ttl < time.Millisecond {
		return false, errNoExpiry
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.ids[id]; ok {
		if now.Before(el.Value.(*memoryEntry).expires) {
			return false, nil
		}
		s.remove(el)
	}
	s.evict(now)
	s.ids[id] = s.order.PushBack(&memoryEntry{id: id, expires: now.Add(ttl)})
	return true, nil
}

// Done implements [DedupeStore].
func (s *MemoryDedupeStore) Done(_ context.Context, id string, ttl time.Duration) error {
	if ttl < time.Millisecond {
		return errNoExpiry
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.ids[id]; ok {
		el.Value.(*memoryEntry).expires = now.Add(ttl)
		return nil
	}
	s.evict(now)
	s.ids[id] = s.order.PushBack(&memoryEntry{id: id, expires: now.Add(ttl)})
	return nil
}

// Release implements [DedupeStore].
func (s *MemoryDedupeStore) Release(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.ids[id]; ok {
		s.remove(el)
	}
	return nil
}

// Len returns how many ids the store holds, expired ones not yet dropped
// included.
func (s *MemoryDedupeStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.ids)
}

// evict makes room for one more id: it drops expired ids from the front
// (claims are made with one TTL per handler, so the front expires first),
// then the oldest claims while the store is full.
func (s *MemoryDedupeStore) evict(now time.Time) {
	for el := s.order.Front(); el != nil; el = s.order.Front() {
		if len(s.ids) < s.max && now.Before(el.Value.(*memoryEntry).expires) {
			return
		}
		s.remove(el)
	}
}

func (s *MemoryDedupeStore) remove(el *list.Element) {
	delete(s.ids, el.Value.(*memoryEntry).id)
	s.order.Remove(el)
}
