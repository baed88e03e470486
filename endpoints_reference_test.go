package xendit_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	xendit "github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/reference"
)

var pathPlaceholder = regexp.MustCompile(`\{[^}]*\}`)

// placeholderShape is a path with its placeholders unnamed, so that
// "/customers/{id}" and "/customers/{customer_id}" compare equal.
func placeholderShape(path string) string {
	return pathPlaceholder.ReplaceAllString(path, "{}")
}

// renamedPlaceholders are the rows whose placeholder names differ from the
// reference's (table path → reference path). The names only label
// Request.PathParams; the request line is the same.
var renamedPlaceholders = map[string]string{
	// The reference names the id credit_card_id here and
	// credit_card_charge_id on Capture and Refund; the table uses one name
	// for the charge id.
	"cards.get_charge": "/credit_card_charges/{credit_card_id}",
}

// referenceExceptions are the table's deliberate departures from the
// reference, by row ID and field, each with its reason. Keep it as short
// as the truth allows: every entry must still be needed (the test fails on
// one that is not).
var referenceExceptions = map[string]string{
	"refunds.get_refund IdempotencyHeader": "refund.yaml documents an idempotency-key on a GET; " +
		"a GET is repeated safely without one, so the SDK sends none",
}

// referenceFor returns the reference's endpoints with e's method and path
// shape. SNAP's binding and payment OTP verification share one path, so a
// row may have two.
func referenceFor(e xendit.Endpoint) []reference.Endpoint {
	var out []reference.Endpoint
	for _, r := range reference.Endpoints() {
		if r.Kind == reference.KindAPI && r.Method == e.Method && placeholderShape(r.Path) == placeholderShape(e.Path) {
			out = append(out, r)
		}
	}
	return out
}

// TestEndpointTableFollowsTheReference pins every row of the endpoint
// table to the reference inventory: a misspelt header or path in the table
// fails here, naming the row and the field.
func TestEndpointTableFollowsTheReference(t *testing.T) {
	t.Parallel()
	used := map[string]bool{}
	renamed := map[string]string{}
	for _, e := range xendit.Endpoints() {
		refs := referenceFor(e)
		if len(refs) == 0 {
			t.Errorf("%s: %s %s: %s", e.ID, e.Method, e.Path, nearest(e))
			continue
		}
		// A path documented twice (the eWallets section's {id}, the Payment
		// Methods file's {paymentMethodId}) is renamed only if the row
		// follows neither.
		if !slices.ContainsFunc(refs, func(r reference.Endpoint) bool { return r.Path == e.Path }) {
			renamed[e.ID] = refs[0].Path
		}
		for _, r := range refs {
			for _, m := range compareToReference(e, r) {
				key := e.ID + " " + m.field
				if _, ok := referenceExceptions[key]; ok {
					used[key] = true
					continue
				}
				t.Errorf("%s (reference %s, %s): %s: table has %q, reference has %q",
					e.ID, r.ID, r.Source, m.field, m.table, m.reference)
			}
		}
	}
	assert.Equal(t, renamedPlaceholders, renamed, "rows whose placeholder names differ from the reference's")
	for key := range referenceExceptions {
		assert.True(t, used[key], "exception %q is no longer needed; remove it", key)
	}
}

type mismatch struct{ field, table, reference string }

func compareToReference(e xendit.Endpoint, r reference.Endpoint) []mismatch {
	var out []mismatch
	differ := func(field, table, ref string) {
		if table != ref {
			out = append(out, mismatch{field, table, ref})
		}
	}
	// The version header is compared whenever either side names one: an
	// empty VersionHeader is the SDK's default, API-Version, which is the
	// reference's general spelling.
	tableHeader, refHeader := e.VersionHeader, r.VersionHeader
	if tableHeader == "" {
		tableHeader = xendit.HeaderAPIVersion
	}
	if refHeader == "" {
		refHeader = reference.DefaultVersionHeader
	}
	differ("VersionHeader", tableHeader, refHeader)
	if e.APIVersion != "" && !slices.Contains(r.Versions, e.APIVersion) {
		out = append(out, mismatch{"APIVersion", e.APIVersion, "one of [" + strings.Join(r.Versions, " ") + "]"})
	}
	if r.VersionRequired && e.APIVersion == "" {
		out = append(out, mismatch{"APIVersion", "", fmt.Sprintf("required, one of [%s]", strings.Join(r.Versions, " "))})
	}
	differ("IdempotencyHeader", e.IdempotencyHeader, r.IdempotencyHeader)
	return out
}

// nearest says why a row has no reference endpoint: the reference has the
// path with another method, or the row's ID names an endpoint with another
// path.
func nearest(e xendit.Endpoint) string {
	var methods []string
	for _, r := range reference.Endpoints() {
		if r.Kind == reference.KindAPI && placeholderShape(r.Path) == placeholderShape(e.Path) {
			methods = append(methods, r.Method+" ("+r.ID+")")
		}
	}
	if len(methods) > 0 {
		return fmt.Sprintf("Method: table has %q, reference has this path only as %s", e.Method, strings.Join(methods, ", "))
	}
	if r, ok := reference.ByID(e.ID); ok {
		return fmt.Sprintf("Path: table has %q, reference %s has %s %q (%s)", e.Path, r.ID, r.Method, r.Path, r.Source)
	}
	return "Path: no reference endpoint has this method and path"
}
