package xendittest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
)

// SNAP virtual accounts, keyed by trxId: ACTIVE until deactivated, or
// paid when one-time ([Server.PaySNAPVA]).

// snapVAPrefix is the partnerServiceId of the fake's VAs.
const snapVAPrefix = "88908"

func (s *Server) snapCreateVA(c *call) {
	b := c.body
	info := obj(b, "additionalInfo")
	for _, f := range []string{"virtualAccountName", "trxId"} {
		if str(b, f) == "" {
			c.missing(f)
			return
		}
	}
	if str(info, "channelCode") == "" {
		c.missing("additionalInfo.channelCode")
		return
	}
	if total := obj(b, "totalAmount"); total != nil {
		if _, ok := snapAmount(c, "totalAmount", total); !ok {
			return
		}
	}
	customerNo := str(b, "virtualAccountNo")
	if customerNo == "" {
		customerNo = fmt.Sprintf("%010d", 1_000_000_000+rand.Int64N(9_000_000_000))
	}
	now := c.now()
	va := map[string]any{
		"partnerServiceId": snapVAPrefix, "customerNo": customerNo, "virtualAccountNo": snapVAPrefix + customerNo,
		"virtualAccountName": b["virtualAccountName"], "trxId": b["trxId"], "totalAmount": b["totalAmount"],
		"freeTexts": b["freeTexts"], "expiredDate": orDefault(str(b, "expiredDate"), snapStamp(now.AddDate(31, 0, 0))),
		"additionalInfo": map[string]any{"id": s.ids.uuid("pm-"), "status": "ACTIVE", "channelCode": info["channelCode"],
			"suggestedAmount": info["suggestedAmount"], "reusability": orDefault(str(info, "reusability"), "ONE_TIME_USE"),
			"created": snapStamp(now), "updated": snapStamp(now), "metadata": info["metadata"]},
	}
	if _, dup := s.store.get("snap_vas", c.account, str(b, "trxId")); dup {
		snapConflict(c)
		return
	}
	s.store.put("snap_vas", c.account, str(b, "trxId"), va)
	s.snapVAReply(c, va, "2002700")
}

// snapVAReply answers with the VA and code; inquire and update answer with
// Create's code, as the reference's examples print it.
func (s *Server) snapVAReply(c *call, va map[string]any, code string) {
	r := snapResult(code, "Success")
	r["virtualAccountData"] = va
	c.ok(r)
}

// snapVA finds the VA the body's trxId names (404xx12, the BI SNAP
// standard's "invalid bill", which the reference does not list).
func (s *Server) snapVA(h func(*call, map[string]any)) handler {
	return func(c *call) {
		id := str(c.body, "trxId")
		if id == "" {
			c.missing("trxId")
			return
		}
		va, ok := s.store.get("snap_vas", c.account, id)
		if !ok {
			c.fail(http.StatusNotFound, "12", "Invalid Bill/Virtual Account [Not Found]")
			return
		}
		h(c, va)
	}
}

func (s *Server) snapUpdateVA(c *call, va map[string]any) {
	b := c.body
	if str(b, "virtualAccountName") == "" {
		c.missing("virtualAccountName")
		return
	}
	total := obj(b, "totalAmount")
	if (total == nil) != (va["totalAmount"] == nil) {
		c.invalid("a closed VA cannot become open, nor an open one closed")
		return
	}
	if total != nil {
		if _, ok := snapAmount(c, "totalAmount", total); !ok {
			return
		}
	}
	va, _ = s.store.update("snap_vas", c.account, str(va, "trxId"), func(va map[string]any) error {
		va["virtualAccountName"] = b["virtualAccountName"]
		for _, k := range []string{"totalAmount", "freeTexts", "expiredDate"} {
			if b[k] != nil {
				va[k] = b[k]
			}
		}
		obj(va, "additionalInfo")["updated"] = snapStamp(c.now())
		return nil
	})
	s.snapVAReply(c, va, "2002700")
}

func (s *Server) snapDeactivateVA(c *call, va map[string]any) {
	va, _ = s.store.update("snap_vas", c.account, str(va, "trxId"), func(va map[string]any) error {
		info := obj(va, "additionalInfo")
		info["status"], info["updated"] = "EXPIRED", snapStamp(c.now())
		return nil
	})
	s.snapVAReply(c, va, "2003100")
}

// PaySNAPVA plays a bank transfer of value (IDR, SNAP's "10000.00") into
// the VA with trxID and delivers the snap_virtual_account.payment
// callback, returning when the receiver has answered. A closed VA takes
// only its amount; an expired one takes nothing; a one-time VA expires
// once paid.
func (s *Server) PaySNAPVA(ctx context.Context, trxID, value string) error {
	amount := map[string]any{"value": value, "currency": "IDR"}
	var pay map[string]any
	_, err := s.store.update("snap_vas", "*", trxID, func(va map[string]any) error {
		info := obj(va, "additionalInfo")
		total := obj(va, "totalAmount")
		switch {
		case info["status"] != "ACTIVE":
			return fmt.Errorf("xendittest: SNAP VA %q is %s", trxID, info["status"])
		case total != nil && (total["value"] != value || total["currency"] != "IDR"):
			return fmt.Errorf("xendittest: SNAP VA %q takes exactly %v", trxID, total["value"])
		}
		if info["reusability"] == "ONE_TIME_USE" {
			info["status"] = "EXPIRED"
		}
		now := snapStamp(s.clock.Now())
		ref := s.ids.uuid("")
		pay = map[string]any{
			"partnerServiceId": va["partnerServiceId"], "customerNo": va["customerNo"], "virtualAccountNo": va["virtualAccountNo"],
			"virtualAccountName": va["virtualAccountName"], "trxId": trxID, "paymentRequestId": info["id"],
			"paidAmount": amount, "trxDateTime": now, "referenceNo": ref, "freeTexts": va["freeTexts"],
			"additionalInfo": map[string]any{"id": ref, "paymentId": ref, "country": "ID", "status": "SUCCEEDED",
				"created": now, "updated": now, "metadata": info["metadata"],
				"virtualAccountInfo": map[string]any{"id": info["id"], "reusability": info["reusability"],
					"channelCode": info["channelCode"], "trxId": trxID}},
		}
		return nil
	})
	if err != nil {
		return err
	}
	owner, _ := s.store.ownerOf("snap_vas", trxID)
	return s.deliverSNAP(ctx, owner, "snap_virtual_account.payment", pay)
}
