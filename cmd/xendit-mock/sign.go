package main

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// The command signs SNAP callbacks from the BI SNAP standard itself, not
// with the SDK's snap package: its tests verify with the SDK's verifier,
// and would not catch a mistake the two shared. (It reads PEM keys with
// snap.ParseRSAPrivateKey: no string to sign is involved there.)

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
