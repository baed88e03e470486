package reports_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/reports"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	srv := xendittest.NewServer() // a fake Xendit; use xendit.New(secretKey) for the real one
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	api := reports.New(client)
	to := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	r, err := api.Generate(context.Background(), &reports.GenerateParams{
		Type:     reports.TypeBalanceHistory,
		Filter:   reports.Filter{From: xendit.Time{Time: to.AddDate(0, 0, -7)}, To: xendit.Time{Time: to}},
		Currency: "IDR",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Status)

	// In production, prefer the reports.completed webhook to polling.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	done, err := api.Wait(ctx, r.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(done.Status, done.URL != "")
	// Output:
	// PENDING
	// COMPLETED true
}
