package xendittest

import (
	"net/http"
	"time"
)

// Fault makes the server misbehave for matching requests, before it checks
// authentication: as a proxy or an overloaded Xendit would.
type Fault struct {
	// Method and Path select requests (exact match); empty matches any.
	Method, Path string
	// Status is the status to answer with; Body defaults to a Xendit error
	// object for it. Header is added to the response.
	Status int
	Body   string
	Header http.Header
	// Drop closes the connection after reading the request, with no response.
	Drop bool
	// Delay waits before answering, or until the client gives up.
	Delay time.Duration
	// Times is how many matching requests the fault applies to (default 1).
	Times int
}

// InjectFault queues f. Faults apply in the order they were queued, each to
// the next Times matching requests.
func (s *Server) InjectFault(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	s.faults = append(s.faults, &f)
	s.mu.Unlock()
}

func (s *Server) takeFault(r *http.Request) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if (f.Method == "" || f.Method == r.Method) && (f.Path == "" || f.Path == r.URL.Path) {
			f.Times--
			if f.Times == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return f
		}
	}
	return nil
}

func (f *Fault) apply(w http.ResponseWriter, r *http.Request) {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	if f.Drop {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // HTTP/2: abort the stream
	}
	for k, vs := range f.Header {
		w.Header()[k] = vs
	}
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if f.Body == "" {
		WriteError(w, status, codeForStatus(status), http.StatusText(status))
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(f.Body))
}

func codeForStatus(status int) string {
	switch status {
	case http.StatusTooManyRequests:
		return "RATE_LIMIT_EXCEEDED"
	case http.StatusBadRequest:
		return "API_VALIDATION_ERROR"
	case http.StatusUnauthorized:
		return "INVALID_API_KEY"
	case http.StatusForbidden:
		return "REQUEST_FORBIDDEN_ERROR"
	}
	return "SERVER_ERROR"
}

// Request is a request the server received, kept for assertions.
type Request struct {
	Method string
	Path   string
	Query  string
	Header http.Header
	Body   []byte
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) record(r *http.Request, body []byte) {
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body,
	})
	s.mu.Unlock()
}
