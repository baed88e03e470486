package xendittest_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sdkFiles are the only files that may use the SDK: they hand out a client
// for the fake and check a DedupeStore. The rest is the fake, which must
// not agree with the SDK by construction.
var sdkFiles = map[string]bool{"sdk.go": true, "dedupestore.go": true}

// TestHandlingCodeDoesNotUseTheSDK reads the imports of every non-test file:
// only sdkFiles import the module's root package, and none imports a
// product package or the SDK's endpoint table; the reference data and the
// in-memory transport are the module's only other packages allowed.
func TestHandlingCodeDoesNotUseTheSDK(t *testing.T) {
	const module = "github.com/seed19b1029f/xendit-go"
	allowed := map[string]bool{module + "/internal/reference": true, module + "/internal/memtransport": true}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case path == module:
				assert.True(t, sdkFiles[name], "%s imports the SDK; only %v may", name, sdkFiles)
			case strings.HasPrefix(path, module+"/"):
				assert.True(t, allowed[path], "%s imports %s", name, path)
			}
		}
		checked++
	}
	assert.Greater(t, checked, 10)
}
