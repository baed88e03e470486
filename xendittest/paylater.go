package xendittest

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/paylater"
)

// paylaterState is the PayLater fake's part of paymentsState.
type paylaterState struct {
	plans   map[string]*paylater.Plan
	charges map[string]*paylater.Charge
	refunds map[string][]*paylater.Refund
}

func newPaylaterState() paylaterState {
	return paylaterState{
		plans:   make(map[string]*paylater.Plan),
		charges: make(map[string]*paylater.Charge),
		refunds: make(map[string][]*paylater.Refund),
	}
}

// CompletePayLaterCharge plays the customer completing the provider's
// checkout: the PENDING charge becomes SUCCEEDED and paylater.payment is
// delivered before the call returns.
func (s *Server) CompletePayLaterCharge(id string) error {
	return s.settlePayLaterCharge(id, paylater.ChargeSucceeded)
}

// FailPayLaterCharge plays the provider declining: the PENDING charge
// becomes FAILED and paylater.payment is delivered.
func (s *Server) FailPayLaterCharge(id string) error {
	return s.settlePayLaterCharge(id, paylater.ChargeFailed)
}

func (s *Server) settlePayLaterCharge(id string, status paylater.ChargeStatus) error {
	st := s.payments()
	st.mu.Lock()
	c, ok := st.pl.charges[id]
	if !ok {
		st.mu.Unlock()
		return fmt.Errorf("%w: charge %q", ErrNoSuchObject, id)
	}
	if c.Status != paylater.ChargePending {
		st.mu.Unlock()
		return fmt.Errorf("xendittest: charge %s is %s, not PENDING", id, c.Status)
	}
	c.Status, c.Updated = status, s.now()
	payload := paylater.PaymentCallback{Event: paylater.EventPayment, BusinessID: paymentsBusinessID, Created: s.now(), Data: *c}
	owner := st.owners[id]
	st.mu.Unlock()
	return s.deliverNow(owner, "paylater", payload)
}

func (s *Server) routePayLater() {
	s.handle("paylater.initiate_plans", s.initiatePlans)
	s.handle("paylater.create_charge", s.createPayLaterCharge)
	s.handle("paylater.get_charge", s.withPayLaterCharge(func(w http.ResponseWriter, _ *http.Request, _ *paymentsState, c *paylater.Charge) {
		WriteJSON(w, http.StatusOK, c)
	}))
	s.handle("paylater.cancel_charge", s.withPayLaterCharge(s.cancelPayLaterCharge))
	s.handle("paylater.create_refund", s.withPayLaterCharge(s.refundPayLaterCharge))
	s.handle("paylater.get_refund", s.getPayLaterRefund)
	s.handle("paylater.list_refunds", s.withPayLaterCharge(s.listPayLaterRefunds))
}

func (s *Server) initiatePlans(w http.ResponseWriter, r *http.Request) {
	var p paylater.InitiatePlansParams
	if !readBody(w, r, &p) {
		return
	}
	if math.Abs(p.Amount-paylater.Total(p.OrderItems)) >= 0.005 {
		writeValidation(w, "Amount Does Not Tally with Order Items: amount must equal the sum of net_unit_amount * quantity")
		return
	}
	if cur, _, _, known := p.ChannelCode.Limits(); known && p.Currency != cur {
		WriteError(w, http.StatusBadRequest, "UNSUPPORTED_CURRENCY", "The currency is not supported by the PayLater partner")
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	plan := &paylater.Plan{
		ID: paymentID("plp_"), CustomerID: p.CustomerID, ChannelCode: p.ChannelCode, Currency: p.Currency,
		Amount: p.Amount, OrderItems: p.OrderItems, Created: s.now(),
		Options: []paylater.PlanOption{{
			DownpaymentAmount: 0, InstallmentAmount: p.Amount, TotalAmount: p.Amount,
			Interval: "MONTH", IntervalCount: 1, TotalRecurrence: 1, Description: "Buy Now, Pay Later",
		}},
	}
	if p.ChannelCode == paylater.ChannelCashalo {
		plan.Options = []paylater.PlanOption{}
	}
	st := s.payments()
	st.mu.Lock()
	st.pl.plans[plan.ID] = plan
	st.mu.Unlock()
	WriteJSON(w, http.StatusOK, plan)
}

func (s *Server) createPayLaterCharge(w http.ResponseWriter, r *http.Request) {
	var p paylater.CreateChargeParams
	if !readBody(w, r, &p) {
		return
	}
	if p.CheckoutMethod != paylater.OneTimePayment {
		writeValidation(w, "PayLater partner does not support requested checkout_method.")
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	st := s.payments()
	st.mu.Lock()
	defer st.mu.Unlock()
	plan, ok := st.pl.plans[p.PlanID]
	if !ok {
		WriteError(w, http.StatusNotFound, "PAYLATER_PLAN_DATA_NOT_FOUND", "Plan ID is invalid")
		return
	}
	created := s.now()
	c := &paylater.Charge{
		ID: paymentID("plc_"), CustomerID: plan.CustomerID, PlanID: plan.ID, BusinessID: paymentsBusinessID,
		ReferenceID: p.ReferenceID, CheckoutMethod: p.CheckoutMethod, ChannelCode: plan.ChannelCode,
		Currency: plan.Currency, Amount: plan.Amount, OrderItems: plan.OrderItems,
		SuccessRedirectURL: p.SuccessRedirectURL, FailureRedirectURL: p.FailureRedirectURL,
		Status: paylater.ChargePending, Created: created, Updated: created,
		ExpiresAt: xendit.Time{Time: created.Add(24 * time.Hour)}, CallbackURL: s.callbackURL(accountOf(r), "paylater"),
		Metadata: p.Metadata,
	}
	base := s.URL + "/xendittest/paylater/" + c.ID
	c.Actions = &paylater.ChargeActions{DesktopWebCheckoutURL: base, MobileWebCheckoutURL: base + "?mobile=1"}
	st.pl.charges[c.ID] = c
	st.owners[c.ID] = accountOf(r)
	WriteJSON(w, http.StatusOK, c)
}

var plcID = regexp.MustCompile(`^plc_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// withPayLaterCharge checks the id's shape (400 as Xendit answers for Get),
// looks the charge up (404) and runs h with the state locked.
func (s *Server) withPayLaterCharge(h func(http.ResponseWriter, *http.Request, *paymentsState, *paylater.Charge)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if !plcID.MatchString(id) {
			writeValidation(w, "Charge ID does not match plc_UUID format")
			return
		}
		st := s.payments()
		st.mu.Lock()
		defer st.mu.Unlock()
		c, ok := st.pl.charges[id]
		if !ok {
			WriteError(w, http.StatusNotFound, "DATA_NOT_FOUND", "Charge resource was not found. Please check your query again")
			return
		}
		h(w, r, st, c)
	}
}

func (s *Server) cancelPayLaterCharge(w http.ResponseWriter, _ *http.Request, _ *paymentsState, c *paylater.Charge) {
	if c.Status != paylater.ChargePending {
		WriteError(w, http.StatusForbidden, "INELIGIBLE_TRANSACTION", "Only PENDING charges can be cancelled")
		return
	}
	c.Status, c.Updated = paylater.ChargeCancelled, s.now()
	WriteJSON(w, http.StatusOK, c)
}

// refundPayLaterCharge answers with a PENDING refund (updated null) and
// settles it at once; the reference promises a callback for refunds but
// documents none, so none is sent.
func (s *Server) refundPayLaterCharge(w http.ResponseWriter, r *http.Request, st *paymentsState, c *paylater.Charge) {
	var p paylater.CreateRefundParams
	if !readBody(w, r, &p) {
		return
	}
	if c.Status != paylater.ChargeSucceeded {
		WriteError(w, http.StatusForbidden, "INELIGIBLE_TRANSACTION", "Only SUCCEEDED charges can be refunded")
		return
	}
	refunded := 0.0
	if c.RefundedAmount != nil {
		refunded = *c.RefundedAmount
	}
	amount := c.Amount - refunded
	if p.Amount != nil {
		amount = *p.Amount
	}
	if amount <= 0 || amount > c.Amount-refunded+0.005 {
		WriteError(w, http.StatusBadRequest, "MAXIMUM_REFUND_AMOUNT_REACHED", "The charge has already been fully refunded or the amount exceeds what is left")
		return
	}
	if c.ChannelCode == paylater.ChannelBillEase && math.Abs(amount-c.Amount) >= 0.005 {
		WriteError(w, http.StatusBadRequest, "PARTIAL_REFUND_NOT_SUPPORTED", "The PayLater partner does not support partial refunds")
		return
	}
	reason := paylater.ReasonOthers
	if p.Reason != nil {
		reason = *p.Reason
	}
	ref := &paylater.Refund{
		ID: paymentID("plr_"), ChargeID: c.ID, ChannelCode: c.ChannelCode, Currency: c.Currency,
		Amount: amount, Reason: reason, Status: paylater.RefundPending, Created: s.now(),
	}
	WriteJSON(w, http.StatusOK, ref)
	ref.Status, ref.Updated = paylater.RefundSucceeded, s.now()
	st.pl.refunds[c.ID] = append(st.pl.refunds[c.ID], ref)
	c.RefundedAmount, c.Updated = xendit.Ptr(refunded+amount), s.now()
}

func (s *Server) getPayLaterRefund(w http.ResponseWriter, r *http.Request) {
	st := s.payments()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, ref := range st.pl.refunds[r.PathValue("charge_id")] {
		if ref.ID == r.PathValue("refund_id") {
			WriteJSON(w, http.StatusOK, ref)
			return
		}
	}
	WriteError(w, http.StatusNotFound, "DATA_NOT_FOUND", "Refund resource was not found. Please check your query again")
}

func (s *Server) listPayLaterRefunds(w http.ResponseWriter, r *http.Request, st *paymentsState, c *paylater.Charge) {
	page, ok := refundPage(w, r, st.pl.refunds[c.ID], func(ref *paylater.Refund) string { return string(ref.Status) })
	if !ok {
		return
	}
	out := paylater.RefundList{Data: make([]paylater.Refund, 0, len(page.items)), HasMore: page.hasMore}
	for _, ref := range page.items {
		out.Data = append(out.Data, *ref)
	}
	WriteJSON(w, http.StatusOK, out)
}
