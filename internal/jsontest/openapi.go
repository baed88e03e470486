package jsontest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/reference"
)

// PlaceholderTime replaces the generator's "created": "created" in an
// OpenAPI file's schema example.
const PlaceholderTime = "2023-01-24T07:05:07.859Z"

// FillPlaceholders returns the JSON value v with the placeholders
// openapi-generator wrote into the unified Payments API's schema examples
// replaced where the schema's type cannot hold them: a timestamp whose
// value is its own name ("created": "created") becomes PlaceholderTime,
// and metadata or customer given as the string "{}" becomes an empty
// object. Nothing else changes.
func FillPlaceholders(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			switch {
			case (k == "created" || k == "updated") && e == k:
				e = PlaceholderTime
			case (k == "metadata" || k == "customer") && e == "{}":
				e = map[string]any{}
			}
			out[k] = FillPlaceholders(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = FillPlaceholders(e)
		}
		return out
	}
	return v
}

// PinnedToReference fails unless testdata holds exactly the examples of
// the reference's area (an OpenAPI file's), each as FillPlaceholders makes
// it, one file per example named as the reference names it: the examples
// the package round-trips are the file's, not copies that drifted.
func PinnedToReference(t *testing.T, area string) {
	t.Helper()
	want := map[string]any{}
	for _, e := range reference.Endpoints() {
		if e.Area != area {
			continue
		}
		for _, x := range e.Examples {
			var v any
			require.NoError(t, decode(x.JSON, &v), x.Name)
			want[x.Name] = FillPlaceholders(v)
		}
	}
	require.NotEmpty(t, want, "area %s has examples", area)
	files, err := filepath.Glob(filepath.Join("testdata", area+".*.json"))
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	wantNames := make([]string, 0, len(want))
	for n := range want {
		wantNames = append(wantNames, n)
	}
	sort.Strings(wantNames)
	assert.Equal(t, wantNames, names, "testdata holds one file per example of %s", area)
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		var got any
		require.NoError(t, decode(bytes.TrimSpace(b), &got), name)
		wantJSON, _ := json.Marshal(want[name])
		var w any
		require.NoError(t, decode(wantJSON, &w))
		assert.Equal(t, w, got, "%s differs from the reference's example", name)
	}
}
