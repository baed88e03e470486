package xendittest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// endpoint is one route of the fake: the reference's entry, and the
// hand-written model of its state change if it has one.
type endpoint struct {
	ref reference.Endpoint
	// idempotencyHeader is the header whose value makes a retry safe, as
	// the reference spells it; SNAP's is X-EXTERNAL-ID.
	idempotencyHeader string
	// snapService is the SNAP service code for responseCode, from the
	// reference's success example; empty for the classic API.
	snapService string
	// unshown are the body fields the reference marks required but leaves
	// out of its own request example: the reference contradicts itself, and
	// the fake does not refuse what the reference shows.
	unshown map[string]bool
	h       handler
	s       *Server
}

// model registers the hand-written handler of the reference's endpoint id.
func (s *Server) model(id string, h handler) {
	if _, ok := reference.ByID(id); !ok {
		panic("xendittest: no endpoint " + id + " in the reference")
	}
	if _, dup := s.models[id]; dup {
		panic("xendittest: two models for " + id)
	}
	s.models[id] = h
}

// route makes an endpoint of every operation of the reference; those with
// no model are answered from the reference's data (generic.go).
func (s *Server) route() {
	for _, ref := range reference.Endpoints() {
		if ref.Kind != reference.KindAPI {
			continue
		}
		e := &endpoint{ref: ref, idempotencyHeader: ref.IdempotencyHeader, h: s.models[ref.ID], s: s, unshown: unshown(ref)}
		if ref.Area == "snap" {
			e.idempotencyHeader = "X-EXTERNAL-ID" // the BI SNAP standard's idempotency key
			e.snapService = snapServiceOf(ref)
		}
		s.endpoints[ref.ID] = e
	}
}

// unshown returns the required top-level body fields that no request
// example of ref has, and those of notEnforced.
func unshown(ref reference.Endpoint) map[string]bool {
	var examples []map[string]any
	for _, ex := range ref.Examples {
		var m map[string]any
		if ex.Kind == reference.ExampleRequest && json.Unmarshal(ex.JSON, &m) == nil {
			examples = append(examples, m)
		}
	}
	out := make(map[string]bool)
	for _, name := range notEnforced[ref.ID] {
		out[name] = true
	}
	for _, p := range ref.Body {
		if p.Required != reference.Required || len(examples) == 0 {
			continue
		}
		shown := false
		for _, m := range examples {
			_, in := m[p.Name]
			shown = shown || in
		}
		if !shown {
			out[p.Name] = true
		}
	}
	return out
}

// snapServiceOf is the middle two digits of the success example's
// responseCode.
func snapServiceOf(ref reference.Endpoint) string {
	for _, ex := range ref.Examples {
		var r struct {
			ResponseCode string `json:"responseCode"`
		}
		if ex.Kind == reference.ExampleResponse && json.Unmarshal(ex.JSON, &r) == nil && len(r.ResponseCode) == 7 {
			return r.ResponseCode[3:5]
		}
	}
	return "00"
}

// find returns the endpoints r reaches (more than one where the reference
// gives two operations one path, as SNAP's OTP verifications) and sets r's
// path values from the reference's template.
func (s *Server) find(r *http.Request) ([]*endpoint, bool) {
	refs := reference.LookupAll(r.Method, r.URL.Path)
	if len(refs) == 0 {
		return nil, false
	}
	ref := refs[0]
	ts := strings.Split(strings.Trim(ref.Path, "/"), "/")
	cs := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for i, t := range ts {
		open, closing := strings.IndexByte(t, '{'), strings.LastIndexByte(t, '}')
		if open < 0 || closing < open || i >= len(cs) {
			continue
		}
		prefix, suffix := t[:open], t[closing+1:]
		r.SetPathValue(t[open+1:closing], strings.TrimSuffix(strings.TrimPrefix(cs[i], prefix), suffix))
	}
	var eps []*endpoint
	for _, ref := range refs {
		eps = append(eps, s.endpoints[ref.ID])
	}
	return eps, true
}

// dispatch checks the request against the reference, then runs the
// endpoint's model or answers from the reference's data. Of endpoints that
// share the route, the first whose checks pass serves it.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, eps []*endpoint, raw []byte) {
	e := eps[0]
	c := &call{s: s, w: w, r: r, account: accountOf(r), raw: raw, snapService: e.snapService}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" && len(bytes.TrimSpace(raw)) > 0 {
		if err := json.Unmarshal(raw, &c.body); err != nil || c.body == nil {
			c.invalid("the request body must be a JSON object")
			return
		}
	}
	if s.subAccountRefusal(c) {
		return
	}
	refused := check(c, e)
	for _, other := range eps[1:] {
		if refused == nil {
			break
		}
		if check(c, other) == nil {
			e, refused = other, nil
		}
	}
	if refused != nil {
		refused.answer(c)
		return
	}
	if e.h == nil {
		s.answerFromReference(c, e)
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
