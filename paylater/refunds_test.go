package paylater_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/paylater"
)

func TestRefundAChargeInFull(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	c := f.paid(t, "order-1")

	var xe *xendit.Error
	_, err := f.pl.CreateRefund(ctx, c.ID, &paylater.CreateRefundParams{Amount: xendit.Ptr(100.0)})
	require.ErrorAs(t, err, &xe, "BillEase refunds in full only")
	assert.Equal(t, "PARTIAL_REFUND_NOT_SUPPORTED", xe.Code)
	r, err := f.pl.CreateRefund(ctx, c.ID, &paylater.CreateRefundParams{Reason: xendit.Ptr(paylater.RefundReasonChangeOfMind)})
	require.NoError(t, err)
	assert.True(t, r.Status.Pending())
	assert.Equal(t, 2469.12, r.Amount)
	assert.Equal(t, c.ID, r.ChargeID, "the charge id went into the path")
	got, err := f.pl.GetRefund(ctx, c.ID, r.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Succeeded())
	page, err := f.pl.ListRefunds(ctx, c.ID, &paylater.ListRefundsParams{Status: xendit.Ptr(paylater.RefundStatusSucceeded)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 1)
	page, err = f.pl.ListRefunds(ctx, c.ID, &paylater.ListRefundsParams{Status: xendit.Ptr(paylater.RefundStatusFailed)})
	require.NoError(t, err)
	assert.Empty(t, page.Data, "the status filter is sent")
	_, err = f.pl.CreateRefund(ctx, c.ID, &paylater.CreateRefundParams{})
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, "MAXIMUM_REFUND_AMOUNT_REACHED", xe.Code)
}

// TestAllRefundsOfACharge walks a Kredivo charge's partial refunds through
// the fake, reading each page's response inside the loop.
func TestAllRefundsOfACharge(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	plan, err := f.pl.InitiatePlans(ctx, &paylater.InitiatePlansParams{CustomerID: "c", ChannelCode: paylater.ChannelKredivo,
		Currency: xendit.CurrencyIDR, Amount: 50000, OrderItems: []paylater.OrderItem{item(50000, 1)}})
	require.NoError(t, err)
	c, err := f.pl.CreateCharge(ctx, &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: "order-2",
		SuccessRedirectURL: "https://shop.example/ok", FailureRedirectURL: "https://shop.example/fail"})
	require.NoError(t, err)
	require.NoError(t, f.srv.CompletePayLaterCharge(c.ID))
	var want []string
	for range 3 {
		r, err := f.pl.CreateRefund(ctx, c.ID, &paylater.CreateRefundParams{Amount: xendit.Ptr(10000.0)})
		require.NoError(t, err)
		want = append(want, r.ID)
	}

	var resp xendit.Response
	var got []string
	for r, err := range f.pl.AllRefunds(ctx, c.ID, nil, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.NotEmpty(t, resp.RequestID, "the page's response is readable inside the loop")
		got = append(got, r.ID)
	}
	assert.Equal(t, want, got)
	reqs := f.srv.Requests()
	assert.Equal(t, "limit=50", reqs[len(reqs)-1].Query, "one page, of the most the API returns")

	var errs []error
	for _, err := range f.pl.AllRefunds(ctx, c.ID, &paylater.ListRefundsParams{Limit: xendit.Ptr(1)}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1, "one page, then the end: the API gives no cursor")
	assert.ErrorIs(t, errs[0], xendit.ErrPagination)
}

func TestRefundRules(t *testing.T) {
	t.Parallel()
	fake.Invalid(t, (&paylater.CreateRefundParams{Amount: xendit.Ptr(-1.0)}).Validate(), "amount")
	fake.Invalid(t, (&paylater.CreateRefundParams{}).Validate(), "")
	fake.Invalid(t, (&paylater.ListRefundsParams{Limit: xendit.Ptr(51)}).Validate(), "limit")
	fake.Invalid(t, (&paylater.ListRefundsParams{Limit: xendit.Ptr(50)}).Validate(), "")

	f := newFixture(t)
	_, err := f.pl.CreateRefund(t.Context(), "plc_1", nil)
	fake.Invalid(t, err, "params")
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
