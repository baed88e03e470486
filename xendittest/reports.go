package xendittest

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/seed19b1029f/xendit-go"
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

// SetReportCallbackURL makes the server deliver the Report webhook to url,
// as Xendit does to the URL in Dashboard > Settings > Webhooks: when a
// report is COMPLETED or FAILED it POSTs the report's fields with event
// reports.completed or reports.failed, token in x-callback-token and a
// fresh webhook-id, and retries a few times until url answers 2xx. Without
// it no webhook is sent.
//
// [Server.FinishReport] delivers before it returns. A report that
// completes on its own ([Server.SetReportDelay]) is delivered in the
// background, once, when its delay has passed; [Server.WaitCallbacks]
// waits for those deliveries, including reports still within their delay.
func (s *Server) SetReportCallbackURL(url, token string) {
	st := s.state()
	st.mu.Lock()
	st.reportHook = callbackTarget{url, token}
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
	payload, ok := rec.settle(status)
	target := st.reportHook
	st.mu.Unlock()
	if !ok {
		return fmt.Errorf("xendittest: report %s is %s, not PENDING", id, rec.obj["status"])
	}
	return deliver(target, payload)
}

// settle moves a PENDING report to status and returns its webhook payload;
// false if it was not PENDING. The caller holds the state's lock.
func (rec *reportRecord) settle(status string) (map[string]any, bool) {
	if rec.obj["status"] != "PENDING" {
		return nil, false
	}
	rec.obj["status"], rec.obj["updated"] = status, nowString()
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
func (st *productState) due(rec *reportRecord) bool {
	return rec.obj["status"] == "PENDING" && st.reportDelay >= 0 && time.Since(rec.created) >= st.reportDelay
}

// completeIfDue completes report id if it is due, and returns the webhook
// to deliver, if any.
func (s *Server) completeIfDue(id string) (callbackTarget, map[string]any, bool) {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	rec := st.reports[id]
	if rec == nil || !st.due(rec) {
		return callbackTarget{}, nil, false
	}
	payload, ok := rec.settle("COMPLETED")
	return st.reportHook, payload, ok
}

// scheduleCompletion delivers report id's webhook once its delay has
// passed, unless a Get or FinishReport settled it first. WaitCallbacks
// waits for it.
func (s *Server) scheduleCompletion(id string, delay time.Duration) {
	inflight := &s.payments().inflight
	inflight.Add(1)
	time.AfterFunc(delay, func() {
		defer inflight.Done()
		if target, payload, ok := s.completeIfDue(id); ok {
			_ = deliver(target, payload)
		}
	})
}

func (s *Server) routeReports() {
	s.handle("reports.generate_report", s.generateReport)
	s.handle("reports.get_report", s.getReport)
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
	now := time.Now().UTC()
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
	rec := &reportRecord{account: r.Header.Get(xendit.HeaderForUserID), created: now, obj: map[string]any{
		"id": newID("report_"), "type": typ, "status": "PENDING", "format": "CSV", "currency": currency,
		"filter":      map[string]any{"from": from.Format("2006-01-02T15:04:05.000Z07:00"), "to": to.Format("2006-01-02T15:04:05.000Z07:00")},
		"business_id": businessID, "created": stamp, "updated": stamp,
	}}
	id := rec.obj["id"].(string)
	st := s.state()
	st.mu.Lock()
	st.reports[id] = rec
	out := maps.Clone(rec.obj)
	delay, hook := st.reportDelay, st.reportHook.url != ""
	st.mu.Unlock()
	if hook && delay >= 0 {
		s.scheduleCompletion(id, delay)
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
	if rec == nil || rec.account != r.Header.Get(xendit.HeaderForUserID) {
		st.mu.Unlock()
		WriteError(w, http.StatusNotFound, "TRANSACTION_NOT_FOUND", "Report not found")
		return
	}
	// A Get after the delay sees the report COMPLETED even if its timer has
	// not run yet; whichever settles it sends the one webhook.
	var payload map[string]any
	due := st.due(rec)
	if due {
		payload, due = rec.settle("COMPLETED")
	}
	target, out := st.reportHook, maps.Clone(rec.obj)
	st.mu.Unlock()
	if due {
		s.payments().deliverLater(target, payload)
	}
	WriteJSON(w, http.StatusOK, out)
}
