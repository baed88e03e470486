package snap_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
)

func TestAmountHelpers(t *testing.T) {
	t.Parallel()
	assert.Equal(t, snap.Amount{Value: "10000.00", Currency: "IDR"}, snap.IDR(10000))
	assert.Equal(t, "10000.50", snap.IDRSen(1000050).Value)
	assert.Equal(t, "0.05", snap.IDRSen(5).Value)

	for in, want := range map[string]string{"10000": "10000.00", "10000.5": "10000.50", "10000.55": "10000.55", "0": "0.00"} {
		a, err := snap.ParseAmount(in, "IDR")
		require.NoError(t, err, in)
		assert.Equal(t, want, a.Value, in)
	}
	for _, in := range []string{"", "10.555", "1e4", "-5", "10,000", "10.", ".5", "NaN"} {
		_, err := snap.ParseAmount(in, "IDR")
		assert.ErrorIs(t, err, xendit.ErrValidation, in)
	}

	a, err := snap.NewAmount(10000.1, "IDR")
	require.NoError(t, err)
	assert.Equal(t, "10000.10", a.Value, "no 10000.09")
	x, y := 0.1, 0.2 // variables: constant arithmetic would be exact
	_, err = snap.NewAmount(x+y, "IDR")
	assert.Error(t, err, "0.30000000000000004 is not silently rounded")
	_, err = snap.NewAmount(-1, "IDR")
	assert.Error(t, err)

	sen, err := snap.IDR(10000).Sen()
	require.NoError(t, err)
	assert.Equal(t, int64(1000000), sen)
	assert.Equal(t, "IDR 10000.00", snap.IDR(10000).String())
}

func TestRequestAmountsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	sc, n := snapServer(t, 200, `{}`)
	p := vaParams("x")
	p.TotalAmount = &snap.Amount{Value: "10000", Currency: "IDR"}
	_, err := sc.CreateVA(t.Context(), p)
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "totalAmount.value", ve.Field)
	p.TotalAmount = &snap.Amount{Value: "10000.00", Currency: "USD"}
	_, err = sc.CreateVA(t.Context(), p)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "totalAmount.currency", ve.Field)
	assert.Empty(t, n.Bodies())
}
