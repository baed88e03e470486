// Package demo is the setup every example program shares, so that each
// example's main reads as the API flow it teaches: a client for real Xendit
// or for an in-process fake, a time limit, local endpoints for the fake's
// callbacks, and printing steps and errors the way a newcomer reads them.
//
// Read [Config.Start] to see how a program chooses between the two: with
// XENDIT_SECRET_KEY set it builds its client with [xendit.NewFromEnv];
// without it, it starts a [xendittest.Server] and uses its client.
package demo

import (
	"context"
	"errors"
	"fmt"
	"log"
	"maps"
	"net/http/httptest"
	"os"
	"sync"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/snap"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// Config says how an example starts. The zero value gives a minute and
// default options.
type Config struct {
	// Timeout bounds the whole program; 0 means a minute.
	Timeout time.Duration
	// Client are the options of the client, real or fake.
	Client []xendit.Option
	// Fake are the options of the fake, when there is one.
	Fake []xendittest.Option
}

// Start begins an example with [Config] c: a context that ends after the
// timeout, and a client for real Xendit when XENDIT_SECRET_KEY is set (the
// fake is then nil), else for an in-process fake. Defer stop: it closes the
// fake and ends the context.
func (c Config) Start() (ctx context.Context, client *xendit.Client, fake *xendittest.Server, stop func()) {
	timeout := c.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	client, fake = connect(c)
	return ctx, client, fake, func() {
		cancel()
		if fake != nil {
			fake.Close()
		}
	}
}

// Start is [Config.Start] with a minute and the client options opts.
func Start(opts ...xendit.Option) (context.Context, *xendit.Client, *xendittest.Server, func()) {
	return Config{Client: opts}.Start()
}

// StartSNAP is [Start] for a SNAP client: for real Xendit it also needs
// XENDIT_SNAP_CLIENT_ID and XENDIT_SNAP_PRIVATE_KEY (or
// XENDIT_SNAP_PRIVATE_KEY_FILE); the fake checks signatures with its test
// key.
func StartSNAP() (context.Context, *snap.Client, *xendittest.Server, func()) {
	ctx, client, fake, stop := Start()
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
		stop()
		log.Fatal(err)
	}
	return ctx, sc, fake, stop
}

func connect(c Config) (*xendit.Client, *xendittest.Server) {
	if os.Getenv(xendit.EnvSecretKey) != "" {
		client, err := xendit.NewFromEnv(c.Client...)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("Using Xendit at %s with the key in %s.\n", client.BaseURL(), xendit.EnvSecretKey)
		return client, nil
	}
	fake := xendittest.NewServer(c.Fake...)
	client, err := fake.Client(c.Client...)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s is not set, so this runs against a fake Xendit at %s (nothing leaves this machine).\n",
		xendit.EnvSecretKey, fake.URL)
	return client, fake
}

// CardTokens returns where an example's card tokens come from: with the
// fake, a new token each call, as Xendit.js would post it to your server;
// with real Xendit, the token a checkout page created with Xendit.js, from
// XENDIT_CARD_TOKEN_ID and XENDIT_CARD_AUTHENTICATION_ID.
func CardTokens(fake *xendittest.Server) func() cards.Tokenization {
	if fake != nil {
		return func() cards.Tokenization {
			t := fake.NewCardToken(xendittest.CardToken{})
			return cards.Tokenization{ID: t.ID, AuthenticationID: t.AuthenticationID}
		}
	}
	tok := cards.Tokenization{ID: os.Getenv("XENDIT_CARD_TOKEN_ID"), AuthenticationID: os.Getenv("XENDIT_CARD_AUTHENTICATION_ID")}
	if tok.ID == "" {
		log.Fatal("set XENDIT_CARD_TOKEN_ID (and XENDIT_CARD_AUTHENTICATION_ID) to a token Xendit.js created in a browser")
	}
	return func() cards.Tokenization { return tok }
}

// Step prints the heading of the next step.
func Step(s string) { fmt.Println("\n" + s) }

// Explain prints an error the way an application would inspect it.
func Explain(err error) {
	var (
		invalid *xendit.ValidationError
		snapErr *snap.Error
		apiErr  *xendit.Error
	)
	switch {
	case err == nil:
		fmt.Println("   No error.")
	case errors.As(err, &invalid):
		fmt.Printf("   Rejected before sending: field %q %s.\n", invalid.Field, invalid.Reason)
	case errors.As(err, &snapErr):
		fmt.Printf("   Xendit answered %d %s (service %s, case %s): %s; duplicate: %v.\n", snapErr.StatusCode,
			snapErr.ResponseCode, snapErr.Service, snapErr.Case, snapErr.ResponseMessage, errors.Is(err, xendit.ErrDuplicate))
	case errors.Is(err, xendit.ErrUnauthorized) && errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s. Check the secret key.\n", apiErr.StatusCode, apiErr.Code, apiErr.Message)
	case errors.As(err, &apiErr):
		fmt.Printf("   Xendit answered %d %s: %s (request id %s).\n", apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	default:
		fmt.Printf("   The call failed: %v\n", err)
	}
}

// Listen starts a local webhook endpoint on the SDK's handler (token check,
// webhook-id dedupe), points the fake's classic callbacks at it (SNAP's
// stay where [ListenSNAP] put them), and
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
	register(fake, func(c *xendittest.Callbacks) { c.URL, c.Token = receiver.URL, xendittest.CallbackToken })
	return out
}

// ListenSNAP starts a local SNAP callback endpoint that verifies the
// signature with the fake's Xendit public key, points the fake's SNAP
// callbacks at it (the others stay where [Listen] put them), and hands
// each callback to the returned channel. The
// endpoint lives until the program exits.
func ListenSNAP(fake *xendittest.Server) <-chan *snap.Callback {
	out := make(chan *snap.Callback, 4)
	verifier, err := snap.NewVerifierPEM([]byte(xendittest.SNAPXenditPublicKeyPEM))
	if err != nil {
		log.Fatal(err)
	}
	h, err := snap.NewCallbackHandler(verifier, func(_ context.Context, cb *snap.Callback) error {
		out <- cb
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	receiver := httptest.NewServer(h)
	register(fake, func(c *xendittest.Callbacks) { c.Products["snap"] = receiver.URL + "/callbacks/snap" })
	return out
}

// registered is each fake's callback settings as Listen and ListenSNAP
// left them: the fake's SetCallbacks replaces the whole setting, so each
// changes only its own part (the classic URL, the SNAP URL) and a program
// listening to both receives both.
var (
	registeredMu sync.Mutex
	registered   = make(map[*xendittest.Server]xendittest.Callbacks)
)

func register(fake *xendittest.Server, change func(*xendittest.Callbacks)) {
	registeredMu.Lock()
	defer registeredMu.Unlock()
	c := registered[fake]
	// A new map each time: the fake keeps the one it was given.
	c.Products = maps.Clone(c.Products)
	if c.Products == nil {
		c.Products = make(map[string]string)
	}
	change(&c)
	registered[fake] = c
	fake.SetCallbacks("", c)
}

// Await waits for the next value on ch, or ends the program after 10
// seconds: the fake delivers within milliseconds.
func Await[T any](ch <-chan T) T {
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		log.Fatal("nothing arrived within 10 seconds")
		var zero T
		return zero
	}
}
