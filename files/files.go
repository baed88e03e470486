// Package files uploads, reads, downloads and deletes files held by Xendit:
// KYC documents for customers and evidence for card chargebacks
// (https://developers.xendit.co/api-reference/#files).
//
// Uploads and downloads stream. Upload reads its source while sending,
// through an io.Pipe, so a file is never held in memory; Download hands back
// the response body unread.
//
//	f, err := os.Open("ktp.jpg")
//	...
//	defer f.Close()
//	file, err := files.New(client).Upload(ctx, &files.UploadParams{
//		Purpose:  files.KYCDocument,
//		Filename: "ktp.jpg",
//		Reader:   f,
//	})
//	// file.ID goes into customers.KYCDocument.DocumentImages.
//
// Upload has no idempotency header, so after a failure that may have reached
// Xendit it is not repeated. Before that point (a connection that never
// opened, a 429) it is repeated only if the source can be read again: an
// io.ReaderAt with a known size (an *os.File, a *bytes.Reader) or an Open
// function. A plain io.Reader is sent at most once.
//
// The documented limits are checked before sending: the purpose, the type
// (PDF, PNG or JPEG, from ContentType, the file name's extension, or the
// first bytes) and the size. The reference gives the size limit as "less
// than 10 MB" and, for its 413 FILE_TOO_LARGE_EXCEEDED_ERROR, as 2,000,000
// bytes; the SDK enforces the larger, [DefaultMaxSize], so it never refuses
// a file Xendit might take, and a smaller server limit comes back as that
// 413. A source of unknown size is counted as it streams.
//
// The client's timeout ([xendit.WithTimeout]) bounds the wait for response
// headers, not the transfer itself: bound a large upload or download with
// the context.
package files

import (
	"context"
	"io"

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
	uploadFile   = xendit.MustEndpoint("files.upload")
	getFile      = xendit.MustEndpoint("files.get")
	downloadFile = xendit.MustEndpoint("files.download")
	deleteFile   = xendit.MustEndpoint("files.delete")
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
	KYCDocument        Purpose = "KYC_DOCUMENT"
	ChargebackEvidence Purpose = "CHARGEBACK_EVIDENCE"
)

// Deleted is the answer to Delete.
type Deleted struct {
	IsDeleted  bool   `json:"is_deleted"`
	ID         string `json:"id"`
	BusinessID string `json:"business_id"`
}

// Client calls the Files API.
type Client struct{ c *xendit.Client }

// New returns a files client that calls the API through c.
func New(c *xendit.Client) *Client { return &Client{c: c} }

func fileRequest(e xendit.Endpoint, id string, opts []xendit.RequestOption) *xendit.Request {
	return &xendit.Request{Endpoint: e, PathParams: map[string]string{"file_id": id}, Options: opts}
}

// Get returns the file's details.
func (s *Client) Get(ctx context.Context, id string, opts ...xendit.RequestOption) (*File, error) {
	return product.Do[File](ctx, s.c, fileRequest(getFile, id, opts))
}

// Delete deletes the file.
func (s *Client) Delete(ctx context.Context, id string, opts ...xendit.RequestOption) (*Deleted, error) {
	return product.Do[Deleted](ctx, s.c, fileRequest(deleteFile, id, opts))
}

// Download returns the file's content as it arrives. Close it when done; it
// is not buffered, so a large file costs no memory.
func (s *Client) Download(ctx context.Context, id string, opts ...xendit.RequestOption) (io.ReadCloser, error) {
	var body io.ReadCloser
	if err := s.c.Do(ctx, fileRequest(downloadFile, id, opts), &body); err != nil {
		return nil, err
	}
	return body, nil
}

// DownloadTo copies the file's content to w and returns how many bytes it
// wrote.
func (s *Client) DownloadTo(ctx context.Context, id string, w io.Writer, opts ...xendit.RequestOption) (int64, error) {
	body, err := s.Download(ctx, id, opts...)
	if err != nil {
		return 0, err
	}
	defer body.Close()
	return io.Copy(w, body)
}
