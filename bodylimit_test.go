package xendit_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// hugeBody answers 200 with a JSON body of total bytes, in 1 MiB writes,
// and counts what the client accepted before it hung up. With length the
// answer says its Content-Length; without, it is chunked.
func hugeBody(prefix, filler, suffix string, total int, length bool, written *atomic.Int64) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if length {
			w.Header().Set("Content-Length", strconv.Itoa(total))
		}
		w.WriteHeader(http.StatusOK)
		chunk := bytes.Repeat([]byte(filler), 1<<20)
		n, _ := w.Write([]byte(prefix))
		written.Add(int64(n))
		for left := total - len(prefix) - len(suffix); left > 0; left -= len(chunk) {
			n, err := w.Write(chunk[:min(left, len(chunk))])
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
		n, _ = w.Write([]byte(suffix))
		written.Add(int64(n))
	}
}

// A 2xx body larger than the bound (32 MiB by default) is an error, and
// reading stops there: a 256 MiB answer to a list call is not read whole.
func TestSuccessBodyIsBounded(t *testing.T) {
	const total = 256 << 20
	for name, length := range map[string]bool{"chunked": false, "with Content-Length": true} {
		t.Run(name, func(t *testing.T) {
			var written atomic.Int64
			srv := newRecorder(t, hugeBody(`{"id":"`, "a", `"}`, total, length, &written))
			var out struct{ ID string }
			start := time.Now()
			err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, &out)
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe, "a body over the bound is not a result")
			assert.Equal(t, http.StatusOK, xe.StatusCode)
			assert.Contains(t, err.Error(), "larger than")
			assert.Empty(t, out.ID)
			assert.Less(t, written.Load(), int64(64<<20), "the client stopped reading near the bound")
			assert.Less(t, time.Since(start), 20*time.Second)
			assert.True(t, xendit.OutcomeUnknown(err), "the request was processed, the answer is lost")
		})
	}
}

// After a 2xx object is decoded, a huge remainder is not drained to keep
// the connection: the connection is closed instead.
func TestHugeRemainderIsNotDrained(t *testing.T) {
	const total = 256 << 20
	var written atomic.Int64
	srv := newRecorder(t, hugeBody(`{"id":"x"}`, " ", "", total, false, &written))
	var out struct{ ID string }
	start := time.Now()
	require.NoError(t, srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, &out))
	assert.Equal(t, "x", out.ID)
	assert.Less(t, time.Since(start), 10*time.Second)
	// The server is still writing into the closed connection; give it a moment to notice.
	require.Eventually(t, func() bool {
		before := written.Load()
		time.Sleep(20 * time.Millisecond)
		return written.Load() == before
	}, 5*time.Second, time.Millisecond)
	assert.Less(t, written.Load(), int64(64<<20), "the remainder was not read")
}

func TestMaxResponseBytesOption(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{"id":"`+strings.Repeat("a", 2000)+`"}`))
	var out struct{ ID string }
	req := &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}
	err := srv.client(t, xendit.WithMaxResponseBytes(1024)).Do(context.Background(), req, &out)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Contains(t, err.Error(), "larger than 1024 bytes")
	require.NoError(t, srv.client(t, xendit.WithMaxResponseBytes(4096)).Do(context.Background(), req, &out))
	assert.Len(t, out.ID, 2000)

	// A download streams to the caller, unbounded.
	var rc io.ReadCloser
	require.NoError(t, srv.client(t, xendit.WithMaxResponseBytes(1024)).Do(context.Background(), req, &rc))
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Len(t, b, 2000+len(`{"id":""}`))

	// A call that wants no result decodes nothing, whatever the size.
	require.NoError(t, srv.client(t, xendit.WithMaxResponseBytes(1024)).Do(context.Background(), req, nil))

	_, err = xendit.New(docKey, xendit.WithMaxResponseBytes(0))
	assert.Error(t, err)
}
