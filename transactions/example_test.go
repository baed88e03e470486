package transactions_test

import (
	"context"
	"fmt"
	"log"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	srv := xendittest.NewServer() // a fake Xendit; use xendit.New(secretKey) for the real one
	defer srv.Close()
	srv.SeedTransactions(5)
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	// All fetches pages of two as the loop goes; Currency is required
	// because Xendit would otherwise list IDR transactions only.
	for tx, err := range transactions.New(client).All(context.Background(), &transactions.ListParams{
		Currency: xendit.CurrencyIDR,
		Statuses: []transactions.Status{transactions.StatusSuccess},
		Limit:    xendit.Ptr(2),
	}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tx.ID, tx.Amount)
	}
	// Output:
	// txn_seed_0005 5000
	// txn_seed_0004 4000
	// txn_seed_0003 3000
	// txn_seed_0002 2000
	// txn_seed_0001 1000
}
