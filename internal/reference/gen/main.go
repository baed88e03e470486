// Command gen writes package reference's data files from the API
// reference's inventory and Xendit's OpenAPI files of the unified payments
// API:
//
//	go generate ./internal/reference
//
// runs it from internal/reference with the inventory and the OpenAPI files
// of the repository's sibling directory ../shared. It replaces every file in -out.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/seed19b1029f/xendit-go/internal/reference/internal/build"
)

func main() {
	in := flag.String("in", "../../../shared/reference/inventory", "the inventory directory (endpoints-*.json, examples/)")
	openapi := flag.String("openapi", "../../../shared/reference/openapi", "the directory of Xendit's OpenAPI files")
	out := flag.String("out", "data", "the directory of the data files")
	flag.Parse()
	if err := run(*in, *openapi, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(in, openapi, out string) error {
	files, err := build.Generate(in, openapi)
	if err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(out, "*.json"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return err
		}
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
