package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
)

// Order is what the shop sells; Payments are the payments the callbacks
// applied to it. An order is paid once when it has exactly one.
type Order struct {
	ID       string
	Amount   float64
	Payments []Payment
}

// Payment is one payment a callback reported, whatever the channel.
type Payment struct {
	Channel string // "virtual account", "QR code", "retail outlet"
	ID      string // Xendit's id of the payment
	Amount  float64
}

// Router keeps the orders and which payment attempt (virtual account, QR
// code, payment code) belongs to which order. Its Handle is the function
// of one xendit.WebhookHandler that serves every channel's callbacks on one
// URL: the handler has already checked x-callback-token and dropped
// webhook-ids it processed before, so Handle only routes and applies.
type Router struct {
	mu       sync.Mutex
	orders   map[string]*Order
	attempts map[string]string // external_id or reference_id → order id
	handled  int               // callbacks that reached Handle
}

// NewRouter returns a router with no orders.
func NewRouter() *Router {
	return &Router{orders: make(map[string]*Order), attempts: make(map[string]string)}
}

// AddOrder records an order before any channel is asked to collect it.
func (r *Router) AddOrder(id string, amount float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.orders[id] = &Order{ID: id, Amount: amount}
}

// Attempt records that the payment object created with attempt as its
// external_id (virtual account, fixed payment code) or reference_id (QR
// code) collects order. Call it before the create: Xendit does not
// deduplicate these creates, and the callback may come before the create's
// answer does.
func (r *Router) Attempt(order, attempt string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.attempts[attempt] = order
}

// errUnknownAttempt makes the handler answer 500, so that Xendit delivers
// the callback again: an attempt this router does not know yet may be one
// whose create has not been recorded (another replica, a restart).
var errUnknownAttempt = errors.New("payment-router: callback for an unknown payment attempt")

// Handle routes one verified, first-time callback to its product and
// applies the payments to their orders. Each product's ParseCallback
// refuses the others' bodies, so they are tried in turn; QR codes'
// envelope also decodes events it does not know, so only a typed payment
// counts as one.
func (r *Router) Handle(_ context.Context, e *xendit.WebhookEvent) error {
	r.mu.Lock()
	r.handled++
	r.mu.Unlock()
	if cb, err := virtualaccounts.ParseCallback(e.Body); err == nil {
		if p := cb.Payment; p != nil {
			return r.apply(p.ExternalID, Payment{Channel: "virtual account", ID: p.PaymentID, Amount: p.Amount})
		}
		fmt.Printf("   Callback: virtual account %s is %s.\n", cb.VirtualAccount.ExternalID, cb.VirtualAccount.Status)
		return nil
	}
	if cb, err := retailoutlets.ParseCallback(e.Body); err == nil {
		if p := cb.FixedPaymentCode; p != nil {
			return r.apply(p.ExternalID, Payment{Channel: "retail outlet", ID: p.PaymentID, Amount: p.Amount})
		}
		p := cb.PaymentCode
		return r.apply(p.ReferenceID, Payment{Channel: "retail outlet", ID: p.ID, Amount: p.Amount})
	}
	if cb, err := qrcodes.ParseCallback(e.Body); err == nil && cb.Payment != nil {
		p := cb.Payment
		return r.apply(p.ReferenceID, Payment{Channel: "QR code", ID: p.ID, Amount: p.Amount})
	}
	// A callback of a product this router does not take (a QR refund, a
	// new event): acknowledged, or Xendit would send it for a day.
	fmt.Println("   Callback: not a payment this router takes; acknowledged.")
	return nil
}

func (r *Router) apply(attempt string, p Payment) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.attempts[attempt]
	if !ok {
		return fmt.Errorf("%w: %q", errUnknownAttempt, attempt)
	}
	o := r.orders[id]
	o.Payments = append(o.Payments, p)
	fmt.Printf("   Callback: %s payment %s of %.0f for %s → order %s.\n", p.Channel, p.ID, p.Amount, attempt, id)
	if p.Amount != o.Amount {
		fmt.Printf("   Order %s expected %.0f: settle the difference with the customer.\n", id, o.Amount)
	}
	return nil
}

// Handled is how many callbacks reached Handle: the webhook handler's
// deduplication keeps a redelivery from counting.
func (r *Router) Handled() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handled
}

// Ledger describes every order, by id: how many payments it received and
// through which channels.
func (r *Router) Ledger() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ids := make([]string, 0, len(r.orders))
	for id := range r.orders {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		o := r.orders[id]
		switch len(o.Payments) {
		case 0:
			fmt.Fprintf(&b, "   %s: unpaid.\n", id)
		case 1:
			fmt.Fprintf(&b, "   %s: paid once, %.0f by %s.\n", id, o.Payments[0].Amount, o.Payments[0].Channel)
		default:
			fmt.Fprintf(&b, "   %s: paid %d times; refund all but one.\n", id, len(o.Payments))
		}
	}
	return b.String()
}
