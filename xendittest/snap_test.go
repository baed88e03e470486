package xendittest_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// TestSNAPGuardAnswersTheDocumentedCodes sends raw requests, signed or
// not, and checks the fake's status and responseCode for each header rule.
func TestSNAPGuardAnswersTheDocumentedCodes(t *testing.T) {
	srv := xendittest.NewServer()
	defer srv.Close()
	signer, err := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	require.NoError(t, err)
	const path = "/snap/v1.0/qr/qr-mpm-generate"
	body := []byte(`{"amount":{"value":"1000.00","currency":"IDR"},"additionalInfo":{"reusability":"ONE_TIME_USE"}}`)
	send := func(edit func(h http.Header)) (int, string) {
		ts := "2024-05-01T10:00:00+07:00"
		sig, err := signer.Sign(t.Context(), snap.SigningInput{Method: "POST", Path: path, Body: body, Timestamp: ts})
		require.NoError(t, err)
		req, err := http.NewRequest(http.MethodPost, srv.URL+path, bytes.NewReader(body))
		require.NoError(t, err)
		req.SetBasicAuth(xendittest.SecretKey, "")
		for k, v := range map[string]string{"Content-Type": "application/json", "X-TIMESTAMP": ts,
			"X-PARTNER-ID": xendittest.SNAPPartnerID, "X-EXTERNAL-ID": "ext-1", "CHANNEL-ID": "unknown", "X-SIGNATURE": sig} {
			req.Header.Set(k, v)
		}
		edit(req.Header)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var r snap.Result
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&r))
		return resp.StatusCode, r.ResponseCode
	}
	cases := []struct {
		name   string
		edit   func(h http.Header)
		status int
		code   string
	}{
		{"signed", func(http.Header) {}, 200, "2004700"},
		{"no signature", func(h http.Header) { h.Del("X-SIGNATURE") }, 400, "4004702"},
		{"no channel", func(h http.Header) { h.Del("CHANNEL-ID") }, 400, "4004702"},
		{"timestamp without zone", func(h http.Header) { h.Set("X-TIMESTAMP", "2024-05-01T10:00:00") }, 400, "4004701"},
		{"other partner", func(h http.Header) { h.Set("X-PARTNER-ID", "someone") }, 401, "4014700"},
		{"signature of other bytes", func(h http.Header) { h.Set("X-SIGNATURE", "c2lnbmF0dXJl") }, 401, "4014700"},
		{"signed for another time", func(h http.Header) { h.Set("X-TIMESTAMP", "2024-05-01T10:00:01+07:00") }, 401, "4014700"},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, code := send(func(h http.Header) {
				h.Set("X-EXTERNAL-ID", "ext-"+string(rune('a'+i)))
				c.edit(h)
			})
			assert.Equal(t, c.status, status)
			assert.Equal(t, c.code, code)
		})
	}
}
