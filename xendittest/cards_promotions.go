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
	s.handle("cards.promotions.create", s.createCardPromotion)
	s.handle("cards.promotions.list", s.listCardPromotions)
	s.handle("cards.promotions.calculate", s.calculateCardPromotion)
	s.handle("cards.promotions.update", s.withPromotion(s.updateCardPromotion))
	s.handle("cards.promotions.delete", s.withPromotion(s.deleteCardPromotion))
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
		case p.PromoCode != "" && q.PromoCode == p.PromoCode:
			WriteError(w, http.StatusConflict, cards.CodePromoCodeInUse, "The promo_code is already used by another promotion")
			return
		}
	}
	promo := &cards.Promotion{
		ID: s.ids.uuid(""), BusinessID: paymentsBusinessID, ReferenceID: p.ReferenceID, Description: p.Description,
		Status: cards.PromotionActive, PromoCode: p.PromoCode, BinList: p.BinList, ChannelCode: p.ChannelCode,
		Currency: p.Currency, StartTime: p.StartTime, EndTime: p.EndTime, Created: s.now(),
	}
	if promo.Currency == "" {
		promo.Currency = "IDR"
	}
	if promo.StartTime.IsZero() {
		promo.StartTime = s.now()
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
			match(q.Get("channel_code"), p.ChannelCode) && match(q.Get("currency"), p.Currency) &&
			(q.Get("bin") == "" || slices.Contains(p.BinList, q.Get("bin"))) {
			out = append(out, promotionJSON(p))
		}
	}
	WriteJSON(w, http.StatusOK, out)
}

func match(want, got string) bool { return want == "" || want == got }

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
			return p.Status == cards.PromotionActive
		}
	}
	return false
}

// calculations returns the ACTIVE promotions that apply to bin or code for
// amount, with the discount applied, best first.
func (st *cardsState) calculations(now time.Time, bin, code string, amount float64) []cards.PromotionCalculation {
	var out []cards.PromotionCalculation
	for _, p := range st.sortedPromotions() {
		eligible := (code != "" && p.PromoCode == code) || (bin != "" && slices.Contains(p.BinList, bin))
		if !eligible || p.Status != cards.PromotionActive || now.Before(p.StartTime.Time) ||
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
		Promotions: st.calculations(s.clock.Now(), bin, r.URL.Query().Get("promo_code"), amount),
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
	calcs := st.calculations(s.clock.Now(), bin, r.URL.Query().Get("promo_code"), amount)
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
		if !ok || p.Status == cards.PromotionDeleted {
			WriteError(w, http.StatusNotFound, cards.CodePromotionNotFound, "Promotion not found")
			return
		}
		h(w, r, st, p)
	}
}

func (s *Server) updateCardPromotion(w http.ResponseWriter, r *http.Request, st *cardsState, p *cards.Promotion) {
	var u cards.UpdatePromotionParams
	if !readBody(w, r, &u) {
		return
	}
	switch {
	case (u.DiscountPercent != nil && p.DiscountAmount.Float64() > 0) || (u.DiscountAmount != nil && p.DiscountPercent.Float64() > 0):
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidDiscountType, "The promotion uses the other discount type")
		return
	case !u.StartTime.IsZero() && !u.StartTime.Before(firstNonZero(u.EndTime, p.EndTime).Time):
		WriteError(w, http.StatusBadRequest, cards.CodeInvalidStartTimeUpdate, "start_time must be before end_time")
		return
	}
	if u.PromoCode != nil {
		for _, q := range st.promotions {
			if q != p && q.PromoCode == *u.PromoCode {
				WriteError(w, http.StatusBadRequest, cards.CodePromoCodeInUse, "The promo_code is already used by another promotion")
				return
			}
		}
		p.PromoCode = *u.PromoCode
	}
	for dst, src := range map[*string]*string{&p.Description: u.Description, &p.ChannelCode: u.ChannelCode} {
		if src != nil {
			*dst = *src
		}
	}
	if u.BinList != nil {
		p.BinList = u.BinList
	}
	if u.Currency != "" {
		p.Currency = u.Currency
	}
	p.StartTime, p.EndTime = firstNonZero(u.StartTime, p.StartTime), firstNonZero(u.EndTime, p.EndTime)
	applyPromotionNumbers(p, u.DiscountPercent, u.DiscountAmount, u.MinOriginalAmount, u.MaxDiscountAmount)
	WriteJSON(w, http.StatusOK, promotionJSON(p))
}

func firstNonZero(a, b xendit.Time) xendit.Time {
	if a.IsZero() {
		return b
	}
	return a
}

func (s *Server) deleteCardPromotion(w http.ResponseWriter, _ *http.Request, _ *cardsState, p *cards.Promotion) {
	p.Status = cards.PromotionDeleted
	WriteJSON(w, http.StatusOK, promotionJSON(p))
}
