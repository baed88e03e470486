package xendittest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// TestDedupeStore checks that a [xendit.DedupeStore] keeps the contract a
// [xendit.WebhookHandler] relies on: one winner per id, claims with
// owners (Done and Release act only on one's own claim), leases that run
// out, done ids that outlive them, no id without an expiry, and one winner
// among concurrent claims. Run it on a custom store, as the SDK does on
// its memory and Redis stores:
//
//	func TestMyStore(t *testing.T) { xendittest.TestDedupeStore(t, newMyStore(t), nil) }
//
// It uses ids that start with "xendittest-contract-". It waits out one
// 200 ms lease with wait, which a store on a simulated clock (miniredis's
// FastForward) moves on; nil sleeps in real time.
func TestDedupeStore(t *testing.T, s xendit.DedupeStore, wait func(time.Duration)) {
	t.Helper()
	if wait == nil {
		wait = time.Sleep
	}
	ctx := context.Background()
	id := func(name string) string { return "xendittest-contract-" + name + "-" + NewWebhookID() }
	expect := func(what string, got xendit.ClaimResult, err error, want xendit.ClaimResult) {
		t.Helper()
		if err != nil || got != want {
			t.Errorf("%s: Claim = %v, %v; want %v", what, got, err, want)
		}
	}
	noErr := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Errorf("%s: %v", what, err)
		}
	}

	a := id("owners")
	r, err := s.Claim(ctx, a, "owner-1", time.Minute)
	expect("first claim", r, err, xendit.ClaimAcquired)
	r, err = s.Claim(ctx, a, "owner-2", time.Minute)
	expect("claim of a claimed id", r, err, xendit.ClaimInProgress)
	if err := s.Done(ctx, a, "owner-2", time.Hour); !errors.Is(err, xendit.ErrClaimLost) {
		t.Errorf("Done by another owner = %v; want ErrClaimLost", err)
	}
	noErr("Release by another owner", s.Release(ctx, a, "owner-2"))
	r, err = s.Claim(ctx, a, "owner-3", time.Minute)
	expect("claim after another owner's Release", r, err, xendit.ClaimInProgress)
	noErr("Done by the owner", s.Done(ctx, a, "owner-1", time.Hour))
	noErr("Done again", s.Done(ctx, a, "owner-1", time.Hour))
	r, err = s.Claim(ctx, a, "owner-4", time.Minute)
	expect("claim of a done id", r, err, xendit.ClaimDone)
	noErr("Release of a done id", s.Release(ctx, a, "owner-1"))
	r, err = s.Claim(ctx, a, "owner-5", time.Minute)
	expect("claim of a done id after a Release", r, err, xendit.ClaimDone)

	b := id("release")
	r, err = s.Claim(ctx, b, "owner-1", time.Minute)
	expect("first claim", r, err, xendit.ClaimAcquired)
	noErr("Release by the owner", s.Release(ctx, b, "owner-1"))
	r, err = s.Claim(ctx, b, "owner-2", time.Minute)
	expect("claim after the owner's Release", r, err, xendit.ClaimAcquired)
	noErr("Release of an unknown id", s.Release(ctx, id("unknown"), "owner-1"))

	// A lease runs out; the late owner can neither free nor overwrite the
	// newer claim, and a done mark with nobody holding the id is kept.
	c, d := id("lease"), id("late-done")
	r, err = s.Claim(ctx, c, "late", 200*time.Millisecond)
	expect("short claim", r, err, xendit.ClaimAcquired)
	r, err = s.Claim(ctx, d, "late", 200*time.Millisecond)
	expect("short claim", r, err, xendit.ClaimAcquired)
	wait(300 * time.Millisecond)
	r, err = s.Claim(ctx, c, "new", time.Minute)
	expect("claim after the lease ran out", r, err, xendit.ClaimAcquired)
	noErr("Release by the late owner", s.Release(ctx, c, "late"))
	if err := s.Done(ctx, c, "late", time.Hour); !errors.Is(err, xendit.ErrClaimLost) {
		t.Errorf("Done by the late owner over a newer claim = %v; want ErrClaimLost", err)
	}
	r, err = s.Claim(ctx, c, "third", time.Minute)
	expect("the newer claim after the late owner's Release and Done", r, err, xendit.ClaimInProgress)
	noErr("Done by the late owner, nobody holding the id", s.Done(ctx, d, "late", time.Hour))
	r, err = s.Claim(ctx, d, "new", time.Minute)
	expect("claim after a late Done", r, err, xendit.ClaimDone)

	f := id("forever")
	for _, ttl := range []time.Duration{0, -time.Second, 999 * time.Microsecond} {
		if _, err := s.Claim(ctx, f, "owner", ttl); err == nil {
			t.Errorf("Claim with ttl %v: no error; an id must never be kept without expiry", ttl)
		}
		if err := s.Done(ctx, f, "owner", ttl); err == nil {
			t.Errorf("Done with ttl %v: no error; an id must never be kept without expiry", ttl)
		}
	}
	r, err = s.Claim(ctx, f, "owner", time.Minute)
	expect("claim after refused TTLs", r, err, xendit.ClaimAcquired)

	// Concurrent claims: one winner per id.
	const racers, ids = 32, 4
	race := make([]string, ids)
	for i := range race {
		race[i] = id(fmt.Sprint("race-", i))
	}
	var wins [ids]atomic.Int32
	var wg sync.WaitGroup
	for n := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, rid := range race {
				if r, err := s.Claim(ctx, rid, fmt.Sprint("racer-", n), time.Minute); err == nil && r == xendit.ClaimAcquired {
					wins[i].Add(1)
				}
			}
		}()
	}
	wg.Wait()
	for i := range wins {
		if n := wins[i].Load(); n != 1 {
			t.Errorf("%d winners of one id among %d concurrent claims; want 1", n, racers)
		}
	}
}
