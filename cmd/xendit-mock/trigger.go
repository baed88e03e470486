package main

import (
	"bytes"
	"context"
	"crypto/rsa"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/uuid"

	"github.com/seed19b1029f/xendit-go/snap"
)

// triggerFlags is what trigger was asked to send.
type triggerFlags struct {
	url, token, webhookID, id string
	sets                      repeated
	repeat                    int
	snapKeyFile, partnerID    string
	timeout                   time.Duration
	list, print               bool
}

// trigger sends one webhook to -url the way Xendit does, and fails unless
// the receiver answers 2xx.
func trigger(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f triggerFlags
	fs := flag.NewFlagSet("xendit-mock trigger", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: xendit-mock trigger <event> -url URL [flags]\n       xendit-mock trigger -list\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&f.url, "url", "", "the receiver's `URL`")
	fs.StringVar(&f.token, "token", defaultCallbackToken, "x-callback-token to send (default the fake's test token)")
	fs.StringVar(&f.webhookID, "webhook-id", "", "webhook-id to send (default a fresh one)")
	fs.StringVar(&f.id, "id", "", "the object's `id` in the payload (e.g. data.id of an eWallet charge)")
	fs.Var(&f.sets, "set", "`field=value` to change in the payload, e.g. amount=20000 or data.status=FAILED (repeatable)")
	fs.IntVar(&f.repeat, "repeat", 1, "deliver `n` times with the same webhook-id and body, as Xendit's redeliveries do, to test deduplication")
	fs.StringVar(&f.snapKeyFile, "snap-key", "", "PEM `file` of the RSA key to sign SNAP callbacks with (default the fake's stand-in for Xendit's, whose public half serve prints)")
	fs.StringVar(&f.partnerID, "partner-id", snapPartnerID, "X-PARTNER-ID of SNAP callbacks")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "how long to wait for each answer (Xendit waits 30 s)")
	fs.BoolVar(&f.list, "list", false, "list the events and where the reference documents them")
	fs.BoolVar(&f.print, "print", false, "print the payload instead of sending it")
	var name string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			return usageStatus(err)
		}
		if fs.NArg() == 0 {
			break
		}
		if name != "" {
			fmt.Fprintf(stderr, "xendit-mock trigger: one event at a time (got %q and %q)\n", name, fs.Arg(0))
			return 2
		}
		name, rest = fs.Arg(0), fs.Args()[1:]
	}
	if f.list {
		listEvents(stdout)
		return 0
	}
	if err := f.check(name); err != nil {
		fmt.Fprintf(stderr, "xendit-mock trigger: %v\n", err)
		return 2
	}
	e, err := findEvent(name)
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock trigger: %v\n", err)
		return 2
	}
	body, err := f.body(e)
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock trigger: %v\n", err)
		return 2
	}
	if f.print {
		fmt.Fprintf(stdout, "%s\n", body)
		return 0
	}
	var key *rsa.PrivateKey
	if e.signed() {
		if key, err = f.snapKey(); err != nil {
			fmt.Fprintf(stderr, "xendit-mock trigger: -snap-key: %v\n", err)
			return 2
		}
	}
	status := 0
	for range f.repeat {
		if !f.deliver(ctx, e, body, key, stdout, stderr) {
			status = 1
		}
	}
	return status
}

func (f *triggerFlags) check(name string) error {
	if f.webhookID == "" {
		f.webhookID = "xendit-mock-" + uuid.NewString()
	}
	switch {
	case name == "":
		return fmt.Errorf("which event? (trigger -list lists them)")
	case f.print:
		return nil
	case f.url == "":
		return fmt.Errorf("-url is required")
	case f.repeat < 1:
		return fmt.Errorf("-repeat must be at least 1")
	}
	u, err := url.Parse(f.url)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("-url %q is not an http(s) URL", f.url)
	}
	return nil
}

// body is the event's payload with the flags' changes. A SNAP callback's
// "headers" object, which the reference's examples show inside the body,
// repeats the HTTP headers sent with it.
func (f *triggerFlags) body(e event) ([]byte, error) {
	p, err := e.payload()
	if err != nil {
		return nil, err
	}
	if f.id != "" {
		paths := idPaths(p)
		if len(paths) == 0 {
			return nil, fmt.Errorf("-id: the %s payload has no id field; use -set", e.name)
		}
		for _, path := range paths {
			if err := setField(p, path, f.id); err != nil {
				return nil, err
			}
		}
	}
	for _, s := range f.sets {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return nil, fmt.Errorf("-set %q: want field=value", s)
		}
		if err := setField(p, k, v); err != nil {
			return nil, err
		}
	}
	if h, ok := p["headers"].(map[string]any); ok && e.signed() {
		h["x-partner-id"], h["x-external-id"], h["channel-id"] = f.partnerID, f.webhookID, "XENDIT"
	}
	return encodeJSON(p)
}

func (f *triggerFlags) snapKey() (*rsa.PrivateKey, error) {
	pemKey := []byte(snapXenditPrivateKey)
	if f.snapKeyFile != "" {
		var err error
		if pemKey, err = os.ReadFile(f.snapKeyFile); err != nil {
			return nil, err
		}
	}
	return snap.ParseRSAPrivateKey(pemKey)
}

// deliver makes one delivery and reports whether the receiver answered 2xx.
func (f *triggerFlags) deliver(ctx context.Context, e event, body []byte, key *rsa.PrivateKey, stdout, stderr io.Writer) bool {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.url, bytes.NewReader(body))
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock trigger: %v\n", err)
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("webhook-id", f.webhookID)
	if key == nil {
		req.Header.Set("x-callback-token", f.token)
	} else {
		ts := time.Now().In(wib).Format(snapTimestampLayout)
		sig, err := signSNAP(key, req.URL.RequestURI(), body, ts)
		if err != nil {
			fmt.Fprintf(stderr, "xendit-mock trigger: signing: %v\n", err)
			return false
		}
		req.Header.Set("X-TIMESTAMP", ts)
		req.Header.Set("X-SIGNATURE", sig)
		req.Header.Set("X-PARTNER-ID", f.partnerID)
		req.Header.Set("X-EXTERNAL-ID", f.webhookID)
		req.Header.Set("CHANNEL-ID", "XENDIT")
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "xendit-mock trigger: %s webhook-id %s: %v\n", e.name, f.webhookID, err)
		return false
	}
	defer resp.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
	fmt.Fprintf(stdout, "%s webhook-id %s: %s\n", e.name, f.webhookID, resp.Status)
	if resp.StatusCode/100 != 2 {
		fmt.Fprintf(stderr, "xendit-mock trigger: the receiver answered %s: %s\n", resp.Status, bytes.TrimSpace(answer))
		return false
	}
	return true
}

// noRedirects reports a redirect as the receiver's answer, a non-2xx one,
// instead of following it: a webhook URL that redirects loses its POST.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func listEvents(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EVENT\tSIGNED BY\tREFERENCE\tEXAMPLE AT")
	for _, e := range catalog() {
		sig := "x-callback-token"
		if e.signed() {
			sig = "X-SIGNATURE"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.name, sig, e.webhook.Title, e.source)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nNotes:")
	for _, e := range catalog() {
		if e.note != "" {
			fmt.Fprintf(w, "  %s: %s\n", e.name, e.note)
		}
	}
}
