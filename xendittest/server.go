// Package xendittest is a fake Xendit API server for tests and examples.
//
// A [Server] listens on loopback, checks Basic Auth like Xendit (401
// INVALID_API_KEY), keeps state for the endpoints it serves, can send
// Rate-Limit-* headers and real 429s past a configurable limit, and can
// inject faults (error statuses, dropped connections, delays) to exercise a
// caller's error handling:
//
//	srv := xendittest.NewServer(xendittest.WithRateLimit(60, time.Minute))
//	defer srv.Close()
//	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 1_500_000)
//	client, _ := srv.Client() // a *xendit.Client for srv.URL and xendittest.SecretKey
//
// [NewWebhook] builds and sends a webhook the way Xendit does (token and
// webhook-id headers), to test a webhook handler.
//
// It routes by the SDK's endpoint table ([xendit.Endpoints]), so every
// endpoint it serves has the path, method and idempotency header the SDK
// sends. Endpoints it does not serve answer 404.
package xendittest

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/seed19b1029f/xendit-go"
)

// SecretKey is the key a Server accepts unless [WithSecretKeys] says
// otherwise. It has the shape of a test-mode key and grants nothing anywhere
// else.
const SecretKey = "xnd_development_xendittest_0000000000000000000000000000000000000000"

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give [xendit.WithBaseURL].
	URL string

	srv      *httptest.Server
	mux      *http.ServeMux
	keys     []string
	limit    int
	window   time.Duration
	requestN atomic.Int64

	// conflicts holds, per endpoint, how a product answers an idempotency
	// key reused with another body; written only while routes are set up.
	conflicts map[string]func(http.ResponseWriter)

	mu       sync.Mutex
	hits     map[string][]time.Time // accepted requests per key and endpoint, for the sliding window
	faults   []*Fault
	requests []Request
	balances map[Account]float64
}

// Option configures a Server.
type Option func(*Server)

// WithSecretKeys sets the keys the server accepts, instead of [SecretKey].
func WithSecretKeys(keys ...string) Option {
	return func(s *Server) { s.keys = keys }
}

// WithRateLimit makes the server count requests per key and endpoint in a
// sliding window, send Rate-Limit-* headers on every response, and answer 429
// RATE_LIMIT_EXCEEDED past limit. Without it the server sends no such
// headers and never answers 429 of its own accord.
func WithRateLimit(limit int, window time.Duration) Option {
	return func(s *Server) { s.limit, s.window = limit, window }
}

// NewServer starts a fake server on loopback. Close it when done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		mux:       http.NewServeMux(),
		keys:      []string{SecretKey},
		conflicts: make(map[string]func(http.ResponseWriter)),
		hits:      make(map[string][]time.Time),
		balances:  make(map[Account]float64),
	}
	for _, opt := range opts {
		opt(s)
	}
	s.routeBalance()
	s.routeEWallets()
	s.routePayLater()
	s.routeCustomers()
	s.routeTransactions()
	s.routeReports()
	s.routeFiles()
	s.routeCards()
	s.routeSNAP()
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// Client returns a client for the server's URL and its first accepted key,
// with the given options added.
func (s *Server) Client(opts ...xendit.Option) (*xendit.Client, error) {
	return xendit.New(s.keys[0], append([]xendit.Option{xendit.WithBaseURL(s.URL)}, opts...)...)
}

// handle serves the SDK endpoint id with h.
func (s *Server) handle(id string, h func(w http.ResponseWriter, r *http.Request)) {
	e := xendit.MustEndpoint(id)
	s.mux.Handle(e.Method+" "+e.Path, endpointHandler{id: id, h: h})
}

type endpointHandler struct {
	id string
	h  func(w http.ResponseWriter, r *http.Request)
}

func (e endpointHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { e.h(w, r) }

// serve runs every request through the same steps as Xendit's edge: record,
// faults, authentication, rate limit, then the endpoint.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, stream := s.readBody(r) // files.go: a multipart upload streams to its handler
	s.record(r, body)
	w.Header().Set(xendit.HeaderRequestID, "req_"+strconv.FormatInt(s.requestN.Add(1), 10))
	if f := s.takeFault(r); f != nil {
		f.apply(w, r)
		return
	}
	key, ok := s.authenticate(r)
	if !ok {
		WriteError(w, http.StatusUnauthorized, xendit.CodeInvalidAPIKey, "API key format is invalid")
		return
	}
	h, pattern := s.mux.Handler(r)
	eh, known := h.(endpointHandler)
	if pattern == "" || !known {
		WriteError(w, http.StatusNotFound, "NOT_FOUND", "xendittest does not serve "+r.Method+" "+r.URL.Path)
		return
	}
	if !s.admit(w, key, eh.id) {
		WriteError(w, http.StatusTooManyRequests, xendit.CodeRateLimited,
			"You have exceeded the rate limit for this endpoint. Please retry after the window resets")
		return
	}
	r.Body = io.NopCloser(requestBody(body, stream))
	s.serveIdempotent(w, r, eh.id, key, body) // idempotency.go
}

func (s *Server) authenticate(r *http.Request) (string, bool) {
	user, pass, ok := r.BasicAuth()
	if !ok || pass != "" || !slices.Contains(s.keys, user) {
		return "", false
	}
	return user, true
}

// admit counts the request in its sliding window and sets the Rate-Limit-*
// headers; it reports false when the window is full.
func (s *Server) admit(w http.ResponseWriter, key, endpoint string) bool {
	if s.limit <= 0 {
		return true
	}
	now := time.Now()
	k := key + " " + endpoint
	s.mu.Lock()
	hits := s.hits[k]
	for len(hits) > 0 && now.Sub(hits[0]) >= s.window {
		hits = hits[1:]
	}
	admitted := len(hits) < s.limit
	if admitted {
		hits = append(hits, now)
	}
	s.hits[k] = hits
	reset := s.window
	if len(hits) > 0 {
		reset = s.window - now.Sub(hits[0])
	}
	remaining := s.limit - len(hits)
	s.mu.Unlock()
	h := w.Header()
	h.Set("Rate-Limit-Limit", strconv.Itoa(s.limit))
	h.Set("Rate-Limit-Remaining", strconv.Itoa(remaining))
	// Rounded up: a reset understated by rounding would let a client that
	// waits exactly that long send into a window that is still full.
	h.Set("Rate-Limit-Reset", strconv.FormatFloat(math.Ceil(reset.Seconds()*1000)/1000, 'f', 3, 64))
	return admitted
}

// WriteJSON writes v as a JSON response with status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// WriteError writes a Xendit error object.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	WriteJSON(w, status, map[string]string{"error_code": code, "message": message})
}

// writeValidation writes the 400 API_VALIDATION_ERROR Xendit sends for bad
// parameters.
func writeValidation(w http.ResponseWriter, format string, args ...any) {
	WriteError(w, http.StatusBadRequest, xendit.CodeAPIValidation, fmt.Sprintf(format, args...))
}
