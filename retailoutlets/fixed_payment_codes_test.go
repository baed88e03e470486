package retailoutlets_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
)

func alfamart(externalID string) *retailoutlets.CreateFixedPaymentCodeParams {
	return &retailoutlets.CreateFixedPaymentCodeParams{
		ExternalID: externalID, RetailOutletName: retailoutlets.RetailOutletNameAlfamart,
		Name: "Rika Sutanto", ExpectedAmount: 50000,
	}
}

func TestFixedPaymentCodeIsPaidAndCallsBack(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	p := alfamart("order-1")
	p.IsSingleUse = xendit.Ptr(true)
	code, err := f.ro.CreateFixedPaymentCode(ctx, p)
	require.NoError(t, err)
	assert.True(t, code.Status.Active())
	assert.Equal(t, "order-1", code.ExternalID)
	assert.Contains(t, code.PaymentCode, code.Prefix)
	assert.True(t, code.ExpirationDate.After(time.Now().AddDate(30, 0, 0)), "31 years by default")

	require.NoError(t, f.srv.PayFixedPaymentCode(code.ID, 0))
	cb := f.next(t)
	require.NotNil(t, cb.FixedPaymentCode, "a body with no event is the fixed payment code callback")
	assert.Equal(t, "order-1", cb.FixedPaymentCode.ExternalID)
	assert.Equal(t, code.ID, cb.FixedPaymentCode.FixedPaymentCodeID)
	assert.Equal(t, 50000.0, cb.FixedPaymentCode.Amount)
	assert.True(t, cb.FixedPaymentCode.Status.Succeeded())

	got, err := f.ro.GetFixedPaymentCode(ctx, code.ID)
	require.NoError(t, err)
	assert.Equal(t, retailoutlets.FixedPaymentCodeStatusInactive, got.Status, "a single-use code is spent")
	assert.Error(t, f.srv.PayFixedPaymentCode(code.ID, 0), "an INACTIVE code cannot be paid")

	_, err = f.ro.UpdateFixedPaymentCode(ctx, code.ID, &retailoutlets.UpdateFixedPaymentCodeParams{Name: xendit.Set("Joe Contini")})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeInactiveFixedPaymentCode, xe.Code)

	page, err := f.ro.ListFixedPaymentCodePayments(ctx, code.ID, nil)
	require.NoError(t, err)
	require.Len(t, page.Data, 1)
	assert.Equal(t, cb.FixedPaymentCode.ID, page.Data[0].ID)
}

func TestUpdateFixedPaymentCode(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	code, err := f.ro.CreateFixedPaymentCode(ctx, alfamart("order-2"))
	require.NoError(t, err)

	got, err := f.ro.UpdateFixedPaymentCode(ctx, code.ID, &retailoutlets.UpdateFixedPaymentCodeParams{
		Name: xendit.Set("Joe Contini"), ExpectedAmount: xendit.Set(20000.0)})
	require.NoError(t, err)
	assert.Equal(t, "Joe Contini", got.Name)
	assert.Equal(t, 20000.0, got.ExpectedAmount)
	body := f.srv.Requests()[len(f.srv.Requests())-1].Body
	assert.JSONEq(t, `{"name":"Joe Contini","expected_amount":20000}`, string(body), "unset fields are not sent")

	_, err = f.ro.UpdateFixedPaymentCode(ctx, code.ID, &retailoutlets.UpdateFixedPaymentCodeParams{ExpectedAmount: xendit.Set(3_000_000.0)})
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "Alfamart's maximum is the API's to apply on update")
	assert.Equal(t, retailoutlets.CodeMaximumExpectedAmount, xe.Code)

	past := xendit.Time{Time: time.Now().Add(-time.Hour)}
	got, err = f.ro.UpdateFixedPaymentCode(ctx, code.ID, &retailoutlets.UpdateFixedPaymentCodeParams{ExpirationDate: xendit.Set(past)})
	require.NoError(t, err)
	assert.Equal(t, retailoutlets.FixedPaymentCodeStatusExpired, got.Status, "an expiry in the past expires the code")

	_, err = f.ro.GetFixedPaymentCode(ctx, "5f9fb01c4134b42c56b034c1")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeFixedPaymentCodeNotFound, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestCreateFixedPaymentCodeErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	p := alfamart("order-3")
	p.PaymentCode = xendit.Ptr("123456")
	_, err := f.ro.CreateFixedPaymentCode(ctx, p)
	require.NoError(t, err)
	_, err = f.ro.CreateFixedPaymentCode(ctx, p)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeDuplicatePaymentCode, xe.Code)

	p = alfamart("order-4")
	p.ExpirationDate = xendit.Time{Time: time.Now().Add(-time.Minute)}
	_, err = f.ro.CreateFixedPaymentCode(ctx, p)
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, retailoutlets.CodeExpirationDateInvalid, xe.Code)
}

// TestAllFixedPaymentCodePayments walks a multiple-use code's payments
// page by page: after_id is the last payment's id, and the links object
// of each page is read.
func TestAllFixedPaymentCodePayments(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ctx := t.Context()
	code, err := f.ro.CreateFixedPaymentCode(ctx, alfamart("order-5"))
	require.NoError(t, err)
	var want []string
	for i := range 5 {
		require.NoError(t, f.srv.PayFixedPaymentCode(code.ID, float64(10000+i)))
		want = append(want, f.next(t).FixedPaymentCode.ID)
	}

	page, err := f.ro.ListFixedPaymentCodePayments(ctx, code.ID, &retailoutlets.ListFixedPaymentCodePaymentsParams{Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.True(t, page.HasMore)
	require.Len(t, page.Links, 1, "the links object")
	assert.Contains(t, page.Links[0].Href, "after_id="+want[1])

	var got []string
	var resp xendit.Response
	for p, err := range f.ro.AllFixedPaymentCodePayments(ctx, code.ID, &retailoutlets.ListFixedPaymentCodePaymentsParams{Limit: xendit.Ptr(2)}, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		got = append(got, p.ID)
	}
	assert.Equal(t, want, got)
	reqs := f.srv.Requests()
	assert.Equal(t, "after_id="+want[3]+"&limit=2", reqs[len(reqs)-1].Query)

	got = nil
	for p, err := range f.ro.AllFixedPaymentCodePayments(ctx, code.ID, nil) {
		require.NoError(t, err)
		got = append(got, p.ID)
		break
	}
	assert.Equal(t, want[:1], got, "a loop that breaks fetches nothing more")

	_, err = f.ro.ListFixedPaymentCodePayments(ctx, "5f9fb01c4134b42c56b034c1", nil)
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}
