package xendittest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// The checks every request passes before its model runs, all read from the
// reference: the headers it requires, spelled as it spells them; no
// idempotency or version header it does not document; the documented
// version values; required query parameters; required body fields (with
// the variant of channel_properties the channel code selects) and enums.
// A failure answers 400 API_VALIDATION_ERROR, or SNAP's 400xx02 (missing)
// and 400xx01 (invalid).

// idempotencyHeaders and versionHeaders are every spelling the reference
// uses; an endpoint accepts only its own. HTTP header names are
// case-insensitive, so "spelling" is the name itself: IDEMPOTENCY-KEY is
// not X-IDEMPOTENCY-KEY, API-Version is not x-api-version.
var (
	idempotencyHeaders = []string{"Idempotency-Key", "X-Idempotency-Key"}
	versionHeaders     = []string{"Api-Version", "X-Api-Version"}
)

// refusal is why a request fails the checks: a missing field or header, or
// an invalid one.
type refusal struct {
	missing string
	invalid string
}

// answer writes the refusal.
func (f *refusal) answer(c *call) {
	if f.missing != "" {
		c.missing(f.missing)
		return
	}
	c.invalid("%s", f.invalid)
}

func invalidf(format string, args ...any) *refusal {
	return &refusal{invalid: fmt.Sprintf(format, args...)}
}

func check(c *call, ep *endpoint) *refusal {
	e := ep.ref
	h := c.r.Header
	idem := e.IdempotencyHeader
	if e.Area == "snap" {
		idem = "X-EXTERNAL-ID"
	}
	if f := onlyDocumented(c, idempotencyHeaders, idem, "idempotency"); f != nil {
		return f
	}
	version := e.VersionHeader
	if version == "" {
		version = reference.DefaultVersionHeader
	}
	if f := onlyDocumented(c, versionHeaders, version, "version"); f != nil {
		return f
	}
	hasBody := c.r.Method != http.MethodGet && c.r.Method != http.MethodDelete
	for _, p := range e.Headers {
		if p.Required != reference.Required || p.Name == "Authorization" || (p.Name == "Content-Type" && !hasBody) {
			continue
		}
		if h.Get(p.Name) == "" {
			return &refusal{missing: p.Name}
		}
	}
	v := h.Get(version)
	switch {
	case v != "" && len(e.Versions) > 0 && !slices.Contains(e.Versions, v):
		return invalidf("%s must be one of %v", version, e.Versions)
	case v == "" && e.VersionRequired:
		return &refusal{missing: version}
	}
	for _, p := range e.Query {
		if p.Required == reference.Required && c.query(p.Name) == "" && !ep.unshown[p.Name] {
			return &refusal{missing: p.Name}
		}
	}
	// The reference's body is its newest version's (Versions[0]); an older
	// version's request has a body of its own shape.
	older := v != "" && len(e.Versions) > 1 && v != e.Versions[0]
	if c.body != nil && !older {
		return checkFields(c, "", e.Body, c.body, ep.unshown)
	}
	return nil
}

// onlyDocumented refuses a header of the family (idempotency or version)
// that the endpoint does not document: Xendit would ignore it, and the
// client would believe it had sent it.
func onlyDocumented(c *call, family []string, documented, what string) *refusal {
	for _, name := range family {
		if c.r.Header.Get(name) != "" && !strings.EqualFold(name, documented) {
			if documented == "" {
				return invalidf("%s is not a header of this endpoint: it documents no %s header", name, what)
			}
			return invalidf("%s is not a header of this endpoint: its %s header is %s", name, what, documented)
		}
	}
	return nil
}

// checkFields checks the fields of one JSON object at prefix.
func checkFields(c *call, prefix string, params []reference.Param, body map[string]any, lenient map[string]bool) *refusal {
	for _, p := range params {
		v, present := body[p.Name]
		present = present && v != nil && v != ""
		name := prefix + p.Name
		if !present {
			if vf := variantFields(p, c.body); len(vf) > 0 {
				return &refusal{missing: name + "." + vf[0].Name}
			}
			if p.Required == reference.Required && !lenient[p.Name] {
				return &refusal{missing: name}
			}
			continue
		}
		if s, ok := v.(string); ok && len(p.Enum) > 0 && !proseEnum(p) && !slices.Contains(p.Enum, s) {
			return invalidf("%s must be one of %v", name, p.Enum)
		}
		children := append(append([]reference.Param(nil), p.Children...), variantFields(p, c.body)...)
		switch x := v.(type) {
		case map[string]any:
			if f := checkFields(c, name+".", children, x, nil); f != nil {
				return f
			}
		case []any:
			for _, item := range x {
				if m, ok := item.(map[string]any); ok {
					if f := checkFields(c, name+"[].", children, m, nil); f != nil {
						return f
					}
				}
			}
		}
	}
	return nil
}

// variantFields are the required fields of p's variant for the request's
// channel_code (and checkout method, which the variants' labels name): the
// fields every matching variant requires.
func variantFields(p reference.Param, body map[string]any) []reference.Param {
	channel := str(body, "channel_code")
	if len(p.Variants) == 0 || channel == "" {
		return nil
	}
	tokenized := str(body, "checkout_method") == "TOKENIZED_PAYMENT"
	var sets [][]reference.Param
	for _, v := range p.Variants {
		if !slices.Contains(v.ChannelCodes, channel) || strings.Contains(strings.ToLower(v.Label), "tokenized") != tokenized {
			continue
		}
		var req []reference.Param
		for _, f := range v.Fields {
			if f.Required == reference.Required {
				req = append(req, f)
			}
		}
		sets = append(sets, req)
	}
	if len(sets) == 0 {
		return nil
	}
	common := sets[0]
	for _, set := range sets[1:] {
		common = slices.DeleteFunc(common, func(f reference.Param) bool {
			return !slices.ContainsFunc(set, func(g reference.Param) bool { return g.Name == f.Name })
		})
	}
	return common
}
