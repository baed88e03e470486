package snap_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
)

// The private key comes as PEM content in XENDIT_SNAP_PRIVATE_KEY or as a
// file named by XENDIT_SNAP_PRIVATE_KEY_FILE; no error ever quotes the
// variable's value, whichever it holds.
func TestNewFromEnvTakesPEMOrAFile(t *testing.T) {
	c, err := xendit.New("xnd_development_x")
	require.NoError(t, err)
	pemKey, err := os.ReadFile("testdata/test_merchant_key.pem")
	require.NoError(t, err)
	t.Setenv(snap.EnvClientID, "client-1")

	t.Run("PEM content", func(t *testing.T) {
		t.Setenv(snap.EnvPrivateKey, string(pemKey))
		sc, err := snap.NewFromEnv(c)
		require.NoError(t, err)
		assert.Equal(t, "snap.Client{partner id: client-1}", sc.String())
	})
	t.Run("PEM content with escaped newlines", func(t *testing.T) {
		t.Setenv(snap.EnvPrivateKey, strings.ReplaceAll(strings.TrimSpace(string(pemKey)), "\n", `\n`))
		_, err := snap.NewFromEnv(c)
		require.NoError(t, err)
	})
	t.Run("a _FILE path", func(t *testing.T) {
		t.Setenv(snap.EnvPrivateKey, "")
		t.Setenv(snap.EnvPrivateKey+"_FILE", "testdata/test_merchant_key.pem")
		_, err := snap.NewFromEnv(c)
		require.NoError(t, err)
	})

	body := string(pemKey[40:120]) // a piece of the key's base64
	broken := strings.Replace(string(pemKey), body, strings.Repeat("A", len(body)), 1)
	secretPath := filepath.Join(t.TempDir(), "merchant-7f3a-secret.pem")
	for name, env := range map[string]map[string]string{
		"damaged PEM":         {snap.EnvPrivateKey: broken},
		"PEM in the _FILE":    {snap.EnvPrivateKey + "_FILE": string(pemKey)},
		"missing file":        {snap.EnvPrivateKey + "_FILE": secretPath},
		"not PEM, not a file": {snap.EnvPrivateKey: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"},
		"both set":            {snap.EnvPrivateKey: string(pemKey), snap.EnvPrivateKey + "_FILE": "testdata/test_merchant_key.pem"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(snap.EnvPrivateKey, "")
			t.Setenv(snap.EnvPrivateKey+"_FILE", "")
			for k, v := range env {
				t.Setenv(k, v)
			}
			_, err := snap.NewFromEnv(c)
			require.Error(t, err)
			msg := err.Error()
			assert.Contains(t, msg, snap.EnvPrivateKey, "the error names the variable")
			for _, v := range env {
				for i := 0; i+12 <= len(v); i += 6 {
					if !assert.NotContains(t, msg, v[i:i+12], "the error quotes the variable's value") {
						break
					}
				}
			}
			assert.NotContains(t, msg, "BEGIN")
		})
	}
}

func TestNewFromEnv(t *testing.T) {
	c, err := xendit.New("xnd_development_x")
	require.NoError(t, err)
	t.Setenv(snap.EnvPrivateKey, "")
	_, err = snap.NewFromEnv(c)
	assert.ErrorContains(t, err, snap.EnvPrivateKey)
	t.Setenv(snap.EnvPrivateKey, "testdata/test_merchant_key.pem")
	t.Setenv(snap.EnvClientID, "")
	_, err = snap.NewFromEnv(c)
	assert.ErrorIs(t, err, xendit.ErrValidation, "the client id is required")
	t.Setenv(snap.EnvClientID, "client-1")
	sc, err := snap.NewFromEnv(c)
	require.NoError(t, err)
	assert.Equal(t, "snap.Client{partner id: client-1}", sc.String())
}
