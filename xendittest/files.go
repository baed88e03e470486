package xendittest

import (
	"io"
	"maps"
	"net/http"
	"os"
	"slices"
	"strings"
)

// DefaultFileSizeLimit is the largest upload the fake accepts unless
// [Server.SetFileSizeLimit] says otherwise: Xendit's documented 10 MB.
const DefaultFileSizeLimit = 10 << 20

// An uploaded file is stored as its JSON object plus, under fileData, the
// unlinked temporary file that holds its content: even a large upload
// costs no memory and leaves nothing on disk once the server is garbage.
const fileData = "\x00data"

// SetFileSizeLimit sets the largest upload the fake accepts, in bytes; a
// larger one gets 413 FILE_TOO_LARGE_EXCEEDED_ERROR.
func (s *Server) SetFileSizeLimit(n int64) {
	s.mu.Lock()
	s.fileLimit = n
	s.mu.Unlock()
}

func (s *Server) routeFiles() {
	s.model("files.upload", s.uploadFile)
	s.model("files.get", s.getFile)
	s.model("files.download", s.downloadFile)
	s.model("files.delete", s.deleteFile)
}

var fileTypes = []string{"application/pdf", "image/png", "image/jpg", "image/jpeg"}

func (s *Server) uploadFile(c *call) {
	mr, err := c.r.MultipartReader()
	if err != nil {
		c.fail(http.StatusUnsupportedMediaType, "UNSUPPORTED_CONTENT_TYPE_ERROR", "The request must be multipart/form-data")
		return
	}
	s.mu.Lock()
	limit := s.fileLimit
	s.mu.Unlock()
	var purpose, fileType string
	var f *os.File
	var size int64
	defer func() {
		if f != nil { // an upload that failed; a stored one sets f to nil
			f.Close()
		}
	}()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.invalid("malformed multipart body")
			return
		}
		switch part.FormName() {
		case "purpose":
			b, _ := io.ReadAll(io.LimitReader(part, 64))
			purpose = string(b)
		case "file":
			fileType = part.Header.Get("Content-Type")
			if !slices.Contains(fileTypes, fileType) {
				c.fail(http.StatusUnsupportedMediaType, "UNSUPPORTED_CONTENT_TYPE_ERROR",
					"File type must be one of %s", strings.Join(fileTypes, ", "))
				return
			}
			if f, err = os.CreateTemp("", "xendittest-file-*"); err != nil {
				c.fail(http.StatusInternalServerError, "SERVER_ERROR", "%v", err)
				return
			}
			_ = os.Remove(f.Name()) // unlinked: the open file keeps the data
			if size, err = io.Copy(f, io.LimitReader(part, limit+1)); err != nil {
				c.invalid("reading the file failed")
				return
			}
			if size > limit {
				c.fail(http.StatusRequestEntityTooLarge, "FILE_TOO_LARGE_EXCEEDED_ERROR", "The file is too large")
				return
			}
		}
	}
	switch {
	case purpose != "KYC_DOCUMENT" && purpose != "CHARGEBACK_EVIDENCE":
		c.invalid("purpose must be one of [KYC_DOCUMENT, CHARGEBACK_EVIDENCE]")
		return
	case f == nil:
		c.invalid("file is required")
		return
	}
	id := s.ids.uuid("file-")
	now := s.nowString()
	o := map[string]any{
		"id": id, "business_id": businessID, "purpose": purpose, "created": now, "updated": now,
		"type": fileType, "size": size, "url": "https://files.xendit.co/" + id,
	}
	stored := maps.Clone(o)
	stored[fileData] = f
	s.store.put("files", c.account, id, stored)
	f = nil
	c.ok(o)
}

// file returns the file in the path, answering 404 when there is none.
func (s *Server) file(c *call) (map[string]any, *os.File, bool) {
	o, ok := s.store.get("files", c.account, c.param("file_id"))
	if !ok || o["deleted"] == true {
		c.notFound("DATA_NOT_FOUND", "File")
		return nil, nil, false
	}
	f := o[fileData].(*os.File)
	delete(o, fileData)
	return o, f, true
}

func (s *Server) getFile(c *call) {
	if o, _, ok := s.file(c); ok {
		c.ok(o)
	}
}

func (s *Server) downloadFile(c *call) {
	o, f, ok := s.file(c)
	if !ok {
		return
	}
	size, _ := num(o, "size")
	c.w.Header().Set("Content-Type", str(o, "type"))
	c.w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(c.w, io.NewSectionReader(f, 0, int64(size)))
}

func (s *Server) deleteFile(c *call) {
	o, f, ok := s.file(c)
	if !ok {
		return
	}
	_, _ = s.store.update("files", c.account, str(o, "id"), func(o map[string]any) error {
		o["deleted"] = true
		return nil
	})
	_ = f.Close()
	c.ok(map[string]any{"is_deleted": true, "id": o["id"], "business_id": businessID})
}
