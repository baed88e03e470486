package xendittest

import (
	"bytes"
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Callbacks says where an account's webhooks go, as the Dashboard's
// webhook settings do. Set it with [Server.SetCallbacks].
type Callbacks struct {
	// URL receives every product's callbacks that Products does not send
	// elsewhere.
	URL string
	// Products maps a product to its own URL, as the Dashboard has one
	// field per product: "invoices", "ewallets", "paymentmethods",
	// "virtualaccounts", "qrcodes", "retailoutlets", "directdebit",
	// "paylater", "subscriptions", "payouts", "disbursements",
	// "ph_disbursements", "batch_disbursements", "remittance", "reports",
	// "snap", and "xenplatform" (a platform's account callbacks). Set Webhook URLs
	// (POST /callback_urls/{type}) fills it for the account it acts for.
	// Payout links send no callbacks.
	Products map[string]string
	// Token goes in x-callback-token of the classic (non-SNAP) callbacks;
	// empty means [CallbackToken]. SNAP callbacks are signed instead, with
	// the key whose public half is [SNAPXenditPublicKeyPEM].
	Token string
}

func (c Callbacks) url(product string) string {
	if u := c.Products[product]; u != "" {
		return u
	}
	return c.URL
}

// Delivery is one callback the server sent, or is still sending: Xendit
// redelivers a callback whose receiver does not answer 2xx, with the same
// webhook-id and body, on its schedule (see [WithRedeliverySchedule]).
type Delivery struct {
	// WebhookID is the webhook-id header, the same on every attempt.
	WebhookID string
	Product   string
	URL       string
	Header    http.Header // of the last attempt
	Body      []byte
	// Statuses are the statuses the receiver answered, one per attempt;
	// 0 is an attempt that got no answer.
	Statuses []int
	// Delivered is true once the receiver answered 2xx; Done once it did or
	// the server gave up.
	Delivered, Done bool
}

// XenditRedeliverySchedule is Xendit's documented retry schedule for a
// callback its receiver did not acknowledge: six retries, 15 minutes to 12
// hours apart, over 24 hours.
var XenditRedeliverySchedule = []time.Duration{
	15 * time.Minute, 45 * time.Minute, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
}

// defaultRedelivery is Xendit's schedule with a minute made 100µs: the same
// shape, 144 ms in all.
func defaultRedelivery() []time.Duration {
	out := make([]time.Duration, len(XenditRedeliverySchedule))
	for i, d := range XenditRedeliverySchedule {
		out[i] = d / time.Minute * 100 * time.Microsecond
	}
	return out
}

// deliverer sends every product's callbacks: per-account targets, token or
// SNAP signature, webhook-id, redelivery on the Server's clock.
type deliverer struct {
	clock    *clock
	ids      *ids
	hc       *http.Client
	schedule []time.Duration
	signKey  *rsa.PrivateKey // stands in for Xendit's SNAP key

	mu      sync.Mutex
	targets map[string]Callbacks
	log     map[string][]*delivery
	changed chan struct{} // closed and replaced whenever a delivery settles
	closed  bool
	// scheduled counts, per account, callbacks the clock still holds back
	// before they are even sent (a report finishing after its delay).
	scheduled map[string]int
}

type delivery struct {
	Delivery
	account  string
	attempts int
	snap     bool
	mu       *sync.Mutex   // the deliverer's
	first    chan struct{} // closed after the first attempt
	settled  chan struct{} // closed once Done
	lastErr  error
}

func newDeliverer(c *clock, g *ids, key *rsa.PrivateKey) *deliverer {
	return &deliverer{
		clock: c, ids: g, signKey: key, schedule: defaultRedelivery(),
		hc:      &http.Client{Timeout: 30 * time.Second}, // Xendit gives up on an attempt after 30 s
		targets: make(map[string]Callbacks), log: make(map[string][]*delivery), changed: make(chan struct{}),
		scheduled: make(map[string]int),
	}
}

// SetCallbacks sets where the callbacks of account go: a secret key, or the
// for-user-id of a xenPlatform sub-account; "" is the server's first secret
// key. A callback goes to the account that made the object (its for-user-id
// if the request had one, else its secret key). Without callbacks set for
// that account, nothing is sent.
func (s *Server) SetCallbacks(account string, c Callbacks) {
	d := s.hooks
	d.mu.Lock()
	d.targets[s.account(account)] = c
	d.mu.Unlock()
}

// Deliveries returns the callbacks sent to account ("" as in
// [Server.SetCallbacks]), oldest first.
func (s *Server) Deliveries(account string) []Delivery {
	d := s.hooks
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []Delivery
	for _, x := range d.log[s.account(account)] {
		c := x.Delivery
		c.Statuses = append([]int(nil), x.Statuses...)
		c.Header = x.Header.Clone()
		out = append(out, c)
	}
	return out
}

// WaitDeliveries waits until every callback to account ("" as in
// [Server.SetCallbacks]) has been delivered or given up, including those a
// report's delay or a redelivery interval still holds back, or until ctx
// ends. With [WithClock], those wait for [Server.Advance].
func (s *Server) WaitDeliveries(ctx context.Context, account string) error {
	account = s.account(account)
	d := s.hooks
	for {
		d.mu.Lock()
		pending := d.scheduled[account] > 0
		for _, x := range d.log[account] {
			pending = pending || !x.Done
		}
		ch := d.changed
		d.mu.Unlock()
		if !pending {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// notify wakes WaitDeliveries; d.mu is held.
func (d *deliverer) notify() {
	close(d.changed)
	d.changed = make(chan struct{})
}

// send queues a callback of product to account and makes its first attempt
// at once, in the background. snap signs it instead of sending a token.
// It returns nil when account has no URL for product.
func (d *deliverer) send(account, product string, payload any, snap bool) *delivery {
	return d.sendTo(account, product, "", payload, snap)
}

// sendTo is send to the URL to instead of the account's URL for product,
// when to is set: the per-request callback URL some endpoints take
// (webhook-url).
func (d *deliverer) sendTo(account, product, to string, payload any, snap bool) *delivery {
	body, err := json.Marshal(payload)
	if err != nil {
		panic(fmt.Sprintf("xendittest: encoding a %s callback: %v", product, err))
	}
	d.mu.Lock()
	target, ok := d.targets[account]
	u := target.url(product)
	if to != "" {
		u, ok = to, true
	}
	if !ok || u == "" || d.closed {
		d.mu.Unlock()
		return nil
	}
	x := &delivery{
		Delivery: Delivery{WebhookID: NewWebhookID(), Product: product, URL: u, Body: body},
		account:  account, snap: snap, mu: &d.mu, first: make(chan struct{}), settled: make(chan struct{}),
	}
	token := target.Token
	if token == "" {
		token = CallbackToken
	}
	d.log[account] = append(d.log[account], x)
	d.mu.Unlock()
	go d.attempt(x, token)
	return x
}

// wait returns once x is settled (or, on a manual clock, after its first
// attempt), with an error unless the receiver answered 2xx.
func (x *delivery) wait(ctx context.Context, manual bool) error {
	if x == nil {
		return nil
	}
	done := x.settled
	if manual {
		done = x.first
	}
	select {
	case <-done:
	case <-ctx.Done():
		return ctx.Err()
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.lastErr
}

func (d *deliverer) attempt(x *delivery, token string) {
	status, header, err := d.post(x, token)
	d.mu.Lock()
	x.attempts++
	x.Statuses = append(x.Statuses, status)
	x.Header = header
	ok := err == nil && status/100 == 2
	switch {
	case ok:
		x.Delivered, x.lastErr = true, nil
	case err != nil:
		x.lastErr = fmt.Errorf("xendittest: delivering %s callback %s: %w", x.Product, x.WebhookID, err)
	default:
		x.lastErr = fmt.Errorf("xendittest: the %s callback receiver answered %d", x.Product, status)
	}
	retry := !ok && x.attempts <= len(d.schedule) && !d.closed
	settle := !retry && !x.Done
	if settle {
		x.Done = true
		d.notify()
	}
	first := x.attempts == 1
	d.mu.Unlock()
	if first {
		close(x.first)
	}
	if settle {
		close(x.settled)
	}
	if !retry {
		return
	}
	d.clock.AfterFunc(d.schedule[x.attempts-1], func() { d.attempt(x, token) })
}

// post makes one attempt and returns the receiver's status.
func (d *deliverer) post(x *delivery, token string) (int, http.Header, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, x.URL, bytes.NewReader(x.Body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("webhook-id", x.WebhookID)
	if x.snap {
		if err := d.signSNAP(req, x); err != nil {
			return 0, nil, err
		}
	} else {
		req.Header.Set("x-callback-token", token)
	}
	header := req.Header.Clone()
	resp, err := d.hc.Do(req)
	if err != nil {
		return 0, header, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, header, nil
}

// signSNAP adds the headers a SNAP callback carries, signed over the
// receiver's path as the BI SNAP standard has it.
func (d *deliverer) signSNAP(req *http.Request, x *delivery) error {
	u, err := url.Parse(x.URL)
	if err != nil {
		return err
	}
	ts := snapStamp(d.clock.Now())
	sig, err := snapSign(d.signKey, http.MethodPost, u.RequestURI(), x.Body, ts)
	if err != nil {
		return errors.New("xendittest: signing a SNAP callback failed")
	}
	req.Header.Set("X-TIMESTAMP", ts)
	req.Header.Set("X-SIGNATURE", sig)
	req.Header.Set("X-PARTNER-ID", SNAPPartnerID)
	req.Header.Set("X-EXTERNAL-ID", x.WebhookID)
	req.Header.Set("CHANNEL-ID", "XENDIT")
	return nil
}

// wib is Western Indonesian Time, the zone of SNAP timestamps.
var wib = time.FixedZone("WIB", 7*60*60)

// snapTimestampLayout is X-TIMESTAMP's layout, yyyy-MM-ddTHH:mm:ssTZD.
const snapTimestampLayout = "2006-01-02T15:04:05-07:00"

// hold and release bracket a callback the clock holds back, so that
// WaitDeliveries waits for it too.
func (d *deliverer) hold(account string) {
	d.mu.Lock()
	d.scheduled[account]++
	d.mu.Unlock()
}

func (d *deliverer) release(account string) {
	d.mu.Lock()
	d.scheduled[account]--
	d.notify()
	d.mu.Unlock()
}

// close gives up what is still pending: a closed Server sends nothing more.
func (d *deliverer) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	for _, xs := range d.log {
		for _, x := range xs {
			if !x.Done {
				x.Done = true
				close(x.settled)
			}
		}
	}
	clear(d.scheduled)
	d.notify()
}

// accountOf is the merchant a request acts for: its for-user-id, else its
// secret key.
func accountOf(r *http.Request) string {
	if id := r.Header.Get("for-user-id"); id != "" {
		return id
	}
	key, _, _ := r.BasicAuth()
	return key
}

// callbackURL is where account's callbacks of product go; objects carry it
// as their callback_url.
func (s *Server) callbackURL(account, product string) string {
	d := s.hooks
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.targets[account].url(product)
}

// deliverNow delivers a callback for a test hook, which returns once it is
// delivered or given up (on a manual clock, after the first attempt).
func (s *Server) deliverNow(account, product string, payload any) error {
	return s.hooks.send(account, product, payload, product == "snap").wait(context.Background(), s.clock.manual)
}

// deliverLater delivers a callback that follows an API call, in the
// background, as Xendit does after answering.
func (s *Server) deliverLater(account, product string, payload any) {
	s.hooks.send(account, product, payload, product == "snap")
}
