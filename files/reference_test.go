package files_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/files"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

func TestReferenceExamplesRoundTrip(t *testing.T) {
	t.Parallel()
	jsontest.RoundTripAll(t, map[string]func() any{
		"files.upload.response.json": func() any { return new(files.File) },
		"files.get.response.json":    func() any { return new(files.File) },
		"files.delete.response.json": func() any { return new(files.Deleted) },
	}, nil)
	var f files.File
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "files.get.response.json"), &f))
	assert.Equal(t, int64(10000), f.Size)
	assert.Equal(t, files.PurposeChargebackEvidence, f.Purpose)
}
