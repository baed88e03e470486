package reference

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

// DefaultBaseURL is the base URL of every endpoint whose BaseURL is empty.
const DefaultBaseURL = "https://api.xendit.co"

// DefaultVersionHeader is the version header of the reference's general
// section (core.md: "send API-Version"). An endpoint whose VersionHeader is
// empty documents no header of its own.
const DefaultVersionHeader = "API-Version"

// Kinds of [Endpoint].
const (
	// KindAPI is an operation of its own.
	KindAPI = "api"
	// KindVariant is a documented use of another operation's method and
	// path (Create Authorization is Create Charge with capture=false); it
	// names that operation in VariantOf, and [Lookup] never returns it.
	KindVariant = "variant"
)

// Requirements of a [Param]. The empty string means the reference does not
// say.
const (
	Required    = "required"
	Optional    = "optional"
	Conditional = "conditional" // required in some cases, named in the reference's text
)

// Example kinds.
const (
	ExampleRequest  = "request"
	ExampleResponse = "response"
	ExampleError    = "error"
	ExampleWebhook  = "webhook"
)

// Endpoint is one HTTP operation of the API as the reference documents it.
type Endpoint struct {
	// ID is the inventory's id ("cards.create_refund"); its first segment is
	// Area.
	ID    string `json:"id"`
	Area  string `json:"area"`
	Kind  string `json:"kind"`
	Title string `json:"title"`
	// VariantOf names the KindAPI endpoint a KindVariant one uses.
	VariantOf string `json:"variant_of,omitempty"`
	Method    string `json:"method"`
	// Path is the inventory's normalised path: {name} placeholders, no
	// query string, no trailing slash. A placeholder may share its segment
	// with literal text ("/callback_virtual_accounts/external_id={external_id}/simulate_payment").
	Path string `json:"path"`
	// BaseURL is empty for DefaultBaseURL.
	BaseURL    string  `json:"base_url,omitempty"`
	PathParams []Param `json:"path_params,omitempty"`

	// VersionHeader is the endpoint's own version header, spelled as the
	// reference spells it ("API-VERSION", "x-api-version", "api-version");
	// empty when it names none (see DefaultVersionHeader).
	VersionHeader string `json:"version_header,omitempty"`
	// Versions are the documented version values, newest first; a
	// section may document versions without a header (PayLater).
	Versions []string `json:"versions,omitempty"`
	// VersionRequired reports that the version header must be sent.
	VersionRequired bool `json:"version_required,omitempty"`

	// IdempotencyHeader is spelled as the reference spells it; empty when
	// the endpoint documents none.
	IdempotencyHeader   string `json:"idempotency_header,omitempty"`
	IdempotencyRequired bool   `json:"idempotency_required,omitempty"`

	// Headers are the request headers the endpoint's section lists, named
	// as spelled there (SNAP: X-TIMESTAMP, X-SIGNATURE, X-PARTNER-ID,
	// X-EXTERNAL-ID, CHANNEL-ID). Sections differ in whether they list
	// Authorization and Content-Type.
	Headers     []Param `json:"headers,omitempty"`
	Query       []Param `json:"query,omitempty"`
	ContentType string  `json:"content_type,omitempty"`
	// Body holds the top-level request fields; nested fields are in
	// Children (for an array of objects, the fields of each item).
	Body []Param `json:"body,omitempty"`

	// SuccessStatus is the documented HTTP status of success; 0 when the
	// section states none (the general rule is 200 OK). SNAP's is the one
	// implied by the first three digits of the success responseCode.
	SuccessStatus int `json:"success_status,omitempty"`
	// Errors are the endpoint's own error codes; the common ones of core.md
	// (API_VALIDATION_ERROR 400, INVALID_API_KEY 401, ...) are not repeated.
	Errors []Error `json:"errors,omitempty"`
	// Webhooks are the IDs of the webhooks this endpoint triggers, where
	// the reference says so.
	Webhooks []string  `json:"webhooks,omitempty"`
	Examples []Example `json:"examples,omitempty"`
	Source   Source    `json:"source"`
}

// Param is a path, query, header or body parameter.
type Param struct {
	Name string `json:"name"`
	// Type is the inventory's normalised type: string, number, integer,
	// boolean, object, array, array<string>, array<object>, file...
	Type     string   `json:"type,omitempty"`
	Required string   `json:"required,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Children []Param  `json:"children,omitempty"`
	// Variants are alternative sets of child fields, chosen by another
	// field (channel_properties per channel code, properties per type).
	Variants []Variant `json:"variants,omitempty"`
}

// Variant is one documented shape of a Param's children.
type Variant struct {
	Label        string   `json:"label"`
	ChannelCodes []string `json:"channel_codes,omitempty"`
	Fields       []Param  `json:"fields"`
}

// Error is a documented error answer. Code is the error_code, or for SNAP
// the 7-digit responseCode.
type Error struct {
	Code       string `json:"code"`
	HTTPStatus int    `json:"http_status"`
	Message    string `json:"message,omitempty"`
}

// Example is one JSON example of the reference, as the inventory extracted
// it (only whitespace changed, obvious syntax slips fixed as its notes say).
type Example struct {
	Kind string `json:"kind"`
	// Name is the inventory's file name ("cards.create_refund.response.json").
	Name string `json:"name"`
	// APIVersion is the version the example follows, when documented.
	APIVersion string          `json:"api_version,omitempty"`
	Source     Source          `json:"source"`
	JSON       json.RawMessage `json:"json"`
}

// Source locates a passage in the reference text.
type Source struct {
	File string `json:"file"`
	From int    `json:"from,omitempty"`
	To   int    `json:"to,omitempty"`
}

func (s Source) String() string {
	if s.To != s.From {
		return fmt.Sprintf("%s lines %d-%d", s.File, s.From, s.To)
	}
	return fmt.Sprintf("%s line %d", s.File, s.From)
}

// Webhook is a request Xendit sends to the merchant.
type Webhook struct {
	ID     string   `json:"id"`
	Area   string   `json:"area"`
	Title  string   `json:"title"`
	Events []string `json:"events,omitempty"`
	// Headers are the headers Xendit sends, where the section lists them.
	Headers []Param `json:"headers,omitempty"`
	// Body holds the payload's documented fields, where the inventory has
	// them as a table.
	Body        []Param   `json:"body,omitempty"`
	TriggeredBy []string  `json:"triggered_by,omitempty"`
	Examples    []Example `json:"examples,omitempty"`
	Source      Source    `json:"source"`
}

// Area is the content of one data file: one area's endpoints and webhooks,
// each sorted by ID.
type Area struct {
	Endpoints []Endpoint `json:"endpoints"`
	Webhooks  []Webhook  `json:"webhooks,omitempty"`
}

//go:embed data
var data embed.FS

var load = sync.OnceValues(func() (Area, error) {
	var all Area
	names, err := fs.Glob(data, "data/*.json")
	if err != nil {
		return all, err
	}
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			return all, err
		}
		var a Area
		if err := json.Unmarshal(b, &a); err != nil {
			return all, fmt.Errorf("reference: %s: %w", path.Base(name), err)
		}
		all.Endpoints = append(all.Endpoints, a.Endpoints...)
		all.Webhooks = append(all.Webhooks, a.Webhooks...)
	}
	sort.Slice(all.Endpoints, func(i, j int) bool { return all.Endpoints[i].ID < all.Endpoints[j].ID })
	sort.Slice(all.Webhooks, func(i, j int) bool { return all.Webhooks[i].ID < all.Webhooks[j].ID })
	return all, nil
})

func mustLoad() Area {
	a, err := load()
	if err != nil {
		panic(err) // the embedded data is tested; this cannot happen in a build that passed
	}
	return a
}

// Endpoints returns every endpoint, variants included, sorted by ID. The
// slice is the caller's; the Endpoints in it share their inner slices with
// the package, so do not modify them.
func Endpoints() []Endpoint {
	return append([]Endpoint(nil), mustLoad().Endpoints...)
}

// Webhooks returns every webhook, sorted by ID, under the same terms as
// [Endpoints].
func Webhooks() []Webhook {
	return append([]Webhook(nil), mustLoad().Webhooks...)
}

// ByID returns the endpoint with the inventory id.
func ByID(id string) (Endpoint, bool) {
	eps := mustLoad().Endpoints
	i := sort.Search(len(eps), func(i int) bool { return eps[i].ID >= id })
	if i < len(eps) && eps[i].ID == id {
		return eps[i], true
	}
	return Endpoint{}, false
}

// Lookup returns the endpoint a request with method to the concrete path
// (no query string, no base URL) reaches: "/customers/cust_123" reaches
// "/customers/{id}". Literal segments win over placeholders, from left to
// right ("/credit_card_charges/option" is Get Charge Option, not Get
// Charge). Variants are never returned. When two endpoints share one
// method and template (SNAP's OTP verification, for binding and for
// payment), Lookup returns the one whose ID sorts first; [LookupAll]
// returns both.
func Lookup(method, path string) (Endpoint, bool) {
	all := LookupAll(method, path)
	if len(all) == 0 {
		return Endpoint{}, false
	}
	return all[0], true
}

// LookupAll returns every KindAPI endpoint with the best-matching template
// for method and path (see [Lookup]), sorted by ID.
func LookupAll(method, path string) []Endpoint {
	var best []Endpoint
	var bestScore []int
	for _, e := range mustLoad().Endpoints {
		if e.Kind != KindAPI || !strings.EqualFold(e.Method, method) {
			continue
		}
		score, ok := match(e.Path, path)
		if !ok {
			continue
		}
		switch c := compareScores(score, bestScore); {
		case best == nil || c > 0:
			best, bestScore = []Endpoint{e}, score
		case c == 0:
			best = append(best, e)
		}
	}
	return best
}

// match reports whether the concrete path fits template, with a score per
// segment: 2 for a literal segment, 1 for a placeholder with literal text
// around it, 0 for a bare placeholder.
func match(template, concrete string) ([]int, bool) {
	ts := strings.Split(strings.Trim(template, "/"), "/")
	cs := strings.Split(strings.Trim(concrete, "/"), "/")
	if len(ts) != len(cs) {
		return nil, false
	}
	score := make([]int, len(ts))
	for i, t := range ts {
		open := strings.IndexByte(t, '{')
		closing := strings.LastIndexByte(t, '}')
		if open < 0 || closing < open {
			if t != cs[i] {
				return nil, false
			}
			score[i] = 2
			continue
		}
		prefix, suffix := t[:open], t[closing+1:]
		c := cs[i]
		if len(c) <= len(prefix)+len(suffix) || !strings.HasPrefix(c, prefix) || !strings.HasSuffix(c, suffix) {
			return nil, false
		}
		if prefix != "" || suffix != "" {
			score[i] = 1
		}
	}
	return score, true
}

// compareScores orders two match scores of the same length left to right.
func compareScores(a, b []int) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] - b[i]
		}
	}
	return 0
}
