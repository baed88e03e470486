// Package build turns the API reference's inventory (four JSON files of
// different shapes, written while reading the reference) into the
// normalised data files of package reference: one file per area, endpoints
// and webhooks sorted by ID, indented, so that a regeneration diffs well.
//
// What it drops, on purpose: client-side functions (Xendit.js, no HTTP
// endpoint of the API), cross-reference entries (Create Customer as
// reprinted in the eWallets and Subscriptions sections; customers.create is
// the endpoint), prose (descriptions, quirks, notes) and the reference's
// common errors, which core.md lists once for every endpoint.
package build

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// obj is a decoded JSON object of the inventory; the four files name and
// shape their fields differently, so they are read field by field.
type obj = map[string]any

// Generate reads the inventory in dir and the OpenAPI files in openapi
// (see openAPIFiles) and returns the data files, by name.
func Generate(dir, openapi string) (map[string][]byte, error) {
	g := &gen{dir: dir, areas: map[string]*reference.Area{}}
	steps := []struct {
		file string
		read func(any) error
	}{
		{"endpoints-core.json", g.core},
		{"endpoints-payments.json", g.payments},
		{"endpoints-snap.json", g.snap},
		{"endpoints-more.json", g.more},
	}
	for _, s := range steps {
		b, err := os.ReadFile(filepath.Join(dir, s.file))
		if err != nil {
			return nil, err
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
		if err := s.read(v); err != nil {
			return nil, fmt.Errorf("%s: %w", s.file, err)
		}
	}
	if err := g.openAPI(openapi); err != nil {
		return nil, err
	}
	if g.err != nil {
		return nil, g.err
	}
	g.linkWebhooks()
	out := map[string][]byte{}
	for name, a := range g.areas {
		sort.Slice(a.Endpoints, func(i, j int) bool { return a.Endpoints[i].ID < a.Endpoints[j].ID })
		sort.Slice(a.Webhooks, func(i, j int) bool { return a.Webhooks[i].ID < a.Webhooks[j].ID })
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(a); err != nil {
			return nil, err
		}
		out[name+".json"] = buf.Bytes()
	}
	return out, nil
}

type gen struct {
	dir   string
	areas map[string]*reference.Area
	err   error
}

func (g *gen) fail(format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf(format, args...)
	}
}

func (g *gen) area(id string) *reference.Area {
	name, _, _ := strings.Cut(id, ".")
	a := g.areas[name]
	if a == nil {
		a = &reference.Area{Endpoints: []reference.Endpoint{}}
		g.areas[name] = a
	}
	return a
}

func (g *gen) addEndpoint(e reference.Endpoint) {
	e.Area, _, _ = strings.Cut(e.ID, ".")
	if e.BaseURL == reference.DefaultBaseURL {
		e.BaseURL = ""
	}
	if e.Method == "" || !strings.HasPrefix(e.Path, "/") {
		g.fail("%s: no method or path", e.ID)
	}
	a := g.area(e.ID)
	a.Endpoints = append(a.Endpoints, e)
}

func (g *gen) addWebhook(w reference.Webhook) {
	w.Area, _, _ = strings.Cut(w.ID, ".")
	a := g.area(w.ID)
	a.Webhooks = append(a.Webhooks, w)
}

// linkWebhooks completes each endpoint's Webhooks and each webhook's
// TriggeredBy from whichever side of the pair the inventory filled.
func (g *gen) linkWebhooks() {
	byEndpoint := map[string]map[string]bool{}
	add := func(ep, wh string) {
		if byEndpoint[ep] == nil {
			byEndpoint[ep] = map[string]bool{}
		}
		byEndpoint[ep][wh] = true
	}
	for _, a := range g.areas {
		for _, e := range a.Endpoints {
			for _, w := range e.Webhooks {
				add(e.ID, w)
			}
		}
		for _, w := range a.Webhooks {
			for _, ep := range w.TriggeredBy {
				add(ep, w.ID)
			}
		}
	}
	for _, a := range g.areas {
		for i := range a.Endpoints {
			a.Endpoints[i].Webhooks = sortedKeys(byEndpoint[a.Endpoints[i].ID])
		}
		for i := range a.Webhooks {
			var by []string
			for ep, whs := range byEndpoint {
				if whs[a.Webhooks[i].ID] {
					by = append(by, ep)
				}
			}
			sort.Strings(by)
			a.Webhooks[i].TriggeredBy = by
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// examples reads the example files an entry lists.
func (g *gen) examples(list []any) []reference.Example {
	var out []reference.Example
	for _, v := range list {
		x := asObj(v)
		file := str(x, "file")
		b, err := os.ReadFile(filepath.Join(g.dir, file))
		if err != nil {
			g.fail("example %s: %w", file, err)
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, b); err != nil {
			g.fail("example %s: %w", file, err)
			continue
		}
		out = append(out, reference.Example{
			Kind:       str(x, "kind"),
			Name:       filepath.Base(file),
			APIVersion: str(x, "api_version"),
			Source:     source(x["source"]),
			JSON:       json.RawMessage(compact.Bytes()),
		})
	}
	return out
}

// params normalises a parameter table of any of the four files.
func params(v any) []reference.Param {
	var out []reference.Param
	for _, x := range asList(v) {
		p := asObj(x)
		out = append(out, reference.Param{
			Name:     str(p, "name"),
			Type:     str(p, "type"),
			Required: requirement(p["required"]),
			Enum:     strs(p["enum"]),
			Children: params(p["children"]),
			Variants: variants(p["variants"]),
		})
	}
	return out
}

// variants reads the two shapes the inventory uses: an object keyed by the
// choosing value (endpoints-core.json), or a list of labelled groups.
func variants(v any) []reference.Variant {
	var out []reference.Variant
	switch v := v.(type) {
	case obj:
		for _, label := range sortedKeys(keySet(v)) {
			out = append(out, reference.Variant{Label: label, Fields: params(v[label])})
		}
	case []any:
		for _, x := range v {
			o := asObj(x)
			label := str(o, "label")
			if label == "" {
				label = str(o, "documented_group")
			}
			out = append(out, reference.Variant{Label: label, ChannelCodes: strs(o["channel_codes"]), Fields: params(o["fields"])})
		}
	}
	return out
}

func keySet(m obj) map[string]bool {
	s := map[string]bool{}
	for k := range m {
		s[k] = true
	}
	return s
}

// requirement maps the inventory's spellings onto reference's three values.
func requirement(v any) string {
	switch v := v.(type) {
	case bool:
		if v {
			return reference.Required
		}
		return reference.Optional
	case string:
		switch strings.ToLower(v) {
		case "required", "sent": // "sent": a webhook header Xendit always sends
			return reference.Required
		case "optional":
			return reference.Optional
		case "conditional":
			return reference.Conditional
		}
	}
	return "" // "not stated", "unspecified", null
}

// errs reads an error table; the files name the code "code" or "error_code".
func errs(v any) []reference.Error {
	var out []reference.Error
	for _, x := range asList(v) {
		e := asObj(x)
		code := str(e, "code")
		if code == "" {
			code = str(e, "error_code")
		}
		out = append(out, reference.Error{Code: code, HTTPStatus: num(e["http_status"]), Message: str(e, "description")})
	}
	return out
}

// sourceLines matches the start of the inventory's source strings: "seed
// 002_e6ad2b928180ed42.txt lines 351-458" or "... line 432", sometimes
// followed by "; also seed 003... lines ..." (other copies of the section,
// which are left out: Source is the main passage).
var sourceLines = regexp.MustCompile(`^seed (\S+) lines? (\d+)(?:-(\d+))?`)

func source(v any) reference.Source {
	s, _ := v.(string)
	m := sourceLines.FindStringSubmatch(s)
	if m == nil {
		return reference.Source{}
	}
	src := reference.Source{File: m[1], From: atoi(m[2]), To: atoi(m[2])}
	if m[3] != "" {
		src.To = atoi(m[3])
	}
	return src
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func asObj(v any) obj {
	o, _ := v.(obj)
	return o
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(o obj, key string) string {
	s, _ := o[key].(string)
	return s
}

func strs(v any) []string {
	var out []string
	for _, x := range asList(v) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// num reads a number written as a JSON number or a string ("201").
func num(v any) int {
	switch v := v.(type) {
	case float64:
		return int(v)
	case string:
		return atoi(v)
	}
	return 0
}
