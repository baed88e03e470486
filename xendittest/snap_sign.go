package xendittest

import (
	"bytes"
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
	"strings"
)

// The fake computes SNAP signatures itself, from the BI SNAP standard, and
// not with the SDK's snap package: a mistake in the SDK's string to sign
// then shows as a 401 from the fake instead of passing unnoticed.

// snapStringToSign is the BI SNAP standard's string to sign:
//
//	METHOD ":" PATH ":" lowercase(hex(SHA-256(minify(body)))) ":" X-TIMESTAMP
//
// minify is json.Compact; an empty body hashes as the empty string.
func snapStringToSign(method, path string, body []byte, timestamp string) (string, error) {
	var min bytes.Buffer
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Compact(&min, body); err != nil {
			return "", err
		}
	}
	sum := sha256.Sum256(min.Bytes())
	return strings.ToUpper(method) + ":" + path + ":" + hex.EncodeToString(sum[:]) + ":" + timestamp, nil
}

// errSignature is a SNAP signature that does not verify.
var errSignature = errors.New("xendittest: SNAP signature does not verify")

// snapVerifier checks X-SIGNATURE: SHA256withRSA with the merchant's public
// key (the asymmetric scheme) or HMAC-SHA512 with the client secret (the
// symmetric one).
type snapVerifier struct {
	public *rsa.PublicKey
	secret []byte
}

func (v snapVerifier) verify(method, path string, body []byte, timestamp, signature string) error {
	msg, err := snapStringToSign(method, path, body, timestamp)
	if err != nil {
		return errSignature
	}
	if v.secret != nil {
		m := hmac.New(sha512.New, v.secret)
		m.Write([]byte(msg))
		want := base64.StdEncoding.EncodeToString(m.Sum(nil))
		if subtle.ConstantTimeCompare([]byte(want), []byte(signature)) != 1 {
			return errSignature
		}
		return nil
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(signature))
	if err != nil || len(sig) == 0 {
		return errSignature
	}
	digest := sha256.Sum256([]byte(msg))
	if rsa.VerifyPKCS1v15(v.public, crypto.SHA256, digest[:], sig) != nil {
		return errSignature
	}
	return nil
}

// snapSign signs a callback with the fake's stand-in for Xendit's key.
func snapSign(key *rsa.PrivateKey, method, path string, body []byte, timestamp string) (string, error) {
	msg, err := snapStringToSign(method, path, body, timestamp)
	if err != nil {
		return "", err
	}
	digest := sha256.Sum256([]byte(msg))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// parsePrivateKey reads a PEM RSA private key, PKCS #8 or PKCS #1.
func parsePrivateKey(pemKey string) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode([]byte(pemKey))
	if block == nil {
		return nil, errors.New("xendittest: no PEM block in the private key")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("xendittest: the private key is neither PKCS #8 nor PKCS #1")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("xendittest: the private key is not RSA")
	}
	return rk, nil
}

// parsePublicKey reads a PEM RSA public key ("PUBLIC KEY" or "RSA PUBLIC
// KEY").
func parsePublicKey(pemKey []byte) (*rsa.PublicKey, error) {
	block, _ := pem.Decode(pemKey)
	if block == nil {
		return nil, errors.New("xendittest: no PEM block in the public key")
	}
	if k, err := x509.ParsePKCS1PublicKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, errors.New("xendittest: the public key is neither PKIX nor PKCS #1")
	}
	rk, ok := k.(*rsa.PublicKey)
	if !ok {
		return nil, errors.New("xendittest: the public key is not RSA")
	}
	return rk, nil
}

// mustKeys parses the test keys of snap_keys.go.
func mustKeys() (merchant *rsa.PublicKey, xendit *rsa.PrivateKey) {
	m, err := parsePrivateKey(SNAPMerchantPrivateKeyPEM)
	if err != nil {
		panic(err)
	}
	x, err := parsePrivateKey(snapXenditPrivateKeyPEM)
	if err != nil {
		panic(err)
	}
	return &m.PublicKey, x
}
