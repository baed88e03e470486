package files_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/seed19b1029f/xendit-go/files"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func Example() {
	srv := xendittest.NewServer() // a fake Xendit; use xendit.New(secretKey) for the real one
	defer srv.Close()
	client, err := srv.Client()
	if err != nil {
		log.Fatal(err)
	}
	api := files.New(client)
	ctx := context.Background()

	// Any io.Reader works; an *os.File or a *bytes.Reader can be re-read if
	// the upload has to be retried.
	f, err := api.Upload(ctx, &files.UploadParams{
		Purpose:  files.PurposeChargebackEvidence,
		Filename: "receipt.pdf",
		Reader:   strings.NewReader("%PDF-1.4 receipt"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Purpose, f.Type, f.Size)

	// The download streams to the writer.
	if _, err := api.DownloadTo(ctx, f.ID, os.Stdout); err != nil {
		log.Fatal(err)
	}
	fmt.Println()
	// Output:
	// CHARGEBACK_EVIDENCE application/pdf 16
	// %PDF-1.4 receipt
}
