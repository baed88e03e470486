package xendittest

import (
	"io"
	"mime"
	"net/http"
	"os"
	"slices"
	"strings"
)

// DefaultFileSizeLimit is the largest upload the fake accepts unless
// [Server.SetFileSizeLimit] says otherwise: Xendit's documented 10 MB.
const DefaultFileSizeLimit = 10 << 20

// storedFile is an uploaded file. Its content is in an unlinked temporary
// file, so even a large upload costs no memory and leaves nothing on disk
// once the server is garbage.
type storedFile struct {
	account string
	obj     map[string]any
	data    *os.File
	size    int64
}

// SetFileSizeLimit sets the largest upload the fake accepts, in bytes; a
// larger one gets 413 FILE_TOO_LARGE_EXCEEDED_ERROR.
func (s *Server) SetFileSizeLimit(n int64) {
	st := s.state()
	st.mu.Lock()
	st.fileLimit = n
	st.mu.Unlock()
}

func (s *Server) routeFiles() {
	s.handle("files.upload", s.uploadFile)
	s.handle("files.get", s.getFile)
	s.handle("files.download", s.downloadFile)
	s.handle("files.delete", s.deleteFile)
}

// readBody reads a request body for serve, except a multipart upload's,
// which is left to stream to its handler.
func (s *Server) readBody(r *http.Request) ([]byte, io.Reader) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		return nil, r.Body
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	return body, nil
}

// requestBody is the body serve hands to a handler.
func requestBody(body []byte, stream io.Reader) io.Reader {
	if stream != nil {
		return stream
	}
	return bytesReader(body)
}

var fileTypes = []string{"application/pdf", "image/png", "image/jpg", "image/jpeg"}

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request) {
	mr, err := r.MultipartReader()
	if err != nil {
		WriteError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_CONTENT_TYPE_ERROR", "The request must be multipart/form-data")
		return
	}
	st := s.state()
	st.mu.Lock()
	limit := st.fileLimit
	st.mu.Unlock()
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
			writeValidation(w, "malformed multipart body")
			return
		}
		switch part.FormName() {
		case "purpose":
			b, _ := io.ReadAll(io.LimitReader(part, 64))
			purpose = string(b)
		case "file":
			fileType = part.Header.Get("Content-Type")
			if !slices.Contains(fileTypes, fileType) {
				WriteError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_CONTENT_TYPE_ERROR",
					"File type must be one of "+strings.Join(fileTypes, ", "))
				return
			}
			if f, err = os.CreateTemp("", "xendittest-file-*"); err != nil {
				WriteError(w, http.StatusInternalServerError, "SERVER_ERROR", err.Error())
				return
			}
			_ = os.Remove(f.Name()) // unlinked: the open file keeps the data
			if size, err = io.Copy(f, io.LimitReader(part, limit+1)); err != nil {
				writeValidation(w, "reading the file failed")
				return
			}
			if size > limit {
				WriteError(w, http.StatusRequestEntityTooLarge, "FILE_TOO_LARGE_EXCEEDED_ERROR", "The file is too large")
				return
			}
		}
	}
	switch {
	case purpose != "KYC_DOCUMENT" && purpose != "CHARGEBACK_EVIDENCE":
		writeValidation(w, "purpose must be one of [KYC_DOCUMENT, CHARGEBACK_EVIDENCE]")
		return
	case f == nil:
		writeValidation(w, "file is required")
		return
	}
	id := s.ids.uuid("file-")
	now := s.nowString()
	sf := &storedFile{account: r.Header.Get("for-user-id"), data: f, size: size, obj: map[string]any{
		"id": id, "business_id": businessID, "purpose": purpose, "created": now, "updated": now,
		"type": fileType, "size": size, "url": "https://files.xendit.co/" + id,
	}}
	st.mu.Lock()
	st.files[id] = sf
	st.mu.Unlock()
	f = nil
	WriteJSON(w, http.StatusOK, sf.obj)
}

func (s *Server) lookupFile(w http.ResponseWriter, r *http.Request, remove bool) *storedFile {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	id := r.PathValue("file_id")
	f := st.files[id]
	if f == nil || f.account != r.Header.Get("for-user-id") {
		WriteError(w, http.StatusNotFound, "DATA_NOT_FOUND", "File not found")
		return nil
	}
	if remove {
		delete(st.files, id)
	}
	return f
}

func (s *Server) getFile(w http.ResponseWriter, r *http.Request) {
	if f := s.lookupFile(w, r, false); f != nil {
		WriteJSON(w, http.StatusOK, f.obj)
	}
}

func (s *Server) downloadFile(w http.ResponseWriter, r *http.Request) {
	f := s.lookupFile(w, r, false)
	if f == nil {
		return
	}
	w.Header().Set("Content-Type", f.obj["type"].(string))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, io.NewSectionReader(f.data, 0, f.size))
}

func (s *Server) deleteFile(w http.ResponseWriter, r *http.Request) {
	f := s.lookupFile(w, r, true)
	if f == nil {
		return
	}
	_ = f.data.Close()
	WriteJSON(w, http.StatusOK, map[string]any{"is_deleted": true, "id": f.obj["id"], "business_id": businessID})
}
