package xendittest

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"time"

	"github.com/seed19b1029f/xendit-go/snap"
)

// snapVAPrefix is the partnerServiceId of the fake's VAs.
const snapVAPrefix = "88908"

// The fake answers VA inquire and update with the success code the
// reference's examples print (2002700, Create VA's); the SDK accepts any 2xx
// code.
func vaResult(code string) snap.Result {
	return snap.Result{ResponseCode: code, ResponseMessage: "Success"}
}

func (s *Server) snapCreateVA(st *snapState, body []byte) (int, any, error) {
	var p snap.CreateVAParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	switch {
	case p.VirtualAccountName == "":
		return 0, nil, snapMissing("virtualAccountName")
	case p.TrxID == "":
		return 0, nil, snapMissing("trxId")
	case p.AdditionalInfo.ChannelCode == "":
		return 0, nil, snapMissing("additionalInfo.channelCode")
	}
	if p.TotalAmount != nil {
		if _, err := snapAmount("totalAmount", p.TotalAmount); err != nil {
			return 0, nil, err
		}
	}
	customerNo := p.VirtualAccountNo
	if customerNo == "" {
		n, _ := rand.Int(rand.Reader, big.NewInt(9_000_000_000))
		customerNo = fmt.Sprintf("%010d", n.Int64()+1_000_000_000)
	}
	now := snapNow()
	expires := snap.Time{Time: now.AddDate(31, 0, 0)}
	if p.ExpiredDate != nil {
		expires = *p.ExpiredDate
	}
	reuse := p.AdditionalInfo.Reusability
	if reuse == "" {
		reuse = snap.OneTimeUse
	}
	va := &snap.VA{
		PartnerServiceID: snapVAPrefix, CustomerNo: customerNo, VirtualAccountNo: snapVAPrefix + customerNo,
		VirtualAccountName: p.VirtualAccountName, TrxID: p.TrxID, TotalAmount: p.TotalAmount,
		FreeTexts: p.FreeTexts, ExpiredDate: expires,
		AdditionalInfo: snap.VAInfo{ID: paymentID("pm-"), Status: snap.PaymentMethodActive,
			ChannelCode: p.AdditionalInfo.ChannelCode, SuggestedAmount: p.AdditionalInfo.SuggestedAmount,
			Reusability: reuse, Created: now, Updated: now, Metadata: p.AdditionalInfo.Metadata},
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.vas[p.TrxID] != nil {
		return 0, nil, snapErr(http.StatusConflict, "01", "An object with the same reference already exists")
	}
	st.vas[p.TrxID] = va
	return http.StatusOK, snap.VAResponse{Result: vaResult("2002700"), VirtualAccountData: cloneVA(va)}, nil
}

func cloneVA(va *snap.VA) *snap.VA {
	c := *va
	return &c
}

// snapVA finds the VA a request's trxId names.
func (st *snapState) snapVA(body []byte) (*snap.VA, error) {
	var ref snap.UpdateVAParams // the widest VA body: trxId plus the update fields
	if err := snapDecode(body, &ref); err != nil {
		return nil, err
	}
	if ref.TrxID == "" {
		return nil, snapMissing("trxId")
	}
	va := st.vas[ref.TrxID]
	if va == nil {
		// Not in the reference's tables; the BI SNAP standard's code.
		return nil, snapErr(http.StatusNotFound, "12", "Invalid Bill/Virtual Account [Not Found]")
	}
	return va, nil
}

func (s *Server) snapInquireVA(st *snapState, body []byte) (int, any, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	va, err := st.snapVA(body)
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, snap.VAResponse{Result: vaResult("2002700"), VirtualAccountData: cloneVA(va)}, nil
}

func (s *Server) snapUpdateVA(st *snapState, body []byte) (int, any, error) {
	var p snap.UpdateVAParams
	if err := snapDecode(body, &p); err != nil {
		return 0, nil, err
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	va, err := st.snapVA(body)
	if err != nil {
		return 0, nil, err
	}
	if p.VirtualAccountName == "" {
		return 0, nil, snapMissing("virtualAccountName")
	}
	if (p.TotalAmount == nil) != (va.TotalAmount == nil) {
		return 0, nil, snapInvalid("a closed VA cannot become open, nor an open one closed")
	}
	if p.TotalAmount != nil {
		if _, err := snapAmount("totalAmount", p.TotalAmount); err != nil {
			return 0, nil, err
		}
		va.TotalAmount = p.TotalAmount
	}
	va.VirtualAccountName = p.VirtualAccountName
	if p.FreeTexts != nil {
		va.FreeTexts = p.FreeTexts
	}
	if p.ExpiredDate != nil {
		va.ExpiredDate = *p.ExpiredDate
	}
	va.AdditionalInfo.Updated = snapNow()
	return http.StatusOK, snap.VAResponse{Result: vaResult("2002700"), VirtualAccountData: cloneVA(va)}, nil
}

func (s *Server) snapDeactivateVA(st *snapState, body []byte) (int, any, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	va, err := st.snapVA(body)
	if err != nil {
		return 0, nil, err
	}
	va.AdditionalInfo.Status = snap.PaymentMethodExpired
	va.AdditionalInfo.Updated = snapNow()
	return http.StatusOK, snap.VAResponse{Result: vaResult("2003100"), VirtualAccountData: cloneVA(va)}, nil
}

// PaySNAPVA plays a bank transfer of amount into the VA with trxID and
// delivers the snap_virtual_account.payment callback, returning when the
// receiver has answered. A closed VA takes only its amount; an expired one
// takes nothing; a one-time VA expires once paid.
func (s *Server) PaySNAPVA(ctx context.Context, trxID, value string) error {
	amount := snap.Amount{Value: value, Currency: "IDR"}
	st := s.snap()
	st.mu.Lock()
	va := st.vas[trxID]
	switch {
	case va == nil:
		st.mu.Unlock()
		return fmt.Errorf("xendittest: no SNAP VA with trxId %q", trxID)
	case va.AdditionalInfo.Status != snap.PaymentMethodActive:
		st.mu.Unlock()
		return fmt.Errorf("xendittest: SNAP VA %q is %s", trxID, va.AdditionalInfo.Status)
	case va.TotalAmount != nil && *va.TotalAmount != amount:
		st.mu.Unlock()
		return fmt.Errorf("xendittest: SNAP VA %q takes exactly %s", trxID, va.TotalAmount)
	}
	if va.AdditionalInfo.Reusability == snap.OneTimeUse {
		va.AdditionalInfo.Status = snap.PaymentMethodExpired
	}
	now := snap.Time{Time: s.clock.Now().UTC().Truncate(time.Millisecond)}
	pay := snap.VAPayment{
		PartnerServiceID: va.PartnerServiceID, CustomerNo: va.CustomerNo, VirtualAccountNo: va.VirtualAccountNo,
		VirtualAccountName: va.VirtualAccountName, TrxID: va.TrxID, PaymentRequestID: va.AdditionalInfo.ID,
		PaidAmount: amount, TrxDateTime: now, ReferenceNo: paymentID(""), FreeTexts: va.FreeTexts,
		AdditionalInfo: snap.VAPaymentInfo{Country: "ID", Status: snap.VAPaymentSucceeded, Created: now, Updated: now,
			Metadata: va.AdditionalInfo.Metadata,
			VirtualAccountInfo: snap.VAInfoOfPayment{ID: va.AdditionalInfo.ID, Reusability: va.AdditionalInfo.Reusability,
				ChannelCode: va.AdditionalInfo.ChannelCode, TrxID: va.TrxID}},
	}
	pay.AdditionalInfo.ID, pay.AdditionalInfo.PaymentID = pay.ReferenceNo, pay.ReferenceNo
	st.mu.Unlock()
	return s.deliverSNAP(ctx, snap.EventVAPayment, pay)
}
