package reports

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// ErrFailed is returned by Wait, with the report, when Xendit could not
// build it. Generating it again is safe.
var ErrFailed = errors.New("reports: the report FAILED")

// WaitOptions tunes Wait's polling; the zero value polls after 1 s, then
// backs off exponentially (with jitter) up to 30 s between calls.
type WaitOptions struct {
	MinInterval, MaxInterval time.Duration
}

// Wait polls Get until the report is no longer PENDING, waiting longer
// between calls each time, and returns it: COMPLETED with its URL, or FAILED
// with [ErrFailed]. It gives up with the context's error when ctx ends, so
// bound it with a deadline. Prefer the reports.completed callback in
// production: polling spends requests from Get's rate limit. wo may be nil.
//
// API: GET /reports/{report_id}
func (s *Client) Wait(ctx context.Context, reportID string, wo *WaitOptions, opts ...xendit.RequestOption) (*Report, error) {
	lo, hi := time.Second, 30*time.Second
	if wo != nil && wo.MinInterval > 0 {
		lo = wo.MinInterval
	}
	if wo != nil && wo.MaxInterval > 0 {
		hi = max(wo.MaxInterval, lo)
	}
	wait := lo
	for {
		r, err := s.Get(ctx, reportID, opts...)
		if err != nil {
			return nil, err
		}
		switch r.Status {
		case StatusCompleted:
			return r, nil
		case StatusFailed:
			return r, fmt.Errorf("%w: %s", ErrFailed, r.ID)
		}
		// Half the wait fixed, half random: spread pollers out.
		d := wait/2 + rand.N(wait/2+1)
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		wait = min(wait*2, hi)
	}
}
