package xendit_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
)

func TestErrorCategoriesFollowCodeThenStatus(t *testing.T) {
	cases := []struct {
		status int
		code   string
		want   error
	}{
		{429, "RATE_LIMIT_EXCEEDED", xendit.ErrRateLimited},
		{401, "INVALID_API_KEY", xendit.ErrUnauthorized},
		{403, "REQUEST_FORBIDDEN_ERROR", xendit.ErrForbidden},
		{404, "DATA_NOT_FOUND", xendit.ErrNotFound},
		{404, "", xendit.ErrNotFound},
		{400, "TRANSACTION_NOT_FOUND", xendit.ErrNotFound}, // the code wins over the status
		{400, "API_VALIDATION_ERROR", xendit.ErrValidation},
		{400, "FEATURE_NOT_AVAILABLE", xendit.ErrValidation},
		{409, "DUPLICATE_ERROR", xendit.ErrDuplicate},
		{400, "DUPLICATE_REFUND_ERROR", xendit.ErrDuplicate},
		{409, "IDEMPOTENCY_ERROR", xendit.ErrIdempotencyConflict},
		{500, "SERVER_ERROR", xendit.ErrServer},
		{502, "", xendit.ErrServer},
		// A sub-account that is not live: 404 in general, 403 from Create
		// Transfer; either way not "not found" nor "forbidden".
		{404, xendit.CodeSubAccountNotLive, xendit.ErrSubAccount},
		{403, xendit.CodeSubAccountNotLive, xendit.ErrSubAccount},
	}
	all := []error{xendit.ErrRateLimited, xendit.ErrUnauthorized, xendit.ErrForbidden, xendit.ErrNotFound,
		xendit.ErrValidation, xendit.ErrDuplicate, xendit.ErrIdempotencyConflict, xendit.ErrServer, xendit.ErrSubAccount}
	for _, tc := range cases {
		err := error(&xendit.Error{StatusCode: tc.status, Code: tc.code})
		for _, category := range all {
			assert.Equal(t, category == tc.want, errors.Is(err, category), "%d %s vs %v", tc.status, tc.code, category)
		}
	}
	assert.False(t, errors.Is(&xendit.Error{StatusCode: 409, Code: "SOMETHING_ELSE"}, xendit.ErrDuplicate))
}

func TestXenditErrorBodyIsDecoded(t *testing.T) {
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Request-ID", "req-7f3a")
		jsonReply(400, `{"error_code":"API_VALIDATION_ERROR","message":"Invalid file purpose","errors":[{"path":"purpose","message":"must be one of CHARGEBACK_EVIDENCE"}]}`)(w, r)
	})
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 400, xe.StatusCode)
	assert.Equal(t, "API_VALIDATION_ERROR", xe.Code)
	assert.Equal(t, "Invalid file purpose", xe.Message)
	assert.JSONEq(t, `[{"path":"purpose","message":"must be one of CHARGEBACK_EVIDENCE"}]`, string(xe.Errors))
	assert.Equal(t, "req-7f3a", xe.RequestID)
	assert.Contains(t, string(xe.Body), `"path":"purpose"`, "the raw body is kept for other error shapes")
	assert.Equal(t, "xendit: test.create: 400 API_VALIDATION_ERROR: Invalid file purpose (request id req-7f3a)", xe.Error())
	assert.ErrorIs(t, err, xendit.ErrValidation)
}

func TestNonJSONErrorBodyStillGivesAnError(t *testing.T) {
	page := "<html><head><title>502 Bad Gateway</title></head><body>" + strings.Repeat("upstream gone ", 50) + "</body></html>"
	srv := newRecorder(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte(page))
	})
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 502, xe.StatusCode)
	assert.Empty(t, xe.Code)
	assert.True(t, strings.HasPrefix(xe.BodySample, "<html><head><title>502 Bad Gateway"))
	assert.Less(t, len(xe.BodySample), 220, "only a short sample is kept")
	assert.NotContains(t, err.Error(), "\n")
	assert.Contains(t, err.Error(), "502")
	assert.ErrorIs(t, err, xendit.ErrServer)
}

func TestErrorsNeverCarryTheSecret(t *testing.T) {
	// A misbehaving proxy echoes the request's credentials into its body.
	srv := newRecorder(t, func(w http.ResponseWriter, r *http.Request) {
		jsonReply(401, `{"error_code":"INVALID_API_KEY","message":"bad key `+docKey+` in `+r.Header.Get("Authorization")+`","errors":["`+docKey+`"]}`)(w, r)
	})
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
	require.Error(t, err)
	encoded := strings.TrimPrefix(docAuthorization, "Basic ")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	for _, s := range []string{err.Error(), xe.Message, string(xe.Errors), xe.BodySample, string(xe.Body)} {
		assert.NotContains(t, s, docKey)
		assert.NotContains(t, s, encoded)
	}
	assert.ErrorIs(t, err, xendit.ErrUnauthorized)
}

func TestUndecodableSuccessBodyIsAnError(t *testing.T) {
	srv := newRecorder(t, jsonReply(200, `{"balance": "lots"`))
	var out struct {
		Balance float64 `json:"balance"`
	}
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, &out)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 200, xe.StatusCode)
	assert.Contains(t, err.Error(), "decoding the response")
}

func TestValidationErrorNamesTheField(t *testing.T) {
	err := xendit.Invalid("currency", "%q is not a three-letter code", "RP")
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "currency", ve.Field)
	assert.Equal(t, `xendit: invalid currency: "RP" is not a three-letter code`, err.Error())
	assert.ErrorIs(t, err, xendit.ErrValidation)
	assert.NotErrorIs(t, err, xendit.ErrServer)
}

// Balance and transactions document a second error shape (status_code, error,
// validation) in balance_and_transaction.yaml.
func TestStatusCodeErrorShapeIsDecoded(t *testing.T) {
	srv := newRecorder(t, jsonReply(400, `{"status_code":400,"error":"API_VALIDATION_ERROR","message":"\"from\" is required","validation":{"source":"query","keys":["from"]}}`))
	err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: createBare}, nil)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "API_VALIDATION_ERROR", xe.Code)
	assert.Equal(t, `"from" is required`, xe.Message)
	assert.JSONEq(t, `{"source":"query","keys":["from"]}`, string(xe.Errors), "validation details land where field errors do")
	assert.Empty(t, xe.BodySample)
	assert.ErrorIs(t, err, xendit.ErrValidation)
}

// The same shape's ServerError puts an HTTP reason phrase in "error": it is
// not an error_code, so the status decides (a 429 stays a throttle, retried).
func TestStatusCodeShapeReasonPhraseIsNoCode(t *testing.T) {
	for status, want := range map[int]error{500: xendit.ErrServer, 429: xendit.ErrRateLimited} {
		srv := newRecorder(t, jsonReply(status, `{"status_code":`+strconv.Itoa(status)+`,"error":"Some Reason Phrase","message":"try later"}`))
		err := srv.client(t).Do(context.Background(), &xendit.Request{Endpoint: getThing, PathParams: map[string]string{"id": "1"}}, nil)
		var xe *xendit.Error
		require.ErrorAs(t, err, &xe)
		assert.Empty(t, xe.Code)
		assert.Equal(t, "try later", xe.Message)
		assert.ErrorIs(t, err, want)
		assert.Greater(t, xe.Attempts, 1, "%d is retried on a GET", status)
	}
}
