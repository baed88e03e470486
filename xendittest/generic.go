package xendittest

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// answerFromReference answers an endpoint that has no hand-written model,
// after the reference's checks passed, with the generic object model:
//   - a POST to a collection creates: the reference's example response,
//     with the request's fields where the example has them, a fresh id in
//     the example's shape and the server's time, stored for its account;
//   - a request to an object path (the template ends in a placeholder)
//     finds that object (404 DATA_NOT_FOUND when there is none); a PATCH
//     merges the body into it;
//   - anything else gets the example response.
//
// The status is the reference's success status, 200 when it states none.
func (s *Server) answerFromReference(c *call, e *endpoint) {
	status := e.ref.SuccessStatus
	if status == 0 {
		status = http.StatusOK
	}
	example := exampleResponse(e.ref)
	col := "reference:" + e.ref.Area
	if shared, ok := sharedCollections[e.ref.Area]; ok {
		col = shared
	}
	segments := strings.Split(strings.Trim(e.ref.Path, "/"), "/")
	last := segments[len(segments)-1]
	switch {
	case strings.HasPrefix(last, "{") && strings.HasSuffix(last, "}"):
		o, err := s.store.update(col, c.account, c.param(last[1:len(last)-1]), func(o map[string]any) error {
			if c.r.Method == http.MethodPatch {
				for k, v := range c.body {
					o[k] = v
				}
				stampUpdated(o, c)
			}
			return nil
		})
		if err != nil {
			c.notFound("DATA_NOT_FOUND", e.ref.Title+": object")
			return
		}
		c.reply(status, o)
	case c.r.Method == http.MethodPost && !strings.Contains(e.ref.Path, "{"):
		o, ok := example.(map[string]any)
		if !ok {
			c.reply(status, example)
			return
		}
		for k, v := range c.body {
			if _, shown := o[k]; shown && k != "id" {
				o[k] = v
			}
		}
		id := s.idLike(str(o, "id"))
		o["id"] = id
		if _, ok := o["created"]; ok {
			o["created"] = stamp(c.now())
		}
		stampUpdated(o, c)
		s.store.put(col, c.account, id, o)
		c.reply(status, o)
	default:
		c.reply(status, example)
	}
}

// sharedCollections are the areas whose objects a hand-written model of
// another area keeps too: the eWallets model serves the reference's
// /v2/payment_methods operations, which the Payment Methods file also
// defines, and whichever of the two answers finds what the other created.
var sharedCollections = map[string]string{"paymentmethods": "payment_methods"}

func stampUpdated(o map[string]any, c *call) {
	if _, ok := o["updated"]; ok {
		o["updated"] = stamp(c.now())
	}
}

// exampleResponse is the endpoint's first example response, decoded, or an
// empty object.
func exampleResponse(e reference.Endpoint) any {
	for _, ex := range e.Examples {
		var v any
		if ex.Kind == reference.ExampleResponse && json.Unmarshal(ex.JSON, &v) == nil {
			return v
		}
	}
	return map[string]any{}
}

var (
	idPrefix = regexp.MustCompile(`^([a-z]{1,12}[_-])[0-9A-Za-z]`)
	hexID    = regexp.MustCompile(`^[0-9a-f]{24}$`)
)

// idLike returns a fresh id in the shape of the example's: its prefix
// ("inv_", "pm-") and a UUID, or 24 hex digits.
func (s *Server) idLike(example string) string {
	if hexID.MatchString(example) {
		return s.ids.hex24("reference")
	}
	if m := idPrefix.FindStringSubmatch(example); m != nil {
		return s.ids.uuid(m[1])
	}
	return s.ids.uuid("")
}
