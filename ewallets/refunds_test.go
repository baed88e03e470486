package ewallets_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestRefundsChangeStateAndCallBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	paid := f.paid(t, "order-4")
	r1, err := f.ew.CreateRefund(ctx, paid.ID, &ewallets.CreateRefundParams{Amount: xendit.Ptr(5000.0), Reason: xendit.Ptr(ewallets.RefundReasonRequestedByCustomer)})
	require.NoError(t, err)
	assert.True(t, r1.Status.Pending())
	assert.Equal(t, 5000.0, r1.RefundAmount)
	assert.Equal(t, paid.ID, r1.ChargeID, "the charge id went into the path")
	cb := f.next(t)
	assert.Equal(t, ewallets.EventRefund, cb.Event)
	assert.True(t, cb.Refund.Status.Succeeded())

	_, err = f.ew.CreateRefund(ctx, paid.ID, &ewallets.CreateRefundParams{Amount: xendit.Ptr(30000.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, ewallets.CodeMaximumRefundAmountReached, xe.Code)

	r2, err := f.ew.CreateRefund(ctx, paid.ID, &ewallets.CreateRefundParams{})
	require.NoError(t, err)
	assert.Equal(t, 20000.0, r2.RefundAmount, "no amount refunds what is left")
	f.next(t)

	got, err := f.ew.GetRefund(ctx, paid.ID, r1.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.RefundStatusSucceeded, got.Status)

	page, err := f.ew.ListRefunds(ctx, paid.ID, &ewallets.ListRefundsParams{Limit: xendit.Ptr(1)})
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, r1.ID, page.Data[0].ID)
	assert.True(t, page.HasMore)
	page, err = f.ew.ListRefunds(ctx, paid.ID, nil)
	require.NoError(t, err)
	assert.Len(t, page.Data, 2, "nil params: the API's defaults")
	assert.False(t, page.HasMore)

	charge, err := f.ew.GetCharge(ctx, paid.ID)
	require.NoError(t, err)
	assert.Equal(t, ewallets.ChargeStatusRefunded, charge.Status)
	assert.Equal(t, 25000.0, *charge.RefundedAmount)
}

// TestAllRefunds walks the refunds through the fake: one page of 50, the
// response of that page readable inside the loop, and ErrPagination when a
// page says has_more, as the API gives no cursor to follow.
func TestAllRefunds(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	paid := f.paid(t, "order-5")
	var want []string
	for range 3 {
		r, err := f.ew.CreateRefund(ctx, paid.ID, &ewallets.CreateRefundParams{Amount: xendit.Ptr(1000.0)})
		require.NoError(t, err)
		want = append(want, r.ID)
	}
	require.NoError(t, f.srv.WaitDeliveries(ctx, ""))

	var resp xendit.Response
	var got []string
	for r, err := range f.ew.AllRefunds(ctx, paid.ID, nil, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "the page's response is captured before its refunds are yielded")
		assert.NotEmpty(t, resp.RequestID)
		got = append(got, r.ID)
	}
	assert.Equal(t, want, got)
	reqs := f.srv.Requests()
	assert.Equal(t, "limit=50", reqs[len(reqs)-1].Query, "All asks for the largest page")

	got = nil
	var errs []error
	status := ewallets.RefundStatusSucceeded
	for r, err := range f.ew.AllRefunds(ctx, paid.ID, &ewallets.ListRefundsParams{Limit: xendit.Ptr(2), Status: &status}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, r.ID)
	}
	assert.Equal(t, want[:2], got, "the page's refunds come first")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], xendit.ErrPagination)
	reqs = f.srv.Requests()
	assert.Equal(t, "limit=2&status=SUCCEEDED", reqs[len(reqs)-1].Query)
}

func TestCreateRefundIsNotRepeatedAfterA503(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	c := f.paid(t, "order-1")
	path := "/ewallets/charges/" + c.ID + "/refunds"
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: path, Status: http.StatusServiceUnavailable, Times: 3})
	var resp xendit.Response
	_, err := f.ew.CreateRefund(t.Context(), c.ID, &ewallets.CreateRefundParams{}, xendit.CaptureResponse(&resp))
	require.Error(t, err)
	assert.Equal(t, 1, resp.Attempts)
	assert.True(t, xendit.OutcomeUnknown(err), "list the refunds before refunding again")
}

func TestRefundParamsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	_, err := f.ew.CreateRefund(ctx, "ewc_1", nil)
	fake.Invalid(t, err, "params")
	_, err = f.ew.CreateRefund(ctx, "ewc_1", &ewallets.CreateRefundParams{Amount: xendit.Ptr(0.0)})
	fake.Invalid(t, err, "amount")
	_, err = f.ew.CreateRefund(ctx, "", &ewallets.CreateRefundParams{})
	assert.ErrorIs(t, err, xendit.ErrValidation, "an empty charge id is refused by the core")
	for _, limit := range []int{0, 51} {
		_, err = f.ew.ListRefunds(ctx, "ewc_1", &ewallets.ListRefundsParams{Limit: &limit})
		fake.Invalid(t, err, "limit")
		for _, err := range f.ew.AllRefunds(ctx, "ewc_1", &ewallets.ListRefundsParams{Limit: &limit}) {
			fake.Invalid(t, err, "limit")
		}
	}
	assert.Empty(t, f.srv.Requests(), "nothing was sent")
}
