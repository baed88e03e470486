package snap_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// fixedClock is 2024-05-01 10:00:00 WIB.
func fixedClock() time.Time { return time.Date(2024, 5, 1, 3, 0, 0, 0, time.UTC) }

func newFake(t *testing.T, opts ...snap.Option) (*xendittest.Server, *snap.Client) {
	t.Helper()
	srv, c := fake.Server(t, fake.FastRetries)
	signer, err := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	require.NoError(t, err)
	sc, err := snap.New(c, xendittest.SNAPPartnerID, signer, opts...)
	require.NoError(t, err)
	return srv, sc
}

func vaParams(trxID string) *snap.CreateVAParams {
	amount := snap.IDR(10000)
	return &snap.CreateVAParams{
		VirtualAccountName: "John Doe", TrxID: trxID, TotalAmount: &amount,
		FreeTexts:      []snap.FreeText{{English: xendit.Ptr("Pay for order 1 & 2 <now>")}},
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelMandiri},
	}
}

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestCreateVASendsSignedHeadersAndTheBytesItSigned(t *testing.T) {
	t.Parallel()
	srv, sc := newFake(t, snap.WithClock(fixedClock), snap.WithChannelID("95221"))
	var meta xendit.Response
	resp, err := sc.CreateVA(context.Background(), vaParams("order-1"), xendit.CaptureResponse(&meta))
	require.NoError(t, err, "the fake verified the signature")
	assert.Equal(t, "2002700", resp.ResponseCode)
	require.NotNil(t, resp.VirtualAccountData)
	assert.Equal(t, "order-1", resp.VirtualAccountData.TrxID)
	assert.Equal(t, snap.PaymentMethodStatusActive, resp.VirtualAccountData.AdditionalInfo.Status)

	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, "/snap/v1.0/transfer-va/create-va", r.Path)
	assert.Equal(t, "2024-05-01T10:00:00+07:00", r.Header.Get("X-TIMESTAMP"))
	assert.Equal(t, xendittest.SNAPPartnerID, r.Header.Get("X-PARTNER-ID"))
	assert.Equal(t, "95221", r.Header.Get("CHANNEL-ID"))
	assert.Regexp(t, uuidV4, r.Header.Get("X-EXTERNAL-ID"))
	assert.Equal(t, meta.IdempotencyKey, r.Header.Get("X-EXTERNAL-ID"))
	user, pass, ok := (&http.Request{Header: r.Header}).BasicAuth()
	assert.True(t, ok)
	assert.Equal(t, xendittest.SecretKey, user)
	assert.Empty(t, pass)

	// The body on the wire is the one signed: json.Marshal of the params,
	// with its HTML escapes, re-encoded by the core without change.
	want, err := json.Marshal(vaParams("order-1"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(r.Body))
	assert.Contains(t, string(r.Body), `\u0026`, "the test body has characters json.Marshal escapes")
	sig, err := testSigner(t).Sign(context.Background(), snap.SigningInput{
		Method: "POST", Path: r.Path, Body: want, Timestamp: "2024-05-01T10:00:00+07:00"})
	require.NoError(t, err)
	assert.Equal(t, sig, r.Header.Get("X-SIGNATURE"))
	assert.JSONEq(t, `{"virtualAccountName":"John Doe","trxId":"order-1",
		"totalAmount":{"value":"10000.00","currency":"IDR"},"freeTexts":[{"english":"Pay for order 1 & 2 <now>"}],
		"additionalInfo":{"channelCode":"MANDIRI"}}`, string(r.Body), "camelCase, amount as a two-decimal string")
}

func TestDefaultChannelIDIsUnknownAndPerCallOverrideWins(t *testing.T) {
	t.Parallel()
	srv, sc := newFake(t)
	_, err := sc.CreateVA(context.Background(), vaParams("a"))
	require.NoError(t, err)
	_, err = sc.CreateVA(context.Background(), vaParams("b"), snap.ChannelID("device-7"))
	require.NoError(t, err)
	reqs := srv.Requests()
	assert.Equal(t, "unknown", reqs[0].Header.Get("CHANNEL-ID"))
	assert.Equal(t, "device-7", reqs[1].Header.Get("CHANNEL-ID"))
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$`, reqs[0].Header.Get("X-TIMESTAMP"))
	assert.NotEqual(t, reqs[0].Header.Get("X-EXTERNAL-ID"), reqs[1].Header.Get("X-EXTERNAL-ID"))
}

func TestRetryAfter503ResendsTheSameSignedRequest(t *testing.T) {
	t.Parallel()
	srv, sc := newFake(t)
	srv.InjectFault(xendittest.Fault{Path: "/snap/v1.0/transfer-va/create-va", Status: http.StatusServiceUnavailable})
	var meta xendit.Response
	resp, err := sc.CreateVA(context.Background(), vaParams("order-503"), xendit.CaptureResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, 2, meta.Attempts)
	assert.Equal(t, "order-503", resp.VirtualAccountData.TrxID)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	for _, h := range []string{"X-EXTERNAL-ID", "X-TIMESTAMP", "X-SIGNATURE"} {
		assert.NotEmpty(t, reqs[0].Header.Get(h), h)
		assert.Equal(t, reqs[0].Header.Get(h), reqs[1].Header.Get(h), h)
	}
	assert.Equal(t, reqs[0].Body, reqs[1].Body)
}

func TestSNAPErrorsMapOntoTheSDKCategories(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, sc := newFake(t)
	_, err := sc.CreateVA(ctx, vaParams("dup"))
	require.NoError(t, err)

	_, err = sc.CreateVA(ctx, vaParams("dup"))
	var se *snap.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusConflict, se.StatusCode)
	assert.Equal(t, "4092701", se.ResponseCode)
	assert.Equal(t, snap.ServiceCode("27"), se.Service)
	assert.Equal(t, snap.CaseDuplicateReference, se.Case)
	assert.ErrorIs(t, err, xendit.ErrDuplicate)
	assert.NotErrorIs(t, err, xendit.ErrIdempotencyConflict)
	var core *xendit.Error
	require.ErrorAs(t, err, &core, "the core error is reachable")
	assert.NotEmpty(t, core.IdempotencyKey)
	assert.NotEmpty(t, core.RequestID)
	assert.Contains(t, err.Error(), "4092701")

	_, err = sc.InquireVA(ctx, "missing")
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	// The reference prints 403 rows with a 401 prefix: the class comes from
	// the status line, so this is forbidden, not unauthorized.
	_, err = sc.CreateQR(ctx, &snap.CreateQRParams{Amount: &snap.Amount{Value: "20000000.00", Currency: "IDR"},
		AdditionalInfo: snap.CreateQRAddition{Reusability: snap.ReusabilityOneTimeUse}})
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "4014723", se.ResponseCode)
	assert.Equal(t, http.StatusForbidden, se.HTTPClass)
	assert.Equal(t, snap.CaseAmountOutOfRange, se.Case)
	assert.ErrorIs(t, err, xendit.ErrForbidden)
	assert.NotErrorIs(t, err, xendit.ErrUnauthorized)

	bad, err := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	require.NoError(t, err)
	require.NoError(t, srv.SetSNAPClientSecret("another-secret")) // now the fake expects HMAC
	c, err := srv.Client()
	require.NoError(t, err)
	wrongKey, err := snap.New(c, xendittest.SNAPPartnerID, bad)
	require.NoError(t, err)
	_, err = wrongKey.CreateVA(ctx, vaParams("x"))
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "4012700", se.ResponseCode)
	assert.ErrorIs(t, err, xendit.ErrUnauthorized)
}

func TestHMACSignerAgainstTheFake(t *testing.T) {
	t.Parallel()
	srv, c := fake.Server(t, fake.NoRetries)
	require.NoError(t, srv.SetSNAPClientSecret("client-secret"))
	h, err := snap.NewHMACSigner("client-secret")
	require.NoError(t, err)
	sc, err := snap.New(c, xendittest.SNAPPartnerID, h)
	require.NoError(t, err)
	_, err = sc.CreateVA(context.Background(), vaParams("hmac"))
	assert.NoError(t, err)
}

// received keeps the bodies a test server was sent.
type received struct {
	mu     sync.Mutex
	bodies [][]byte
}

func (r *received) add(b []byte) { r.mu.Lock(); defer r.mu.Unlock(); r.bodies = append(r.bodies, b) }

// Bodies returns the bodies in the order they came.
func (r *received) Bodies() [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]byte(nil), r.bodies...)
}

// snapServer answers every request with status and body, and keeps what it
// was sent.
func snapServer(t *testing.T, status int, body string) (*snap.Client, *received) {
	t.Helper()
	var got received
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.add(b)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(hs.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(hs.URL), xendit.WithRetryPolicy(fake.FastRetries))
	require.NoError(t, err)
	sc, err := snap.New(c, "partner", testSigner(t))
	require.NoError(t, err)
	return sc, &got
}

// recordingServer answers every call with a bare success.
func recordingServer(t *testing.T) (*snap.Client, *received) {
	return snapServer(t, http.StatusOK, `{"responseCode":"2000000","responseMessage":"Successful"}`)
}

func TestConflictOnExternalIDIsAnIdempotencyConflict(t *testing.T) {
	t.Parallel()
	sc, n := snapServer(t, http.StatusConflict,
		`{"responseCode":"4092700","responseMessage":"The same X-EXTERNAL-ID token has been used within the last 24 hours"}`)
	_, err := sc.CreateVA(context.Background(), vaParams("x"), snap.WithExternalID("9b2f4c1e-0d6a-4a8f-bb1c-2f6d0e5a7c31"))
	assert.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	assert.NotErrorIs(t, err, xendit.ErrDuplicate)
	var se *snap.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "9b2f4c1e-0d6a-4a8f-bb1c-2f6d0e5a7c31", se.Err.IdempotencyKey)
	assert.Len(t, n.Bodies(), 1, "a 409 is not retried")
}

func TestA2xxWithAFailureCodeIsAnError(t *testing.T) {
	t.Parallel()
	sc, _ := snapServer(t, http.StatusOK, `{"responseCode":"4002702","responseMessage":"Missing mandatory field"}`)
	_, err := sc.CreateVA(context.Background(), vaParams("x"))
	var se *snap.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, http.StatusOK, se.StatusCode)
	assert.Equal(t, http.StatusBadRequest, se.HTTPClass, "classified by the code when the status says success")
	assert.ErrorIs(t, err, xendit.ErrValidation)
}

func TestTheReferencesOddSuccessCodesAreSuccesses(t *testing.T) {
	t.Parallel()
	// VA inquire's example answers 2002700 (Create VA's service code).
	sc, _ := snapServer(t, http.StatusOK, string(jsontest.Load(t, "snap.inquire_va.response.json")))
	resp, err := sc.InquireVA(context.Background(), "12349876")
	require.NoError(t, err)
	assert.Equal(t, "1234599993701870", resp.VirtualAccountData.VirtualAccountNo)

	sc, _ = snapServer(t, http.StatusAccepted, string(jsontest.Load(t, "snap.create_account_binding.response.json")))
	b, err := sc.CreateAccountBinding(context.Background(), &snap.CreateAccountBindingParams{PhoneNo: xendit.Ptr("+628123123123"),
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodEWallet, PayOption: snap.PayOptionOVO}})
	require.NoError(t, err)
	assert.True(t, b.InProgress())
}

func TestANonSNAPErrorBodyKeepsTheCoreError(t *testing.T) {
	t.Parallel()
	sc, _ := snapServer(t, http.StatusTooManyRequests, `{"error_code":"RATE_LIMIT_EXCEEDED","message":"slow down"}`)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := sc.CreateVA(ctx, vaParams("x"))
	var se *snap.Error
	assert.False(t, errors.As(err, &se))
	assert.ErrorIs(t, err, xendit.ErrRateLimited)
}

func TestExternalIDsAreChecked(t *testing.T) {
	t.Parallel()
	sc, n := snapServer(t, http.StatusOK, `{}`)
	for _, id := range []string{"", "has space", "x_y", "0123456789012345678901234567890123456"} {
		_, err := sc.CreateVA(context.Background(), vaParams("x"), snap.WithExternalID(id))
		var ve *xendit.ValidationError
		require.ErrorAs(t, err, &ve, id)
		assert.Equal(t, "X-EXTERNAL-ID", ve.Field)
	}
	assert.Empty(t, n.Bodies(), "nothing was sent")
	_, err := sc.CreateVA(context.Background(), vaParams("x"), snap.WithExternalID("2024050100000001"))
	assert.NoError(t, err, "the BI SNAP standard's numeric ids pass")
}

// The fake answers a reused X-EXTERNAL-ID as the reference documents it:
// the first response again for the same body, 409ss00 for another one.
func TestFakeAnswersAReusedExternalIDLikeXendit(t *testing.T) {
	t.Parallel()
	_, sc := newFake(t)
	ctx := context.Background()
	first, err := sc.CreateVA(ctx, vaParams("order-7001"), snap.WithExternalID("ext-7001"))
	require.NoError(t, err)
	again, err := sc.CreateVA(ctx, vaParams("order-7001"), snap.WithExternalID("ext-7001"))
	require.NoError(t, err, "the same body replays the first response")
	assert.Equal(t, first, again)

	_, err = sc.CreateVA(ctx, vaParams("order-7002"), snap.WithExternalID("ext-7001"))
	var se *snap.Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "4092700", se.ResponseCode)
	assert.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	assert.NotErrorIs(t, err, xendit.ErrDuplicate)
}
