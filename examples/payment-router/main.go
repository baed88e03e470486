// Payment-router is a small payment router: three orders of IDR 50,000,
// the first collected by a BNI virtual account, the second by a QRIS code,
// the third by an Alfamart payment code. Every channel's callbacks come to
// one webhook endpoint, where the SDK's handler checks x-callback-token and
// drops webhook-ids it has processed; the router (router.go) then asks each
// product's ParseCallback whose callback it is and matches the payment back
// to its order by the external_id or reference_id the order gave it. A
// redelivered callback is not applied twice, and a forged one is refused.
//
//	go run ./examples/payment-router
//
// Without XENDIT_SECRET_KEY it runs against an in-process fake Xendit that
// sends the callbacks to the local endpoint and plays the customer at the
// Alfamart cashier. With a test-mode key it creates the three at Xendit
// and simulates the virtual account and QR payments; Xendit then sends the
// callbacks to the URLs set in your Dashboard, which this program cannot
// receive (point them all at one endpoint serving [Router.Handle]).
package main

import (
	"context"
	"fmt"
	"log"
	"net/http/httptest"
	"os"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

const amount = 50000.0

func main() {
	ctx, client, fake, stop := demo.Start()
	defer stop()
	router := NewRouter()

	// One endpoint for every channel. The in-memory store forgets on
	// restart; several replicas share a redisstore instead.
	store, err := xendit.NewMemoryDedupeStore(10_000)
	if err != nil {
		log.Fatal(err)
	}
	handler, err := xendit.NewWebhookHandler(router.Handle,
		xendit.WithCallbackTokens(xendittest.CallbackToken), xendit.WithDedupeStore(store))
	if err != nil {
		log.Fatal(err)
	}
	var endpoint string
	if fake != nil {
		receiver := httptest.NewServer(handler)
		defer receiver.Close()
		endpoint = receiver.URL
		// As one callback URL for every product in the Dashboard.
		fake.SetCallbacks("", xendittest.Callbacks{URL: endpoint, Token: xendittest.CallbackToken})
	}

	// Each order and each attempt at collecting it are recorded before the
	// create: the callback names the attempt, and may come first.
	base := fmt.Sprintf("order-%d", time.Now().Unix())
	orders := [3]string{base + "-1", base + "-2", base + "-3"}
	for _, o := range orders {
		router.AddOrder(o, amount)
	}
	vaAttempt, qrAttempt, roAttempt := orders[0]+"-va-1", orders[1]+"-qr-1", orders[2]+"-ro-1"
	router.Attempt(orders[0], vaAttempt)
	router.Attempt(orders[1], qrAttempt)
	router.Attempt(orders[2], roAttempt)

	demo.Step("1. Offer each order on its channel")
	vas, qrs, ros := virtualaccounts.New(client), qrcodes.New(client), retailoutlets.New(client)
	va, err := vas.CreateVirtualAccount(ctx, &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: vaAttempt, BankCode: virtualaccounts.BankBNI, Name: "Michael Chen",
		IsClosed: xendit.Ptr(true), IsSingleUse: xendit.Ptr(true), ExpectedAmount: xendit.Ptr(amount),
	})
	exitOn(err)
	fmt.Printf("   %s: transfer IDR 50,000 to BNI %s.\n", orders[0], va.AccountNumber)
	qr, err := qrs.CreateQRCode(ctx, &qrcodes.CreateQRCodeParams{
		ReferenceID: qrAttempt, Type: qrcodes.QRCodeTypeDynamic, Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(amount),
	})
	exitOn(err)
	fmt.Printf("   %s: scan QR code %s.\n", orders[1], qr.ID)
	code, err := ros.CreateFixedPaymentCode(ctx, &retailoutlets.CreateFixedPaymentCodeParams{
		ExternalID: roAttempt, RetailOutletName: retailoutlets.RetailOutletNameAlfamart,
		Name: "Rika Sutanto", ExpectedAmount: amount, IsSingleUse: xendit.Ptr(true),
	})
	exitOn(err)
	fmt.Printf("   %s: pay code %s at any Alfamart.\n", orders[2], code.PaymentCode)
	waitCallbacks(ctx, fake)

	demo.Step("2. The customers pay (simulated); each callback finds its order")
	_, err = vas.SimulatePayment(ctx, vaAttempt, &virtualaccounts.SimulatePaymentParams{Amount: amount})
	exitOn(err)
	waitCallbacks(ctx, fake)
	_, err = qrs.SimulatePayment(ctx, qr.ID, nil)
	exitOn(err)
	waitCallbacks(ctx, fake)
	if fake == nil {
		fmt.Println("\nDone. Xendit will call your Dashboard's callback URLs; the Alfamart code waits for a customer.")
		return
	}
	if err := fake.PayFixedPaymentCode(code.ID, 0); err != nil {
		log.Fatal(err)
	}
	waitCallbacks(ctx, fake)
	handled := router.Handled()
	fmt.Printf("   %d callbacks handled.\n", handled)

	demo.Step("3. Xendit delivers the last payment again (its 200 was lost): same webhook-id, not applied again")
	deliveries := fake.Deliveries("")
	last := deliveries[len(deliveries)-1]
	status, err := xendittest.Webhook{Token: xendittest.CallbackToken, ID: last.WebhookID, Payload: last.Body}.Send(ctx, nil, endpoint)
	exitOn(err)
	fmt.Printf("   Answered %d; callbacks handled: %d (was %d).\n", status, router.Handled(), handled)

	demo.Step("4. A callback without the account's x-callback-token is refused")
	status, err = xendittest.NewWebhook("not-the-token", last.Body).Send(ctx, nil, endpoint)
	exitOn(err)
	fmt.Printf("   Answered %d; callbacks handled: %d.\n", status, router.Handled())

	demo.Step("5. The orders")
	fmt.Print(router.Ledger())
}

// waitCallbacks waits until the fake has delivered every callback so far,
// so that the output follows the steps.
func waitCallbacks(ctx context.Context, fake *xendittest.Server) {
	if fake == nil {
		return
	}
	if err := fake.WaitDeliveries(ctx, ""); err != nil {
		log.Fatal(err)
	}
}

func exitOn(err error) {
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
}
