// Command xendit-mock serves a fake Xendit API on a local port and sends
// Xendit's webhooks to a URL, for services written in any language: what
// stripe-mock and `stripe trigger` are to Stripe users.
//
//	go run github.com/seed19b1029f/xendit-go/cmd/xendit-mock@latest serve -addr 127.0.0.1:12111
//	go run github.com/seed19b1029f/xendit-go/cmd/xendit-mock@latest trigger ewallet.capture -url http://127.0.0.1:8000/hooks
//
// The server is the SDK's own fake (package xendittest): Basic Auth with a
// test key, state kept in memory for the endpoints it serves, Xendit's error
// objects, rate limits and callbacks. On top of it the command adds what a
// test of a remote service needs: fault injection by fraction of requests,
// a request log, a clean shutdown on SIGINT or SIGTERM.
//
// trigger sends one webhook the way Xendit does: the reference's example
// payload for the event, x-callback-token and webhook-id headers, or for
// BI SNAP notifications the X-SIGNATURE headers, signed with the fake's
// stand-in for Xendit's key. It exits non-zero when the receiver does not
// answer 2xx, so a CI step can rely on it.
//
// Run `xendit-mock serve -h` and `xendit-mock trigger -h` for the flags, and
// see docs/xendit-mock.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage:
  xendit-mock [serve] [flags]            serve the fake Xendit API (the default)
  xendit-mock trigger <event> [flags]    send one webhook to -url
  xendit-mock trigger -list              list the events trigger knows

Run a subcommand with -h for its flags.
`

// run runs the subcommand args name and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "serve":
			return serve(ctx, args[1:], stdout, stderr)
		case "trigger":
			return trigger(ctx, args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
		if args[0] != "" && args[0][0] != '-' {
			fmt.Fprintf(stderr, "xendit-mock: unknown command %q\n%s", args[0], usage)
			return 2
		}
	}
	return serve(ctx, args, stdout, stderr)
}

// usageStatus is the exit status after a flag error: 0 when the user asked
// for help (-h), 2 for a usage error.
func usageStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
