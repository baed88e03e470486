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
	obj    map[string]any
	legacy map[string]any
}

// stored and customerOf move a record in and out of the store.
func (c *customerRecord) stored() map[string]any {
	return map[string]any{"obj": c.obj, "legacy": c.legacy}
}

func customerOf(m map[string]any) *customerRecord {
	return &customerRecord{obj: obj(m, "obj"), legacy: obj(m, "legacy")}
}

func (s *Server) routeCustomers() {
	s.model("customers.create", s.createCustomer)
	s.model("customers.get", s.getCustomer)
	s.model("customers.get_by_reference_id", s.getCustomersByReference)
	s.model("customers.update", s.updateCustomer)
}

func legacyVersion(r *http.Request) bool { return r.Header.Get("API-VERSION") == "2020-05-19" }

// legacyOnly are the 2020-05-19 fields with no 2020-10-31 home.
var legacyOnly = []string{"middle_name"}

// nameFields are the 2020-05-19 top-level fields that 2020-10-31 keeps in
// individual_detail.
var nameFields = []string{"given_names", "surname", "nationality", "date_of_birth"}

func (s *Server) createCustomer(c *call) {
	legacy := legacyVersion(c.r)
	if problem := checkCustomer(c.body, legacy); problem != "" {
		c.invalid("%s", problem)
		return
	}
	rec := &customerRecord{obj: map[string]any{}, legacy: map[string]any{}}
	now := s.nowString()
	maps.Copy(rec.obj, map[string]any{
		"id": s.ids.uuid("cust-"), "type": "INDIVIDUAL", "individual_detail": nil, "business_detail": nil,
		"email": nil, "mobile_number": nil, "phone_number": nil, "hashed_phone_number": nil,
		"addresses": []any{}, "identity_accounts": []any{}, "kyc_documents": []any{},
		"description": nil, "metadata": nil, "created": now, "updated": now,
	})
	rec.apply(c.body, legacy)
	if len(s.customersByReference(c.account, str(rec.obj, "reference_id"), legacy)) > 0 {
		c.fail(http.StatusConflict, "DUPLICATE_ERROR", "Customer with the provided reference_id already exists; update it instead")
		return
	}
	s.store.put("customers", c.account, str(rec.obj, "id"), rec.stored())
	c.ok(rec.render(legacy))
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

func (s *Server) getCustomer(c *call) {
	m, ok := s.store.get("customers", c.account, c.param("id"))
	if !ok {
		c.notFound("DATA_NOT_FOUND", "Customer")
		return
	}
	c.ok(customerOf(m).render(legacyVersion(c.r)))
}

// customersByReference renders account's customers with reference id ref.
func (s *Server) customersByReference(account, ref string, legacy bool) []map[string]any {
	p := s.store.list("customers", account, listQuery{oldest: true, match: func(m map[string]any) bool {
		return obj(m, "obj")["reference_id"] == ref
	}})
	found := []map[string]any{}
	for _, m := range p.items {
		found = append(found, customerOf(m).render(legacy))
	}
	return found
}

func (s *Server) getCustomersByReference(c *call) {
	ref := c.query("reference_id")
	if ref == "" {
		c.missing("reference_id")
		return
	}
	legacy := legacyVersion(c.r)
	found := s.customersByReference(c.account, ref, legacy)
	if legacy {
		c.ok(found)
		return
	}
	c.ok(map[string]any{"data": found, "has_more": false})
}

func (s *Server) updateCustomer(c *call) {
	if c.body == nil {
		c.invalid("the request body must be a JSON object")
		return
	}
	for _, k := range []string{"reference_id", "type"} {
		if _, set := c.body[k]; set {
			c.invalid("%s cannot be updated", k)
			return
		}
	}
	legacy := legacyVersion(c.r)
	m, err := s.store.update("customers", c.account, c.param("id"), func(m map[string]any) error {
		rec := customerOf(m)
		rec.apply(c.body, legacy)
		rec.obj["updated"] = s.nowString()
		return nil
	})
	if err != nil {
		c.notFound("DATA_NOT_FOUND", "Customer")
		return
	}
	c.ok(customerOf(m).render(legacy))
}

// CustomerIDs returns the ids of the stored customers, sorted.
func (s *Server) CustomerIDs() []string {
	var ids []string
	for _, m := range s.store.list("customers", "*", listQuery{}).items {
		ids = append(ids, str(obj(m, "obj"), "id"))
	}
	slices.Sort(ids)
	return ids
}
