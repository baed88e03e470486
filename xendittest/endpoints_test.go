package xendittest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/reference"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// TestEveryEndpointOfTheSDKIsServed sends one request per row of the SDK's
// endpoint table, the only place the fake's tests use it, and checks that
// the fake routes it: no 405, and no 404 for an unknown route (a 404 for
// an unknown object is an answer). The fake's routes come from the
// reference, so a row whose method or path strays from it fails here.
func TestEveryEndpointOfTheSDKIsServed(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	hc := &http.Client{Transport: srv.Transport()}
	placeholder := regexp.MustCompile(`\{[^}]+\}`)
	for _, e := range xendit.Endpoints() {
		t.Run(e.ID, func(t *testing.T) {
			path := placeholder.ReplaceAllString(e.Path, "xendittest_missing")
			var body io.Reader
			if e.Method != http.MethodGet && e.Method != http.MethodDelete {
				body = strings.NewReader(`{}`)
			}
			req, err := http.NewRequestWithContext(t.Context(), e.Method, "http://fake"+path, body)
			require.NoError(t, err)
			req.SetBasicAuth(xendittest.SecretKey, "")
			req.Header.Set("Content-Type", "application/json")
			resp, err := hc.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			var got struct {
				ErrorCode string `json:"error_code"`
			}
			_ = json.NewDecoder(resp.Body).Decode(&got)
			assert.NotEqual(t, http.StatusMethodNotAllowed, resp.StatusCode, "%s %s", e.Method, e.Path)
			assert.NotEqual(t, http.StatusNotImplemented, resp.StatusCode, "%s %s has no model", e.Method, e.Path)
			assert.False(t, resp.StatusCode == http.StatusNotFound && got.ErrorCode == "NOT_FOUND",
				"the fake has no route for %s %s", e.Method, e.Path)
		})
	}
}

// TestEveryEndpointOfTheReferenceIsRouted: the fake routes every operation
// of the reference, modelled or not, to itself (a path placeholder may sit
// inside a segment, as in ".../external_id={external_id}/...").
func TestEveryEndpointOfTheReferenceIsRouted(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	defer srv.Close()
	n := 0
	for _, e := range reference.Endpoints() {
		if e.Kind != reference.KindAPI {
			continue
		}
		n++
		path := regexp.MustCompile(`\{[^}]+\}`).ReplaceAllString(e.Path, "xendittest_missing")
		status, got := call(t, srv, xendittest.SecretKey, e.Method, path, "", nil)
		assert.False(t, status == http.StatusNotFound && got["error_code"] == "NOT_FOUND", "%s %s is not routed", e.Method, e.Path)
		assert.NotEqual(t, http.StatusMethodNotAllowed, status, e.ID)
	}
	assert.Greater(t, n, 100)
}
