package snap

import (
	"bytes"
	"context"
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"
)

// TimestampLayout is X-TIMESTAMP's layout: the reference's
// yyyy-MM-ddTHH:mm:ssTZD, always with a numeric offset ("+07:00"), which
// the BI SNAP standard's examples use.
const TimestampLayout = "2006-01-02T15:04:05-07:00"

// WIB is Western Indonesian Time (UTC+7), the zone the client writes
// X-TIMESTAMP in unless [WithTimeZone] says otherwise.
var WIB = time.FixedZone("WIB", 7*60*60)

// SigningInput is what a SNAP signature covers.
type SigningInput struct {
	// Method is the HTTP method, "POST" for every SNAP endpoint.
	Method string
	// Path is the relative path, "/snap/v1.0/transfer-va/create-va", with
	// its query if it has one.
	Path string
	// AccessToken is the B2B access token of the BI SNAP symmetric scheme.
	// Xendit's reference documents no token endpoint (calls use Basic
	// Auth), so the SDK leaves it empty; a [SignerFunc] may set it.
	AccessToken string
	// Body is the JSON body as sent.
	Body []byte
	// Timestamp is the X-TIMESTAMP header's value, as sent.
	Timestamp string
}

// StringToSign is the one place the string to sign is built, per the BI SNAP
// standard:
//
//	METHOD ":" PATH [":" ACCESS_TOKEN] ":" lowercase(hex(SHA-256(minify(body)))) ":" TIMESTAMP
//
// minify removes insignificant white space (json.Compact). An empty body
// hashes as the empty string.
func StringToSign(in SigningInput) (string, error) {
	var min bytes.Buffer
	if len(bytes.TrimSpace(in.Body)) > 0 {
		if err := json.Compact(&min, in.Body); err != nil {
			return "", fmt.Errorf("snap: minifying the body to sign: %w", err)
		}
	}
	sum := sha256.Sum256(min.Bytes())
	parts := []string{strings.ToUpper(in.Method), in.Path}
	if in.AccessToken != "" {
		parts = append(parts, in.AccessToken)
	}
	parts = append(parts, hex.EncodeToString(sum[:]), in.Timestamp)
	return strings.Join(parts, ":"), nil
}

// Signer computes X-SIGNATURE. The client calls it once per logical call;
// every retry of that call sends the same signature with the same
// X-TIMESTAMP and X-EXTERNAL-ID. It must be safe for concurrent use.
//
// Implementations that keep the key elsewhere (a KMS, an HSM) sign
// [StringToSign]'s result with SHA256withRSA and return it in base64.
type Signer interface {
	Sign(ctx context.Context, in SigningInput) (string, error)
}

// SignerFunc adapts a function to [Signer].
type SignerFunc func(ctx context.Context, in SigningInput) (string, error)

// Sign calls f.
func (f SignerFunc) Sign(ctx context.Context, in SigningInput) (string, error) { return f(ctx, in) }

// RSASigner is the BI SNAP asymmetric scheme: base64(SHA256withRSA(private
// key, StringToSign)), RSASSA-PKCS1-v1_5. Register the matching public key
// with Xendit. Its String method, and so %v, never shows the key.
type RSASigner struct{ key *rsa.PrivateKey }

// NewRSASigner returns a signer for key.
func NewRSASigner(key *rsa.PrivateKey) (*RSASigner, error) {
	if key == nil {
		return nil, errors.New("snap: NewRSASigner: nil key")
	}
	if key.N.BitLen() < 2048 {
		return nil, fmt.Errorf("snap: NewRSASigner: a %d-bit key is too short; SNAP uses 2048 bits or more", key.N.BitLen())
	}
	return &RSASigner{key: key}, nil
}

// NewRSASignerPEM parses a PEM private key (PKCS #8 "PRIVATE KEY" or PKCS #1
// "RSA PRIVATE KEY") and returns a signer for it. Its errors never quote
// the key.
func NewRSASignerPEM(pemKey []byte) (*RSASigner, error) {
	key, err := ParseRSAPrivateKey(pemKey)
	if err != nil {
		return nil, err
	}
	return NewRSASigner(key)
}

// Sign implements [Signer].
func (s *RSASigner) Sign(_ context.Context, in SigningInput) (string, error) {
	msg, err := StringToSign(in)
	if err != nil {
		return "", err
	}
	digest := sha256.Sum256([]byte(msg))
	sig, err := rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, digest[:])
	if err != nil {
		return "", errors.New("snap: RSA signing failed")
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// String hides the key.
func (s RSASigner) String() string { return "snap.RSASigner{key: redacted}" }

// GoString hides the key from %#v.
func (s RSASigner) GoString() string { return s.String() }

// HMACSigner is the BI SNAP symmetric scheme: base64(HMAC-SHA512(client
// secret, StringToSign)). Use it only if Xendit tells you to sign
// symmetrically; the SDK's default is [RSASigner]. Its String method, and
// so %v, never shows the secret.
type HMACSigner struct{ secret []byte }

// NewHMACSigner returns a signer keyed with clientSecret.
func NewHMACSigner(clientSecret string) (*HMACSigner, error) {
	if clientSecret == "" {
		return nil, errors.New("snap: NewHMACSigner: empty client secret")
	}
	return &HMACSigner{secret: []byte(clientSecret)}, nil
}

// Sign implements [Signer].
func (s *HMACSigner) Sign(_ context.Context, in SigningInput) (string, error) {
	msg, err := StringToSign(in)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha512.New, s.secret)
	m.Write([]byte(msg))
	return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
}

// Verify reports whether signature is this signer's signature of in, in
// constant time.
func (s *HMACSigner) Verify(in SigningInput, signature string) error {
	want, err := s.Sign(context.Background(), in)
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(want), []byte(signature)) != 1 {
		return ErrSignature
	}
	return nil
}

// String hides the secret.
func (s HMACSigner) String() string { return "snap.HMACSigner{secret: redacted}" }

// GoString hides the secret from %#v.
func (s HMACSigner) GoString() string { return s.String() }

// ErrSignature is a signature that does not verify, or is missing.
var ErrSignature = errors.New("snap: signature does not verify")

// Verifier checks SHA256withRSA signatures made with the private key that
// matches its public key: Xendit's, for callbacks.
type Verifier struct{ key *rsa.PublicKey }

// NewVerifier returns a verifier for key.
func NewVerifier(key *rsa.PublicKey) (*Verifier, error) {
	if key == nil {
		return nil, errors.New("snap: NewVerifier: nil key")
	}
	return &Verifier{key: key}, nil
}

// NewVerifierPEM parses a PEM public key ("PUBLIC KEY" or "RSA PUBLIC KEY")
// and returns a verifier for it.
func NewVerifierPEM(pemKey []byte) (*Verifier, error) {
	key, err := ParseRSAPublicKey(pemKey)
	if err != nil {
		return nil, err
	}
	return NewVerifier(key)
}

// Verify returns nil when signature (base64) is a SHA256withRSA signature of
// in's string to sign, and an error matching [ErrSignature] otherwise.
func (v *Verifier) Verify(in SigningInput, signature string) error {
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(signature))
	if err != nil || len(sig) == 0 {
		return fmt.Errorf("%w: X-SIGNATURE is not base64", ErrSignature)
	}
	msg, err := StringToSign(in)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrSignature, err)
	}
	digest := sha256.Sum256([]byte(msg))
	if rsa.VerifyPKCS1v15(v.key, crypto.SHA256, digest[:], sig) != nil {
		return ErrSignature
	}
	return nil
}

// ParseRSAPrivateKey reads a PEM RSA private key, PKCS #8 or PKCS #1.
func ParseRSAPrivateKey(pemKey []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemKey)
	if block == nil {
		return nil, errors.New("snap: no PEM block in the private key")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("snap: the private key is neither PKCS #8 nor PKCS #1")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("snap: the private key is a %T, not RSA", k)
	}
	return rk, nil
}

// ParseRSAPublicKey reads a PEM RSA public key, PKIX or PKCS #1.
func ParseRSAPublicKey(pemKey []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemKey)
	if block == nil {
		return nil, errors.New("snap: no PEM block in the public key")
	}
	if k, err := x509.ParsePKCS1PublicKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, errors.New("snap: the public key is neither PKIX nor PKCS #1")
	}
	rk, ok := k.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("snap: the public key is a %T, not RSA", k)
	}
	return rk, nil
}
