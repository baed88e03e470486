package xendittest

import (
	"math"
	"net/http"
)

// The money of the xenPlatform model: transfers move CASH balance between a
// platform (its user id is [Server.PlatformUserID]) and its sub-accounts,
// in the currency the source holds (IDR when it holds none or several);
// a settled payment credits the balance of the account it was made for,
// and its split rule (with-split-rule on the create) then moves each
// route's part on (settle.go). Each movement is a transaction of the
// accounts concerned (GET /transactions, with their for-user-id): TRANSFER
// on the XENPLATFORM channel.

// userAccount resolves a user id named by a transfer or a route, for
// platform: its own user id, or one of its sub-accounts. forUserID keys
// the balance ("" for the platform), owner the store.
func (s *Server) userAccount(platform, userID string) (forUserID, owner, status string, ok bool) {
	if userID == s.PlatformUserID(platform) {
		return "", platform, "LIVE", true
	}
	a, ok := s.store.get(colAccounts, platform, userID)
	if !ok {
		return "", "", "", false
	}
	return userID, userID, str(a, "status"), true
}

// cashCurrency is the currency of forUserID's CASH balance; s.mu is held.
func (s *Server) cashCurrency(forUserID string) string {
	var found []string
	for a := range s.balances {
		if a.AccountType == "CASH" && a.ForUserID == forUserID {
			found = append(found, a.Currency)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return "IDR"
}

// recordMovement adds the two transactions a movement of money leaves.
func (s *Server) recordMovement(fromOwner, toOwner, productID, reference, currency string, amount float64) {
	tx := Transaction{ProductID: productID, Type: "TRANSFER", ChannelCategory: "XENPLATFORM", ChannelCode: "XENPLATFORM",
		ReferenceID: reference, Currency: currency, Amount: amount}
	out, in := tx, tx
	out.Cashflow, out.ForUserID = "MONEY_OUT", fromOwner
	in.Cashflow, in.ForUserID = "MONEY_IN", toOwner
	s.AddTransactions(out, in)
}

func (s *Server) createTransfer(c *call) {
	b := c.body
	ref, src, dst := str(b, "reference"), str(b, "source_user_id"), str(b, "destination_user_id")
	amount, _ := num(b, "amount")
	if amount <= 0 {
		c.fail(http.StatusBadRequest, "INVALID_AMOUNT", "Transfer amount has to be greater than 0")
		return
	}
	srcFor, srcOwner, srcStatus, ok1 := s.userAccount(c.account, src)
	dstFor, dstOwner, dstStatus, ok2 := s.userAccount(c.account, dst)
	switch {
	case !ok1 || !ok2:
		c.fail(http.StatusBadRequest, "INVALID_SOURCE_OR_DESTINATION_ERROR", "Source or destination account does not exist")
		return
	case srcStatus != "LIVE" || dstStatus != "LIVE":
		c.fail(http.StatusForbidden, "XEN_PLATFORM_SUB_ACCOUNT_NOT_LIVE", "Your source or destination account is not live yet")
		return
	}
	// One lock over the reference check, the balances and the store, so
	// that two requests with one reference cannot both move money.
	s.mu.Lock()
	defer s.mu.Unlock()
	if prev, ok := s.store.get(colTransfers, c.account, ref); ok {
		p, _ := num(prev, "amount")
		if p == amount && prev["source_user_id"] == src && prev["destination_user_id"] == dst {
			c.fail(http.StatusForbidden, "DUPLICATE_REFERENCE", "The reference parameter should be unique.")
		} else {
			c.fail(http.StatusBadRequest, "MISMATCH_PAYLOAD_FOR_REFERENCE", "Reference has been used before")
		}
		return
	}
	currency := s.cashCurrency(srcFor)
	from, to := Account{"CASH", currency, srcFor}, Account{"CASH", currency, dstFor}
	switch {
	case (currency == "IDR" || currency == "VND") && amount != math.Trunc(amount):
		c.fail(http.StatusBadRequest, "INVALID_AMOUNT", "Transfer amount of %s currency should not have decimal point", currency)
		return
	case s.balances[from] < amount:
		c.fail(http.StatusBadRequest, "INSUFFICIENT_BALANCE", "The cash balance of your source account is insufficient.")
		return
	}
	s.balances[from] -= amount
	s.balances[to] += amount
	t := map[string]any{"created": stamp(c.now()), "transfer_id": s.ids.uuid(""), "reference": ref,
		"source_user_id": src, "destination_user_id": dst, "status": "SUCCESSFUL", "amount": amount}
	s.store.put(colTransfers, c.account, ref, t)
	s.recordMovement(srcOwner, dstOwner, t["transfer_id"].(string), ref, currency, amount)
	c.ok(t)
}

func (s *Server) getTransfer(c *call) {
	if t, ok := s.store.get(colTransfers, c.account, c.param("reference")); ok {
		c.ok(t)
		return
	}
	c.notFound("DATA_NOT_FOUND", "Transfer")
}

func (s *Server) createSplitRule(c *call) {
	routes, _ := c.body["routes"].([]any)
	seen := map[string]bool{}
	for _, x := range routes {
		r, _ := x.(map[string]any)
		flat, hasFlat := num(r, "flat_amount")
		pct, hasPct := num(r, "percent_amount")
		switch {
		case (hasFlat && flat <= 0) || (hasPct && (pct <= 0 || pct > 100)) || hasFlat == hasPct:
			c.fail(http.StatusBadRequest, "INVALID_FEE_AMOUNT", "Fee amount and/or unit is negative number or incorrect format.")
			return
		case seen[str(r, "reference_id")]:
			c.fail(http.StatusBadRequest, "DUPLICATE_ERROR", "reference_id %q is not unique for the routes", str(r, "reference_id"))
			return
		}
		seen[str(r, "reference_id")] = true
		if _, _, _, ok := s.userAccount(c.account, str(r, "destination_account_id")); !ok {
			c.notFound("DESTINATION_ACCOUNT_NOT_FOUND", "destination_account_id "+str(r, "destination_account_id"))
			return
		}
	}
	now := stamp(c.now())
	rule := map[string]any{"id": s.ids.uuid("splitru_"), "name": c.body["name"], "description": c.body["description"],
		"routes": routes, "created": now, "updated": now, "metadata": map[string]any{}}
	s.store.put(colSplitRules, c.account, rule["id"].(string), rule)
	c.ok(rule)
}
