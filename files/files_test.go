package files_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/files"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

func TestExamplesRoundTrip(t *testing.T) {
	jsontest.RoundTripAll(t, map[string]func() any{
		"files.upload.response.json": func() any { return new(files.File) },
		"files.get.response.json":    func() any { return new(files.File) },
		"files.delete.response.json": func() any { return new(files.Deleted) },
	}, nil)
	var f files.File
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "files.get.response.json"), &f))
	assert.Equal(t, int64(10000), f.Size)
	assert.Equal(t, files.ChargebackEvidence, f.Purpose)
}

func newServer(t *testing.T, retry xendit.RetryPolicy) (*xendittest.Server, *files.Client) {
	srv, c := fake.Server(t, retry)
	return srv, files.New(c)
}

func TestUploadGetDownloadDelete(t *testing.T) {
	srv, api := newServer(t, xendit.RetryPolicy{})
	ctx := context.Background()
	content := append(append([]byte{}, pngHeader...), bytes.Repeat([]byte("x"), 100_000)...)
	// A plain io.Reader of unknown size, with no extension: the type is
	// sniffed from the first bytes.
	up, err := api.Upload(ctx, &files.UploadParams{Purpose: files.KYCDocument, Filename: "scan",
		Reader: io.MultiReader(bytes.NewReader(content))})
	require.NoError(t, err)
	assert.Equal(t, "image/png", up.Type)
	assert.Equal(t, int64(len(content)), up.Size)
	assert.True(t, strings.HasPrefix(up.ID, "file-"))
	sent := srv.Requests()[0]
	assert.Contains(t, sent.Header.Get("Content-Type"), "multipart/form-data; boundary=")
	assert.Empty(t, sent.Header.Get("IDEMPOTENCY-KEY"))

	got, err := api.Get(ctx, up.ID)
	require.NoError(t, err)
	assert.Equal(t, up, got)

	var buf bytes.Buffer
	n, err := api.DownloadTo(ctx, up.ID, &buf)
	require.NoError(t, err)
	assert.Equal(t, int64(len(content)), n)
	assert.Equal(t, content, buf.Bytes())

	del, err := api.Delete(ctx, up.ID)
	require.NoError(t, err)
	assert.True(t, del.IsDeleted)
	_, err = api.Download(ctx, up.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, files.CodeNotFound, xe.Code, "a non-2xx download is decoded as an error")
}

func TestUploadValidation(t *testing.T) {
	srv, api := newServer(t, xendit.RetryPolicy{})
	pdf := func() io.Reader { return strings.NewReader("%PDF-1.4\n...") }
	for name, p := range map[string]*files.UploadParams{
		"nil":        nil,
		"purpose":    {Purpose: "SELFIE", Filename: "a.pdf", Reader: pdf()},
		"no name":    {Purpose: files.KYCDocument, Reader: pdf()},
		"no source":  {Purpose: files.KYCDocument, Filename: "a.pdf"},
		"bad type":   {Purpose: files.KYCDocument, Filename: "a.gif", Reader: pdf()},
		"sniffed":    {Purpose: files.KYCDocument, Filename: "notes", Reader: strings.NewReader("plain text")},
		"given type": {Purpose: files.KYCDocument, Filename: "a.pdf", ContentType: "text/html", Reader: pdf()},
		"too large":  {Purpose: files.KYCDocument, Filename: "a.pdf", Reader: bytes.NewReader(make([]byte, 2048)), MaxSize: 1024},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := api.Upload(context.Background(), p)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
		})
	}
	assert.Empty(t, srv.Requests(), "nothing was sent")

	// A source of unknown size is counted while it streams.
	_, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf",
		Reader: io.MultiReader(strings.NewReader("%PDF"), bytes.NewReader(make([]byte, 4096))), MaxSize: 1024})
	assert.True(t, errors.Is(err, xendit.ErrValidation), "%v", err)
}

func TestServerLimitsSurface(t *testing.T) {
	srv, api := newServer(t, xendit.RetryPolicy{})
	srv.SetFileSizeLimit(100)
	_, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf",
		Reader: bytes.NewReader(make([]byte, 1000))})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 413, xe.StatusCode)
	assert.Equal(t, files.CodeTooLarge, xe.Code)
}

// countingOpen counts how often Upload opened the file.
type countingOpen struct {
	n    int
	data []byte
}

func (c *countingOpen) open() (io.ReadCloser, error) {
	c.n++
	return io.NopCloser(bytes.NewReader(c.data)), nil
}

func TestRetryRereadsOnlyReplayableSources(t *testing.T) {
	fast := xendit.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}
	rateLimited := xendittest.Fault{Path: "/files", Status: 429, Header: map[string][]string{"Retry-After": {"0"}}}

	srv, api := newServer(t, fast)
	srv.InjectFault(rateLimited)
	src := &countingOpen{data: []byte("%PDF-1.4 hello")}
	f, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf", Open: src.open})
	require.NoError(t, err, "a 429 is retried with a reopened source")
	assert.Equal(t, int64(14), f.Size)
	assert.Equal(t, 2, src.n)

	srv.InjectFault(rateLimited)
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf",
		Reader: bytes.NewReader([]byte("%PDF-1.4 again"))})
	require.NoError(t, err, "an io.ReaderAt is read again")

	srv.InjectFault(rateLimited)
	before := len(srv.Requests())
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf",
		Reader: io.MultiReader(strings.NewReader("%PDF-1.4 once"))})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 429, xe.StatusCode, "a one-shot reader is not sent twice")
	assert.Len(t, srv.Requests(), before+1)

	srv.InjectFault(xendittest.Fault{Path: "/files", Status: 503})
	before = len(srv.Requests())
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.KYCDocument, Filename: "a.pdf", Open: src.open})
	require.Error(t, err)
	assert.Len(t, srv.Requests(), before+1, "no idempotency key: a 503 is not repeated even with a reopenable source")
}
