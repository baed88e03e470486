package contracttest

// How to run: install Stoplight Prism at the pinned version and tell the
// test where it is,
//
//	npm install --prefix /tmp/prism @stoplight/prism-cli@5.14.2
//	PRISM_BIN=/tmp/prism/node_modules/.bin/prism go test ./internal/contracttest
//
// Without PRISM_BIN the test looks for prism on PATH. When neither is
// there, or the version is not the pinned one, it skips, unless CI=true,
// where it fails: .ci/run installs Prism and sets PRISM_BIN.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
)

const prismVersion = "5.14.2"

// testKey is a made-up test-mode key: Prism checks no authentication.
const testKey = "xnd_development_contract_test_key"

// seeds fix Prism's --dynamic answers, so that every run sees the same
// ones. Prism seeds each answer afresh, so one seed gives one answer per
// operation; these three give, between them, customers with and without
// addresses, identity accounts (every type of the file's response enum,
// CARDLESS_CREDIT among them) and KYC documents.
var seeds = []string{"1", "2", "4"}

func skipOrFail(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

const install = "install it with `npm install --prefix DIR @stoplight/prism-cli@" + prismVersion +
	"` and set PRISM_BIN=DIR/node_modules/.bin/prism"

var (
	prismOnce    sync.Once
	prismPath    string
	prismProblem string // why the test cannot run Prism, if it cannot
)

// prismBin returns the Prism executable, found and checked once.
func prismBin(t *testing.T) string {
	t.Helper()
	prismOnce.Do(func() { prismPath, prismProblem = findPrism() })
	if prismProblem != "" {
		skipOrFail(t, prismProblem)
	}
	return prismPath
}

// findPrism finds the Prism executable and checks its version.
func findPrism() (bin, problem string) {
	bin = os.Getenv("PRISM_BIN")
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("prism"); err != nil {
			return "", "the contract test needs Stoplight Prism, which is not installed (no PRISM_BIN, no prism on PATH): " + install
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil {
		return "", fmt.Sprintf("%s --version: %v; %s", bin, err, install)
	}
	if v := strings.TrimSpace(string(out)); v != prismVersion {
		return "", fmt.Sprintf("%s is Prism %s, the test pins %s; %s", bin, v, prismVersion, install)
	}
	return bin, ""
}

// mode is how Prism makes its answers: the file's static examples, or
// examples generated from the schemas with a fixed seed.
type mode string

const static mode = "static"

const dynamicPrefix = "dynamic, seed "

func dynamic(seed string) mode { return mode(dynamicPrefix + seed) }

// startPrism serves the patched copy of testdata/openapi/file with
// `prism mock --errors` on a free loopback port and returns its base URL.
// --errors makes Prism answer a request that breaks the schema with a 4xx
// and a response that breaks it with a 500, both listing the violations in
// the sl-violations header.
func startPrism(t *testing.T, file string, m mode) string {
	t.Helper()
	return startPrismOn(t, patched(t, file), m)
}

// startPrismOn serves the OpenAPI file at doc as it is.
func startPrismOn(t *testing.T, doc string, m mode) string {
	t.Helper()
	bin := prismBin(t)
	for attempt := 0; ; attempt++ {
		base, err := runPrism(t, bin, doc, m)
		if err == nil {
			return base
		}
		if attempt == 2 {
			t.Fatalf("starting Prism on %s: %v", doc, err)
		}
	}
}

func runPrism(t *testing.T, bin, doc string, m mode) (string, error) {
	port, err := freePort()
	if err != nil {
		return "", err
	}
	args := []string{"mock", "--errors", "--host", "127.0.0.1", "--port", fmt.Sprint(port)}
	if seed, ok := strings.CutPrefix(string(m), dynamicPrefix); ok {
		// No made-up extra properties: the SDK ignores unknown keys by
		// design, so they would test nothing.
		args = append(args, "--dynamic", "--seed", seed, "--json-schema-faker-fillProperties=false")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, append(args, doc)...)
	cmd.WaitDelay = 5 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		cancel()
		return "", err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		cancel()
		return "", err
	}
	// Prism prints "Prism is listening" once it serves; the rest of its
	// log is kept for the failure message.
	ready := make(chan bool, 1)
	var log strings.Builder
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			mu.Lock()
			log.WriteString(sc.Text() + "\n")
			mu.Unlock()
			if strings.Contains(sc.Text(), "Prism is listening") {
				select {
				case ready <- true:
				default:
				}
			}
		}
		select { // Prism exited
		case ready <- false:
		default:
		}
	}()
	stop := func() {
		cancel()
		_ = cmd.Wait()
	}
	select {
	case ok := <-ready:
		if ok {
			t.Cleanup(stop)
			return fmt.Sprintf("http://127.0.0.1:%d", port), nil
		}
	case <-time.After(30 * time.Second):
	}
	stop()
	mu.Lock()
	defer mu.Unlock()
	return "", fmt.Errorf("prism %s did not start:\n%s", strings.Join(args, " "), log.String())
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// exchange is one request to Prism and its answer.
type exchange struct {
	Method, URL string
	Status      int
	Violations  []violation
	Body        []byte
}

// violation is one entry of Prism's sl-violations header.
type violation struct {
	Location []string `json:"location"`
	Severity string   `json:"severity"`
	// Code is a string, or a number for a security failure (401).
	Code    any    `json:"code"`
	Message string `json:"message"`
}

// recorder is the client's transport: it keeps every exchange with Prism.
type recorder struct {
	next http.RoundTripper
	mu   sync.Mutex
	log  []exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := r.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(strings.NewReader(string(body)))
	x := exchange{Method: req.Method, URL: req.URL.RequestURI(), Status: resp.StatusCode, Body: body}
	if h := resp.Header.Get("sl-violations"); h != "" {
		if err := json.Unmarshal([]byte(h), &x.Violations); err != nil {
			x.Violations = []violation{{Message: "unreadable sl-violations header: " + h}}
		}
	}
	r.mu.Lock()
	r.log = append(r.log, x)
	r.mu.Unlock()
	return resp, nil
}

// take returns the exchanges since the last call.
func (r *recorder) take() []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	log := r.log
	r.log = nil
	return log
}

// contract is an SDK client pointed at one Prism server.
type contract struct {
	t      *testing.T
	mode   mode
	client *xendit.Client
	rec    *recorder
}

func newContract(t *testing.T, file string, m mode) *contract {
	t.Helper()
	return contractWith(t, startPrism(t, file, m), m)
}

func contractWith(t *testing.T, base string, m mode) *contract {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	rec := &recorder{next: tr}
	// No retries: a 500 (Prism's answer to a response that breaks the
	// schema) is reported at once, not retried.
	c, err := xendit.New(testKey, xendit.WithBaseURL(base),
		xendit.WithHTTPClient(&http.Client{Transport: rec}),
		xendit.WithRetryPolicy(xendit.RetryPolicy{}))
	require.NoError(t, err)
	return &contract{t: t, mode: m, client: c, rec: rec}
}

// check fails the test on any violation Prism reported for the call just
// made, and on an error from the SDK, and returns the exchanges.
func (c *contract) check(op string, err error) []exchange {
	c.t.Helper()
	log := c.rec.take()
	if len(log) == 0 {
		c.t.Errorf("%s: sent no request (%v)", op, err)
	}
	for _, x := range log {
		for _, v := range x.Violations {
			c.t.Errorf("%s: %s %s: Prism answered %d: %s %v: %s", op, x.Method, x.URL, x.Status,
				strings.Join(v.Location, "."), v.Code, v.Message)
		}
	}
	if err != nil {
		c.t.Errorf("%s: %v", op, err)
	}
	return log
}

// decoded checks one call that made one request: no violation, no error,
// and every key of Prism's answer survives a round trip through the SDK's
// type v (decoded into a named field, re-encoded with the same value).
func (c *contract) decoded(op string, v any, err error) {
	c.t.Helper()
	log := c.check(op, err)
	if len(log) > 1 {
		c.t.Errorf("%s: sent %d requests, not one", op, len(log))
	}
	if len(log) != 1 || err != nil {
		return
	}
	again, merr := json.Marshal(v)
	require.NoError(c.t, merr)
	if diffs := unexcepted(jsontest.Diff(log[0].Body, again)); len(diffs) > 0 {
		c.t.Errorf("%s: Prism's %s answer does not survive decoding:\n  %s\nanswer: %s", op, c.mode,
			strings.Join(diffs, "\n  "), clip(log[0].Body))
	}
}

// each runs f against a Prism serving file statically and one serving it
// dynamically for each seed, in parallel.
func each(t *testing.T, file string, f func(t *testing.T, c *contract)) {
	modes := []mode{static}
	for _, seed := range seeds {
		modes = append(modes, dynamic(seed))
	}
	for _, m := range modes {
		t.Run(string(m), func(t *testing.T) {
			t.Parallel()
			f(t, newContract(t, file, m))
		})
	}
}

// patched writes testdata/openapi/file with the exceptions applied to a
// temporary directory and returns its path. A patch that no longer finds
// its text the expected number of times fails the test: the file changed,
// and the exception must be looked at again.
func patched(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "openapi", file))
	require.NoError(t, err)
	doc := string(b)
	for _, p := range exceptions {
		if p.File != file {
			continue
		}
		if n := strings.Count(doc, p.Old); n != p.N {
			t.Fatalf("exception %q: %s has its text %d times, not %d", p.Why, file, n, p.N)
		}
		doc = strings.ReplaceAll(doc, p.Old, p.New)
	}
	out := filepath.Join(t.TempDir(), file)
	require.NoError(t, os.WriteFile(out, []byte(doc), 0o600))
	return out
}

// clip keeps failure messages readable.
func clip(b []byte) string {
	if len(b) > 1500 {
		return string(b[:1500]) + "..."
	}
	return string(b)
}

// unexcepted drops the diff lines roundTripExceptions allow.
func unexcepted(diffs []string) []string {
	var out []string
next:
	for _, d := range diffs {
		for _, e := range roundTripExceptions {
			if e.re.MatchString(d) {
				continue next
			}
		}
		out = append(out, d)
	}
	return out
}
