package xendittest

import (
	"sort"
	"sync"
	"time"
)

// clock is the Server's one notion of time: what it stamps on objects, how
// it counts rate-limit windows, and when it redelivers callbacks and settles
// reports. By default it is the wall clock (time.Now and time.AfterFunc, so
// inside a testing/synctest bubble it is the bubble's fake clock); with
// [WithClock] it is the caller's, and timers fire only when [Server.Advance]
// moves past them. Advance also moves the default clock forward, firing what
// falls due, so a test can skip a report's delay or a redelivery interval.
type clock struct {
	now    func() time.Time
	manual bool // timers fire only on Advance

	mu     sync.Mutex
	offset time.Duration
	timers []*timer
}

type timer struct {
	at   time.Time
	f    func()
	once sync.Once
	real *time.Timer
}

func (t *timer) fire() { t.once.Do(func() { go t.f() }) }

func newClock(now func() time.Time) *clock {
	if now == nil {
		return &clock{now: time.Now}
	}
	return &clock{now: now, manual: true}
}

// Now returns the clock's time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now().Add(c.offset)
}

// AfterFunc runs f in its own goroutine once d has passed on the clock.
func (c *clock) AfterFunc(d time.Duration, f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &timer{at: c.now().Add(c.offset + d), f: f}
	c.timers = append(c.timers, t)
	if !c.manual {
		t.real = time.AfterFunc(d, func() {
			c.forget(t)
			t.fire()
		})
	}
}

func (c *clock) forget(t *timer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, x := range c.timers {
		if x == t {
			c.timers = append(c.timers[:i], c.timers[i+1:]...)
			return
		}
	}
}

// Advance moves the clock forward by d and fires, oldest first, the timers
// that fall due.
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	now := c.now().Add(c.offset)
	sort.SliceStable(c.timers, func(i, j int) bool { return c.timers[i].at.Before(c.timers[j].at) })
	var due []*timer
	kept := c.timers[:0]
	for _, t := range c.timers {
		if t.at.After(now) {
			kept = append(kept, t)
			continue
		}
		due = append(due, t)
	}
	c.timers = kept
	c.mu.Unlock()
	for _, t := range due {
		if t.real != nil {
			t.real.Stop()
		}
		t.fire()
	}
}

// stop drops the pending timers: a closed Server sends nothing more.
func (c *clock) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, t := range c.timers {
		if t.real != nil {
			t.real.Stop()
		}
	}
	c.timers = nil
}
