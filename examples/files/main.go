// Files uploads a document to Xendit as it is being generated, reads its
// details, downloads it again and checks that the bytes match, then deletes
// it. Neither direction holds the file in memory.
//
//	go run ./examples/files
//
// With XENDIT_SECRET_KEY set it talks to Xendit (use a test-mode key, which
// starts with xnd_development_). Without it, it starts an in-process fake
// Xendit from the xendittest package, so it runs offline with no account.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"strings"
	"time"

	"github.com/seed19b1029f/xendit-go/examples/internal/demo"
	"github.com/seed19b1029f/xendit-go/files"
)

func main() {
	ctx, client, _, stop := demo.Start()
	defer stop()
	api := files.New(client)

	demo.Step("1. Upload a delivery receipt while it is being generated")
	// The document is written into a pipe and streamed to Xendit as it
	// comes; a SHA-256 of what was sent is taken on the way.
	sent := sha256.New()
	file, err := api.Upload(ctx, &files.UploadParams{
		Purpose:  files.PurposeChargebackEvidence,
		Filename: "delivery-receipt.pdf",
		Reader:   io.TeeReader(generate(4000), sent),
	})
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Uploaded as %s.\n", file.ID)
	fmt.Println("   A plain io.Reader can be read only once, so this upload is never retried;")
	fmt.Println("   give an *os.File or an Open function to let the SDK retry it.")

	demo.Step("2. Read the file's details")
	info, err := api.Get(ctx, file.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   %s: %s, %s, %d bytes, created %s.\n", info.ID, info.Purpose, info.Type, info.Size,
		info.Created.Format(time.RFC3339))

	demo.Step("3. Download it and compare checksums")
	got := sha256.New()
	n, err := api.DownloadTo(ctx, file.ID, got) // any io.Writer: a file, an HTTP response
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Downloaded %d bytes.\n", n)
	fmt.Printf("   SHA-256 sent:       %s\n", sum(sent))
	fmt.Printf("   SHA-256 downloaded: %s\n", sum(got))
	if sum(sent) == sum(got) {
		fmt.Println("   The checksums match: the file came back byte for byte.")
	} else {
		fmt.Println("   The checksums differ!")
	}

	demo.Step("4. A type Xendit does not take is refused before sending")
	_, err = api.Upload(ctx, &files.UploadParams{
		Purpose: files.PurposeChargebackEvidence, Filename: "photo.gif", Reader: strings.NewReader("GIF89a"),
	})
	demo.Explain(err)

	demo.Step("5. Delete the file")
	del, err := api.Delete(ctx, file.ID)
	if err != nil {
		demo.Explain(err)
		os.Exit(1)
	}
	fmt.Printf("   Deleted %s: %t.\n", del.ID, del.IsDeleted)
	_, err = api.Get(ctx, file.ID)
	demo.Explain(err)
	fmt.Println("\nDone.")
}

// generate returns a reader of a PDF-like document of the given number of
// lines, written by another goroutine as it is read.
func generate(lines int) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		fmt.Fprintln(w, "%PDF-1.4") // the first bytes say what the file is
		for i := 1; i <= lines; i++ {
			fmt.Fprintf(w, "%% delivery receipt line %05d: parcel handed to the customer, signed\n", i)
		}
		_, _ = io.WriteString(w, "%%EOF\n")
		pw.CloseWithError(w.Flush())
	}()
	return pr
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
