// Transactions walks the ledger of an account: every payment, refund and
// disbursement, one page at a time, fetched only as the loop needs it.
//
//	go run ./examples/transactions
//
// With XENDIT_SECRET_KEY set it reads your account at Xendit (use a
// test-mode key, which starts with xnd_development_); it only reads. Without
// it, it starts an in-process fake Xendit from the xendittest package, fills
// it with a few transactions, and runs offline.
package main

import (
	"fmt"
	"net/http"
	"os"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// maxShown bounds each listing: a real account may hold thousands.
const maxShown = 12

func main() {
	pages := &pageLogger{next: http.DefaultTransport}
	ctx, client, fake, stop := demo.Start(xendit.WithHTTPClient(&http.Client{Transport: pages}))
	defer stop()
	if fake != nil {
		fake.SeedTransactions(7) // IDR payments of 1000 to 7000
		fake.AddTransactions(xendittest.Transaction{
			Currency: "PHP", Amount: 1250.50, ChannelCode: "GCASH", ReferenceID: "order-ph-0001",
		})
		fmt.Println("The fake holds 7 IDR payments and 1 PHP payment.")
	}
	api := transactions.New(client)

	demo.Step("1. Listing without a currency is refused before sending")
	_, err := api.List(ctx, &transactions.ListParams{})
	demo.Explain(err)
	fmt.Println("   (Xendit would list IDR only and silently leave out every other currency.)")

	demo.Step("2. Every successful IDR transaction, 3 per page")
	// All fetches the next page only when the loop has used up the last one.
	n := 0
	for tx, err := range api.All(ctx, &transactions.ListParams{
		Currency: xendit.CurrencyIDR,
		Statuses: []transactions.Status{transactions.StatusSuccess},
		Limit:    xendit.Ptr(3),
	}) {
		if err != nil {
			demo.Explain(err)
			os.Exit(1)
		}
		fmt.Printf("   %s  %-8s %s %9.2f  %s\n", tx.ID, tx.Type, tx.Currency, tx.Amount, tx.ReferenceID)
		if n++; n == maxShown {
			fmt.Printf("   (stopping at %d: a real account may hold many more)\n", maxShown)
			break
		}
	}
	fmt.Printf("   %d transactions in %d pages.\n", n, pages.reset())

	demo.Step("3. Stop early: later pages are never requested")
	n = 0
	for tx, err := range api.All(ctx, &transactions.ListParams{Currency: xendit.CurrencyIDR, Limit: xendit.Ptr(3)}) {
		if err != nil {
			demo.Explain(err)
			os.Exit(1)
		}
		fmt.Printf("   %s %9.2f\n", tx.ID, tx.Amount)
		if n++; n == 2 {
			break
		}
	}
	fmt.Printf("   Stopped after %d transactions; %d page(s) fetched.\n", n, pages.reset())

	demo.Step("4. Another currency must be asked for explicitly")
	n = 0
	for tx, err := range api.All(ctx, &transactions.ListParams{Currency: xendit.CurrencyPHP}) {
		if err != nil {
			demo.Explain(err)
			os.Exit(1)
		}
		fmt.Printf("   %s  %s %9.2f  %s via %s\n", tx.ID, tx.Currency, tx.Amount, tx.ReferenceID, tx.ChannelCode)
		if n++; n == maxShown {
			break
		}
	}
	fmt.Printf("   %d PHP transaction(s), none of which the IDR listing showed.\n", n)
	fmt.Println("\nDone.")
}

// pageLogger is an http.RoundTripper that prints each page request, to show
// when All fetches. It runs on the caller's goroutine, so its lines fall
// between the loop's own.
type pageLogger struct {
	next  http.RoundTripper
	pages int
}

func (p *pageLogger) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path == "/transactions" {
		p.pages++
		cursor := "the first page"
		if after := r.URL.Query().Get("after_id"); after != "" {
			cursor = "the page after " + after
		}
		fmt.Printf("   -> GET /transactions: fetching %s\n", cursor)
	}
	return p.next.RoundTrip(r)
}

func (p *pageLogger) reset() int {
	n := p.pages
	p.pages = 0
	return n
}
