package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// The Reports model: a report is PENDING after Generate and turns
// COMPLETED on its own once the report delay has passed on the server's
// clock (seen by the next Get, or by the timer that delivers its webhook),
// or when a test calls FinishReport; its webhook goes to the "reports" URL
// of its merchant.

// SetReportDelay sets how long after Generate a report turns COMPLETED on
// its own (0, the default: at once). A negative delay keeps reports
// PENDING until [Server.FinishReport].
func (s *Server) SetReportDelay(d time.Duration) {
	s.mu.Lock()
	s.reportDelay = d
	s.mu.Unlock()
}

func (s *Server) delay() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reportDelay
}

// FinishReport plays Xendit finishing a PENDING report: it becomes
// COMPLETED (failed false), with a download URL, or FAILED, and its webhook
// is delivered before the call returns. The error wraps [ErrNoSuchObject]
// for an unknown id; it is also an error if the report is no longer
// PENDING, or if the webhook receiver did not answer 2xx after
// redeliveries.
func (s *Server) FinishReport(id string, failed bool) error {
	status := "COMPLETED"
	if failed {
		status = "FAILED"
	}
	payload, err := s.settleReport("*", id, status, func(map[string]any) bool { return true })
	if err != nil {
		return err
	}
	owner, _ := s.store.ownerOf("reports", id)
	return s.deliverNow(owner, "reports", payload)
}

// settleReport moves report id to status if it is PENDING and ready says
// so, and returns its webhook payload (nil when it stayed PENDING).
func (s *Server) settleReport(owner, id, status string, ready func(map[string]any) bool) (map[string]any, error) {
	var payload map[string]any
	_, err := s.store.update("reports", owner, id, func(rep map[string]any) error {
		if rep["status"] != "PENDING" {
			return fmt.Errorf("xendittest: report %s is %s, not PENDING", id, rep["status"])
		}
		if !ready(rep) {
			return nil
		}
		rep["status"], rep["updated"] = status, s.nowString()
		event := "reports.failed"
		if status == "COMPLETED" {
			rep["url"] = "https://xendittest.invalid/reports/" + id + ".csv"
			event = "reports.completed"
		}
		payload = deepCopy(rep)
		payload["event"] = event
		return nil
	})
	return payload, err
}

// due reports whether a PENDING report has reached the delay after which
// it completes on its own.
func (s *Server) due(rep map[string]any) bool {
	d := s.delay()
	return d >= 0 && s.clock.Now().Sub(timeOf(rep, "created")) >= d
}

func (s *Server) routeReports() {
	s.model("reports.generate", s.generateReport)
	s.model("reports.get", s.getReport)
}

var reportTypes = []string{"BALANCE_HISTORY", "TRANSACTIONS", "UPCOMING_TRANSACTIONS", "DETAILED_TRANSACTIONS", "TRANSACTION_ANALYSIS"}

func (s *Server) generateReport(c *call) {
	typ := str(c.body, "type")
	if !slices.Contains(reportTypes, typ) {
		c.invalid("type must be one of %v", reportTypes)
		return
	}
	now := c.now()
	from, to := now.Add(-24*time.Hour), now
	if f := obj(c.body, "filter"); f != nil {
		var err1, err2 error
		from, err1 = time.Parse(time.RFC3339, str(f, "from"))
		to, err2 = time.Parse(time.RFC3339, str(f, "to"))
		if err1 != nil || err2 != nil {
			c.invalid("filter.from and filter.to must be ISO 8601 date times")
			return
		}
	}
	if !from.Before(to) || to.Sub(from) >= 31*24*time.Hour {
		c.fail(http.StatusBadRequest, "INVALID_DATE_RANGE", "The date range must be less than 31 days")
		return
	}
	id := s.ids.uuid("report_")
	rep := map[string]any{
		"id": id, "type": typ, "status": "PENDING", "format": "CSV", "currency": orDefault(str(c.body, "currency"), "IDR"),
		"filter":      map[string]any{"from": stamp(from), "to": stamp(to)},
		"business_id": businessID, "created": stamp(now), "updated": stamp(now),
	}
	s.store.put("reports", c.account, id, rep)
	if d := s.delay(); d >= 0 && s.callbackURL(c.account, "reports") != "" {
		s.scheduleCompletion(c.account, id, d)
	}
	c.reply(http.StatusCreated, rep)
}

// scheduleCompletion completes report id once its delay has passed, unless
// a Get or FinishReport settled it first; WaitDeliveries waits for it.
func (s *Server) scheduleCompletion(account, id string, delay time.Duration) {
	s.hooks.hold(account)
	s.clock.AfterFunc(delay, func() {
		defer s.hooks.release(account)
		if payload, _ := s.settleReport(account, id, "COMPLETED", s.due); payload != nil {
			s.deliverLater(account, "reports", payload)
		}
	})
}

// getReport shows a report due to complete as COMPLETED even if its timer
// has not run yet; whichever settles it sends the one webhook.
func (s *Server) getReport(c *call) {
	id := c.param("report_id")
	if payload, _ := s.settleReport(c.account, id, "COMPLETED", s.due); payload != nil {
		s.deliverLater(c.account, "reports", payload)
	}
	rep, ok := s.store.get("reports", c.account, id)
	if !ok {
		c.notFound("TRANSACTION_NOT_FOUND", "Report")
		return
	}
	c.ok(rep)
}
