package demo

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
)

// A program listening to classic and SNAP callbacks receives both, in
// whichever order it started listening.
func TestListenAndListenSNAPKeepEachOthersCallbacks(t *testing.T) {
	t.Setenv(xendit.EnvSecretKey, "")
	ctx, sc, fake, stop := StartSNAP()
	defer stop()
	classic := Listen[virtualaccounts.Callback](fake)
	signed := ListenSNAP(fake)

	client, err := fake.Client()
	require.NoError(t, err)
	va, err := virtualaccounts.New(client).CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: "order-1", BankCode: virtualaccounts.BankBNI, Name: "Michael Chen"})
	require.NoError(t, err)

	amount := snap.Amount{Value: "10000.00", Currency: "IDR"}
	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: "trx-1",
		TotalAmount: &amount, AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelMandiri}})
	require.NoError(t, err)
	require.NoError(t, fake.PaySNAPVA(ctx, "trx-1", amount.Value))

	cb := Await(classic)
	require.NotNil(t, cb.VirtualAccount)
	assert.Equal(t, va.ID, cb.VirtualAccount.ID)
	paid := Await(signed)
	require.NotNil(t, paid.VAPayment)
	assert.Equal(t, "trx-1", paid.VAPayment.TrxID)
}
