package webhooktest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Processor is a webhook function that records, per webhook-id, how often
// it ran and succeeded. Its first run of an id fails when FailFirst says
// so.
type Processor struct {
	FailFirst func(id string) bool
	// Work is how long a run takes, to widen the window in which copies
	// overlap.
	Work time.Duration

	mu        sync.Mutex
	runs      map[string]int
	successes map[string]int
	firstOK   map[string]time.Time
}

// Func is the [xendit.WebhookFunc].
func (p *Processor) Func(_ context.Context, e *xendit.WebhookEvent) error {
	time.Sleep(p.Work)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.runs == nil {
		p.runs, p.successes, p.firstOK = make(map[string]int), make(map[string]int), make(map[string]time.Time)
	}
	p.runs[e.ID]++
	if p.runs[e.ID] == 1 && p.FailFirst != nil && p.FailFirst(e.ID) {
		return fmt.Errorf("webhooktest: first run of %s fails", e.ID)
	}
	p.successes[e.ID]++
	if p.successes[e.ID] == 1 {
		p.firstOK[e.ID] = time.Now()
	}
	return nil
}

// SucceededAt reports when id's function first returned nil.
func (p *Processor) SucceededAt(id string) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.firstOK[id]
}

// Succeeded reports how many runs of id returned nil.
func (p *Processor) Succeeded(id string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.successes[id]
}

// Burst is a burst of deliveries: Copies deliveries of each of IDs events,
// all at once, spread over URLs. Each delivery is sent again, as Xendit
// sends a delivery that got no 2xx, every Retry until it gets a 2xx or
// Deadline passes.
type Burst struct {
	URLs   []string
	Client *http.Client
	IDs    int
	Copies int
	Retry  time.Duration
	// Deadline bounds the whole burst, retries included.
	Deadline time.Duration
	// During, if set, runs once the burst has started, while deliveries
	// are in flight (e.g. to pause Redis).
	During func()
}

// Run sends the burst and checks, with p, that every event's function
// succeeded exactly once, that every delivery got a 2xx in the end, and
// that no 2xx came before its event's function had succeeded. It returns
// how often each status was answered, retries included (0 for a
// transport error).
func (b Burst) Run(t testing.TB, p *Processor) map[int]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), b.Deadline)
	defer cancel()
	var mu sync.Mutex
	statuses := make(map[int]int)
	var early, unacked []string
	start := make(chan struct{})
	var wg sync.WaitGroup
	ids := make([]string, b.IDs)
	for i := range ids {
		wh := xendittest.NewWebhook(xendittest.CallbackToken, fmt.Sprintf(`{"event":"test.event","n":%d}`, i))
		ids[i] = wh.ID
		for c := range b.Copies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				url := b.URLs[c%len(b.URLs)]
				for {
					status, _ := wh.Send(ctx, b.Client, url)
					mu.Lock()
					statuses[status]++
					mu.Unlock()
					if status >= 200 && status < 300 {
						if p.Succeeded(wh.ID) == 0 {
							mu.Lock()
							early = append(early, wh.ID)
							mu.Unlock()
						}
						return
					}
					select {
					case <-ctx.Done():
						mu.Lock()
						unacked = append(unacked, wh.ID)
						mu.Unlock()
						return
					case <-time.After(b.Retry/2 + rand.N(b.Retry)):
					}
					url = b.URLs[rand.N(len(b.URLs))] // a retry may reach another replica
				}
			}()
		}
	}
	close(start)
	if b.During != nil {
		b.During()
	}
	wg.Wait()

	if len(unacked) > 0 {
		t.Errorf("%d deliveries never got a 2xx within %v, e.g. %s", len(unacked), b.Deadline, unacked[0])
	}
	if len(early) > 0 {
		t.Errorf("%d deliveries got a 2xx before their event's function succeeded, e.g. %s", len(early), early[0])
	}
	for _, id := range ids {
		if n := p.Succeeded(id); n != 1 {
			t.Errorf("%s: the function succeeded %d times; want exactly 1", id, n)
		}
	}
	return statuses
}
