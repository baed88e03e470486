package files_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/files"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

func newServer(t *testing.T, retry xendit.RetryPolicy) (*xendittest.Server, *files.Client) {
	srv, c := fake.Server(t, retry)
	return srv, files.New(c)
}

func TestUploadGetDownloadDelete(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t, fake.NoRetries)
	ctx := context.Background()
	content := append(append([]byte{}, pngHeader...), bytes.Repeat([]byte("x"), 100_000)...)
	// A plain io.Reader of unknown size, with no extension: the type is
	// sniffed from the first bytes.
	up, err := api.Upload(ctx, &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "scan",
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
	t.Parallel()
	srv, api := newServer(t, fake.NoRetries)
	pdf := func() io.Reader { return strings.NewReader("%PDF-1.4\n...") }
	for name, tc := range map[string]struct {
		p     *files.UploadParams
		field string
	}{
		"nil":        {nil, "params"},
		"purpose":    {&files.UploadParams{Purpose: "SELFIE", Filename: "a.pdf", Reader: pdf()}, "purpose"},
		"no name":    {&files.UploadParams{Purpose: files.PurposeKYCDocument, Reader: pdf()}, "file"},
		"two lines":  {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a\r\n.pdf", Reader: pdf()}, "file"},
		"no source":  {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf"}, "file"},
		"bad type":   {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.gif", Reader: pdf()}, "file"},
		"sniffed":    {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "notes", Reader: strings.NewReader("plain text")}, "file"},
		"given type": {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", ContentType: "text/html", Reader: pdf()}, "file"},
		"too large":  {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", Reader: bytes.NewReader(make([]byte, 2048)), MaxSize: 1024}, "file"},
		"known size": {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", Reader: pdf(), Size: files.DefaultMaxSize + 1}, "file"},
		"negative":   {&files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", Reader: pdf(), MaxSize: -1}, "file"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := api.Upload(context.Background(), tc.p)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	assert.Empty(t, srv.Requests(), "nothing was sent")

	// A source of unknown size is counted while it streams.
	_, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf",
		Reader: io.MultiReader(strings.NewReader("%PDF"), bytes.NewReader(make([]byte, 4096))), MaxSize: 1024})
	assert.True(t, errors.Is(err, xendit.ErrValidation), "%v", err)
}

func TestServerLimitsSurface(t *testing.T) {
	t.Parallel()
	srv, api := newServer(t, fake.NoRetries)
	srv.SetFileSizeLimit(100)
	_, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf",
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
	t.Parallel()
	rateLimited := xendittest.Fault{Path: "/files", Status: 429, Header: map[string][]string{"Retry-After": {"0"}}}

	srv, api := newServer(t, fake.FastRetries)
	srv.InjectFault(rateLimited)
	src := &countingOpen{data: []byte("%PDF-1.4 hello")}
	f, err := api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", Open: src.open})
	require.NoError(t, err, "a 429 is retried with a reopened source")
	assert.Equal(t, int64(14), f.Size)
	assert.Equal(t, 2, src.n)

	srv.InjectFault(rateLimited)
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf",
		Reader: bytes.NewReader([]byte("%PDF-1.4 again"))})
	require.NoError(t, err, "an io.ReaderAt is read again")

	srv.InjectFault(rateLimited)
	before := len(srv.Requests())
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf",
		Reader: io.MultiReader(strings.NewReader("%PDF-1.4 once"))})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 429, xe.StatusCode, "a one-shot reader is not sent twice")
	assert.Len(t, srv.Requests(), before+1)

	srv.InjectFault(xendittest.Fault{Path: "/files", Status: 503})
	before = len(srv.Requests())
	_, err = api.Upload(context.Background(), &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", Open: src.open})
	require.Error(t, err)
	assert.Len(t, srv.Requests(), before+1, "no idempotency key: a 503 is not repeated even with a reopenable source")
}

// Validate refuses what it can without reading the file, so a form handler
// can call it; the type of an unnamed file is learnt only by Upload.
func TestValidateNeedsNoRead(t *testing.T) {
	t.Parallel()
	r := &countingReader{}
	p := &files.UploadParams{Purpose: files.PurposeKYCDocument, Filename: "a.pdf", ContentType: "image/gif", Reader: r}
	var ve *xendit.ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	assert.Equal(t, "file", ve.Field)
	p.ContentType = "image/png"
	assert.NoError(t, p.Validate())
	assert.Zero(t, r.reads)
}

type countingReader struct{ reads int }

func (c *countingReader) Read([]byte) (int, error) { c.reads++; return 0, io.EOF }
