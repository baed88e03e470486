package files

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// DefaultMaxSize is the size limit Upload checks unless UploadParams.MaxSize
// says otherwise: the reference's "less than 10 MB", read as 10 MiB.
const DefaultMaxSize = 10 << 20

// ContentTypes are the documented file types.
var ContentTypes = []string{"application/pdf", "image/png", "image/jpg", "image/jpeg"}

var extensionTypes = map[string]string{".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}

// UploadParams describe one upload. Give exactly one of Reader and Open.
type UploadParams struct {
	// Purpose is required: KYC_DOCUMENT or CHARGEBACK_EVIDENCE.
	Purpose Purpose
	// Filename names the file part, e.g. "ktp.jpg". Required.
	Filename string
	// ContentType is one of [ContentTypes]. Empty: taken from Filename's
	// extension, or else from the file's first bytes.
	ContentType string
	// Reader is read from its current position to EOF. When it is also an
	// io.ReaderAt and an io.Seeker (an *os.File, a *bytes.Reader), a retry
	// reads it again; otherwise it is sent at most once. Upload does not
	// close it.
	Reader io.Reader
	// Open, instead of Reader, opens the file afresh for every attempt;
	// Upload closes what it returns.
	Open func() (io.ReadCloser, error)
	// Size is the number of bytes, if known (0: unknown, or learnt from a
	// seekable Reader). A known size over MaxSize fails before sending; an
	// unknown one is counted while streaming.
	Size int64
	// MaxSize overrides DefaultMaxSize, for an account whose limit Xendit
	// raised.
	MaxSize int64
}

// Upload sends the file and returns Xendit's record of it.
func (s *Client) Upload(ctx context.Context, params *UploadParams, opts ...xendit.RequestOption) (*File, error) {
	u, err := newUpload(params)
	if err != nil {
		return nil, err
	}
	req := &xendit.Request{
		Endpoint:       uploadFile,
		BodyReader:     u.body,
		ContentType:    "multipart/form-data; boundary=" + u.boundary,
		BodyReplayable: u.replayable,
		Options:        opts,
	}
	return product.Do[File](ctx, s.c, req)
}

// upload is a validated UploadParams with its source resolved.
type upload struct {
	p          UploadParams
	open       func() (io.Reader, error) // one attempt's file bytes
	replayable bool
	boundary   string
}

func newUpload(p *UploadParams) (*upload, error) {
	if p == nil {
		return nil, xendit.Invalid("params", "is required")
	}
	u := &upload{p: *p, boundary: newBoundary()}
	switch {
	case p.Purpose != KYCDocument && p.Purpose != ChargebackEvidence:
		return nil, xendit.Invalid("purpose", "%q is not one of KYC_DOCUMENT, CHARGEBACK_EVIDENCE", p.Purpose)
	case strings.TrimSpace(p.Filename) == "" || strings.ContainsAny(p.Filename, "\r\n"):
		return nil, xendit.Invalid("file", "needs a Filename on one line")
	case (p.Reader == nil) == (p.Open == nil):
		return nil, xendit.Invalid("file", "needs exactly one of Reader and Open")
	}
	if u.p.MaxSize <= 0 {
		u.p.MaxSize = DefaultMaxSize
	}
	if err := u.resolveSource(); err != nil {
		return nil, err
	}
	if u.p.Size > u.p.MaxSize {
		return nil, tooLarge(u.p.Size, u.p.MaxSize)
	}
	if err := u.resolveType(); err != nil {
		return nil, err
	}
	return u, nil
}

func tooLarge(size, limit int64) error {
	return xendit.Invalid("file", "is %d bytes; the limit is %d", size, limit)
}

// resolveSource decides how each attempt reads the file and whether a
// retry can read it again.
func (u *upload) resolveSource() error {
	if u.p.Open != nil {
		u.replayable = true
		u.open = func() (io.Reader, error) { return u.p.Open() }
		return nil
	}
	r := u.p.Reader
	ra, isAt := r.(io.ReaderAt)
	sk, isSeeker := r.(io.Seeker)
	if isAt && isSeeker {
		start, err1 := sk.Seek(0, io.SeekCurrent)
		end, err2 := sk.Seek(0, io.SeekEnd)
		_, err3 := sk.Seek(start, io.SeekStart)
		if err := errors.Join(err1, err2, err3); err != nil {
			return xendit.Invalid("file", "cannot be measured: %v", err)
		}
		u.p.Size, u.replayable = end-start, true
		u.open = func() (io.Reader, error) { return io.NewSectionReader(ra, start, end-start), nil }
		return nil
	}
	// A one-shot reader: buffered so its first bytes can be sniffed.
	br := bufio.NewReaderSize(r, 512)
	u.p.Reader = br
	u.open = func() (io.Reader, error) { return br, nil }
	return nil
}

func (u *upload) resolveType() error {
	ct := u.p.ContentType
	if ext := strings.ToLower(filepath.Ext(u.p.Filename)); ct == "" && ext != "" {
		ct = extensionTypes[ext]
		if ct == "" { // another known type, such as .gif, is refused
			ct, _, _ = strings.Cut(mime.TypeByExtension(ext), ";")
		}
	}
	if ct == "" {
		head, err := u.head()
		if err != nil {
			return xendit.Invalid("file", "cannot be read: %v", err)
		}
		ct, _, _ = strings.Cut(http.DetectContentType(head), ";")
	}
	if !slices.Contains(ContentTypes, ct) {
		return xendit.Invalid("file", "has type %q; Xendit takes %s", ct, strings.Join(ContentTypes, ", "))
	}
	u.p.ContentType = ct
	return nil
}

// head returns the first bytes of the file without consuming them.
func (u *upload) head() ([]byte, error) {
	if br, ok := u.p.Reader.(*bufio.Reader); ok {
		b, err := br.Peek(512)
		if err == io.EOF || err == bufio.ErrBufferFull {
			err = nil
		}
		return b, err
	}
	r, err := u.open()
	if err != nil {
		return nil, err
	}
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	b := make([]byte, 512)
	n, err := io.ReadFull(r, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return b[:n], err
}

// body is one attempt's multipart body: written by a goroutine into a pipe
// as the transport reads it, so nothing is buffered beyond a copy buffer.
// Closing the pipe's reader (the transport does, even on failure) stops the
// goroutine.
func (u *upload) body() (io.Reader, error) {
	src, err := u.open()
	if err != nil {
		return nil, err
	}
	pr, pw := io.Pipe()
	go func() {
		err := u.write(pw, src)
		if c, ok := src.(io.Closer); ok && u.p.Open != nil {
			c.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr, nil
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

func (u *upload) write(w io.Writer, src io.Reader) error {
	mw := multipart.NewWriter(w)
	if err := mw.SetBoundary(u.boundary); err != nil {
		return err
	}
	if err := mw.WriteField("purpose", string(u.p.Purpose)); err != nil {
		return err
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, quoteEscaper.Replace(u.p.Filename)))
	h.Set("Content-Type", u.p.ContentType)
	part, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	n, err := io.Copy(part, io.LimitReader(src, u.p.MaxSize+1))
	if err != nil {
		return err
	}
	if n > u.p.MaxSize {
		return xendit.Invalid("file", "is larger than the limit of %d bytes", u.p.MaxSize)
	}
	return mw.Close()
}

func newBoundary() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return "xendit-go-" + hex.EncodeToString(b[:])
}
