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
	"testing/synctest"

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
// reading stops there: of a 256 MiB answer to a list call the client reads
// one byte past the bound when it is chunked, and nothing when its
// Content-Length says it is too large. The server streams it in memory, so
// that what the client read is exactly what the handler's writes got
// through.
func TestSuccessBodyIsBounded(t *testing.T) {
	const total = 256 << 20
	prefix := `{"id":"`
	for name, tc := range map[string]struct {
		length bool
		read   int64
	}{
		"chunked":             {false, xendit.DefaultMaxResponseBytes + 1},
		"with Content-Length": {true, int64(len(prefix))}, // buffered before the headers went out; the body is never read
	} {
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var written atomic.Int64
				c := memClient(t, hugeBody(prefix, "a", `"}`, total, tc.length, &written))
				var out struct{ ID string }
				err := c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, &out)
				var xe *xendit.Error
				require.ErrorAs(t, err, &xe, "a body over the bound is not a result")
				assert.Equal(t, http.StatusOK, xe.StatusCode)
				assert.Contains(t, err.Error(), "larger than")
				assert.Empty(t, out.ID)
				assert.True(t, xendit.OutcomeUnknown(err), "the request was processed, the answer is lost")
				synctest.Wait()
				assert.Equal(t, tc.read, written.Load(), "the client stopped reading at the bound")
			})
		})
	}
}

// After a 2xx object is decoded, a huge remainder is not drained to keep
// the connection: the body is closed instead, and the server's writes fail.
func TestHugeRemainderIsNotDrained(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const total = 256 << 20
		var written atomic.Int64
		c := memClient(t, hugeBody(`{"id":"x"}`, " ", "", total, false, &written))
		var out struct{ ID string }
		require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, &out))
		assert.Equal(t, "x", out.ID)
		synctest.Wait() // the handler has seen its write fail and returned
		assert.Less(t, written.Load(), int64(4<<10), "the remainder was not read")
	})
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
