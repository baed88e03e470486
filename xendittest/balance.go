package xendittest

import "time"

// Account selects one balance: the account type (CASH when empty), the
// currency, and the for-user-id of a xenPlatform sub-account (empty for the
// master account).
type Account struct {
	AccountType string
	Currency    string
	ForUserID   string
}

// SetBalance sets the balance GET /balance reports for a.
func (s *Server) SetBalance(a Account, amount float64) {
	if a.AccountType == "" {
		a.AccountType = "CASH"
	}
	s.mu.Lock()
	s.balances[a] = amount
	s.mu.Unlock()
}

func (s *Server) routeBalance() {
	s.model("balances.get", s.getBalance)
}

// getBalance answers like Xendit: CASH by default, and a currency is required
// once the account holds more than one.
func (s *Server) getBalance(c *call) {
	a := Account{AccountType: c.query("account_type"), Currency: c.query("currency"), ForUserID: c.r.Header.Get("for-user-id")}
	switch a.AccountType {
	case "":
		a.AccountType = "CASH"
	case "CASH", "HOLDING", "TAX":
	default:
		c.invalid("account_type must be one of [CASH, HOLDING, TAX]")
		return
	}
	if ts := c.query("at_timestamp"); ts != "" {
		if _, err := time.Parse(time.RFC3339, ts); err != nil {
			c.invalid("at_timestamp must be an ISO 8601 date time")
			return
		}
	}
	amount, problem := s.lookupBalance(a)
	if problem != "" {
		c.invalid("%s", problem)
		return
	}
	c.ok(map[string]float64{"balance": amount})
}

func (s *Server) lookupBalance(a Account) (float64, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Currency == "" {
		var currencies []string
		for k := range s.balances {
			if k.AccountType == a.AccountType && k.ForUserID == a.ForUserID {
				currencies = append(currencies, k.Currency)
			}
		}
		if len(currencies) > 1 {
			return 0, "currency is required for accounts with more than one currency"
		}
		if len(currencies) == 1 {
			a.Currency = currencies[0]
		}
	}
	return s.balances[a], ""
}
