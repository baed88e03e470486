package xendittest

import (
	"bytes"
	"crypto/sha256"
	"net/http"
)

// idempotentResult is the first response to an idempotency key.
type idempotentResult struct {
	bodyHash [32]byte
	status   int
	header   http.Header
	body     []byte
}

// serveIdempotent serves r through the mux, emulating Xendit's idempotency
// for endpoints whose row names an idempotency header: the same key with the
// same body replays the first response, the same key with another body is a
// 409 IDEMPOTENCY_ERROR. Keys are scoped by secret key and for-user-id.
func (s *Server) serveIdempotent(w http.ResponseWriter, r *http.Request, id, apiKey string, body []byte) {
	key := ""
	if h := sdkIdempotencyHeader(id); h != "" {
		key = r.Header.Get(h)
	}
	if key == "" {
		s.mux.ServeHTTP(w, r)
		return
	}
	scope := apiKey + "\x00" + r.Header.Get("for-user-id") + "\x00" + id + "\x00" + key
	hash := sha256.Sum256(body)
	st := s.state()
	st.mu.Lock()
	prev := st.idempotent[scope]
	st.mu.Unlock()
	if prev != nil {
		if prev.bodyHash != hash {
			s.writeConflict(w, id)
			return
		}
		w.Header().Set("Content-Type", prev.header.Get("Content-Type"))
		w.WriteHeader(prev.status)
		_, _ = w.Write(prev.body)
		return
	}
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	s.mux.ServeHTTP(rec, r)
	if rec.status >= 500 {
		return // not cached: the request may be retried with the same key
	}
	st.mu.Lock()
	if st.idempotent[scope] == nil {
		st.idempotent[scope] = &idempotentResult{bodyHash: hash, status: rec.status,
			header: w.Header().Clone(), body: rec.buf.Bytes()}
	}
	st.mu.Unlock()
}

// writeConflict answers a key reused with another body, in the endpoint's
// own error shape when its product registered one (SNAP's 409ss00), else as
// Xendit's 409 IDEMPOTENCY_ERROR.
func (s *Server) writeConflict(w http.ResponseWriter, id string) {
	if write := s.conflicts[id]; write != nil {
		write(w)
		return
	}
	WriteError(w, http.StatusConflict, "IDEMPOTENCY_ERROR",
		"The idempotency key has been used with a different request")
}

// recorder copies what a handler writes.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.buf.Write(b)
	return r.ResponseWriter.Write(b)
}
