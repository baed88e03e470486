package xendit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

func TestBasicAuthMatchesTheReferenceVector(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	require.NoError(t, srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil))
	reqs := srv.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, docAuthorization, reqs[0].Header.Get("Authorization"))
}

func TestNewRejectsMissingOrMalformedKeys(t *testing.T) {
	cases := map[string]struct{ key, want string }{
		"empty":           {"", "is empty"},
		"padded":          {" " + docKey, "white space"},
		"trailing colon":  {docKey + ":", "contains ':'"},
		"inner space":     {"xnd_development_abc def", "white space"},
		"public key":      {"xnd_public_development_abc", "public key"},
		"not xendit":      {"sk_test_123", `does not start with "xnd_"`},
		"non-ascii":       {"xnd_development_ключ", "printable ASCII"},
		"newline smuggle": {"xnd_development_a\r\nX-Evil=1", "white space"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := xendit.New(tc.key)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tc.want)
			if tc.key != "" {
				assert.NotContains(t, err.Error(), tc.key, "the error must not quote the key")
			}
		})
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	for name, opt := range map[string]xendit.Option{
		"base URL without scheme": xendit.WithBaseURL("api.xendit.co"),
		"base URL with query":     xendit.WithBaseURL("https://api.xendit.co?x=1"),
		"nil http client":         xendit.WithHTTPClient(nil),
		"negative retries":        xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: -1}),
		"max below min":           xendit.WithRetryPolicy(xendit.RetryPolicy{MaxRetries: 1, MinWait: 2, MaxWait: 1}),
		"zero timeout":            xendit.WithTimeout(0),
		"unknown rate mode":       xendit.WithRateLimiting(xendit.RateLimitMode(42)),
		"user agent with newline": xendit.WithUserAgent("shop/1\r\nX: y"),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := xendit.New(docKey, opt)
			assert.Error(t, err)
		})
	}
}

func TestNewFromEnvReadsKeyAndBaseURL(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	t.Setenv(xendit.EnvSecretKey, docKey)
	t.Setenv(xendit.EnvBaseURL, srv.URL)
	c, err := xendit.NewFromEnv()
	require.NoError(t, err)
	assert.Equal(t, srv.URL, c.BaseURL())
	require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil))
	assert.Equal(t, docAuthorization, srv.requests()[0].Header.Get("Authorization"))

	t.Setenv(xendit.EnvSecretKey, "")
	_, err = xendit.NewFromEnv()
	assert.ErrorContains(t, err, xendit.EnvSecretKey)
}

func TestClientNeverPrintsItsSecret(t *testing.T) {
	c, err := xendit.New(docKey)
	require.NoError(t, err)
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(format, c)
		assert.NotContains(t, out, docKey, format)
		assert.NotContains(t, out, docAuthorization[len("Basic "):], format)
	}
	out := fmt.Sprintf("%+v", *c)
	assert.NotContains(t, out, docKey)
	assert.NotContains(t, out, docAuthorization[len("Basic "):])
}

func TestHeadersFollowTheEndpointRow(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	c := srv.client(t, xendit.WithUserAgent("shop/2.1"), xendit.WithDefaults(xendit.ForUserID("default-sub")))
	versioned := xendit.Endpoint{ID: "test.versioned", Method: http.MethodPost, Path: "/v", APIVersion: "2020-10-31",
		VersionHeader: "API-VERSION", IdempotencyHeader: "IDEMPOTENCY-KEY"}
	ctx := context.Background()

	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: versioned, Body: map[string]int{"a": 1}}, nil))
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: versioned, Options: []xendit.RequestOption{
		xendit.WithAPIVersion("2020-05-19"), xendit.ForUserID("sub-1"), xendit.WithSplitRule("splitru_1"),
		xendit.WithHeader("X-Trace", "t1"),
	}}, nil))

	reqs := srv.requests()
	require.Len(t, reqs, 2)
	first, second := reqs[0], reqs[1]
	// Spelled as the endpoint documents it, not canonicalized.
	assert.Equal(t, []string{"2020-10-31"}, first.Header["Api-Version"], "Go's server canonicalizes what it reads")
	assert.Equal(t, "2020-05-19", second.Header.Get("API-VERSION"))
	assert.Equal(t, "default-sub", first.Header.Get("for-user-id"))
	assert.Equal(t, "sub-1", second.Header.Get("for-user-id"), "a request's option overrides the client default")
	assert.Equal(t, "splitru_1", second.Header.Get("with-split-rule"))
	assert.Equal(t, "t1", second.Header.Get("X-Trace"))
	assert.Equal(t, "application/json", first.Header.Get("Content-Type"))
	assert.JSONEq(t, `{"a":1}`, first.Body)
	assert.Regexp(t, `^xendit-go/\S+ go\S+ shop/2\.1$`, first.Header.Get("User-Agent"))
}

func TestAPIVersionHeaderIsSentAsSpelled(t *testing.T) {
	// A raw listener shows the request head exactly as it went on the wire.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	head := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			head <- ""
			return
		}
		defer conn.Close()
		var b []byte
		buf := make([]byte, 4096)
		for !bytes.Contains(b, []byte("\r\n\r\n")) {
			n, err := conn.Read(buf)
			b = append(b, buf[:n]...)
			if err != nil {
				break
			}
		}
		head <- string(b)
		_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
	}()
	c, err := xendit.New(docKey, xendit.WithBaseURL("http://"+ln.Addr().String()))
	require.NoError(t, err)
	e := xendit.Endpoint{ID: "x", Method: http.MethodGet, Path: "/v", APIVersion: "2019-05-01", VersionHeader: "x-api-version",
		IdempotencyHeader: "X-IDEMPOTENCY-KEY"}
	require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: e}, nil))
	got := <-head
	assert.Regexp(t, regexp.MustCompile(`(?m)^x-api-version: 2019-05-01\r$`), got)
	assert.Regexp(t, regexp.MustCompile(`(?m)^X-IDEMPOTENCY-KEY: [0-9a-f-]{36}\r$`), got)
}

func TestIdempotencyKeyGeneratedOnceKeptAndReported(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		if len(r.Header.Get("X-IDEMPOTENCY-KEY")) > 0 && r.URL.Query().Get("fail") == "1" {
			jsonReply(503, `{"error_code":"SERVER_ERROR","message":"busy"}`)(w, r)
			return
		}
		jsonReply(200, `{}`)(w, r)
	})
	c := srv.client(t)
	ctx := context.Background()
	uuidV4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

	var r1, r2 xendit.Response
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: createKeyed, Options: []xendit.RequestOption{xendit.CaptureResponse(&r1)}}, nil))
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: createKeyed, Options: []xendit.RequestOption{xendit.CaptureResponse(&r2)}}, nil))
	assert.Regexp(t, uuidV4, r1.IdempotencyKey)
	assert.NotEqual(t, r1.IdempotencyKey, r2.IdempotencyKey, "each logical call gets its own key")

	// A caller's key is sent unchanged, and reported on the error after retries.
	err := c.Do(ctx, &xendit.Request{Endpoint: createKeyed, Query: map[string][]string{"fail": {"1"}},
		Options: []xendit.RequestOption{xendit.WithIdempotencyKey("order-42")}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "order-42", xe.IdempotencyKey)
	assert.Equal(t, 3, xe.Attempts)
	reqs := srv.requests()
	require.Len(t, reqs, 5)
	for _, r := range reqs[2:] {
		assert.Equal(t, "order-42", r.Header.Get("X-IDEMPOTENCY-KEY"))
	}
	assert.Equal(t, r1.IdempotencyKey, reqs[0].Header.Get("X-IDEMPOTENCY-KEY"))

	// No key goes to an endpoint that documents none, and asking for one is an error.
	require.NoError(t, c.Do(ctx, &xendit.Request{Endpoint: createBare}, nil))
	assert.Empty(t, srv.requests()[5].Header.Get("X-IDEMPOTENCY-KEY"))
	err = c.Do(ctx, &xendit.Request{Endpoint: createBare, Options: []xendit.RequestOption{xendit.WithIdempotencyKey("k")}}, nil)
	assert.ErrorIs(t, err, xendit.ErrValidation)
	assert.Len(t, srv.requests(), 6, "nothing was sent")
}

func TestBadRequestOptionsFailBeforeSending(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	c := srv.client(t)
	for name, opt := range map[string]xendit.RequestOption{
		"empty idempotency key":     xendit.WithIdempotencyKey(""),
		"idempotency key with CRLF": xendit.WithIdempotencyKey("a\r\nb"),
		"bad API version":           xendit.WithAPIVersion("31-10-2020"),
		"empty for-user-id":         xendit.ForUserID(""),
		"authorization override":    xendit.WithHeader("authorization", "Basic x"),
	} {
		t.Run(name, func(t *testing.T) {
			err := c.Do(context.Background(), &xendit.Request{Endpoint: createKeyed, Options: []xendit.RequestOption{opt}}, nil)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.Field)
		})
	}
	assert.Empty(t, srv.requests())
}

func TestPathParamsAreEscapedAndRequired(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{"id":"a/b"}`))
	c := srv.client(t)
	var out struct{ ID string }
	require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "a/b c"}}, &out))
	assert.Equal(t, "a/b", out.ID)
	assert.Equal(t, "/things/a/b c", srv.requests()[0].Path, "the server decodes the escaped segment")

	err := c.Do(context.Background(), &xendit.Request{Endpoint: getThing}, nil)
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "id", ve.Field)
	assert.Len(t, srv.requests(), 1)
}

func TestNilContextIsAnError(t *testing.T) {
	c, err := xendit.New(docKey)
	require.NoError(t, err)
	//lint:ignore SA1012 the nil context is the point of the test
	err = c.Do(nil, &xendit.Request{Endpoint: getThing}, nil) //nolint:staticcheck
	assert.Error(t, err)
	assert.False(t, errors.Is(err, xendit.ErrServer))
}

// A caller who sets the endpoint's idempotency or version header by hand, in
// any spelling, gets it taken as that setting: sent once, and reported.
func TestHandSetIdempotencyAndVersionHeadersAreTakenAsSuch(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	e := xendit.Endpoint{ID: "x", Method: http.MethodPost, Path: "/v", APIVersion: "2020-10-31",
		VersionHeader: "API-VERSION", IdempotencyHeader: "X-IDEMPOTENCY-KEY"}
	var resp xendit.Response
	require.NoError(t, srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: e, Options: []xendit.RequestOption{
		xendit.WithHeader("x-idempotency-key", "order-9"), xendit.WithHeader("Api-Version", "2020-05-19"),
		xendit.CaptureResponse(&resp),
	}}, nil))
	h := srv.requests()[0].Header
	assert.Equal(t, []string{"order-9"}, h.Values("X-Idempotency-Key"), "one key, the caller's")
	assert.Equal(t, []string{"2020-05-19"}, h.Values("Api-Version"))
	assert.Equal(t, "order-9", resp.IdempotencyKey)
}

// TestEveryCaptureResponseIsFilled: a product package that captures the
// response for itself (snap does, to read the status of a 2xx carrying a
// SNAP error) must not take the place of the caller's CaptureResponse.
func TestEveryCaptureResponseIsFilled(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{}`))
	c := srv.client(t)
	var pkg, caller xendit.Response
	require.NoError(t, c.Do(context.Background(), &xendit.Request{Endpoint: createKeyed,
		Options: []xendit.RequestOption{xendit.CaptureResponse(&pkg), xendit.CaptureResponse(&caller)}}, nil))
	assert.Equal(t, 200, pkg.StatusCode, "the first capture")
	assert.Equal(t, 200, caller.StatusCode, "the second capture")
	assert.Equal(t, pkg.IdempotencyKey, caller.IdempotencyKey)
	assert.NotEmpty(t, caller.IdempotencyKey)
}
