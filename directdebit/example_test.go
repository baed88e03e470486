package directdebit_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Linking a BRI debit card with the OTP the bank sends, then debiting it:
// the payment asks for a second OTP, and its outcome arrives in the
// direct_debit.payment callback, matched to the order by reference_id.
func Example() {
	srv := xendittest.NewServer()
	defer srv.Close()

	// The webhook endpoint: the root handler checks x-callback-token and
	// dedupes on webhook-id before the function sees the event.
	paid := make(chan *directdebit.Payment, 1)
	hook, _ := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var cb directdebit.Callback
		if err := e.Decode(&cb); err != nil {
			return err
		}
		if cb.Event == directdebit.EventPayment {
			paid <- cb.Payment
		}
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	receiver := httptest.NewServer(hook)
	defer receiver.Close()
	srv.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})

	client, _ := srv.Client() // with a real key: xendit.New(os.Getenv("XENDIT_SECRET_KEY"))
	dd := directdebit.New(client)
	ctx := context.Background()

	// 1. Link the card: the bank sends the customer an OTP.
	token, err := dd.InitializeTokenization(ctx, &directdebit.InitializeTokenizationParams{
		CustomerID:  "ba830b92-4177-476e-b097-2ad5ae4d3e55", // from the customers package
		ChannelCode: directdebit.ChannelBRI,
		Properties: &directdebit.TokenizationProperties{
			AccountMobileNumber: xendit.Ptr("+62818555988"), CardLastFour: xendit.Ptr("1234"),
			CardExpiry: xendit.Ptr("06/24"), AccountEmail: xendit.Ptr("customer@example.com"),
		},
	})
	if err != nil {
		fmt.Println("linking failed:", err, "- outcome unknown:", xendit.OutcomeUnknown(err))
		return
	}
	fmt.Println("linking:", token.Status, "- OTP needed:", token.NeedsOTP())
	if _, err := dd.ValidateTokenOTP(ctx, token.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP}); err != nil {
		fmt.Println(err)
		return
	}

	// 2. Make the card a payment method.
	accounts, err := dd.ListAccessibleAccounts(ctx, token.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	account := accounts.Data[0]
	method, err := dd.CreatePaymentMethod(ctx, &directdebit.CreatePaymentMethodParams{
		CustomerID: xendit.Ptr(token.CustomerID),
		Type:       account.Type,
		Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr(account.ID)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("payment method:", method.Type, method.Status, "card", method.Properties.CardLastFour)

	// 3. Debit it. The SDK sends the required Idempotency-key, the same on
	// every retry.
	payment, err := dd.CreatePayment(ctx, &directdebit.CreatePaymentParams{
		ReferenceID:     "order-1234",
		PaymentMethodID: method.ID,
		Currency:        xendit.CurrencyIDR,
		Amount:          150000,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("payment:", payment.Status, *payment.RequiredAction)
	if _, err := dd.ValidatePaymentOTP(ctx, payment.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP}); err != nil {
		fmt.Println(err)
		return
	}
	got := <-paid
	fmt.Println("callback:", got.ReferenceID, got.Status, got.Amount.Float64())
	// Output:
	// linking: PENDING - OTP needed: true
	// payment method: DEBIT_CARD ACTIVE card 1234
	// payment: PENDING VALIDATE_OTP
	// callback: order-1234 COMPLETED 150000
}
