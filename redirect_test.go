package xendit_test

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// A redirect is never followed: a 301/302 would turn a POST into a GET
// whose answer is taken for the result, and would carry the Authorization
// header to wherever Location points.
func TestRedirectsAreNeverFollowed(t *testing.T) {
	elsewhere := newRecorder(t, jsonReply(200, `{}`)) // another origin: another port
	for _, status := range []int{301, 302, 303, 307, 308} {
		for name, opts := range map[string][]xendit.Option{
			"the SDK's transport":  nil,
			"a caller's transport": {xendit.WithHTTPClient(&http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()})},
		} {
			t.Run(http.StatusText(status)+"/"+name, func(t *testing.T) {
				srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, elsewhere.URL+"/things", status)
				})
				var out struct{ ID string }
				err := srv.client(t, opts...).Do(context.Background(), &xendit.Request{Endpoint: createBare, Body: map[string]int{"amount": 1}}, &out)
				var xe *xendit.Error
				require.ErrorAs(t, err, &xe, "a redirect is an error, not an empty result")
				assert.Equal(t, status, xe.StatusCode)
				assert.Equal(t, 1, xe.Attempts)
				assert.Len(t, srv.requests(), 1)
				assert.True(t, xendit.OutcomeUnknown(err), "a server may act on a POST and then redirect")
			})
		}
	}
	assert.Empty(t, elsewhere.requests(), "neither the request nor the key went to the other origin")
}

func TestHTTPSToHTTPRedirectDoesNotCarryTheKey(t *testing.T) {
	plain := newRecorder(t, jsonReply(200, `{"id":"from plain http"}`))
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+r.URL.Path, http.StatusFound)
	}))
	defer tlsSrv.Close()
	c, err := xendit.New(docKey, xendit.WithBaseURL(tlsSrv.URL), fastRetry,
		xendit.WithHTTPClient(&http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: poolOf(tlsSrv)}}}))
	require.NoError(t, err)
	var out struct{ ID string }
	err = c.Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, &out)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusFound, xe.StatusCode)
	assert.Empty(t, out.ID)
	assert.Empty(t, plain.requests())
}

func TestPlainHTTPBaseURLOnlyOnLoopback(t *testing.T) {
	for _, u := range []string{"http://api.xendit.co", "http://10.0.0.7:8080", "http://example.com/v1", "http://localhost.example.com"} {
		_, err := xendit.New(docKey, xendit.WithBaseURL(u))
		assert.Error(t, err, u)
		if err != nil {
			assert.NotContains(t, err.Error(), docKey)
		}
	}
	for _, u := range []string{"https://api.xendit.co", "http://127.0.0.1:8080", "http://localhost:1234", "http://[::1]:99", "http://127.9.9.9"} {
		_, err := xendit.New(docKey, xendit.WithBaseURL(u))
		assert.NoError(t, err, u)
	}
}
