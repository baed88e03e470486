package xendittest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
)

// endpoint is one route of the fake: what the reference says of it, and
// the hand-written model of its state change, if it has one.
type endpoint struct {
	id, method, path string
	// idempotencyHeader is the header, as the reference spells it, whose
	// value makes a retry safe; empty when the endpoint documents none.
	idempotencyHeader string
	// snapService is the SNAP service code for responseCode; empty for the
	// classic API.
	snapService string
	h           handler
	s           *Server
}

// model registers the hand-written handler of the reference's endpoint id.
func (s *Server) model(id string, h handler) {
	if _, dup := s.models[id]; dup {
		panic("xendittest: two models for " + id)
	}
	s.models[id] = h
}

// route builds the mux from the reference's routes. Where two entries
// share a method and path (SNAP's two OTP verifications), the first one
// routes and its model tells them apart.
func (s *Server) route() {
	seen := make(map[string]bool)
	for _, r := range refRoutes {
		id, method, path, idem := r[0], r[1], r[2], r[3]
		pattern := method + " " + path
		if seen[pattern] {
			continue
		}
		seen[pattern] = true
		s.mux.Handle(pattern, &endpoint{id: id, method: method, path: path, idempotencyHeader: idem,
			snapService: snapServices[id], h: s.models[id], s: s})
	}
	s.mux.HandleFunc("/", notFound)
}

// snapServices is each SNAP endpoint's service code, the middle two digits
// of the responseCode the reference shows for it.
var snapServices = map[string]string{
	"snap.create_account_binding": "07", "snap.inquire_account_binding": "08", "snap.unbind_account": "08",
	"snap.verify_otp_account_binding": "04", "snap.verify_otp_direct_debit": "04", "snap.create_va": "27",
	"snap.inquire_va": "30", "snap.update_va": "28", "snap.deactivate_va": "31", "snap.create_qr_mpm": "47",
	"snap.inquire_qr_mpm": "51", "snap.create_direct_debit_payment": "54", "snap.inquire_direct_debit_status": "55",
	"snap.refund_direct_debit": "58",
}

// dispatch runs the endpoint's model, or answers from the reference.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, e *endpoint, key string, raw []byte) {
	c := &call{s: s, w: w, r: r, account: accountOf(r), raw: raw, snapService: e.snapService}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" && len(bytes.TrimSpace(raw)) > 0 {
		d := json.NewDecoder(bytes.NewReader(raw))
		if err := d.Decode(&c.body); err != nil || c.body == nil {
			c.invalid("the request body must be a JSON object")
			return
		}
	}
	if e.h == nil {
		c.fail(http.StatusNotImplemented, "NOT_IMPLEMENTED", "xendittest does not model %s yet", e.id)
		return
	}
	e.h(c)
}

// readBody reads a request body, except a multipart upload's, which is
// left to stream to its handler.
func readBody(r *http.Request) ([]byte, io.Reader) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		return nil, r.Body
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	return body, nil
}
