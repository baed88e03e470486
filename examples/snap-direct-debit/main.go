// Snap-direct-debit links a BRI debit card with BI SNAP account binding,
// confirms it with the OTP the customer receives, debits it (above
// IDR 1,000,000 BRI always asks for an OTP), receives the signed
// snap.direct_debit.succeeded callback and refunds part of the payment.
//
//	go run ./examples/snap-direct-debit
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit whose
// OTP is always 123456. With a test-mode key it also needs
// XENDIT_SNAP_CLIENT_ID and XENDIT_SNAP_PRIVATE_KEY (see examples/snap-va)
// and stops after the binding, as the OTP reaches a real phone.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	sc, fake := demo.ConnectSNAP()
	run := fmt.Sprint(time.Now().Unix())

	fmt.Println("\n1. Link a BRI debit card (customer cust-1)")
	b, err := sc.CreateBinding(ctx, &snap.BindingParams{
		PartnerReferenceNo: "link-" + run, PhoneNo: "+62818555988",
		AdditionalData: &snap.BindingCustomer{UserID: "cust-1", Email: "budi@example.com"},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI,
			Reusability:       snap.MultipleUse,
			ChannelProperties: &snap.ChannelProperties{CardLastFour: "8888", CardExpiry: "06/30"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	pm := b.AdditionalInfo.PaymentMethod
	fmt.Printf("   %s %s, in progress: %v; payment method %s is %s.\n", b.ResponseCode, b.ResponseMessage,
		b.InProgress(), pm.ID, pm.Status)
	if fake == nil {
		fmt.Println("\nDone. Verify the OTP the customer received with VerifyBindingOTP.")
		return
	}
	defer fake.Close()
	callbacks := listen(fake)

	fmt.Println("\n2. A mistyped OTP, then the right one")
	_, err = sc.VerifyBindingOTP(ctx, pm.ID, "000000")
	fmt.Printf("   Refused (validation: %v).\n", errors.Is(err, xendit.ErrValidation))
	if _, err := sc.VerifyBindingOTP(ctx, pm.ID, xendittest.SNAPTestOTP); err != nil {
		log.Fatal(err)
	}
	inq, err := sc.InquireBinding(ctx, "link-"+run)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   The card is %s.\n", inq.AdditionalInfo.PaymentMethod.Status)

	fmt.Println("\n3. Debit IDR 2,500,000 from it")
	dd, err := sc.CreateDirectDebit(ctx, &snap.DirectDebitParams{
		PartnerReferenceNo: "order-" + run, Amount: snap.IDR(2_500_000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: pm.ID, Description: "Order " + run},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: payment %.3s... needs %s by %s.\n", dd.ResponseCode, dd.ReferenceNo,
		dd.AdditionalInfo.Actions[0].Action, dd.AdditionalInfo.Actions[0].URLType)

	fmt.Println("\n4. The customer types the OTP; Xendit calls back")
	if _, err := sc.VerifyPaymentOTP(ctx, dd.ReferenceNo, xendittest.SNAPTestOTP); err != nil {
		log.Fatal(err)
	}
	cb := <-callbacks
	fmt.Printf("   Callback %s verified: %s, %s paid.\n", cb.Type, cb.Payment.TransactionStatusDesc, cb.Payment.Amount)

	fmt.Println("\n5. Refund IDR 500,000 of it")
	part := snap.IDR(500_000)
	rf, err := sc.RefundDirectDebit(ctx, &snap.RefundParams{OriginalPartnerReferenceNo: "order-" + run,
		PartnerRefundNo: "refund-" + run, RefundAmount: &part, Reason: snap.RefundRequestedByCustomer})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("   %s: refund of %s is %s.\n", rf.ResponseCode, rf.RefundAmount, rf.AdditionalInfo.Status)
}

// listen starts a SNAP callback endpoint that verifies Xendit's signature
// and points the fake's callbacks at it.
func listen(fake *xendittest.Server) <-chan *snap.Callback {
	out := make(chan *snap.Callback, 1)
	verifier, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM))
	if err != nil {
		log.Fatal(err)
	}
	h, err := snap.NewCallbackHandler(verifier, func(_ context.Context, cb *snap.Callback) error {
		out <- cb
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h) // closed when the program exits
	fake.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL + "/callbacks/snap"})
	return out
}
