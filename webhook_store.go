package xendit

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"sync"
	"time"
)

// DedupeStore remembers which webhook-ids have been processed, so that a
// webhook Xendit delivers twice is processed once. A [WebhookHandler] uses
// it in three steps, each naming the claim's owner, a token unique to one
// delivery:
//
//  1. Claim(id, owner, lease) before running the function. Of several
//     concurrent callers with the same id, across processes when the store
//     is shared, exactly one gets [ClaimAcquired]; the others learn whether
//     the id is being processed ([ClaimInProgress]) or was processed
//     ([ClaimDone]). The claim expires after the lease, so that a process
//     that dies while handling an event does not block Xendit's retries.
//  2. Done(id, owner, ttl) after the function succeeded: the id is kept as
//     done for ttl (longer than Xendit's 24-hour retry schedule).
//  3. Release(id, owner) after the function failed: the id is forgotten, so
//     that Xendit's retry is processed.
//
// Done and Release act only on the caller's own claim, checked and written
// in one atomic step: a caller whose lease ran out can neither free nor
// overwrite a newer claim by another. Implementations never keep an id
// without an expiry. The SDK ships an in-memory store
// ([NewMemoryDedupeStore]) for one process, and a Redis store in
// [github.com/seed19b1029f/xendit-go/redisstore] for replicas; both pass
// the same contract tests.
type DedupeStore interface {
	// Claim records id as claimed by owner for lease, unless it is claimed
	// or done already, and reports which of the three it found. The check
	// and the write are one atomic step.
	Claim(ctx context.Context, id, owner string, lease time.Duration) (ClaimResult, error)
	// Done records id as done for ttl if owner still holds the claim, or
	// if nobody does (the lease ran out and nobody claimed it since). It
	// returns an error matching [ErrClaimLost] if another owner holds it
	// now, and nil if the id is done already.
	Done(ctx context.Context, id, owner string, ttl time.Duration) error
	// Release forgets id if owner still holds the claim, and does nothing
	// otherwise: releasing an id one no longer holds is not an error.
	Release(ctx context.Context, id, owner string) error
}

// ClaimResult is what [DedupeStore.Claim] found.
type ClaimResult int

// The results of a claim.
const (
	// ClaimAcquired: the caller holds the claim and runs the function.
	ClaimAcquired ClaimResult = iota + 1
	// ClaimInProgress: another delivery holds the claim. The event is not
	// processed yet (it may still fail), so it must not be acknowledged.
	ClaimInProgress
	// ClaimDone: the function returned nil for this id before.
	ClaimDone
)

func (r ClaimResult) String() string {
	switch r {
	case ClaimAcquired:
		return "acquired"
	case ClaimInProgress:
		return "in progress"
	case ClaimDone:
		return "done"
	}
	return fmt.Sprintf("ClaimResult(%d)", int(r))
}

// ErrClaimLost is what [DedupeStore.Done] answers when another owner holds
// the id: the caller's lease ran out and another delivery claimed it since.
var ErrClaimLost = errors.New("xendit: dedupe store: the claim is held by another owner")

// DefaultDedupeEntries is how many webhook-ids a [MemoryDedupeStore] made by
// a [WebhookHandler] remembers: at about 110 bytes each, some 11 MB.
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
	max   int
	now   func() time.Time
	seeds [2]maphash.Seed

	mu  sync.Mutex
	ids map[memoryKey]memoryEntry
	// order holds the ids in the order they were claimed, as a ring:
	// entries [head, head+n) modulo its length. A slot whose seq no longer
	// matches the id's entry is stale (the id was released or claimed
	// again) and is skipped.
	order []memorySlot
	head  int
	n     int
	seq   uint64
}

// The store keeps no pointer, so that the garbage collector has nothing to
// scan in it however full it is: ids and owners are kept as 128-bit hashes
// with seeds of the store's own (two ids colliding is a chance of about
// n²/2¹²⁹ for n ids: nil in practice).
type memoryKey [2]uint64

type memoryEntry struct {
	expires int64 // unix nanoseconds
	seq     uint64
	owner   memoryKey
	done    bool
}

type memorySlot struct {
	key memoryKey
	seq uint64
}

func (s *MemoryDedupeStore) hash(v string) memoryKey {
	return memoryKey{maphash.String(s.seeds[0], v), maphash.String(s.seeds[1], v)}
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
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		ids:   make(map[memoryKey]memoryEntry),
		order: make([]memorySlot, 2*maxEntries),
	}, nil
}

// Claim implements [DedupeStore].
func (s *MemoryDedupeStore) Claim(_ context.Context, id, owner string, lease time.Duration) (ClaimResult, error) {
	if lease < time.Millisecond {
		return 0, errNoExpiry
	}
	if owner == "" {
		return 0, errors.New("xendit: dedupe store: empty owner")
	}
	k, o := s.hash(id), s.hash(owner)
	now := s.now().UnixNano()
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.ids[k]; ok && now < e.expires {
		if e.done {
			return ClaimDone, nil
		}
		return ClaimInProgress, nil
	}
	s.put(k, memoryEntry{expires: now + int64(lease), owner: o}, now)
	return ClaimAcquired, nil
}

// Done implements [DedupeStore].
func (s *MemoryDedupeStore) Done(_ context.Context, id, owner string, ttl time.Duration) error {
	if ttl < time.Millisecond {
		return errNoExpiry
	}
	k, o := s.hash(id), s.hash(owner)
	now := s.now().UnixNano()
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.ids[k]
	switch {
	case !ok || now >= e.expires:
		s.put(k, memoryEntry{expires: now + int64(ttl), done: true}, now)
	case e.done:
		// Done already.
	case e.owner != o:
		return ErrClaimLost
	default:
		e.done, e.expires = true, now+int64(ttl)
		s.ids[k] = e
	}
	return nil
}

// Release implements [DedupeStore].
func (s *MemoryDedupeStore) Release(_ context.Context, id, owner string) error {
	k, o := s.hash(id), s.hash(owner)
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.ids[k]; ok && !e.done && e.owner == o {
		delete(s.ids, k) // its slot in order turns stale
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

// put records id at the back of the order. It first drops expired and
// stale slots from the front (claims are made with one lease per handler,
// so the front tends to expire first), then the oldest ids while the store
// is full; a ring full of stale slots is compacted.
func (s *MemoryDedupeStore) put(k memoryKey, e memoryEntry, now int64) {
	delete(s.ids, k) // its old slot, if any, turns stale
	for s.n > 0 {
		front := s.order[s.head]
		old, live := s.ids[front.key]
		live = live && old.seq == front.seq
		if live && now < old.expires && len(s.ids) < s.max {
			break
		}
		if live {
			delete(s.ids, front.key)
		}
		s.order[s.head] = memorySlot{}
		s.head = (s.head + 1) % len(s.order)
		s.n--
	}
	if s.n == len(s.order) {
		s.compact()
	}
	s.seq++
	s.order[(s.head+s.n)%len(s.order)] = memorySlot{key: k, seq: s.seq}
	s.n++
	e.seq = s.seq
	s.ids[k] = e
}

// compact drops the stale slots. The ring is twice the size of the store,
// so at least half of it is free afterwards, and compacting costs O(1) per
// id put.
func (s *MemoryDedupeStore) compact() {
	live := make([]memorySlot, len(s.order))
	n := 0
	for i := range s.n {
		slot := s.order[(s.head+i)%len(s.order)]
		if e, ok := s.ids[slot.key]; ok && e.seq == slot.seq {
			live[n] = slot
			n++
		}
	}
	s.order, s.head, s.n = live, 0, n
}
