package xendittest

import (
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

type reportRecord struct {
	account string
	obj     map[string]any
	created time.Time
	final   string // COMPLETED or FAILED once FinishReport ran
}

// SetReportDelay sets how long after Generate a report turns COMPLETED on
// its own (0, the default: by the first Get). A negative delay keeps reports
// PENDING until [Server.FinishReport].
func (s *Server) SetReportDelay(d time.Duration) {
	st := s.state()
	st.mu.Lock()
	st.reportDelay = d
	st.mu.Unlock()
}

// FinishReport ends report id as COMPLETED (failed false) or FAILED, and
// reports whether the fake holds such a report.
func (s *Server) FinishReport(id string, failed bool) bool {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	r := st.reports[id]
	if r == nil {
		return false
	}
	r.final = "COMPLETED"
	if failed {
		r.final = "FAILED"
	}
	return true
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
	st := s.state()
	st.mu.Lock()
	st.reports[rec.obj["id"].(string)] = rec
	st.mu.Unlock()
	WriteJSON(w, http.StatusCreated, rec.obj)
}

func parseFilterTime(v any) (time.Time, error) {
	s, _ := v.(string)
	return time.Parse(time.RFC3339, s)
}

func (s *Server) getReport(w http.ResponseWriter, r *http.Request) {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	rec := st.reports[r.PathValue("report_id")]
	if rec == nil || rec.account != r.Header.Get(xendit.HeaderForUserID) {
		WriteError(w, http.StatusNotFound, "TRANSACTION_NOT_FOUND", "Report not found")
		return
	}
	status := rec.final
	if status == "" && st.reportDelay >= 0 && time.Since(rec.created) >= st.reportDelay {
		status = "COMPLETED"
	}
	out := maps.Clone(rec.obj)
	if status != "" {
		out["status"] = status
		out["updated"] = nowString()
	}
	if status == "COMPLETED" {
		out["url"] = "https://xendittest.invalid/reports/" + rec.obj["id"].(string) + ".csv"
	}
	WriteJSON(w, http.StatusOK, out)
}
