package snap_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/snap"
)

// The known answers below were computed outside Go, with sha256sum and
// openssl (dgst -sha256 -sign testdata/test_merchant_key.pem; dgst -sha512
// -hmac), over the minified body
// {"trxId":"12349876","totalAmount":{"value":"10000.00","currency":"IDR"}}.
const (
	katPath      = "/snap/v1.0/transfer-va/create-va"
	katTimestamp = "2024-05-01T10:00:00+07:00"
	katBody      = "{\n  \"trxId\": \"12349876\",\n  \"totalAmount\": {\"value\": \"10000.00\", \"currency\": \"IDR\"}\n}"
	katString    = "POST:/snap/v1.0/transfer-va/create-va:3e967c104cc81e2bf7dfe39ca67eeb85f6a47d0691bb59ae2d8bc434cd8458a0:2024-05-01T10:00:00+07:00"
	katRSA       = "sZzjA2iuQZT8nEHKK2j78USkYHDkOLSbpjvpovjrflb1wZLjX8uONZYSAhNuGNl40bBsCz/wIdCc1E3Gmp0HU+Bh1w/ohjaPtTdeOrgo+6bWSqYP0Iu2Roze2189/LaJrKVc1gZLRW9aCxeiQAvOxkzTuuCB6Yt052m5+o5kPupM+89nfUSwMhHWe8MY15rU4sqpsfS5USPUpIh4i5uuZ+s7kUGP5mK/SWpNkodnvy6pMgXVJpZdztTTqokQjr3GumYY6omrliiIu+BS5KYkCE7W8KAWu7G/YWbXLzRUKuJJAEpZkzrGYeb/YyL25wV04RmMx8svOdHaCvrlmUz2UA=="
	katHMAC      = "oSmMqRC3cXpsXbGJ6JJOEX1TnRJEN5oORmJDHJWgdkEpkRs1VrDW5giBfISIlbSLqyAmzhOQhbGduMuDUIVHPQ=="
	katSecret    = "test-client-secret"
)

func katInput() snap.SigningInput {
	return snap.SigningInput{Method: "post", Path: katPath, Body: []byte(katBody), Timestamp: katTimestamp}
}

func testSigner(t testing.TB) *snap.RSASigner {
	t.Helper()
	s, err := snap.NewRSASignerPEM(jsontest.Load(t, "test_merchant_key.pem"))
	require.NoError(t, err)
	return s
}

func TestStringToSignKnownAnswers(t *testing.T) {
	t.Parallel()
	got, err := snap.StringToSign(katInput())
	require.NoError(t, err)
	assert.Equal(t, katString, got, "method upper-cased, body minified before hashing")

	empty, err := snap.StringToSign(snap.SigningInput{Method: "POST", Path: "/p", Timestamp: "t"})
	require.NoError(t, err)
	assert.Equal(t, "POST:/p:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855:t", empty,
		"an empty body hashes as the empty string")

	withToken := katInput()
	withToken.AccessToken = "tok"
	got, err = snap.StringToSign(withToken)
	require.NoError(t, err)
	assert.Equal(t, "POST:"+katPath+":tok:3e967c104cc81e2bf7dfe39ca67eeb85f6a47d0691bb59ae2d8bc434cd8458a0:"+katTimestamp, got,
		"the symmetric scheme's access token goes between path and hash")

	_, err = snap.StringToSign(snap.SigningInput{Method: "POST", Body: []byte("{not json")})
	assert.Error(t, err)
}

func TestRSASignerKnownAnswer(t *testing.T) {
	t.Parallel()
	s := testSigner(t)
	sig, err := s.Sign(context.Background(), katInput())
	require.NoError(t, err)
	assert.Equal(t, katRSA, sig, "PKCS #1 v1.5 signatures are deterministic")

	key, err := snap.ParseRSAPrivateKey(jsontest.Load(t, "test_merchant_key.pem"))
	require.NoError(t, err)
	v, err := snap.NewVerifier(&key.PublicKey)
	require.NoError(t, err)
	require.NoError(t, v.Verify(katInput(), katRSA))

	tampered := katInput()
	tampered.Body = []byte(`{"trxId":"12349876","totalAmount":{"value":"10001.00","currency":"IDR"}}`)
	assert.ErrorIs(t, v.Verify(tampered, katRSA), snap.ErrSignature)
	later := katInput()
	later.Timestamp = "2024-05-01T10:00:01+07:00"
	assert.ErrorIs(t, v.Verify(later, katRSA), snap.ErrSignature, "the timestamp is signed")
	assert.ErrorIs(t, v.Verify(katInput(), "not base64!"), snap.ErrSignature)
}

func TestHMACSignerKnownAnswer(t *testing.T) {
	t.Parallel()
	s, err := snap.NewHMACSigner(katSecret)
	require.NoError(t, err)
	sig, err := s.Sign(context.Background(), katInput())
	require.NoError(t, err)
	assert.Equal(t, katHMAC, sig)
	require.NoError(t, s.Verify(katInput(), katHMAC))
	assert.ErrorIs(t, s.Verify(katInput(), katRSA), snap.ErrSignature)
	_, err = snap.NewHMACSigner("")
	assert.Error(t, err)
}

func TestSignersNeverPrintTheirKeys(t *testing.T) {
	t.Parallel()
	rs := testSigner(t)
	key, err := snap.ParseRSAPrivateKey(jsontest.Load(t, "test_merchant_key.pem"))
	require.NoError(t, err)
	hs, err := snap.NewHMACSigner(katSecret)
	require.NoError(t, err)
	for _, v := range []any{rs, *rs, hs, *hs} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%q"} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, key.D.String()[:20], verb)
			assert.NotContains(t, out, key.Primes[0].String()[:20], verb)
			assert.NotContains(t, out, katSecret, verb)
		}
	}
}

func TestKeyParsingRejectsWhatItCannotUse(t *testing.T) {
	t.Parallel()
	_, err := snap.NewRSASignerPEM([]byte("no pem here"))
	assert.Error(t, err)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	require.NoError(t, err)
	_, err = snap.NewRSASigner(small)
	assert.ErrorContains(t, err, "too short")
	_, err = snap.NewVerifierPEM(jsontest.Load(t, "test_merchant_key.pem"))
	assert.Error(t, err, "a private key is not a public key")
	_, err = snap.NewRSASigner(nil)
	assert.Error(t, err)
}

func TestSignerFuncCanAddAnAccessToken(t *testing.T) {
	t.Parallel()
	hs, err := snap.NewHMACSigner(katSecret)
	require.NoError(t, err)
	var seen snap.SigningInput
	f := snap.SignerFunc(func(ctx context.Context, in snap.SigningInput) (string, error) {
		in.AccessToken = "tok"
		seen = in
		return hs.Sign(ctx, in)
	})
	sig, err := f.Sign(context.Background(), katInput())
	require.NoError(t, err)
	assert.NotEqual(t, katHMAC, sig, "the token is signed")
	assert.Equal(t, "tok", seen.AccessToken)
	failing := snap.SignerFunc(func(context.Context, snap.SigningInput) (string, error) {
		return "", errors.New("kms down")
	})
	_, err = failing.Sign(context.Background(), katInput())
	assert.Error(t, err)
}
