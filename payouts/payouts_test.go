package payouts_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/payouts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const createPath = "/v2/payouts"

type fixture struct {
	srv       *xendittest.Server
	po        *payouts.Client
	callbacks <-chan fake.Delivery[payouts.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, po: payouts.New(c), callbacks: fake.Callbacks[payouts.Callback](t, srv)}
}

// seller is a valid IDR payout to a BCA account.
func seller(ref string) *payouts.CreatePayoutParams {
	return &payouts.CreatePayoutParams{
		ReferenceID: ref, ChannelCode: payouts.ChannelBCA, Amount: 150000, Currency: xendit.CurrencyIDR,
		ChannelProperties: payouts.ChannelProperties{AccountHolderName: "Michael Chen", AccountNumber: "0000000000"},
		Description:       xendit.Ptr("June settlement"),
	}
}

// countByReference is how many payouts the fake holds for ref.
func countByReference(t *testing.T, po *payouts.Client, ref string) int {
	t.Helper()
	n := 0
	for _, err := range po.AllPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: ref}) {
		require.NoError(t, err)
		n++
	}
	return n
}

func TestPayoutSucceedsAndIsReversed(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	var resp xendit.Response
	p, err := f.po.CreatePayout(t.Context(), seller("settle-1"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, payouts.StatusAccepted, p.Status)
	assert.True(t, strings.HasPrefix(p.ID, "disb-"))
	assert.NotEmpty(t, resp.IdempotencyKey, "a generated key is on the response")
	reqs := f.srv.Requests()
	assert.Equal(t, resp.IdempotencyKey, reqs[len(reqs)-1].Header.Get("Idempotency-key"), "sent in the reference's spelling")

	require.NoError(t, f.srv.CompletePayout(p.ID))
	d := fake.Next(t, f.callbacks)
	assert.Equal(t, payouts.EventSucceeded, d.Payload.Event)
	assert.False(t, d.Payload.Flat, "the fake sends the documented envelope")
	assert.Equal(t, p.ID, d.Payload.Payout.ID)
	assert.Equal(t, "settle-1", d.Payload.Payout.ReferenceID)
	assert.Equal(t, resp.IdempotencyKey, d.Payload.Payout.IdempotencyKey)

	got, err := f.po.GetPayout(t.Context(), p.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())

	require.NoError(t, f.srv.ReversePayout(p.ID))
	d = fake.Next(t, f.callbacks)
	assert.Equal(t, payouts.EventReversed, d.Payload.Event)
	assert.True(t, d.Payload.Payout.Status.Failed())
}

func TestPayoutFails(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	p, err := f.po.CreatePayout(t.Context(), seller("settle-2"))
	require.NoError(t, err)
	require.NoError(t, f.srv.FailPayout(p.ID, string(payouts.FailureInvalidDestination)))
	d := fake.Next(t, f.callbacks)
	assert.Equal(t, payouts.EventFailed, d.Payload.Event)
	assert.Equal(t, payouts.FailureInvalidDestination, d.Payload.Payout.FailureCode)
	_, err = f.po.CancelPayout(t.Context(), p.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, payouts.CodeCancellationNotAllowed, xe.Code)
}

func TestCancelPayout(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	p, err := f.po.CreatePayout(t.Context(), seller("settle-3"))
	require.NoError(t, err)
	c, err := f.po.CancelPayout(t.Context(), p.ID)
	require.NoError(t, err)
	assert.Equal(t, payouts.StatusCancelled, c.Status)
	assert.Equal(t, 1, fake.Count(f.srv, http.MethodPost, createPath+"/"+p.ID+"/cancel"), "a POST, not the printed GET")
	assert.Error(t, f.srv.CompletePayout(p.ID), "a cancelled payout is not sent")
	_, err = f.po.CancelPayout(t.Context(), "disb-nope")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
	_, err = f.po.GetPayout(t.Context(), "disb-nope")
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestListAndAllPayoutsPageByAfterID(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	var ids []string
	for range 5 {
		p, err := f.po.CreatePayout(t.Context(), seller("batch-7"))
		require.NoError(t, err)
		ids = append(ids, p.ID)
	}
	_, err := f.po.CreatePayout(t.Context(), seller("other"))
	require.NoError(t, err)

	page, err := f.po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "batch-7", Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.Equal(t, []string{ids[4], ids[3]}, []string{page.Data[0].ID, page.Data[1].ID}, "newest first")
	assert.True(t, page.HasMore)

	var seen []string
	for p, err := range f.po.AllPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "batch-7", Limit: xendit.Ptr(2)}) {
		require.NoError(t, err)
		seen = append(seen, p.ID)
	}
	assert.Equal(t, []string{ids[4], ids[3], ids[2], ids[1], ids[0]}, seen)
	reqs := f.srv.Requests()
	assert.Contains(t, reqs[len(reqs)-1].Query, "after_id="+ids[1])
	assert.Contains(t, reqs[len(reqs)-1].Query, "reference_id=batch-7")

	before, err := f.po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "batch-7", BeforeID: &ids[2]})
	require.NoError(t, err)
	assert.Len(t, before.Data, 2, "the two newer payouts")

	for _, err := range f.po.AllPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "batch-7", BeforeID: &ids[2]}) {
		fake.Invalid(t, err, "before_id")
	}
	none, err := f.po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "unknown"})
	require.NoError(t, err)
	assert.Empty(t, none.Data)
}

func TestChannels(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	page, err := f.po.ListChannels(t.Context(), &payouts.ListChannelsParams{
		Currency: xendit.Ptr(xendit.CurrencyPHP), ChannelCategory: xendit.Ptr(payouts.ChannelCategoryEWallet)})
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	gcash := page.Data[0]
	assert.Equal(t, payouts.ChannelGCash, gcash.ChannelCode)
	reqs := f.srv.Requests()
	assert.Equal(t, "channel_category=EWALLET&currency=PHP", reqs[len(reqs)-1].Query)

	fake.Invalid(t, gcash.CheckAmount(1.25), "")
	fake.Invalid(t, gcash.CheckAmount(0.5), "amount")
	fake.Invalid(t, gcash.CheckAmount(100000.01), "amount")
	fake.Invalid(t, gcash.CheckAmount(1.255), "amount")

	n := 0
	for ch, err := range f.po.AllChannels(t.Context(), nil) {
		require.NoError(t, err)
		assert.NotEmpty(t, ch.ChannelCode)
		n++
	}
	assert.Greater(t, n, 2)
	_, err = f.po.ListChannels(t.Context(), &payouts.ListChannelsParams{Currency: xendit.Ptr(xendit.Currency("php"))})
	fake.Invalid(t, err, "currency")
}

// The fake refuses, as Xendit does, an amount below the channel's
// minimum: the limits are the channel's, not the SDK's.
func TestChannelLimitsAreTheServers(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	p := seller("small")
	p.Amount = 5000
	_, err := f.po.CreatePayout(t.Context(), p)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, payouts.CodeMinimumTransferLimit, xe.Code)
	assert.NotEmpty(t, xe.IdempotencyKey, "the key is on every error")
}

// A repeated key with the same body answers the first payout; with
// another body it is refused.
func TestIdempotencyKey(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	key := xendit.WithIdempotencyKey("settle-4")
	first, err := f.po.CreatePayout(t.Context(), seller("settle-4"), key)
	require.NoError(t, err)
	again, err := f.po.CreatePayout(t.Context(), seller("settle-4"), key)
	require.NoError(t, err)
	assert.Equal(t, first.ID, again.ID)
	assert.Equal(t, 1, countByReference(t, f.po, "settle-4"))

	other := seller("settle-4")
	other.Amount = 200000
	_, err = f.po.CreatePayout(t.Context(), other, key)
	assert.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	assert.Equal(t, 1, countByReference(t, f.po, "settle-4"))
}

// TestNoSecondPayoutWhenTheRequestIsLost: a fault before Xendit processes
// the create (5xx, dropped connection) leaves no payout; the error is
// OutcomeUnknown and carries the key; repeating with that key makes
// exactly one payout.
func TestNoSecondPayoutWhenTheRequestIsLost(t *testing.T) {
	t.Parallel()
	for name, fault := range fake.AmbiguousFaults() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, fake.NoRetries)
			fault.Method, fault.Path = http.MethodPost, createPath
			f.srv.InjectFault(fault)
			_, err := f.po.CreatePayout(t.Context(), seller("lost-1"))
			require.Error(t, err)
			assert.True(t, xendit.OutcomeUnknown(err))
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			require.NotEmpty(t, xe.IdempotencyKey)
			assert.Equal(t, 1, fake.Count(f.srv, http.MethodPost, createPath))

			p, err := f.po.CreatePayout(t.Context(), seller("lost-1"), xendit.WithIdempotencyKey(xe.IdempotencyKey))
			require.NoError(t, err)
			assert.Equal(t, payouts.StatusAccepted, p.Status)
			assert.Equal(t, 1, countByReference(t, f.po, "lost-1"))
		})
	}
}

// TestNoSecondPayoutWhenTheAnswerIsLost: Xendit made the payout but the
// answer was lost (dropped connection, 500, 502, timeout: fake.EachLoss).
// Without retries the error is OutcomeUnknown with the key, and repeating
// with it returns the payout already made; with retries the SDK repeats
// with the same key by itself (not after a 500). Either way there is one
// payout.
func TestNoSecondPayoutWhenTheAnswerIsLost(t *testing.T) {
	t.Parallel()
	t.Run("caller repeats", func(t *testing.T) {
		t.Parallel()
		fake.EachLoss(t, fake.Losses, http.MethodPost, createPath, fake.NoRetries, func(t *testing.T, _ *xendittest.Server, c *xendit.Client, _ fake.Loss) {
			po := payouts.New(c)
			_, err := po.CreatePayout(t.Context(), seller("lost-2"))
			require.Error(t, err)
			assert.True(t, xendit.OutcomeUnknown(err))
			var xe *xendit.Error
			require.ErrorAs(t, err, &xe)
			assert.Equal(t, 1, countByReference(t, po, "lost-2"), "Xendit made it")

			p, err := po.CreatePayout(t.Context(), seller("lost-2"), xendit.WithIdempotencyKey(xe.IdempotencyKey))
			require.NoError(t, err)
			assert.Equal(t, 1, countByReference(t, po, "lost-2"), "no second payout")
			page, err := po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "lost-2"})
			require.NoError(t, err)
			assert.Equal(t, page.Data[0].ID, p.ID, "the answer is the first payout")
		})
	})
	t.Run("SDK retries", func(t *testing.T) {
		t.Parallel()
		fake.EachLoss(t, fake.Losses, http.MethodPost, createPath, fake.FastRetries, func(t *testing.T, srv *xendittest.Server, c *xendit.Client, loss fake.Loss) {
			po := payouts.New(c)
			var resp xendit.Response
			p, err := po.CreatePayout(t.Context(), seller("lost-3"), xendit.CaptureResponse(&resp))
			if loss == fake.Loss500 {
				// A 500 is not retried, key or not: the caller-repeats case
				// above is the way out.
				require.Error(t, err)
				assert.True(t, xendit.OutcomeUnknown(err))
				assert.Equal(t, 1, fake.Count(srv, http.MethodPost, createPath))
				assert.Equal(t, 1, countByReference(t, po, "lost-3"))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 2, resp.Attempts)
			assert.Equal(t, 2, fake.Count(srv, http.MethodPost, createPath))
			keys := map[string]bool{}
			for _, r := range srv.Requests() {
				if r.Method == http.MethodPost && r.Path == createPath {
					keys[r.Header.Get("Idempotency-key")] = true
				}
			}
			assert.Equal(t, map[string]bool{resp.IdempotencyKey: true}, keys, "one key on every attempt")
			assert.Equal(t, 1, countByReference(t, po, "lost-3"), "no second payout")
			got, err := po.GetPayout(t.Context(), p.ID)
			require.NoError(t, err)
			assert.Equal(t, "lost-3", got.ReferenceID)
		})
	})
}

func TestCreatePayoutRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		edit  func(*payouts.CreatePayoutParams)
		field string
	}{
		{"valid", func(*payouts.CreatePayoutParams) {}, ""},
		{"reference_id required", func(p *payouts.CreatePayoutParams) { p.ReferenceID = "" }, "reference_id"},
		{"reference_id up to 255", func(p *payouts.CreatePayoutParams) { p.ReferenceID = strings.Repeat("r", 256) }, "reference_id"},
		{"channel_code required", func(p *payouts.CreatePayoutParams) { p.ChannelCode = "" }, "channel_code"},
		{"holder required", func(p *payouts.CreatePayoutParams) { p.ChannelProperties.AccountHolderName = "" }, "channel_properties.account_holder_name"},
		{"holder up to 100", func(p *payouts.CreatePayoutParams) {
			p.ChannelProperties.AccountHolderName = strings.Repeat("n", 101)
		}, "channel_properties.account_holder_name"},
		{"number required", func(p *payouts.CreatePayoutParams) { p.ChannelProperties.AccountNumber = "" }, "channel_properties.account_number"},
		{"number up to 100", func(p *payouts.CreatePayoutParams) {
			p.ChannelProperties.AccountNumber = strings.Repeat("1", 101)
		}, "channel_properties.account_number"},
		{"currency required", func(p *payouts.CreatePayoutParams) { p.Currency = "" }, "currency"},
		{"currency of the channel's country", func(p *payouts.CreatePayoutParams) { p.Currency = xendit.CurrencyPHP }, "currency"},
		{"unknown country left to Xendit", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency = "SG_DBS", xendit.CurrencySGD
			p.Amount = 10.5
		}, ""},
		{"amount positive", func(p *payouts.CreatePayoutParams) { p.Amount = 0 }, "amount"},
		{"IDR whole", func(p *payouts.CreatePayoutParams) { p.Amount = 1000.5 }, "amount"},
		{"PHP two decimals", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency, p.Amount = payouts.ChannelGCash, xendit.CurrencyPHP, 1.11
		}, ""},
		{"PHP not three", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency, p.Amount = payouts.ChannelGCash, xendit.CurrencyPHP, 1.115
		}, "amount"},
		{"THB mobile number", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency = payouts.ChannelBAY, xendit.CurrencyTHB
			p.ChannelProperties.AccountType = xendit.Ptr(payouts.AccountTypeMobileNo)
		}, ""},
		{"THB no passport", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency = payouts.ChannelBAY, xendit.CurrencyTHB
			p.ChannelProperties.AccountType = xendit.Ptr(payouts.AccountTypePassport)
		}, "channel_properties.account_type"},
		{"DuitNow passport", func(p *payouts.CreatePayoutParams) {
			p.ChannelCode, p.Currency = payouts.ChannelDuitNow, xendit.CurrencyMYR
			p.ChannelProperties.AccountType = xendit.Ptr(payouts.AccountTypePassport)
		}, ""},
		{"no proxy transfer to BCA", func(p *payouts.CreatePayoutParams) {
			p.ChannelProperties.AccountType = xendit.Ptr(payouts.AccountTypeMobileNo)
		}, "channel_properties.account_type"},
		{"description not empty", func(p *payouts.CreatePayoutParams) { p.Description = xendit.Ptr("") }, "description"},
		{"description up to 100", func(p *payouts.CreatePayoutParams) { p.Description = xendit.Ptr(strings.Repeat("d", 101)) }, "description"},
		{"three addresses", func(p *payouts.CreatePayoutParams) {
			p.ReceiptNotification = &payouts.ReceiptNotification{EmailCC: []string{"a@x.co", "b@x.co", "c@x.co", "d@x.co"}}
		}, "receipt_notification.email_cc"},
		{"address up to 255", func(p *payouts.CreatePayoutParams) {
			p.ReceiptNotification = &payouts.ReceiptNotification{EmailTo: []string{strings.Repeat("a", 250) + "@x.com"}}
		}, "receipt_notification.email_to[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := seller("r")
			tc.edit(p)
			fake.Invalid(t, p.Validate(), tc.field)
		})
	}
}

func TestNothingInvalidIsSent(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	_, err := f.po.CreatePayout(t.Context(), nil)
	fake.Invalid(t, err, "params")
	bad := seller("x")
	bad.Amount = -1
	_, err = f.po.CreatePayout(t.Context(), bad)
	fake.Invalid(t, err, "amount")
	_, err = f.po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{})
	fake.Invalid(t, err, "reference_id")
	_, err = f.po.ListPayouts(t.Context(), &payouts.ListPayoutsParams{ReferenceID: "r", Limit: xendit.Ptr(101)})
	fake.Invalid(t, err, "limit")
	for _, err := range f.po.AllPayouts(t.Context(), nil) {
		fake.Invalid(t, err, "params")
	}
	_, err = f.po.GetPayout(t.Context(), "")
	assert.True(t, errors.Is(err, xendit.ErrValidation))
	assert.Empty(t, f.srv.Requests())
}

// listServer is a client for a server that answers every request with
// body.
func listServer(t *testing.T, body string) *xendit.Client {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(ts.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(ts.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	return c
}
