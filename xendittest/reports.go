package xendittest

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"
)

type reportRecord struct {
	account string
	obj     map[string]any // status PENDING until settled, then COMPLETED or FAILED
	created time.Time
}

// SetReportDelay sets how long after Generate a report turns COMPLETED on
// its own (0, the default: at once). A negative delay keeps reports
// PENDING until [Server.FinishReport].
func (s *Server) SetReportDelay(d time.Duration) {
	st := s.state()
	st.mu.Lock()
	st.reportDelay = d
	st.mu.Unlock()
}

// FinishReport plays Xendit finishing a PENDING report: it becomes
// COMPLETED (failed false), with a download URL, or FAILED, and its webhook
// is delivered before the call returns. The error wraps [ErrNoSuchObject]
// for an unknown id; it is also an error if the report is no longer
// PENDING, or if the webhook receiver did not answer 2xx after retries.
func (s *Server) FinishReport(id string, failed bool) error {
	status := "COMPLETED"
	if failed {
		status = "FAILED"
	}
	st := s.state()
	st.mu.Lock()
	rec := st.reports[id]
	if rec == nil {
		st.mu.Unlock()
		return fmt.Errorf("%w: report %q", ErrNoSuchObject, id)
	}
	payload, ok := rec.settle(status, s.nowString())
	st.mu.Unlock()
	if !ok {
		return fmt.Errorf("xendittest: report %s is %s, not PENDING", id, rec.obj["status"])
	}
	return s.deliverNow(rec.account, "reports", payload)
}

// settle moves a PENDING report to status and returns its webhook payload;
// false if it was not PENDING. The caller holds the state's lock.
func (rec *reportRecord) settle(status, now string) (map[string]any, bool) {
	if rec.obj["status"] != "PENDING" {
		return nil, false
	}
	rec.obj["status"], rec.obj["updated"] = status, now
	event := "reports.failed"
	if status == "COMPLETED" {
		rec.obj["url"] = "https://xendittest.invalid/reports/" + rec.obj["id"].(string) + ".csv"
		event = "reports.completed"
	}
	payload := maps.Clone(rec.obj)
	payload["event"] = event
	return payload, true
}

// due reports whether a PENDING report has reached the delay after which
// it completes on its own. The caller holds the lock.
func (st *productState) due(rec *reportRecord, now time.Time) bool {
	return rec.obj["status"] == "PENDING" && st.reportDelay >= 0 && now.Sub(rec.created) >= st.reportDelay
}

// completeIfDue completes report id if it is due, and delivers its
// webhook.
func (s *Server) completeIfDue(id string) {
	st := s.state()
	st.mu.Lock()
	rec := st.reports[id]
	if rec == nil || !st.due(rec, s.clock.Now()) {
		st.mu.Unlock()
		return
	}
	payload, ok := rec.settle("COMPLETED", s.nowString())
	st.mu.Unlock()
	if ok {
		s.deliverLater(rec.account, "reports", payload)
	}
}

// scheduleCompletion completes report id once its delay has passed, unless
// a Get or FinishReport settled it first. WaitDeliveries waits for it.
func (s *Server) scheduleCompletion(account, id string, delay time.Duration) {
	s.hooks.hold(account)
	s.clock.AfterFunc(delay, func() {
		defer s.hooks.release(account)
		s.completeIfDue(id)
	})
}

func (s *Server) routeReports() {
	s.handle("reports.generate", s.generateReport)
	s.handle("reports.get", s.getReport)
}

var reportTypes = []string{"BALANCE_HISTORY", "TRANSACTIONS", "UPCOMING_TRANSACTIONS", "DETAILED_TRANSACTIONS", "TRANSACTION_ANALYSIS"}

func (s *Server) generateReport(w http.ResponseWriter, r *http.Request) {
	in, ok := decodeJSON(w, r)
	if !ok {
		return
	}
	typ, _ := in["type"].(string)
	if !slices.Contains(reportTypes, typ) {
		writeValidation(w, "type must be one of %v", reportTypes)
		return
	}
	now := s.clock.Now().UTC()
	from, to := now.Add(-24*time.Hour), now
	if f, ok := in["filter"].(map[string]any); ok {
		var err1, err2 error
		from, err1 = parseFilterTime(f["from"])
		to, err2 = parseFilterTime(f["to"])
		if err1 != nil || err2 != nil {
			writeValidation(w, "filter.from and filter.to must be ISO 8601 date times")
			return
		}
	}
	if !from.Before(to) || to.Sub(from) >= 31*24*time.Hour {
		WriteError(w, http.StatusBadRequest, "INVALID_DATE_RANGE", "The date range must be less than 31 days")
		return
	}
	currency, _ := in["currency"].(string)
	if currency == "" {
		currency = "IDR"
	}
	stamp := now.Format("2006-01-02T15:04:05.000Z07:00")
	rec := &reportRecord{account: accountOf(r), created: now, obj: map[string]any{
		"id": s.ids.uuid("report_"), "type": typ, "status": "PENDING", "format": "CSV", "currency": currency,
		"filter":      map[string]any{"from": from.Format("2006-01-02T15:04:05.000Z07:00"), "to": to.Format("2006-01-02T15:04:05.000Z07:00")},
		"business_id": businessID, "created": stamp, "updated": stamp,
	}}
	id := rec.obj["id"].(string)
	st := s.state()
	st.mu.Lock()
	st.reports[id] = rec
	out := maps.Clone(rec.obj)
	delay := st.reportDelay
	st.mu.Unlock()
	if delay >= 0 && s.callbackURL(rec.account, "reports") != "" {
		s.scheduleCompletion(rec.account, id, delay)
	}
	WriteJSON(w, http.StatusCreated, out)
}

func parseFilterTime(v any) (time.Time, error) {
	s, _ := v.(string)
	return time.Parse(time.RFC3339, s)
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request) {
	st := s.state()
	st.mu.Lock()
	rec := st.reports[r.PathValue("report_id")]
	if rec == nil || rec.account != accountOf(r) {
		st.mu.Unlock()
		WriteError(w, http.StatusNotFound, "TRANSACTION_NOT_FOUND", "Report not found")
		return
	}
	// A Get after the delay sees the report COMPLETED even if its timer has
	// not run yet; whichever settles it sends the one webhook.
	var payload map[string]any
	due := st.due(rec, s.clock.Now())
	if due {
		payload, due = rec.settle("COMPLETED", s.nowString())
	}
	out := maps.Clone(rec.obj)
	st.mu.Unlock()
	if due {
		s.deliverLater(rec.account, "reports", payload)
	}
	WriteJSON(w, http.StatusOK, out)
}
