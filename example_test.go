package xendit_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/balance"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	srv := xendittest.NewServer() // a fake Xendit; drop WithBaseURL to call the real one
	defer srv.Close()
	srv.SetBalance(xendittest.Account{Currency: "IDR"}, 250_000)

	client, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL))
	if err != nil {
		fmt.Println(err)
		return
	}
	var resp xendit.Response
	bal, err := balance.New(client).Get(context.Background(), nil, xendit.CaptureResponse(&resp))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("IDR %.0f (request %s, %d attempt)\n", bal.Balance, resp.RequestID, resp.Attempts)
	// Output: IDR 250000 (request req_1, 1 attempt)
}

// An endpoint the SDK does not type yet goes through Client.Do, with the same
// auth, retries, rate limiting and errors.
func ExampleClient_Do() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":"inv_1","status":"PENDING","key":%q}`, r.Header.Get("X-IDEMPOTENCY-KEY"))
	}))
	defer srv.Close()
	client, _ := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL))

	createInvoice := xendit.Endpoint{
		ID: "invoices.create", Method: http.MethodPost, Path: "/v2/invoices",
		IdempotencyHeader: "X-IDEMPOTENCY-KEY", // makes the POST safe to retry
	}
	var invoice struct{ ID, Status, Key string }
	err := client.Do(context.Background(), &xendit.Request{
		Endpoint: createInvoice,
		Body:     map[string]any{"external_id": "order-1001", "amount": 150000},
		Options:  []xendit.RequestOption{xendit.WithIdempotencyKey("order-1001")},
	}, &invoice)
	fmt.Println(invoice.ID, invoice.Status, invoice.Key, err)
	// Output: inv_1 PENDING order-1001 <nil>
}

// Errors from the API are *xendit.Error values that also match categories.
func ExampleError() {
	srv := xendittest.NewServer()
	defer srv.Close()
	client, _ := xendit.New("xnd_development_revoked_key", xendit.WithBaseURL(srv.URL))

	_, err := balance.New(client).Get(context.Background(), nil)
	var xe *xendit.Error
	if errors.As(err, &xe) {
		fmt.Println(xe.StatusCode, xe.Code, errors.Is(err, xendit.ErrUnauthorized))
	}
	// Output: 401 INVALID_API_KEY true
}

// A xenPlatform master account acts for a sub-account on every call of one
// client, and for another sub-account on a single call.
func ExampleWithDefaults() {
	srv := xendittest.NewServer()
	defer srv.Close()
	srv.SetBalance(xendittest.Account{Currency: "IDR", ForUserID: "sub-a"}, 10)
	srv.SetBalance(xendittest.Account{Currency: "IDR", ForUserID: "sub-b"}, 20)
	client, _ := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(srv.URL),
		xendit.WithDefaults(xendit.ForUserID("sub-a")))

	a, _ := balance.New(client).Get(context.Background(), nil)
	b, _ := balance.New(client).Get(context.Background(), nil, xendit.ForUserID("sub-b"))
	fmt.Println(a.Balance, b.Balance)
	// Output: 10 20
}
