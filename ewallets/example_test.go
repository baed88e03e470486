package ewallets_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// A one-time ShopeePay checkout against the fake server: create the charge,
// send the customer to its checkout URL, and learn the outcome from the
// ewallet.capture callback, matched to the order by reference_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *ewallets.Charge, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb ewallets.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Event == ewallets.EventCapture {
			paid <- cb.Charge
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	ew := ewallets.New(client)
	charge, err := ew.CreateCharge(context.Background(), &ewallets.CreateChargeParams{
		ReferenceID:       "order-1234-attempt-1",
		Currency:          xendit.CurrencyIDR,
		Amount:            25000,
		CheckoutMethod:    ewallets.CheckoutMethodOneTimePayment,
		ChannelCode:       xendit.Ptr(ewallets.ChannelShopeePayID),
		ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/orders/1234")},
	})
	if err != nil {
		fmt.Println("create failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("status:", charge.Status, "- redirect:", charge.IsRedirectRequired)

	_ = srv.CompleteEWalletCharge(charge.ID) // the customer pays in the ShopeePay app
	got := <-paid
	fmt.Println("callback:", got.ReferenceID, got.Status, got.ChargeAmount)
	// Output:
	// status: PENDING - redirect: true
	// callback: order-1234-attempt-1 SUCCEEDED 25000
}

// Refunding part of a paid charge twice, then reading every refund of it.
func ExampleClient_AllRefunds() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := srv.Client()
	ew := ewallets.New(client)
	ctx := context.Background()

	charge, err := ew.CreateCharge(ctx, &ewallets.CreateChargeParams{
		ReferenceID: "order-1235-attempt-1", Currency: xendit.CurrencyIDR, Amount: 25000,
		CheckoutMethod: ewallets.CheckoutMethodOneTimePayment, ChannelCode: xendit.Ptr(ewallets.ChannelOVO),
		ChannelProperties: &ewallets.ChannelProperties{MobileNumber: xendit.Ptr("+628123123123")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = srv.CompleteEWalletCharge(charge.ID) // the customer pays in the OVO app
	for _, amount := range []float64{5000, 2500} {
		if _, err := ew.CreateRefund(ctx, charge.ID, &ewallets.CreateRefundParams{Amount: xendit.Ptr(amount)}); err != nil {
			fmt.Println(err)
			return
		}
	}

	for refund, err := range ew.AllRefunds(ctx, charge.ID, nil) {
		if err != nil { // xendit.ErrPagination past 50 refunds: the API has no cursor
			fmt.Println(err)
			return
		}
		fmt.Println(refund.RefundAmount, refund.Status)
	}
	// Output:
	// 5000 SUCCEEDED
	// 2500 SUCCEEDED
}
