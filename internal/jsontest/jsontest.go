// Package jsontest checks that the SDK's types decode the API reference's
// JSON examples without losing anything.
package jsontest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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
// compares the two JSON trees: every key of the example must come back with
// the same value (numbers compared numerically, strings, timestamps among
// them, by text). A null that comes back absent is fine: null and absent
// mean the same in a response. Keys the types add are fine too.
func RoundTrip(t testing.TB, name string, v any) {
	t.Helper()
	example := Load(t, name)
	require.NoError(t, json.Unmarshal(example, v), name)
	again, err := json.Marshal(v)
	require.NoError(t, err)
	if diffs := Diff(example, again); len(diffs) > 0 {
		t.Errorf("%s does not survive a round trip:\n  %s", name, strings.Join(diffs, "\n  "))
	}
}

// RoundTripAll runs RoundTrip on every example in types, and fails on any
// testdata/*.json file that is neither in types nor in skip (with the
// reason), so that a new example cannot go unchecked.
func RoundTripAll(t *testing.T, types map[string]func() any, skip map[string]string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		name := filepath.Base(f)
		_, typed := types[name]
		_, skipped := skip[name]
		if !typed && !skipped {
			t.Errorf("%s has no type to round-trip through and no reason to skip it", name)
		}
	}
	names := make([]string, 0, len(types))
	for name := range types {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) { RoundTrip(t, name, types[name]()) })
	}
}

// Skip returns why with each of errorTables added, as an error table that
// xendit.Error reads, for RoundTripAll.
func Skip(why map[string]string, errorTables ...string) map[string]string {
	for _, n := range errorTables {
		why[n] = "an error table, read by xendit.Error"
	}
	return why
}

// Diff compares the JSON trees want and got as RoundTrip does and returns
// one line per key gone or changed, by path.
func Diff(want, got []byte) []string {
	var w, g any
	if err := decode(want, &w); err != nil {
		return []string{"example: " + err.Error()}
	}
	if err := decode(got, &g); err != nil {
		return []string{"encoded: " + err.Error()}
	}
	var diffs []string
	diff("$", w, g, &diffs)
	return diffs
}

func decode(b []byte, v *any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec.Decode(v)
}

func diff(path string, want, got any, diffs *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			gv, present := g[k]
			switch {
			case w[k] == nil && gv == nil:
			case !present:
				*diffs = append(*diffs, fmt.Sprintf("%s.%s: %s is gone", path, k, show(w[k])))
			default:
				diff(path+"."+k, w[k], gv, diffs)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
			return
		}
		for i := range w {
			diff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], diffs)
		}
	case json.Number:
		g, ok := got.(json.Number)
		if !ok || !sameNumber(w, g) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
		}
	default: // strings, booleans, null
		if want != got {
			*diffs = append(*diffs, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
		}
	}
}

func sameNumber(a, b json.Number) bool {
	x, okx := new(big.Rat).SetString(string(a))
	y, oky := new(big.Rat).SetString(string(b))
	return okx && oky && x.Cmp(y) == 0
}

// show prints a value short enough for one line.
func show(v any) string {
	if v == nil {
		return "absent or null"
	}
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
