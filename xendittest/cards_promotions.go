package xendittest

import (
	"cmp"
	"encoding/json"
	"math"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
)

func (s *Server) routeCardPromotions() {
	s.handle("cards.get_charge_option", s.getCardChargeOption)
	s.handle("cards.create_promotion", s.createCardPromotion)
	s.handle("cards.list_promotions", s.listCardPromotions)
	s.handle("cards.calculate_promotion", s.calculateCardPromotion)
	s.handle("cards.update_promotion", s.withPromotion(updateCardPromotion))
	s.handle("cards.delete_promotion", s.withPromotion(deleteCardPromotion))
}

// promotionJSON is p as Xendit sends it: times with a space instead of
// "T", as in the reference's examples.
func promotionJSON(p *cards.Promotion) map[string]any {
	b, _ := json.Marshal(p)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	for k, t := range map[string]xendit.Time{"start_time": p.StartTime, "end_time": p.EndTime} {
		if !t.IsZero() {
			m[k] = t.UTC().Format("2006-01-02 15:04:05.000Z")
		}
	}
	return m
}

func (s *Server) createCardPromotion(w http.ResponseWriter, r *http.Request) {
	var p cards.CreatePromotionParams
	if !readBody(w, r, &p) {
		return
	}
	if err := p.Validate(); err != nil {
		writeInvalid(w, err)
		return
	}
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, q := range st.promotions {
		switch {
		case q.ReferenceID == p.ReferenceID:
			WriteError(w, http.StatusConflict, cards.CodeReferenceInUse, "The reference_id is already used by another promotion")
			return
		case p.PromoCode != nil && q.PromoCode == *p.PromoCode:
			WriteError(w, http.StatusConflict, cards.CodePromoCodeInUse, "The promo_code is already used by another promotion")
			return
		}
	}
	promo := &cards.Promotion{
		ID: newID(""), BusinessID: paymentsBusinessID, ReferenceID: p.ReferenceID, Description: p.Description,
		Status: cards.PromotionStatusActive, PromoCode: deref(p.PromoCode), BinList: p.BinList, ChannelCode: deref(p.ChannelCode),
		Currency: xendit.CurrencyIDR, StartTime: p.StartTime, EndTime: p.EndTime, Created: now(),
	}
	if p.Currency != nil {
		promo.Currency = *p.Currency
	}
	if promo.StartTime.IsZero() {
		promo.StartTime = now()
	}
	if promo.EndTime.IsZero() {
		promo.EndTime = xendit.Time{Time: promo.StartTime.AddDate(0, 1, 0)}
	}
	applyPromotionNumbers(promo, p.DiscountPercent, p.DiscountAmount, p.MinOriginalAmount, p.MaxDiscountAmount)
	st.promotions[promo.ID] = promo
	WriteJSON(w, http.StatusOK, promotionJSON(promo))
}

func applyPromotionNumbers(p *cards.Promotion, percent, amount, minOriginal, maxDiscount *float64) {
	for dst, src := range map[*xendit.Number]*float64{
		&p.DiscountPercent: percent, &p.DiscountAmount: amount,
		&p.MinOriginalAmount: minOriginal, &p.MaxDiscountAmount: maxDiscount,
	} {
		if src != nil {
			*dst = xendit.NumberOf(*src)
		}
	}
}

func (s *Server) listCardPromotions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	out := []map[string]any{}
	for _, p := range st.sortedPromotions() {
		if match(q.Get("reference_id"), p.ReferenceID) && match(q.Get("status"), string(p.Status)) &&
			match(q.Get("channel_code"), p.ChannelCode) && match(q.Get("currency"), string(p.Currency)) &&
			(q.Get("bin") == "" || slices.Contains(p.BinList, q.Get("bin"))) {
			out = append(out, promotionJSON(p))
		}
	}
	WriteJSON(w, http.StatusOK, out)
}

func match(want, got string) bool { return want == "" || want == got }

// deref returns the value of an optional field, or its zero value.
func deref[T any](v *T) T {
	if v == nil {
		var zero T
		return zero
	}
	return *v
}

// sortedPromotions returns the promotions oldest first.
func (st *cardsState) sortedPromotions() []*cards.Promotion {
	ps := make([]*cards.Promotion, 0, len(st.promotions))
	for _, p := range st.promotions {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b *cards.Promotion) int { return a.Created.Compare(b.Created.Time) })
	return ps
}

// promotionApplies reports whether a charge may use the promotion.
func (st *cardsState) promotionApplies(referenceID string) bool {
	for _, p := range st.promotions {
		if p.ReferenceID == referenceID {
			return p.Status == cards.PromotionStatusActive
		}
	}
	return false
}

// calculations returns the ACTIVE promotions that apply to bin or code for
// amount, with the discount applied, best first.
func (st *cardsState) calculations(bin, code string, amount float64) []cards.PromotionCalculation {
	var out []cards.PromotionCalculation
	now := time.Now()
	for _, p := range st.sortedPromotions() {
		eligible := (code != "" && p.PromoCode == code) || (bin != "" && slices.Contains(p.BinList, bin))
		if !eligible || p.Status != cards.PromotionStatusActive || now.Before(p.StartTime.Time) ||
			(!p.EndTime.IsZero() && now.After(p.EndTime.Time)) || amount < p.MinOriginalAmount.Float64() {
			continue
		}
		discount := p.DiscountAmount.Float64()
		if p.DiscountPercent.Float64() > 0 {
			discount = math.Round(amount * p.DiscountPercent.Float64() / 100)
		}
		if m := p.MaxDiscountAmount.Float64(); m > 0 && discount > m {
			discount = m
		}
		out = append(out, cards.PromotionCalculation{
			ReferenceID: p.ReferenceID, OriginalAmount: xendit.NumberOf(amount), DiscountPercent: p.DiscountPercent,
			DiscountAmount: p.DiscountAmount, FinalAmount: xendit.NumberOf(math.Max(amount-discount, 0)),
			Currency: p.Currency, Description: p.Description, MinOriginalAmount: p.MinOriginalAmount,
			MaxDiscountAmount: p.MaxDiscountAmount,
		})
	}
	slices.SortStableFunc(out, func(a, b cards.PromotionCalculation) int {
		return cmp.Compare(a.FinalAmount.Float64(), b.FinalAmount.Float64())
	})
	return out
}

// optionQuery reads amount and the card's BIN (from bin or token_id).
func (st *cardsState) optionQuery(w http.ResponseWriter, r *http.Request) (bin string, amount float64, ok bool) {
	q := r.URL.Query()
	amount, err := strconv.ParseFloat(q.Get("amount"), 64)
	if err != nil || amount <= 0 {
		writeValidation(w, "amount is required and must be a positive number")
		return "", 0, false
	}
	bin = q.Get("bin")
	if id := q.Get("token_id"); id != "" {
		tok, found := st.tokens[id]
		if !found {
			WriteError(w, http.StatusNotFound, cards.CodeTokenNotFound, "The token was not found")
			return "", 0, false
		}
		bin = tok.masked[:6]
	}
	return bin, amount, true
}

func (s *Server) getCardChargeOption(w http.ResponseWriter, r *http.Request) {
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	bin, amount, ok := st.optionQuery(w, r)
	if !ok {
		return
	}
	if bin == "" {
		writeValidation(w, "bin or token_id is required")
		return
	}
	opt := cards.ChargeOption{
		BusinessID: paymentsBusinessID, BIN: bin,
		Promotions: st.calculations(bin, r.URL.Query().Get("promo_code"), amount),
	}
	for _, n := range []int{3, 6, 12} {
		opt.Installments = append(opt.Installments, cards.InstallmentOption{
			Count: n, Interval: "month", Acquirer: "BRI", Currency: "IDR", MinimumAmount: xendit.NumberOf(500_000),
		})
	}
	WriteJSON(w, http.StatusOK, opt)
}

func (s *Server) calculateCardPromotion(w http.ResponseWriter, r *http.Request) {
	st := s.cards()
	st.mu.Lock()
	defer st.mu.Unlock()
	bin, amount, ok := st.optionQuery(w, r)
	if !ok {
		return
	}
	calcs := st.calculations(bin, r.URL.Query().Get("promo_code"), amount)
	if len(calcs) == 0 {
		WriteError(w, http.StatusNotFound, cards.CodePromotionNotFound, "No active promotion applies")
		return
	}
	WriteJSON(w, http.StatusOK, calcs[0])
}

func (s *Server) withPromotion(h func(http.ResponseWriter, *http.Request, *cardsState, *cards.Promotion)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		st := s.cards()
		st.mu.Lock()
		defer st.mu.Unlock()
		p, ok := st.promotions[r.PathValue("promotion_id")]
		if !ok || p.Status == cards.PromotionStatusDeleted {
			WriteError(w, http.StatusNotFound, cards.CodePromotionNotFound, "Promotion not found")
			return
		}
		h(w, r, st, p)
	}
}

func updateCardPromotion(w http.ResponseWriter, r *http.Request, st *cardsState, p *cards.Promotion) {
	var u cards.UpdatePromotionParams
	if !readBody(w, r, &u) {
		return
	}
	start, _ := u.StartTime.Get()
	end, _ := u.EndTime.Get()
	switch {
	case (!u.DiscountPercent.IsZero() && p.DiscountAmount.Float64() > 0) || (!u.DiscountAmount.IsZero() && p.DiscountPercent.Float64() > 0):
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidDiscountType, "The promotion uses the other discount type")
		return
	case !start.IsZero() && !start.Before(firstNonZero(end, p.EndTime).Time):
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidStartTimeUpdate, "start_time must be before end_time")
		return
	}
	if code, ok := u.PromoCode.Get(); ok {
		for _, q := range st.promotions {
			if q != p && q.PromoCode == code {
				WriteError(w, http.StatusBadRequest, cards.CodePromoCodeInUse, "The promo_code is already used by another promotion")
				return
			}
		}
	}
	update(&p.PromoCode, u.PromoCode)
	update(&p.Description, u.Description)
	update(&p.ChannelCode, u.ChannelCode)
	update(&p.BinList, u.BinList)
	update(&p.Currency, u.Currency)
	p.StartTime, p.EndTime = firstNonZero(start, p.StartTime), firstNonZero(end, p.EndTime)
	applyPromotionNumbers(p, valueOf(u.DiscountPercent), valueOf(u.DiscountAmount), valueOf(u.MinOriginalAmount), valueOf(u.MaxDiscountAmount))
	WriteJSON(w, http.StatusOK, promotionJSON(p))
}

// update applies a PATCH field: set replaces, null clears, unset keeps.
func update[T any](dst *T, n xendit.Nullable[T]) {
	if v, ok := n.Get(); ok || n.IsNull() {
		*dst = v
	}
}

func firstNonZero(a, b xendit.Time) xendit.Time {
	if a.IsZero() {
		return b
	}
	return a
}

func valueOf[T any](n xendit.Nullable[T]) *T {
	if v, ok := n.Get(); ok {
		return &v
	}
	return nil
}

func deleteCardPromotion(w http.ResponseWriter, _ *http.Request, _ *cardsState, p *cards.Promotion) {
	p.Status = cards.PromotionStatusDeleted
	WriteJSON(w, http.StatusOK, promotionJSON(p))
}
