package xendittest

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/seed19b1029f/xendit-go/internal/memtransport"
)

// SecretKey is the key a Server accepts unless [WithSecretKeys] says
// otherwise. It has the shape of a test-mode key and grants nothing anywhere
// else.
const SecretKey = "xnd_development_xendittest_0000000000000000000000000000000000000000"

// Server is a fake Xendit. It is an http.Handler; [New] makes one that
// listens nowhere (use [Server.Transport]), [NewServer] one that also
// listens on loopback at URL. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give xendit.WithBaseURL; empty unless the
	// server listens ([NewServer]).
	URL string

	hs        *httptest.Server
	handler   http.Handler
	transport http.RoundTripper
	keys      []string
	limit     int
	window    time.Duration
	clock     *clock
	ids       *ids
	store     *store
	hooks     *deliverer
	endpoints map[string]*endpoint
	requestN  atomic.Int64

	redelivery      []time.Duration
	redeliveryGiven bool
	callbackClient  *http.Client

	// models holds the hand-written handlers by reference id; written only
	// while routes are set up.
	models map[string]handler

	mu          sync.Mutex
	hits        map[string][]time.Time // accepted requests per key and endpoint, for the sliding window
	faults      []*Fault
	requests    []Request
	balances    map[Account]float64
	idempotent  map[string]*idempotentResult
	fileLimit   int64
	reportDelay time.Duration

	snp snapState
}

// Option configures a Server.
type Option func(*Server)

// WithSecretKeys sets the keys the server accepts, instead of [SecretKey].
// Each key is a merchant of its own: it sees only the objects it made, and
// has its own callbacks ([Server.SetCallbacks]).
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

// WithClock makes now the server's clock: the times it stamps, its
// rate-limit windows, report delays and callback redeliveries. Those wait
// for [Server.Advance] rather than for real time. Without it the server
// uses time.Now and real timers, which inside a testing/synctest bubble are
// the bubble's fake ones.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.clock = newClock(now) }
}

// WithRedeliverySchedule sets the intervals between attempts to deliver a
// callback whose receiver does not answer 2xx; the default is
// [XenditRedeliverySchedule] with a minute made 100µs. No intervals: one
// attempt only.
func WithRedeliverySchedule(intervals ...time.Duration) Option {
	return func(s *Server) { s.redelivery, s.redeliveryGiven = append([]time.Duration{}, intervals...), true }
}

// WithCallbackClient sets the client the server delivers callbacks with,
// e.g. one whose Transport calls the receiver in memory.
func WithCallbackClient(hc *http.Client) Option {
	return func(s *Server) { s.callbackClient = hc }
}

// New returns a server that listens nowhere: call it through
// [Server.Transport] or serve it yourself (it is an http.Handler). Close
// stops its timers.
func New(opts ...Option) *Server {
	merchantKey, xenditKey := mustKeys()
	s := &Server{
		keys:       []string{SecretKey},
		models:     make(map[string]handler),
		hits:       make(map[string][]time.Time),
		balances:   make(map[Account]float64),
		idempotent: make(map[string]*idempotentResult),
		fileLimit:  DefaultFileSizeLimit,
		ids:        newIDs(),
		store:      newStore(),
		endpoints:  make(map[string]*endpoint),
	}
	s.snp.verify = snapVerifier{public: merchantKey}
	for _, opt := range opts {
		opt(s)
	}
	if s.clock == nil {
		s.clock = newClock(nil)
	}
	s.hooks = newDeliverer(s.clock, s.ids, xenditKey)
	if s.redeliveryGiven {
		s.hooks.schedule = s.redelivery
	}
	if s.callbackClient != nil {
		s.hooks.hc = s.callbackClient
	}
	s.routeBalance()
	s.routeEWallets()
	s.routePayLater()
	s.routeSubscriptions()
	s.routeCustomers()
	s.routeTransactions()
	s.routeInvoices()
	s.routeReports()
	s.routeFiles()
	s.routeCards()
	s.routeSNAP()
	s.routeVirtualAccounts()
	s.routeQRCodes()
	s.routeRetailOutlets()
	s.routeDirectDebit()
	s.routePayouts()
	s.routePayoutLinks()
	s.routeDisbursements()
	s.routeRemittance()
	s.routeXenPlatform()
	s.routePaymentRequests()
	s.routePaymentMethods()
	s.routeRefunds()
	s.route()
	s.handler = http.HandlerFunc(s.serve)
	s.transport = memtransport.New(s.handler)
	return s
}

// NewServer returns a server listening on loopback at URL. Close it when
// done.
func NewServer(opts ...Option) *Server {
	s := New(opts...)
	s.hs = httptest.NewServer(s.handler)
	s.URL = s.hs.URL
	return s
}

// ServeHTTP serves the fake API: the standalone command and tests that
// mount it in their own server use it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Transport returns an http.RoundTripper that calls the server in memory,
// with no socket: give it to an http.Client (as [Server.Client] does when
// the server does not listen).
func (s *Server) Transport() http.RoundTripper { return s.transport }

// Now returns the server's clock's time.
func (s *Server) Now() time.Time { return s.clock.Now() }

// Advance moves the server's clock forward by d, running what falls due:
// reports that finish on their own, callback redeliveries.
func (s *Server) Advance(d time.Duration) { s.clock.Advance(d) }

// Close stops the server: its listener if it has one, its timers and its
// pending redeliveries.
func (s *Server) Close() {
	if s.hs != nil {
		s.hs.Close()
	}
	s.clock.stop()
	s.hooks.close()
}

// account is the merchant a test hook means: "" is the first secret key.
func (s *Server) account(a string) string {
	if a == "" {
		return s.keys[0]
	}
	return a
}

// serve runs every request through the same steps as Xendit's edge: record,
// faults, authentication, rate limit, then the endpoint.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, stream := readBody(r) // a multipart upload streams to its handler
	s.record(r, body)
	w.Header().Set("Request-ID", "req_"+strconv.FormatInt(s.requestN.Add(1), 10))
	if f := s.takeFault(r); f != nil {
		f.apply(w, r)
		return
	}
	key, ok := s.authenticate(r)
	if !ok {
		WriteError(w, http.StatusUnauthorized, "INVALID_API_KEY", "API key format is invalid")
		return
	}
	eps, ok := s.find(r)
	if !ok {
		WriteError(w, http.StatusNotFound, "NOT_FOUND", "The requested resource was not found: "+r.Method+" "+r.URL.Path)
		return
	}
	if stream != nil {
		r.Body = io.NopCloser(stream)
	}
	e := eps[0]
	if !s.admit(w, key, e.ref.ID) {
		WriteError(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED",
			"You have exceeded the rate limit for this endpoint. Please retry after the window resets")
		return
	}
	s.serveIdempotent(w, r, e, key, body, func(w http.ResponseWriter) { s.dispatch(w, r, eps, body) })
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
	now := s.clock.Now()
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
