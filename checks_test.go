package xendit_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

func TestOutcomeUnknown(t *testing.T) {
	post := xendit.Endpoint{ID: "test.create", Method: http.MethodPost, Path: "/things"}
	call := func(t *testing.T, h http.HandlerFunc) error {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		c, err := xendit.New("xnd_development_test", xendit.WithBaseURL(srv.URL), fastRetry)
		require.NoError(t, err)
		return c.Do(context.Background(), &xendit.Request{Endpoint: post, Body: map[string]int{"a": 1}}, &struct{}{})
	}
	status := func(code int) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(code) }
	}
	for _, code := range []int{500, 502, 503, 504} {
		assert.True(t, xendit.OutcomeUnknown(call(t, status(code))), "%d", code)
	}
	for _, code := range []int{400, 401, 404, 409, 429} {
		assert.False(t, xendit.OutcomeUnknown(call(t, status(code))), "%d", code)
	}
	garbled := func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("{not json")) }
	assert.True(t, xendit.OutcomeUnknown(call(t, garbled)), "created, but the answer is unreadable")
	dropped := func(w http.ResponseWriter, _ *http.Request) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}
	assert.True(t, xendit.OutcomeUnknown(call(t, dropped)))

	srv := httptest.NewServer(status(200))
	srv.Close()
	c, err := xendit.New("xnd_development_test", xendit.WithBaseURL(srv.URL), fastRetry)
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: post}, nil)
	require.Error(t, err)
	assert.False(t, xendit.OutcomeUnknown(err), "the connection was never opened")

	assert.False(t, xendit.OutcomeUnknown(nil))
	assert.False(t, xendit.OutcomeUnknown(xendit.Invalid("amount", "bad")))
	assert.False(t, xendit.OutcomeUnknown(errors.New("other")))
}

func TestCheckMetadata(t *testing.T) {
	assert.NoError(t, xendit.CheckMetadata("metadata", map[string]any{"a": "b", "n": 1}))
	many := map[string]any{}
	for i := range 51 {
		many[fmt.Sprintf("k%d", i)] = i
	}
	var ve *xendit.ValidationError
	require.ErrorAs(t, xendit.CheckMetadata("metadata", many), &ve)
	assert.Equal(t, "metadata", ve.Field)
	require.ErrorAs(t, xendit.CheckMetadata("metadata", map[string]any{strings.Repeat("k", 41): 1}), &ve)
	require.ErrorAs(t, xendit.CheckMetadata("m", map[string]any{"k": strings.Repeat("é", 501)}), &ve)
	assert.Equal(t, "m.k", ve.Field)
	assert.NoError(t, xendit.CheckMetadata("m", map[string]any{"k": strings.Repeat("é", 500)}), "characters, not bytes")
	require.ErrorAs(t, xendit.CheckMetadata("m", map[string]any{"k": map[string]string{"x": strings.Repeat("v", 500)}}), &ve, "a non-string value counts as its JSON")
}
