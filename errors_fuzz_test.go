package xendit

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// FuzzErrorBody feeds arbitrary error bodies to the decoder: it never
// panics, and Error() stays one line whatever the server sent.
func FuzzErrorBody(f *testing.F) {
	f.Add(400, []byte(`{"error_code":"API_VALIDATION_ERROR","message":"Invalid","errors":[{"path":"x"}]}`))
	f.Add(502, []byte("<html><body>502 Bad Gateway</body></html>"))
	f.Add(500, []byte(`{"error_code":"SERVER_ERROR","message":"line one\nline two\r\n"}`))
	f.Add(429, []byte(`{"message":"\u0000\u001b[31m"}`))
	f.Add(404, []byte(``))
	f.Add(401, []byte(`{"message":"key \u0078nd_test_a\/b\u002Bc=="}`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		const secret = "xnd_test_a/b+c=="
		secrets := []string{secret}
		scrub := func(s string) string { return redact(s, secrets) }
		e := &Error{Operation: "fuzz", StatusCode: status, RequestID: "req"}
		e.fillFromBody([]byte(scrub(string(body))), scrub)
		line := e.Error()
		if strings.Contains(line, secret) || strings.Contains(e.Message, secret) {
			t.Fatalf("the secret survived: %q", line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("Error() is not one line: %q", line)
		}
		if len(e.BodySample) > bodySampleLen+len("…") {
			t.Fatalf("sample of %d bytes", len(e.BodySample))
		}
		_ = e.Is(ErrServer)
	})
}

// FuzzRateLimitHeaders: the parser never panics and never reports a reset
// outside [0, maxReset] or negative counts.
func FuzzRateLimitHeaders(f *testing.F) {
	f.Add("6000", "5839", "58.379")
	f.Add("60", "0", "0.002")
	f.Add("1", "1", "1e309")
	f.Add("-1", "x", "NaN")
	f.Fuzz(func(t *testing.T, limit, remaining, reset string) {
		h := http.Header{}
		h.Set("Rate-Limit-Limit", limit)
		h.Set("Rate-Limit-Remaining", remaining)
		h.Set("Rate-Limit-Reset", reset)
		rl, ok := parseRateLimit(h)
		if !ok {
			return
		}
		if rl.Limit < 0 || rl.Remaining < 0 || rl.Reset < 0 || rl.Reset > maxReset+time.Millisecond {
			t.Fatalf("accepted %+v from %q %q %q", rl, limit, remaining, reset)
		}
	})
}
