package files

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/product"
)

// Error codes of the Files API.
const (
	CodeTooLarge        = "FILE_TOO_LARGE_EXCEEDED_ERROR"
	CodeUnsupportedType = "UNSUPPORTED_CONTENT_TYPE_ERROR"
	CodeNotFound        = "DATA_NOT_FOUND"
)

var (
	uploadFile   = xendit.MustEndpoint("files.upload_file")
	getFile      = xendit.MustEndpoint("files.get_file")
	downloadFile = xendit.MustEndpoint("files.download_file")
	deleteFile   = xendit.MustEndpoint("files.delete_file")
)

// File is a stored file.
type File struct {
	// ID is "file-" and a UUID.
	ID         string  `json:"id"`
	BusinessID string  `json:"business_id"`
	Purpose    Purpose `json:"purpose"`
	// Type is the file's MIME type, such as "image/png".
	Type string `json:"type"`
	// Size is in bytes.
	Size    int64       `json:"size"`
	URL     string      `json:"url"`
	Created xendit.Time `json:"created"`
	Updated xendit.Time `json:"updated"`
}

// Purpose is what a file is for.
type Purpose string

// The documented purposes.
const (
	PurposeKYCDocument        Purpose = "KYC_DOCUMENT"
	PurposeChargebackEvidence Purpose = "CHARGEBACK_EVIDENCE"
)

// Deleted is the answer to Delete.
type Deleted struct {
	IsDeleted  bool   `json:"is_deleted"`
	ID         string `json:"id"`
	BusinessID string `json:"business_id"`
}

func fileRequest(e xendit.Endpoint, id string, opts []xendit.RequestOption) *xendit.Request {
	return &xendit.Request{Endpoint: e, PathParams: map[string]string{"file_id": id}, Options: opts}
}

// Get returns the file's details.
//
// API: GET /files/{file_id}
func (s *Client) Get(ctx context.Context, fileID string, opts ...xendit.RequestOption) (*File, error) {
	return product.Do[File](ctx, s.c, fileRequest(getFile, fileID, opts))
}

// Delete deletes the file.
//
// API: DELETE /files/{file_id}
func (s *Client) Delete(ctx context.Context, fileID string, opts ...xendit.RequestOption) (*Deleted, error) {
	return product.Do[Deleted](ctx, s.c, fileRequest(deleteFile, fileID, opts))
}

// Download returns the file's content as it arrives. Close it when done; it
// is not buffered, so a large file costs no memory. Its result is the
// response body itself, not a named type: the content is the file's bytes.
//
// API: GET /files/{file_id}/download
func (s *Client) Download(ctx context.Context, fileID string, opts ...xendit.RequestOption) (io.ReadCloser, error) {
	var body io.ReadCloser
	if err := s.c.Do(ctx, fileRequest(downloadFile, fileID, opts), &body); err != nil {
		return nil, err
	}
	return body, nil
}

// DownloadTo copies the file's content to w and returns how many bytes it
// wrote.
//
// API: GET /files/{file_id}/download
func (s *Client) DownloadTo(ctx context.Context, fileID string, w io.Writer, opts ...xendit.RequestOption) (int64, error) {
	body, err := s.Download(ctx, fileID, opts...)
	if err != nil {
		return 0, err
	}
	defer body.Close()
	return io.Copy(w, body)
}

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

// Validate applies the documented rules that need no reading of the file:
// a known purpose, a file name on one line, exactly one source, a known
// content type if one is given, and a known size within MaxSize. Upload
// checks the rest (the sniffed type, the measured or streamed size) as it
// reads.
func (p *UploadParams) Validate() error {
	switch {
	case p.Purpose != PurposeKYCDocument && p.Purpose != PurposeChargebackEvidence:
		return xendit.Invalid("purpose", "%q is not one of KYC_DOCUMENT, CHARGEBACK_EVIDENCE", p.Purpose)
	case strings.TrimSpace(p.Filename) == "" || strings.ContainsAny(p.Filename, "\r\n"):
		return xendit.Invalid("file", "needs a Filename on one line")
	case (p.Reader == nil) == (p.Open == nil):
		return xendit.Invalid("file", "needs exactly one of Reader and Open")
	case p.ContentType != "" && !slices.Contains(ContentTypes, p.ContentType):
		return xendit.Invalid("file", "has type %q; Xendit takes %s", p.ContentType, strings.Join(ContentTypes, ", "))
	case p.Size < 0 || p.MaxSize < 0:
		return xendit.Invalid("file", "sizes cannot be negative")
	case p.Size > p.maxSize():
		return tooLarge(p.Size, p.maxSize())
	}
	return nil
}

func (p *UploadParams) maxSize() int64 {
	if p.MaxSize > 0 {
		return p.MaxSize
	}
	return DefaultMaxSize
}

// Upload sends the file and returns Xendit's record of it. It has no
// idempotency header: after an ambiguous failure it is not repeated (see
// the package doc).
//
// API: POST /files
func (s *Client) Upload(ctx context.Context, params *UploadParams, opts ...xendit.RequestOption) (*File, error) {
	if err := product.Check(params); err != nil {
		return nil, err
	}
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
