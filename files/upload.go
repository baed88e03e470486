package files

import (
	"bufio"
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
)

// upload is a validated UploadParams with its source resolved.
type upload struct {
	p          UploadParams
	open       func() (io.Reader, error) // one attempt's file bytes
	replayable bool
	boundary   string
}

// newUpload resolves the source and the type of params that Validate
// accepted.
func newUpload(p *UploadParams) (*upload, error) {
	u := &upload{p: *p, boundary: newBoundary()}
	u.p.MaxSize = p.maxSize()
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
