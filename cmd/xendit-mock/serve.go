package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"
)

// repeated is a flag that may be given several times.
type repeated []string

func (l *repeated) String() string     { return strings.Join(*l, ", ") }
func (l *repeated) Set(v string) error { *l = append(*l, v); return nil }

// serve runs the fake until ctx ends (SIGINT or SIGTERM from main).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("xendit-mock serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:12111", "`address` to listen on (port 0 picks a free one); loopback unless you say otherwise")
	var keys, callbackURLs, callbackTokens, faultSpecs repeated
	fs.Var(&keys, "key", "secret `key` to accept as the Basic Auth username (repeatable; default the fake's test key, printed at start)")
	fs.Var(&callbackURLs, "callback-url", "send callbacks (eWallet, PayLater, reports, SNAP) to `[KEY=]URL`; KEY= for one merchant's (repeatable)")
	fs.Var(&callbackTokens, "callback-token", "send `[KEY=]TOKEN` in x-callback-token, KEY= in one merchant's (repeatable; default the fake's test token, printed at start)")
	rateLimit := fs.Int("rate-limit", 0, "requests per key and endpoint in each -rate-window before 429 RATE_LIMIT_EXCEEDED (0: no limit)")
	rateWindow := fs.Duration("rate-window", time.Minute, "the rate limit's sliding `window`")
	fs.Var(&faultSpecs, "fault", "inject a `fault`: OUTCOME[@FRACTION] [METHOD] [PATH], e.g. 503@0.1 or 'drop@0.05 POST' (repeatable)")
	seed := fs.Uint64("seed", 0, "seed of the faults' dice, to repeat a run (0: random)")
	snapPublicKey := fs.String("snap-public-key", "", "PEM `file` of your SNAP public key, to verify X-SIGNATURE with (default the fake's test merchant key)")
	snapSecret := fs.String("snap-client-secret", "", "SNAP client `secret`, to verify X-SIGNATURE as HMAC-SHA512 instead")
	verbose := fs.Bool("v", false, "log every request to stderr (method, path, status, time; never keys)")
	if err := fs.Parse(args); err != nil {
		return usageStatus(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "xendit-mock serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	cfg, faults, err := serveConfig(keys, callbackURLs, callbackTokens, faultSpecs)
	if err == nil && *snapPublicKey != "" {
		cfg.snapPublicKeyPEM, err = os.ReadFile(*snapPublicKey)
	}
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock serve: %v\n", err)
		return 2
	}
	if *rateLimit < 0 || (*rateLimit > 0 && *rateWindow <= 0) {
		fmt.Fprintln(stderr, "xendit-mock serve: -rate-limit wants a count of 0 or more and a positive -rate-window")
		return 2
	}
	cfg.rateLimit, cfg.rateWindow, cfg.snapClientSecret = *rateLimit, *rateWindow, *snapSecret

	fake, closeFake, err := newFake(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock serve: %v\n", err)
		return 2
	}
	defer closeFake()
	var h http.Handler = faulty(fake, faults, *seed)
	if *verbose {
		h = logRequests(h, log.New(stderr, "", log.LstdFlags|log.Lmicroseconds), cfg.keys)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock serve: %v\n", err)
		return 1
	}
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	printStart(stdout, "http://"+ln.Addr().String(), cfg, len(keys) == 0)

	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		// Requests still running (a delay fault, a slow client) get 5 s.
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if hs.Shutdown(shutdown) != nil {
			hs.Close()
		}
		cancel()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "xendit-mock serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stderr, "xendit-mock: stopped")
	return 0
}

// serveConfig turns serve's repeatable flags into the fake's configuration.
func serveConfig(keys, callbackURLs, callbackTokens, faultSpecs []string) (fakeConfig, []fault, error) {
	cfg := fakeConfig{keys: keys, callbacks: map[string]callbackTarget{}}
	if len(keys) == 0 {
		cfg.keys = []string{defaultSecretKey}
	}
	for _, k := range cfg.keys {
		if k == "" || strings.ContainsAny(k, ": \t") {
			return cfg, nil, errors.New("-key: a secret key is not empty and holds no colon or space")
		}
	}
	// KEY=VALUE names a merchant only when KEY is one of the keys: URLs and
	// tokens may hold '=' themselves.
	perKey := func(v string) (string, string) {
		if k, rest, ok := strings.Cut(v, "="); ok && slices.Contains(cfg.keys, k) {
			return k, rest
		}
		return "", v
	}
	tokens := map[string]string{}
	for _, v := range callbackTokens {
		k, token := perKey(v)
		tokens[k] = token
	}
	for _, v := range callbackURLs {
		k, u := perKey(v)
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return cfg, nil, errors.New("-callback-url: want [KEY=]http(s)://host/path, where KEY is one of -key")
		}
		cfg.callbacks[k] = callbackTarget{url: u}
	}
	for k := range tokens {
		if _, ok := cfg.callbacks[k]; !ok && cfg.callbacks[""].url == "" {
			return cfg, nil, errors.New("-callback-token: give -callback-url too")
		}
	}
	for k, cb := range cfg.callbacks {
		cb.token = cmp.Or(tokens[k], tokens[""], defaultCallbackToken)
		cfg.callbacks[k] = cb
	}
	var faults []fault
	for _, spec := range faultSpecs {
		f, err := parseFault(spec)
		if err != nil {
			return cfg, nil, err
		}
		faults = append(faults, f)
	}
	return cfg, faults, nil
}

// printStart tells the user where the fake is and how to call it. It prints
// the fake's own test credentials, never the ones the user gave.
func printStart(w io.Writer, url string, cfg fakeConfig, defaultKey bool) {
	fmt.Fprintf(w, "xendit-mock: serving the fake Xendit API on %s\n", url)
	if defaultKey {
		fmt.Fprintf(w, "secret key: %s (the Basic Auth username, empty password)\n", defaultSecretKey)
	} else {
		fmt.Fprintf(w, "secret keys: the %d given with -key\n", len(cfg.keys))
	}
	for k, cb := range cfg.callbacks {
		who := "every key"
		if k != "" {
			who = "key " + keyLabel(cfg.keys, k)
		}
		token := "given with -callback-token"
		if cb.token == defaultCallbackToken {
			token = defaultCallbackToken
		}
		fmt.Fprintf(w, "callbacks of %s: POST %s, x-callback-token %s\n", who, cb.url, token)
	}
	fmt.Fprintf(w, "SNAP: X-PARTNER-ID %s; callbacks are signed with the key whose public half is:\n%s", snapPartnerID, snapXenditPublicKey)
}

// keyLabel names a key by its place among the keys ("#2"), so that logs
// can tell merchants apart without printing a key.
func keyLabel(keys []string, key string) string {
	if i := slices.Index(keys, key); i >= 0 {
		return fmt.Sprintf("#%d", i+1)
	}
	return "unknown"
}

// logRequests logs each request once answered: method, path, status (or
// "dropped"), duration, request id and which key (by number) it carried.
func logRequests(next http.Handler, l *log.Logger, keys []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		key := "none"
		if user, _, ok := r.BasicAuth(); ok {
			key = keyLabel(keys, user)
		}
		defer func() {
			status := "dropped"
			if rec.status != 0 {
				status = fmt.Sprint(rec.status)
			}
			l.Printf("%s %s %s %v key=%s %s", r.Method, r.URL.Path, status,
				time.Since(start).Round(time.Microsecond), key, w.Header().Get("Request-Id"))
		}()
		next.ServeHTTP(rec, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (drop faults,
// flushing).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
