package main

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"strings"
	"time"
)

// The command signs SNAP callbacks from the BI SNAP standard itself, not
// with the SDK's snap package: its tests verify with the SDK's verifier,
// and would not catch a mistake the two shared.

// snapTimestampLayout is X-TIMESTAMP's layout, yyyy-MM-ddTHH:mm:ssTZD, in
// Western Indonesian Time as Xendit sends it.
const snapTimestampLayout = "2006-01-02T15:04:05-07:00"

var wib = time.FixedZone("WIB", 7*60*60)

// signSNAP returns X-SIGNATURE for a POST of body (already minified) to
// path at timestamp: base64(SHA256withRSA(POST:path:hex(sha256(body)):timestamp)).
func signSNAP(key *rsa.PrivateKey, path string, body []byte, timestamp string) (string, error) {
	sum := sha256.Sum256(body)
	msg := "POST:" + path + ":" + hex.EncodeToString(sum[:]) + ":" + timestamp
	digest := sha256.Sum256([]byte(msg))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// parsePrivateKey reads an RSA private key in PEM, PKCS #8 or PKCS #1.
// Its errors never quote the key.
func parsePrivateKey(pemKey []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemKey)
	if block == nil || !strings.Contains(block.Type, "PRIVATE KEY") {
		return nil, errors.New("not a PEM private key")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("not a PKCS #1 or PKCS #8 private key")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("not an RSA private key")
	}
	return rk, nil
}
