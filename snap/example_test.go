package snap_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Create a closed virtual account, receive its payment callback, and see a
// duplicate trxId come back as xendit.ErrDuplicate. The fake Xendit checks
// the SNAP headers and the signature like the real one.
func Example() {
	ctx := context.Background()
	fake := xendittest.NewServer()
	defer fake.Close()
	client, err := fake.Client()
	if err != nil {
		log.Fatal(err)
	}
	// In production: snap.NewRSASignerPEM(your key) and snap.New(client,
	// yourClientID, signer).
	signer, err := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	if err != nil {
		log.Fatal(err)
	}
	sc, err := snap.New(client, xendittest.SNAPPartnerID, signer)
	if err != nil {
		log.Fatal(err)
	}

	// Callbacks: verified with Xendit's public key, decoded, deduplicated.
	verifier, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM))
	if err != nil {
		log.Fatal(err)
	}
	paid := make(chan *snap.VAPayment, 1)
	h, err := snap.NewCallbackHandler(verifier, func(_ context.Context, cb *snap.Callback) error {
		if cb.Type == snap.EventVAPayment {
			paid <- cb.VAPayment
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h)
	defer receiver.Close()
	fake.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL + "/callbacks/snap"})

	amount := snap.IDR(150000)
	resp, err := sc.CreateVA(ctx, &snap.CreateVAParams{
		VirtualAccountName: "Budi Santoso",
		TrxID:              "order-1001",
		TotalAmount:        &amount,
		AdditionalInfo:     snap.CreateVAAddition{ChannelCode: snap.VAChannelBRI},
	})
	if err != nil {
		log.Fatal(err)
	}
	va := resp.VirtualAccountData
	fmt.Println(resp.ResponseCode, va.TrxID, va.AdditionalInfo.Status, va.TotalAmount)

	// The customer transfers; Xendit calls back.
	if err := fake.PaySNAPVA(ctx, va.TrxID, amount.Value); err != nil {
		log.Fatal(err)
	}
	p := <-paid
	fmt.Println(p.TrxID, p.AdditionalInfo.Status, p.PaidAmount)

	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: "order-1001",
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAChannelBRI}})
	var se *snap.Error
	if errors.As(err, &se) {
		fmt.Println(se.ResponseCode, se.Case, errors.Is(err, xendit.ErrDuplicate))
	}
	// Output:
	// 2002700 order-1001 ACTIVE IDR 150000.00
	// order-1001 SUCCEEDED IDR 150000.00
	// 4092701 01 true
}

// Generate a one-time QRIS code and read its status.
func ExampleClient_CreateQR() {
	ctx := context.Background()
	fake := xendittest.NewServer()
	defer fake.Close()
	client, _ := fake.Client()
	signer, _ := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	sc, _ := snap.New(client, xendittest.SNAPPartnerID, signer)

	amount := snap.IDR(25000)
	qr, err := sc.CreateQR(ctx, &snap.CreateQRParams{
		PartnerReferenceNo: xendit.Ptr("table-7-bill-42"),
		Amount:             &amount,
		AdditionalInfo:     snap.CreateQRAddition{Reusability: snap.ReusabilityOneTimeUse},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(qr.ResponseCode, qr.QRContent != "")

	st, err := sc.InquireQR(ctx, snap.PartnerReferenceNo("table-7-bill-42"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.ServiceCode, st.LatestTransactionStatus, st.Amount)
	// Output:
	// 2004700 true
	// 47 03 IDR 25000.00
}

// Sign with HMAC-SHA512 instead, if Xendit tells you to.
func ExampleNewHMACSigner() {
	signer, err := snap.NewHMACSigner("your-client-secret")
	if err != nil {
		log.Fatal(err)
	}
	sig, _ := signer.Sign(context.Background(), snap.SigningInput{
		Method: "POST", Path: "/snap/v1.0/qr/qr-mpm-query",
		Body:      []byte(`{"serviceCode":"47","originalPartnerReferenceNo":"table-7-bill-42"}`),
		Timestamp: "2024-05-01T10:00:00+07:00",
	})
	fmt.Println(len(sig), signer)
	// Output: 88 snap.HMACSigner{secret: redacted}
}

// Receive SNAP callbacks on several replicas: the root handler's options,
// such as a shared dedupe store, pass through WithHandlerOptions.
func ExampleNewCallbackHandler() {
	verifier, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM)) // Xendit's public key
	if err != nil {
		log.Fatal(err)
	}
	store, err := xendit.NewMemoryDedupeStore(10_000) // a redisstore.Store across replicas
	if err != nil {
		log.Fatal(err)
	}
	h, err := snap.NewCallbackHandler(verifier, func(_ context.Context, cb *snap.Callback) error {
		switch {
		case cb.VAPayment != nil && cb.VAPayment.AdditionalInfo.Status.Succeeded():
			fmt.Println("VA paid:", cb.VAPayment.TrxID, cb.VAPayment.PaidAmount)
		case cb.Payment != nil && cb.Payment.LatestTransactionStatus.Succeeded():
			fmt.Println(cb.Type, "paid:", cb.Payment.OriginalPartnerReferenceNo, cb.Payment.Amount)
		}
		return nil
	}, snap.WithHandlerOptions(xendit.WithDedupeStore(store)))
	if err != nil {
		log.Fatal(err)
	}
	_ = h // http.Handle("/callbacks/snap", h)
}

// Debit a linked account, confirm the OTP, and refund part of the payment.
func ExampleClient_CreateDirectDebit() {
	ctx := context.Background()
	fake := xendittest.NewServer()
	defer fake.Close()
	client, _ := fake.Client()
	signer, _ := snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM))
	sc, _ := snap.New(client, xendittest.SNAPPartnerID, signer)

	link, err := sc.CreateAccountBinding(ctx, &snap.CreateAccountBindingParams{
		PartnerReferenceNo: xendit.Ptr("link-1"), PhoneNo: xendit.Ptr("+62818555988"),
		AdditionalData: &snap.BindingCustomer{UserID: "cust-1", Email: xendit.Ptr("budi@example.com")},
		AdditionalInfo: snap.BindingAddition{PayMethod: snap.PayMethodDirectDebit, PayOption: snap.PayOptionBRI,
			Reusability:       xendit.Ptr(snap.ReusabilityMultipleUse),
			ChannelProperties: &snap.ChannelProperties{CardLastFour: xendit.Ptr("8888"), CardExpiry: xendit.Ptr("06/30")}},
	})
	if err != nil {
		log.Fatal(err)
	}
	pm := link.AdditionalInfo.PaymentMethod
	if _, err := sc.VerifyOTP(ctx, pm.ID, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypeBinding}); err != nil {
		log.Fatal(err)
	}

	debit, err := sc.CreateDirectDebit(ctx, &snap.CreateDirectDebitParams{
		PartnerReferenceNo: "order-77", Amount: snap.IDR(2_500_000),
		AdditionalInfo: snap.DirectDebitAddition{CustomerID: "cust-1", PaymentMethodID: &pm.ID},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(debit.AdditionalInfo.Actions[0].Action) // BRI asks for an OTP above IDR 1,000,000
	if _, err := sc.VerifyOTP(ctx, debit.ReferenceNo, &snap.VerifyOTPParams{OTP: xendittest.SNAPTestOTP, Type: snap.OTPTypePayment}); err != nil {
		log.Fatal(err)
	}
	st, err := sc.InquireDirectDebit(ctx, snap.PartnerReferenceNo("order-77"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.LatestTransactionStatus.Succeeded())

	part := snap.IDR(500_000)
	refund, err := sc.RefundDirectDebit(ctx, snap.ReferenceNo(debit.ReferenceNo), &snap.RefundDirectDebitParams{RefundAmount: &part})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(refund.RefundAmount, refund.AdditionalInfo.Status.Succeeded())
	// Output:
	// AUTH
	// true
	// IDR 500000.00 true
}
