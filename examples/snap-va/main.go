// Snap-va creates a closed BI SNAP virtual account, receives the signed
// snap_virtual_account.payment callback when it is paid, and shows a retry
// after a 503 resending the same signed request.
//
//	go run ./examples/snap-va
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// checks the SNAP headers and signature, plays the bank transfer and signs
// its callback. With a test-mode key, set XENDIT_SNAP_CLIENT_ID (your
// Client ID, sent as X-PARTNER-ID) and XENDIT_SNAP_PRIVATE_KEY (the PEM key
// whose public half is registered with Xendit) or XENDIT_SNAP_PRIVATE_KEY_FILE
// (its file); the callback then goes to your Dashboard's URL, which this
// program cannot receive.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"os"
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
	if fake != nil {
		defer fake.Close()
	}

	trxID := fmt.Sprintf("order-%d", time.Now().Unix())
	fmt.Println("\n1. Create a MANDIRI VA for exactly IDR 150,000, trxId " + trxID)
	amount := snap.IDR(150000)
	var meta xendit.Response
	resp, err := sc.CreateVA(ctx, &snap.CreateVAParams{
		VirtualAccountName: "Budi Santoso", TrxID: trxID, TotalAmount: &amount,
		FreeTexts:      []snap.FreeText{{English: "Order " + trxID, Indonesia: "Pesanan " + trxID}},
		ExpiredDate:    snap.At(time.Now().Add(24 * time.Hour)),
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAMandiri},
	}, xendit.CaptureResponse(&meta))
	if err != nil {
		explain(err)
		os.Exit(1)
	}
	va := resp.VirtualAccountData
	fmt.Printf("   %s %s: pay %s to VA %s (X-EXTERNAL-ID %s).\n", resp.ResponseCode, va.AdditionalInfo.Status,
		va.TotalAmount, va.VirtualAccountNo, meta.IdempotencyKey)

	fmt.Println("\n2. The same trxId again is a duplicate")
	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: trxID,
		TotalAmount: &amount, AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VAMandiri}})
	explain(err)

	if fake == nil {
		fmt.Println("\nDone. Xendit calls your Dashboard's callback URL when the VA is paid.")
		return
	}
	paid := listen(fake)

	fmt.Println("\n3. The customer transfers; Xendit calls back, signed")
	if err := fake.PaySNAPVA(ctx, trxID, amount.Value); err != nil {
		log.Fatal(err)
	}
	p := <-paid
	fmt.Printf("   Callback verified: %s paid %s, payment %s is %s.\n", p.TrxID, p.PaidAmount,
		p.AdditionalInfo.PaymentID, p.AdditionalInfo.Status)

	fmt.Println("\n4. A 503 on create is retried with the same X-EXTERNAL-ID, X-TIMESTAMP and X-SIGNATURE")
	fake.InjectFault(xendittest.Fault{Path: "/snap/v1.0/transfer-va/create-va", Status: 503})
	_, err = sc.CreateVA(ctx, &snap.CreateVAParams{VirtualAccountName: "Budi Santoso", TrxID: trxID + "-2",
		AdditionalInfo: snap.CreateVAAddition{ChannelCode: snap.VABRI, Reusability: snap.MultipleUse}},
		xendit.CaptureResponse(&meta))
	explain(err)
	reqs := fake.Requests()
	a, b := reqs[len(reqs)-2].Header, reqs[len(reqs)-1].Header
	fmt.Printf("   Sent %d times; same headers on both: %v.\n", meta.Attempts,
		a.Get("X-EXTERNAL-ID") == b.Get("X-EXTERNAL-ID") && a.Get("X-SIGNATURE") == b.Get("X-SIGNATURE") &&
			a.Get("X-TIMESTAMP") == b.Get("X-TIMESTAMP"))
}

// listen starts a SNAP callback endpoint that verifies Xendit's signature
// and points the fake's callbacks at it.
func listen(fake *xendittest.Server) <-chan *snap.VAPayment {
	out := make(chan *snap.VAPayment, 1)
	verifier, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM))
	if err != nil {
		log.Fatal(err)
	}
	h, err := snap.NewCallbackHandler(verifier, func(_ context.Context, cb *snap.Callback) error {
		if cb.Type == snap.EventVAPayment {
			out <- cb.VAPayment
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h) // closed when the program exits
	fake.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL + "/callbacks/snap"})
	return out
}

// explain prints an error the way an application would inspect it.
func explain(err error) {
	var se *snap.Error
	switch {
	case err == nil:
		fmt.Println("   No error.")
	case errors.As(err, &se):
		fmt.Printf("   Xendit answered %d %s (service %s, case %s): %s; duplicate: %v.\n", se.StatusCode,
			se.ResponseCode, se.Service, se.Case, se.ResponseMessage, errors.Is(err, xendit.ErrDuplicate))
	default:
		fmt.Printf("   The call failed: %v\n", err)
	}
}
