package xendit_test

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/webhooktest"
)

// syncBuffer is a bytes.Buffer safe for a logger used from several goroutines.
type syncBuffer = webhooktest.Buffer

func TestDebugLoggingNeverShowsTheKey(t *testing.T) {
	var n atomic.Int32
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			jsonReply(503, `{"error_code":"SERVER_ERROR","message":"busy"}`)(w, r)
		case 2:
			jsonReply(200, `{"id":"x"}`)(w, r)
		default:
			jsonReply(401, `{"error_code":"INVALID_API_KEY","message":"API key format is invalid"}`)(w, r)
		}
	})
	var logs syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c := srv.client(t, xendit.WithLogger(logger))

	ctx := context.Background()
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"},
		Query: map[string][]string{"reference_id": {"ref-1"}}}, nil))
	err := c.Do(ctx, &xendit.Request{Endpoint: createKeyed, Body: map[string]string{"email": "a@example.com"}}, nil)
	require.Error(t, err)

	out := logs.String()
	assert.Contains(t, out, `"msg":"xendit request"`)
	assert.Contains(t, out, `"msg":"xendit retry"`)
	assert.Contains(t, out, `"operation":"test.get"`)
	encoded := strings.TrimPrefix(docAuthorization, "Basic ")
	for _, s := range []string{out, err.Error()} {
		assert.NotContains(t, s, docKey)
		assert.NotContains(t, s, encoded)
		assert.NotContains(t, s, "a@example.com", "bodies are not logged")
		assert.NotContains(t, s, "ref-1", "query strings are not logged")
	}
}

func TestSilentWithoutALogger(t *testing.T) {
	// A client without WithLogger must not fall back to the default logger.
	var logs syncBuffer
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(prev)

	srv := newRecorder(t, jsonReply(503, `{}`))
	_ = srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
	assert.Empty(t, logs.String())
}

// Path ids and query values can be card tokens or personal data: neither the
// log nor a transport error quotes them.
func TestIDsAndQueriesStayOutOfLogsAndTransportErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // every dial is refused

	var logs syncBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := xendit.New(docKey, xendit.WithBaseURL("http://"+addr), fastRetry, xendit.WithLogger(logger))
	require.NoError(t, err)
	err = c.Do(context.Background(), &xendit.Request{Endpoint: getThing,
		PathParams: map[string]string{"id": "tok_5f0410898bcf7a001a00879d"},
		Query:      map[string][]string{"token_id": {"tok_in_query_42"}, "email": {"budi@example.com"}}}, nil)
	require.Error(t, err)
	var op *net.OpError
	require.ErrorAs(t, err, &op, "the cause is still there for errors.As")

	for _, s := range []string{logs.String(), err.Error()} {
		assert.NotContains(t, s, "tok_5f0410898bcf7a001a00879d")
		assert.NotContains(t, s, "tok_in_query_42")
		assert.NotContains(t, s, "budi@example.com")
	}
	assert.Contains(t, err.Error(), "/things/{id}", "the endpoint is still named")
}
