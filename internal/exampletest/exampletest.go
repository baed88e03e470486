// Package exampletest runs the example programs in their tests as a
// newcomer would run them: no key, no network.
package exampletest

import (
	"io"
	"os"
	"testing"
)

// Run calls main with XENDIT_SECRET_KEY unset, so the example uses its
// in-process fake Xendit, and returns what it printed on stdout.
func Run(t *testing.T, main func()) string {
	t.Helper()
	t.Setenv("XENDIT_SECRET_KEY", "")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	defer func() { os.Stdout = stdout }()
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	main()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return <-done
}
