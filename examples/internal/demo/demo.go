// Package demo holds what the example programs share: a client for real
// Xendit or for an in-process fake, and printing steps and errors the way a
// newcomer reads them. examples/quickstart spells each of these out.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http/httptest"
	"os"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Connect returns a client for real Xendit when XENDIT_SECRET_KEY is set, and
// then a nil server; else a client for an in-process fake, which the caller
// closes when done.
func Connect(opts ...xendit.Option) (*xendit.Client, *xendittest.Server) {
	if os.Getenv(xendit.EnvSecretKey) != "" {
		client, err := xendit.NewFromEnv(opts...)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("Using Xendit at %s with the key in %s.\n", client.BaseURL(), xendit.EnvSecretKey)
		return client, nil
	}
	fake := xendittest.NewServer()
	client, err := fake.Client(opts...)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s is not set, so this runs against a fake Xendit (nothing leaves this machine).\n", xendit.EnvSecretKey)
	return client, fake
}

// Step prints the heading of the next step.
func Step(s string) { fmt.Println("\n" + s) }

// Explain prints an error the way an application would inspect it.
func Explain(err error) {
	var (
		invalid *xendit.ValidationError
		apiErr  *xendit.Error
	)
	switch {
	case err == nil:
		fmt.Println("   No error.")
	case errors.As(err, &invalid):
		fmt.Printf("   Rejected before sending: field %q %s.\n", invalid.Field, invalid.Reason)
	case errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s (request id %s).\n", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	default:
		fmt.Printf("   The call failed: %v\n", err)
	}
}

// ConnectSNAP returns a SNAP client: for real Xendit when XENDIT_SECRET_KEY
// is set (with XENDIT_SNAP_CLIENT_ID and XENDIT_SNAP_PRIVATE_KEY), else for
// an in-process fake that checks signatures with its test key.
func ConnectSNAP() (*snap.Client, *xendittest.Server) {
	client, fake := Connect()
	var (
		sc  *snap.Client
		err error
	)
	if fake != nil {
		var signer *snap.RSASigner
		if signer, err = snap.NewRSASignerPEM([]byte(xendittest.SNAPMerchantPrivateKeyPEM)); err == nil {
			sc, err = snap.New(client, xendittest.SNAPPartnerID, signer)
		}
	} else {
		sc, err = snap.NewFromEnv(client)
	}
	if err != nil {
		log.Fatal(err)
	}
	return sc, fake
}

// Listen starts a local webhook endpoint on the SDK's handler (token check,
// webhook-id dedupe), points the fake's callbacks at it, and
// hands each payload, decoded into T, to the returned channel. The endpoint
// lives until the program exits.
func Listen[T any](fake *xendittest.Server) <-chan *T {
	out := make(chan *T, 4)
	h, err := xendit.NewWebhookHandler(func(_ context.Context, e *xendit.WebhookEvent) error {
		var payload T
		if err := e.Decode(&payload); err != nil {
			return err
		}
		out <- &payload
		return nil
	}, xendit.WithCallbackTokens(xendittest.CallbackToken))
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h)
	fake.SetCallbacks("", xendittest.Callbacks{URL: receiver.URL, Token: xendittest.CallbackToken})
	return out
}
