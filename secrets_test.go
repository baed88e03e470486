package xendit_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

// docEncoded is docKey's Basic Auth encoding, without "Basic ".
var docEncoded = strings.TrimPrefix(docAuthorization, "Basic ")

// jsonEscaped spells s inside a JSON string the way some encoders do: '/'
// as "\/", and '+', '=' and the first character as \u escapes, so that the
// raw body never holds s literally.
func jsonEscaped(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '/':
			b.WriteString(`\/`)
		case r == '+' || r == '=' || i == 0:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// assertNoSecret fails if s holds the key, its Basic Auth encoding, or a
// 16-character piece of either.
func assertNoSecret(t *testing.T, s, what string) {
	t.Helper()
	for _, secret := range []string{docKey, docEncoded} {
		for i := 0; i+16 <= len(secret); i += 8 {
			if !assert.NotContains(t, s, secret[i:i+16], "%s holds a piece of the secret", what) {
				return
			}
		}
	}
}

func TestEscapedEchoOfTheKeyIsScrubbed(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-ID", "req-"+docKey)
		w.Header().Set("X-Echo", r.Header.Get("Authorization"))
		jsonReply(401, `{"error_code":"INVALID_API_KEY","message":"bad key `+jsonEscaped(docKey)+
			` in Basic `+jsonEscaped(docEncoded)+`","errors":["`+jsonEscaped(docKey)+`"]}`)(w, r)
	})
	var resp xendit.Response
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare,
		Options: []xendit.RequestOption{xendit.CaptureResponse(&resp)}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "INVALID_API_KEY", xe.Code, "the body still decodes")
	assert.Contains(t, xe.Message, "bad key")
	for what, s := range map[string]string{
		"Error()": err.Error(), "Message": xe.Message, "Errors": string(xe.Errors), "Body": string(xe.Body),
		"BodySample": xe.BodySample, "RequestID": xe.RequestID,
		"Response.RequestID": resp.RequestID, "Response.Header": fmt.Sprint(resp.Header),
	} {
		assertNoSecret(t, s, what)
	}
	assert.ErrorIs(t, err, xendit.ErrUnauthorized)
}

// The body is cut at 64 KiB after the key is removed, so that a key
// straddling the cut leaves no piece behind.
func TestKeyStraddlingTheBodyCutIsScrubbed(t *testing.T) {
	const cut = 64 << 10
	for _, shift := range []int{8, 40} {
		prefix := `{"error_code":"X","message":"`
		pad := strings.Repeat("p", cut-len(prefix)-shift)
		srv := newRecorder(t, jsonReply(400, prefix+pad+docKey+`"}`))
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.LessOrEqual(t, len(xe.Body), cut)
		assertNoSecret(t, string(xe.Body), "Body")
		assert.NotContains(t, string(xe.Body), docKey[:shift], "the key's first %d bytes", shift)
	}
}

// recordingT is a testing.T stand-in that keeps what a failed assertion
// printed.
type recordingT struct{ out strings.Builder }

func (r *recordingT) Errorf(format string, args ...any) { fmt.Fprintf(&r.out, format, args...) }

// A failing assert.Equal on two clients dumps them with reflection (spew,
// methods off): the key must not be where reflection can read it.
func TestReflectionCannotPrintTheKey(t *testing.T) {
	const otherKey = "xnd_production_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8="
	a, err := xendit.New(docKey)
	require.NoError(t, err)
	for name, other := range map[string][]any{
		"another base URL": {docKey, xendit.WithBaseURL("https://api.example.com")},
		"another key":      {otherKey},
	} {
		b, err := xendit.New(other[0].(string), func() []xendit.Option {
			var opts []xendit.Option
			for _, o := range other[1:] {
				opts = append(opts, o.(xendit.Option))
			}
			return opts
		}()...)
		require.NoError(t, err)
		for form, pair := range map[string][2]any{"pointers": {a, b}, "values": {*a, *b}} {
			var rt recordingT
			assert.False(t, assert.Equal(&rt, pair[0], pair[1]))
			out := rt.out.String()
			require.NotEmpty(t, out)
			assertNoSecret(t, out, name+", "+form)
			assert.NotContains(t, out, otherKey[16:32], name+", "+form)
		}
	}
}
