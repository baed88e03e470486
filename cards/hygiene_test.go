package cards_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Card data a careless caller put where it does not belong.
const (
	cardNumber  = "4000000000001091"
	spacedCard  = "5200 8282 8282 8210"
	cvn         = "737"
	tokenID     = "5f0410898bcf7a001a00879d"
	authID      = "5f0410898bcf7a001a00879e"
	holderEmail = "cardholder@example.com"
)

var secretsInRequest = []string{cardNumber, spacedCard, "5200828282828210", cvn, tokenID, authID, holderEmail}

// echoServer answers every request with status and an error whose message,
// field errors and body all repeat the request, as a careless server or a
// proxy might.
func echoServer(t *testing.T, status int) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		echo := r.URL.String() + " " + string(body)
		if status >= 500 {
			w.WriteHeader(status)
			_, _ = w.Write([]byte("<html>upstream failed for " + echo + "</html>"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]any{
			"error_code": "API_VALIDATION_ERROR", "message": "invalid request " + echo,
			"errors": []map[string]string{{"path": "metadata", "message": "bad value " + echo}},
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func chargeWithCardData() *cards.CreateChargeParams {
	return &cards.CreateChargeParams{
		TokenID: tokenID, AuthenticationID: xendit.Ptr(authID), ExternalID: "order-1", Amount: 10000,
		Metadata:       map[string]any{"card": cardNumber, "spaced": spacedCard, "cvv": cvn, "nested": map[string]any{"cvn": cvn}},
		BillingDetails: &cards.BillingDetails{Email: xendit.Ptr(holderEmail), Address: &cards.Address{Country: "ID"}},
	}
}

// assertClean fails if any secret appears in the log or in any text of err.
func assertClean(t *testing.T, logs string, err error) {
	t.Helper()
	require.Error(t, err)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	for _, s := range secretsInRequest {
		assert.NotContains(t, logs, s, "log")
		assert.NotContains(t, err.Error(), s, "err.Error()")
		assert.NotContains(t, xe.Message, s, "Message")
		assert.NotContains(t, string(xe.Errors), s, "Errors")
		assert.NotContains(t, string(xe.Body), s, "Body")
		assert.NotContains(t, xe.BodySample, s, "BodySample")
	}
}

func debugClient(t *testing.T, baseURL string) (*cards.Client, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	// The CVN is three digits, which a timestamp, a duration or the test
	// server's port can hold by chance: those are written as placeholders,
	// so that only what the SDK logs of the request is searched.
	host := strings.TrimPrefix(baseURL, "http://")
	noise := func(_ []string, a slog.Attr) slog.Attr {
		switch {
		case a.Key == slog.TimeKey:
			return slog.Attr{}
		case a.Value.Kind() == slog.KindDuration:
			return slog.String(a.Key, "<duration>")
		case a.Value.Kind() == slog.KindString:
			return slog.String(a.Key, strings.ReplaceAll(a.Value.String(), host, "<server>"))
		}
		return a
	}
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noise}))
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(baseURL), xendit.WithLogger(logger), fastRetry)
	require.NoError(t, err)
	return cards.New(c), &logs
}

func TestCardDataNeverReachesLogsOrErrors(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadRequest, http.StatusServiceUnavailable} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			t.Parallel()
			srv := echoServer(t, status)
			cc, logs := debugClient(t, srv.URL)
			_, err := cc.CreateCharge(context.Background(), chargeWithCardData())
			assertClean(t, logs.String(), err)
			assert.NotEmpty(t, logs.String(), "the debug logger did log the call")
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			assert.Equal(t, status, xe.StatusCode, "the error keeps what is not secret")
			if status == http.StatusBadRequest {
				assert.Contains(t, xe.Message, "[redacted]")
				assert.True(t, json.Valid(xe.Errors), "field errors stay JSON")
				assert.ErrorIs(t, err, xendit.ErrValidation)
			}
		})
	}
}

func TestCardDataNeverReachesLogsOrErrorsOnADroppedConnection(t *testing.T) {
	t.Parallel()
	srv := xendittest.NewServer()
	defer srv.Close()
	srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/credit_card_charges", Drop: true})
	cc, logs := debugClient(t, srv.URL)
	_, err := cc.CreateCharge(context.Background(), chargeWithCardData())
	assertClean(t, logs.String(), err)
	assert.True(t, xendit.OutcomeUnknown(err), "scrubbing keeps the cause")
}

func TestTokenIDNeverReachesErrors(t *testing.T) {
	t.Parallel()
	srv := echoServer(t, http.StatusBadRequest)
	cc, _ := debugClient(t, srv.URL)
	_, err := cc.GetChargeOption(context.Background(), &cards.GetChargeOptionParams{TokenID: xendit.Ptr(tokenID), Amount: 10000})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), tokenID)
	_, err = cc.CalculatePromotion(context.Background(), &cards.CalculatePromotionParams{TokenID: xendit.Ptr(tokenID), Amount: 10000})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), tokenID)
	_, err = cc.GetToken(context.Background(), tokenID)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), tokenID)
}

func TestScrubbedErrorsKeepTheirCause(t *testing.T) {
	t.Parallel()
	srv := xendittest.NewServer()
	defer srv.Close()
	cc, _ := debugClient(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := cc.CreateCharge(ctx, chargeWithCardData())
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	assert.False(t, strings.Contains(err.Error(), tokenID))
}
