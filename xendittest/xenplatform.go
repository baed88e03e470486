package xendittest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// The xenPlatform model. A platform is a secret key; its sub-accounts are
// the accounts it creates (POST /v2/accounts), whose id is the for-user-id
// that any product of the fake then takes: objects, balance ([Account]
// ForUserID), transactions and callbacks ([Server.SetCallbacks], or POST
// /callback_urls/{type} with for-user-id) are the sub-account's own. An
// OWNED or CUSTOM account is LIVE at once (OWNED sends account.created); a
// MANAGED one is INVITED until [Server.ActivateAccount]. A request for a
// sub-account that is not LIVE is refused with 404
// XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE, on every product; a for-user-id the
// fake never created is served as before, as a merchant of its own.
//
// The account callbacks go to the "xenplatform" URL of the platform.

const (
	colAccounts       = "xenplatform_accounts"
	colAccountHolders = "xenplatform_account_holders"
	colTransfers      = "xenplatform_transfers"
	colSplitRules     = "xenplatform_split_rules"
	colSplitUses      = "xenplatform_split_uses"
	productPlatform   = "xenplatform"
)

func (s *Server) routeXenPlatform() {
	s.model("xenplatform.create_account", s.createAccount)
	s.model("xenplatform.get_account", s.getAccount)
	s.model("xenplatform.list_accounts", s.listAccounts)
	s.model("xenplatform.update_account", s.updateAccount)
	s.model("xenplatform.create_account_holder", s.createAccountHolder)
	s.model("xenplatform.get_account_holder", s.getAccountHolder)
	s.model("xenplatform.update_account_holder", s.updateAccountHolder)
	s.model("xenplatform.create_transfer", s.createTransfer)
	s.model("xenplatform.get_transfer_by_reference", s.getTransfer)
	s.model("xenplatform.create_split_rule", s.createSplitRule)
	s.model("xenplatform.set_webhook_url", s.setWebhookURL)
}

// PlatformUserID is the xenPlatform user id of the platform whose secret
// key is key ("" is the server's first key): what transfers and split
// rules name as the master account. Xendit shows it in the Dashboard.
func (s *Server) PlatformUserID(key string) string {
	sum := sha256.Sum256([]byte("xendittest platform " + s.account(key)))
	return hex.EncodeToString(sum[:12])
}

// platformEvent is the envelope of the account callbacks.
func (s *Server) platformEvent(platform, event string, data map[string]any) map[string]any {
	return map[string]any{"event": event, "business_id": s.PlatformUserID(platform), "created": stamp(s.clock.Now()), "data": data}
}

func (s *Server) createAccount(c *call) {
	b := c.body
	typ, conf := str(b, "type"), obj(b, "configurations")
	flag := func(k string) bool { v, _ := conf[k].(bool); return v }
	switch {
	case typ != "" && conf != nil:
		c.fail(http.StatusBadRequest, "TYPE_AND_CONFIGURATION_CONFLICT", "Please provide either one of the type field or the configuration field")
		return
	case typ == "" && conf == nil:
		c.invalid("configurations is required when type is not specified")
		return
	case conf != nil && !flag("has_dashboard") && (flag("has_withdrawal") || !flag("payment_settings_follow_platform")):
		c.fail(http.StatusBadRequest, "INVALID_CONFIGURATION", "The configurations parameter combination is invalid")
		return
	case (typ == "OWNED" || (conf != nil && !flag("has_dashboard"))) && str(obj(b, "public_profile"), "business_name") == "":
		c.invalid("public_profile.business_name is required")
		return
	}
	status := "LIVE"
	switch typ {
	case "":
		typ = "CUSTOM"
	case "MANAGED":
		status = "INVITED"
	}
	now := stamp(c.now())
	a := map[string]any{"id": s.ids.hex24("account"), "created": now, "updated": now, "type": typ, "email": b["email"],
		"public_profile": orObject(obj(b, "public_profile")), "country": "ID", "status": status}
	if conf != nil {
		a["configurations"] = conf
	}
	s.store.put(colAccounts, c.account, a["id"].(string), a)
	c.ok(a)
	if typ == "OWNED" {
		s.deliverLater(c.account, productPlatform, s.platformEvent(c.account, "account.created", a))
	}
}

func orObject(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func (s *Server) getAccount(c *call) {
	if a, ok := s.store.get(colAccounts, c.account, c.param("id")); ok {
		c.ok(a)
		return
	}
	c.notFound("DATA_NOT_FOUND", "Account")
}

// listAccounts pages oldest first, as the reference's example, with its
// filters and an after_id link while more remain.
func (s *Server) listAccounts(c *call) {
	limit, ok := c.limit(10, 50)
	if !ok {
		return
	}
	q := c.r.URL.Query()
	bounds := map[string]time.Time{}
	for _, k := range []string{"created[gte]", "created[lte]", "updated[gte]", "updated[lte]"} {
		if v := q.Get(k); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				c.invalid("%s must be an ISO 8601 date time", k)
				return
			}
			bounds[k] = t
		}
	}
	in := func(key, v string) bool { return len(q[key]) == 0 || slices.Contains(q[key], v) }
	within := func(a map[string]any, field string) bool {
		t := timeOf(a, field)
		from, to := bounds[field+"[gte]"], bounds[field+"[lte]"]
		return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
	}
	name := q.Get("public_profile.business_name")
	p := s.store.list(colAccounts, c.account, listQuery{oldest: true, limit: limit, after: q.Get("after_id"), before: q.Get("before_id"),
		match: func(a map[string]any) bool {
			return in("email", str(a, "email")) && in("status", str(a, "status")) && in("type", str(a, "type")) &&
				(name == "" || str(obj(a, "public_profile"), "business_name") == name) && within(a, "created") && within(a, "updated")
		}})
	c.ok(afterIDPage("/v2/accounts", q, p))
}

// updateAccount changes an OWNED account's email and business name, or
// links an account holder (whose KYC is then requested).
func (s *Server) updateAccount(c *call) {
	holderID := str(c.body, "account_holder_id")
	if holderID != "" {
		if _, ok := s.store.get(colAccountHolders, c.account, holderID); !ok {
			c.notFound("DATA_NOT_FOUND", "Account Holder")
			return
		}
	} else if str(c.body, "email") == "" {
		c.missing("email")
		return
	}
	a, err := s.store.update(colAccounts, c.account, c.param("id"), func(a map[string]any) error {
		if a["type"] != "OWNED" {
			return errIneligible
		}
		for _, k := range []string{"email", "public_profile", "account_holder_id"} {
			if v, ok := c.body[k]; ok {
				a[k] = v
			}
		}
		a["updated"] = stamp(c.now())
		return nil
	})
	switch {
	case err == errIneligible:
		c.fail(http.StatusForbidden, "REQUEST_FORBIDDEN_ERROR", "Only OWNED accounts can be updated")
		return
	case err != nil:
		c.notFound("DATA_NOT_FOUND", "Account")
		return
	}
	if holderID != "" {
		_, _ = s.store.update(colAccountHolders, c.account, holderID, func(h map[string]any) error {
			obj(h, "kyc")["requested_at"] = stamp(c.now())
			return nil
		})
	}
	c.ok(a)
}

// ActivateAccount plays a MANAGED account's owner registering and Xendit
// enabling live payments: the account becomes LIVE, and account.registered
// then account.activated are delivered to the platform before it returns.
func (s *Server) ActivateAccount(id string) error {
	for _, step := range []struct{ status, event string }{{"REGISTERED", "account.registered"}, {"LIVE", "account.activated"}} {
		if err := s.setAccountStatus(id, step.status, step.event, nil); err != nil {
			return err
		}
	}
	return nil
}

// SuspendAccount plays Xendit suspending a sub-account for reason (such as
// FRAUD_PROMO_ABUSE): it becomes SUSPENDED, every request for it is
// refused with XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE, and account.suspended is
// delivered to the platform.
func (s *Server) SuspendAccount(id, reason string) error {
	return s.setAccountStatus(id, "SUSPENDED", "account.suspended", &reason)
}

// ClearAccount lifts a suspension: the account is LIVE again and
// account.cleared is delivered.
func (s *Server) ClearAccount(id string) error {
	cleared := ""
	return s.setAccountStatus(id, "LIVE", "account.cleared", &cleared)
}

func (s *Server) setAccountStatus(id, status, event string, reason *string) error {
	owner, _ := s.store.ownerOf(colAccounts, id)
	return s.hook(colAccounts, id, productPlatform, func(a map[string]any) (any, error) {
		a["status"], a["updated"] = status, stamp(s.clock.Now())
		data := a
		if reason != nil { // the suspension callbacks carry a part of the account and a reason
			data = map[string]any{"id": a["id"], "email": a["email"], "public_profile": a["public_profile"], "status": status, "reason": *reason}
		}
		return s.platformEvent(owner, event, data), nil
	})
}

// subAccountRefusal refuses a request for-user-id of a sub-account made on
// this fake that is not LIVE, or that belongs to another platform; it
// reports whether it answered.
func (s *Server) subAccountRefusal(c *call) bool {
	id := c.r.Header.Get("for-user-id")
	if id == "" {
		return false
	}
	owner, made := s.store.ownerOf(colAccounts, id)
	if !made {
		return false
	}
	key, _, _ := c.r.BasicAuth()
	a, _ := s.store.get(colAccounts, owner, id)
	switch {
	case owner != key:
		c.fail(http.StatusForbidden, "REQUEST_FORBIDDEN_ERROR", "The for-user-id is not a sub-account of this platform")
	case a["status"] != "LIVE":
		c.fail(http.StatusNotFound, "XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE",
			"The Account is not yet live or has been suspended based on internal risk policies")
	default:
		return false
	}
	return true
}

func (s *Server) createAccountHolder(c *call) {
	now := stamp(c.now())
	h := orObject(deepCopy(c.body))
	h["id"] = s.ids.uuid("")
	h["kyc"] = map[string]any{"status": "NOT_VERIFIED"}
	h["created"], h["updated"] = now, now
	s.store.put(colAccountHolders, c.account, h["id"].(string), h)
	c.ok(h)
}

func (s *Server) getAccountHolder(c *call) {
	if h, ok := s.store.get(colAccountHolders, c.account, c.param("id")); ok {
		c.ok(h)
		return
	}
	c.notFound("DATA_NOT_FOUND", "Account Holder")
}

// holderRefusal is why an account holder cannot be updated as asked.
type holderRefusal struct{ code, message string }

func (r *holderRefusal) Error() string { return r.code }

// updateAccountHolder merges the fields given; a capabilities body asks
// for a channel, which needs a PASSED KYC and starts
// VERIFICATION_IN_PROGRESS until [Server.SetAccountHolderCapability].
func (s *Server) updateAccountHolder(c *call) {
	h, err := s.store.update(colAccountHolders, c.account, c.param("id"), func(h map[string]any) error {
		kyc := str(obj(h, "kyc"), "status")
		if kyc == "VERIFICATION_IN_PROGRESS" {
			return &holderRefusal{"KYC_VERIFICATION_IN_PROGRESS", "Account Holder cannot be updated while KYC verification is in progress"}
		}
		for k, v := range c.body {
			if k != "capabilities" && k != "id" && k != "kyc" {
				h[k] = v
			}
		}
		if req := obj(c.body, "capabilities"); req != nil {
			if kyc != "PASSED" {
				return &holderRefusal{"KYC_VERIFICATION_REQUIRED", "Accounts KYC verification has not been completed for this sub-account"}
			}
			caps, _ := h["capabilities"].([]any)
			for _, x := range caps {
				if cp, _ := x.(map[string]any); cp["channel_code"] == req["channel_code"] {
					if cp["status"] == "LIVE" {
						return &holderRefusal{"CHANNEL_HAS_BEEN_ACTIVATED", "Payment channel has been activated for this account holder."}
					}
					return &holderRefusal{"CHANNEL_ACTIVATION_IN_PROGRESS", "Payment channel activation is in progress for this account holder."}
				}
			}
			h["capabilities"] = append(caps, map[string]any{"type": req["type"], "channel_code": req["channel_code"],
				"requested_at": stamp(c.now()), "status": "VERIFICATION_IN_PROGRESS"})
		}
		h["updated"] = stamp(c.now())
		return nil
	})
	var refusal *holderRefusal
	switch {
	case err == nil:
		c.ok(h)
	case asRefusal(err, &refusal):
		c.fail(http.StatusForbidden, refusal.code, "%s", refusal.message)
	default:
		// The reference documents DATA_NOT_FOUND with status 500 here.
		c.fail(http.StatusInternalServerError, "DATA_NOT_FOUND", "Could not find Account Holder by the ID specified")
	}
}

func asRefusal(err error, r **holderRefusal) bool {
	x, ok := err.(*holderRefusal)
	*r = x
	return ok
}

// SetAccountHolderKYC plays Xendit's verification of an account holder
// reaching status (PASSED, FAILED, RESUBMISSION_REQUIRED, ...): the
// account_holder.kyc.status callback is delivered to the platform before
// it returns.
func (s *Server) SetAccountHolderKYC(id, status string) error {
	owner, _ := s.store.ownerOf(colAccountHolders, id)
	return s.hook(colAccountHolders, id, productPlatform, func(h map[string]any) (any, error) {
		now := stamp(s.clock.Now())
		kyc := orObject(obj(h, "kyc"))
		kyc["status"], kyc["verified_at"] = status, now
		if status == "PASSED" {
			kyc["kyc_passed_at"] = now
		}
		h["kyc"], h["updated"] = kyc, now
		return s.platformEvent(owner, "account_holder.kyc.status",
			map[string]any{"id": id, "created": h["created"], "updated": now, "kyc": kyc}), nil
	})
}

// SetAccountHolderCapability plays Xendit deciding on a capability an
// account holder asked for (channel GCASH, PH_CARDS; status LIVE,
// DECLINED, RESUBMISSION_REQUIRED): account_holder.capabilities.status is
// delivered before it returns.
func (s *Server) SetAccountHolderCapability(id, channel, status string) error {
	owner, _ := s.store.ownerOf(colAccountHolders, id)
	return s.hook(colAccountHolders, id, productPlatform, func(h map[string]any) (any, error) {
		now := stamp(s.clock.Now())
		caps, _ := h["capabilities"].([]any)
		i := slices.IndexFunc(caps, func(x any) bool { cp, _ := x.(map[string]any); return cp["channel_code"] == channel })
		if i < 0 {
			return nil, fmt.Errorf("xendittest: account holder %s did not ask for %s", id, channel)
		}
		cp := caps[i].(map[string]any)
		cp["status"], cp["verified_at"] = status, now
		if status == "LIVE" {
			cp["activated_at"] = now
		}
		h["updated"] = now
		return s.platformEvent(owner, "account_holder.capabilities.status",
			map[string]any{"id": id, "created": h["created"], "updated": now, "capabilities": []any{cp}}), nil
	})
}

// webhookProducts maps the webhook types of Set Webhook URLs to the
// fake's products (the SDK's package names, and the Dashboard's own URLs
// for Philippine and batch disbursements), whose callbacks they route.
var webhookProducts = map[string]string{
	"invoice": "invoices", "fva_status": "virtualaccounts", "fva_paid": "virtualaccounts", "ro_fpc_paid": "retailoutlets",
	"regional_ro_paid": "retailoutlets", "ewallet": "ewallets", "payment_method": "directdebit",
	"payment_method_v2": "paymentmethods", "direct_debit": "directdebit", "qr_code": "qrcodes", "recurring": "subscriptions",
	"payment_succeeded": "paymentrequests", "payment_awaiting_capture": "paymentrequests", "payment_pending": "paymentrequests",
	"payment_failed": "paymentrequests", "capture_succeeded": "paymentrequests", "capture_failed": "paymentrequests",
	"payment_request_completed": "paymentrequests", "disbursement": "disbursements", "ph_disbursement": "ph_disbursements",
	"batch_disbursement": "batch_disbursements", "payout": "payouts", "report": "reports",
}

// setWebhookURL sets the URL of a product's callbacks for the account the
// request acts for (the platform, or its for-user-id), as
// [Server.SetCallbacks] does, and answers with the account's callback
// token: the one set before, or one made for it.
func (s *Server) setWebhookURL(c *call) {
	product, ok := webhookProducts[c.param("type")]
	if !ok {
		c.invalid("type must be one of the documented webhook types")
		return
	}
	u, err := url.Parse(str(c.body, "url"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.fail(http.StatusBadRequest, "INVALID_URL_FORMAT", "You have provided an invalid URL format")
		return
	}
	d := s.hooks
	d.mu.Lock()
	t := d.targets[c.account]
	products := make(map[string]string, len(t.Products)+1)
	for k, v := range t.Products {
		products[k] = v
	}
	products[product] = u.String()
	t.Products = products
	if t.Token == "" {
		sum := sha256.Sum256([]byte("xendittest callback token " + c.account))
		t.Token = hex.EncodeToString(sum[:])
	}
	d.targets[c.account] = t
	d.mu.Unlock()
	user := c.r.Header.Get("for-user-id")
	if user == "" {
		user = s.PlatformUserID(c.account)
	}
	c.ok(map[string]any{"status": "SUCCESSFUL", "user_id": user, "url": u.String(), "environment": "TEST", "callback_token": t.Token})
}

// isPlatformKey reports whether account is a secret key (a platform)
// rather than a sub-account's id.
func (s *Server) isPlatformKey(account string) bool {
	return slices.Contains(s.keys, account)
}
