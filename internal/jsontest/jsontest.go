// Package jsontest checks that the SDK's types decode the API reference's
// JSON examples without losing anything.
package jsontest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Load reads testdata/name.
func Load(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// Strict decodes testdata/name into v and fails on any key v has no field
// for: every documented field of the example lands in a named field.
func Strict(t testing.TB, name string, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(Load(t, name)))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(v), name)
}

// RoundTrip decodes the example testdata/name into v, encodes v again and
// asserts that every non-null value of the example survived unchanged. Nulls
// are dropped on both sides first: null and absent mean the same in a
// response, and the types encode an unset optional field either way.
func RoundTrip(t testing.TB, name string, v any) {
	t.Helper()
	example := Load(t, name)
	require.NoError(t, json.Unmarshal(example, v), name)
	again, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, normalize(t, example), normalize(t, again), name)
}

func normalize(t testing.TB, b []byte) string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	out, err := json.Marshal(dropNulls(v))
	require.NoError(t, err)
	return string(out)
}

func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if e == nil {
				delete(x, k)
				continue
			}
			x[k] = dropNulls(e)
		}
	case []any:
		for i := range x {
			x[i] = dropNulls(x[i])
		}
	}
	return v
}
