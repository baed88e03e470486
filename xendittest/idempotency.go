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

// serveIdempotent runs serve under Xendit's idempotency, for endpoints that
// document an idempotency header: the same key with the same body replays
// the first response, the same key with another body is a 409
// IDEMPOTENCY_ERROR (SNAP: 409xx00). Keys are scoped by secret key,
// for-user-id and endpoint. A 5xx is not kept: the request may be retried.
func (s *Server) serveIdempotent(w http.ResponseWriter, r *http.Request, e *endpoint, apiKey string, body []byte, serve func(http.ResponseWriter)) {
	key := ""
	if e.idempotencyHeader != "" {
		key = r.Header.Get(e.idempotencyHeader)
	}
	if key == "" {
		serve(w)
		return
	}
	scope := apiKey + "\x00" + r.Header.Get("for-user-id") + "\x00" + e.ref.ID + "\x00" + key
	hash := sha256.Sum256(body)
	s.mu.Lock()
	prev := s.idempotent[scope]
	s.mu.Unlock()
	if prev != nil {
		if prev.bodyHash != hash {
			c := &call{s: s, w: w, r: r, snapService: e.snapService}
			if e.snapService != "" {
				c.fail(http.StatusConflict, "00", "The same X-EXTERNAL-ID token has been used within the last 24 hours")
				return
			}
			c.fail(http.StatusConflict, "IDEMPOTENCY_ERROR", "The idempotency key has been used with a different request")
			return
		}
		w.Header().Set("Content-Type", prev.header.Get("Content-Type"))
		w.WriteHeader(prev.status)
		_, _ = w.Write(prev.body)
		return
	}
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	serve(rec)
	if rec.status >= 500 {
		return
	}
	s.mu.Lock()
	if s.idempotent[scope] == nil {
		s.idempotent[scope] = &idempotentResult{bodyHash: hash, status: rec.status,
			header: w.Header().Clone(), body: rec.buf.Bytes()}
	}
	s.mu.Unlock()
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
