package xendittest

import (
	"maps"
	"net/http"
	"slices"
)

// customerRecord is a stored customer in the 2020-10-31 shape, plus what only
// 2020-05-19 has (middle_name, an address's province and state), so that
// each version reads back what it wrote.
type customerRecord struct {
	account string // for-user-id, empty for the master account
	obj     map[string]any
	legacy  map[string]any
}

func (s *Server) routeCustomers() {
	s.handle("customers.create", s.createCustomer)
	s.handle("customers.get", s.getCustomer)
	s.handle("customers.get_by_reference_id", s.getCustomersByReference)
	s.handle("customers.update", s.updateCustomer)
}

func legacyVersion(r *http.Request) bool { return r.Header.Get("API-VERSION") == "2020-05-19" }

// legacyOnly are the 2020-05-19 fields with no 2020-10-31 home.
var legacyOnly = []string{"middle_name"}

// nameFields are the 2020-05-19 top-level fields that 2020-10-31 keeps in
// individual_detail.
var nameFields = []string{"given_names", "surname", "nationality", "date_of_birth"}

func (s *Server) createCustomer(w http.ResponseWriter, r *http.Request) {
	in, ok := decodeJSON(w, r)
	if !ok {
		return
	}
	legacy := legacyVersion(r)
	if problem := checkCustomer(in, legacy); problem != "" {
		writeValidation(w, "%s", problem)
		return
	}
	rec := &customerRecord{account: r.Header.Get("for-user-id"), obj: map[string]any{}, legacy: map[string]any{}}
	now := s.nowString()
	maps.Copy(rec.obj, map[string]any{
		"id": s.ids.uuid("cust-"), "type": "INDIVIDUAL", "individual_detail": nil, "business_detail": nil,
		"email": nil, "mobile_number": nil, "phone_number": nil, "hashed_phone_number": nil,
		"addresses": []any{}, "identity_accounts": []any{}, "kyc_documents": []any{},
		"description": nil, "metadata": nil, "created": now, "updated": now,
	})
	rec.apply(in, legacy)
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, c := range st.customers {
		if c.account == rec.account && c.obj["reference_id"] == rec.obj["reference_id"] {
			WriteError(w, http.StatusConflict, "DUPLICATE_ERROR",
				"Customer with the provided reference_id already exists; update it instead")
			return
		}
	}
	st.customers[rec.obj["id"].(string)] = rec
	WriteJSON(w, http.StatusOK, rec.render(legacy))
}

// checkCustomer applies the documented required fields of Create Customer.
func checkCustomer(in map[string]any, legacy bool) string {
	if s, _ := in["reference_id"].(string); s == "" {
		return "reference_id is required"
	}
	if legacy {
		if s, _ := in["given_names"].(string); s == "" {
			return "given_names is required"
		}
		if in["email"] == nil && in["mobile_number"] == nil {
			return "one of mobile_number or email is required"
		}
		return ""
	}
	switch in["type"] {
	case "INDIVIDUAL", nil:
		d, _ := in["individual_detail"].(map[string]any)
		if s, _ := d["given_names"].(string); s == "" {
			return "individual_detail.given_names is required"
		}
	case "BUSINESS":
		d, _ := in["business_detail"].(map[string]any)
		if s, _ := d["business_name"].(string); s == "" || d["business_type"] == nil {
			return "business_detail.business_name and business_detail.business_type are required"
		}
	default:
		return "type must be one of [INDIVIDUAL, BUSINESS]"
	}
	return ""
}

// apply writes the fields of a create or PATCH body in the given version:
// a value replaces, null clears.
func (c *customerRecord) apply(in map[string]any, legacy bool) {
	if !legacy {
		maps.Copy(c.obj, in)
		return
	}
	detail, _ := c.obj["individual_detail"].(map[string]any)
	for k, v := range in {
		switch {
		case slices.Contains(nameFields, k):
			if detail == nil {
				detail = map[string]any{}
			}
			detail[k] = v
		case slices.Contains(legacyOnly, k):
			c.legacy[k] = v
		case k == "addresses":
			c.legacy[k] = v
			c.obj[k] = modernAddresses(v)
		default:
			c.obj[k] = v
		}
	}
	c.obj["individual_detail"] = detail
}

func modernAddresses(v any) any {
	list, _ := v.([]any)
	out := []any{}
	for _, a := range list {
		m, _ := a.(map[string]any)
		n := maps.Clone(m)
		n["province_state"] = n["province"]
		delete(n, "province")
		delete(n, "state")
		out = append(out, n)
	}
	return out
}

// render returns the customer in the version of the request.
func (c *customerRecord) render(legacy bool) map[string]any {
	if !legacy {
		return maps.Clone(c.obj)
	}
	out := map[string]any{"middle_name": nil, "addresses": nil}
	for _, k := range []string{"id", "reference_id", "email", "mobile_number", "phone_number",
		"hashed_phone_number", "description", "metadata"} {
		out[k] = c.obj[k]
	}
	detail, _ := c.obj["individual_detail"].(map[string]any)
	for _, k := range nameFields {
		out[k] = detail[k]
	}
	maps.Copy(out, c.legacy)
	if _, ok := c.legacy["addresses"]; !ok {
		if list, _ := c.obj["addresses"].([]any); len(list) > 0 {
			out["addresses"] = legacyAddresses(list)
		}
	}
	return out
}

func legacyAddresses(list []any) []any {
	out := make([]any, 0, len(list))
	for _, a := range list {
		m, _ := a.(map[string]any)
		n := map[string]any{"state": nil, "province": m["province_state"]}
		for _, k := range []string{"country", "street_line1", "street_line2", "city", "postal_code"} {
			n[k] = m[k]
		}
		out = append(out, n)
	}
	return out
}

// lookupCustomer finds the customer id in the caller's account.
func (s *Server) lookupCustomer(w http.ResponseWriter, r *http.Request) *customerRecord {
	st := s.state()
	c := st.customers[r.PathValue("id")]
	if c == nil || c.account != r.Header.Get("for-user-id") {
		WriteError(w, http.StatusNotFound, "DATA_NOT_FOUND", "Customer not found")
		return nil
	}
	return c
}

func (s *Server) getCustomer(w http.ResponseWriter, r *http.Request) {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	if c := s.lookupCustomer(w, r); c != nil {
		WriteJSON(w, http.StatusOK, c.render(legacyVersion(r)))
	}
}

func (s *Server) getCustomersByReference(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("reference_id")
	if ref == "" {
		writeValidation(w, "reference_id is required")
		return
	}
	legacy := legacyVersion(r)
	account := r.Header.Get("for-user-id")
	st := s.state()
	st.mu.Lock()
	found := []map[string]any{}
	for _, c := range st.customers {
		if c.account == account && c.obj["reference_id"] == ref {
			found = append(found, c.render(legacy))
		}
	}
	st.mu.Unlock()
	if legacy {
		WriteJSON(w, http.StatusOK, found)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"data": found, "has_more": false})
}

func (s *Server) updateCustomer(w http.ResponseWriter, r *http.Request) {
	in, ok := decodeJSON(w, r)
	if !ok {
		return
	}
	for _, k := range []string{"reference_id", "type"} {
		if _, set := in[k]; set {
			writeValidation(w, "%s cannot be updated", k)
			return
		}
	}
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	c := s.lookupCustomer(w, r)
	if c == nil {
		return
	}
	legacy := legacyVersion(r)
	c.apply(in, legacy)
	c.obj["updated"] = s.nowString()
	WriteJSON(w, http.StatusOK, c.render(legacy))
}

// CustomerIDs returns the ids of the stored customers, sorted.
func (s *Server) CustomerIDs() []string {
	st := s.state()
	st.mu.Lock()
	defer st.mu.Unlock()
	ids := slices.Collect(maps.Keys(st.customers))
	slices.Sort(ids)
	return ids
}
