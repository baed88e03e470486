package customers_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/internal/jsontest"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

func TestExampleFieldsAreNamed(t *testing.T) {
	t.Parallel()
	var c customers.Customer
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "customers.object.response.json"), &c))
	assert.Equal(t, customers.TypeIndividual, c.Type)
	assert.Equal(t, customers.GenderMale, *c.IndividualDetail.Gender)
	assert.Equal(t, customers.NewDate(1980, 1, 1), c.IndividualDetail.DateOfBirth)
	assert.Equal(t, "Xendit", *c.IndividualDetail.Employment.EmployerName)
	assert.Equal(t, customers.AddressCategoryHome, *c.Addresses[0].Category)
	assert.True(t, *c.Addresses[0].IsPrimary)
	assert.Equal(t, customers.AccountTypeCreditCard, c.IdentityAccounts[0].Type)
	assert.Equal(t, "586f0ba2ab70de5d2b409e0d", c.IdentityAccounts[0].Properties.TokenID)
	assert.Equal(t, customers.DocumentSubTypeNationalID, *c.KYCDocuments[0].SubType)
	assert.True(t, c.KYCDocuments[0].ExpiresAt.IsZero(), "null expires_at")
	assert.Equal(t, customers.NewDate(2020, 3, 30), c.DateOfRegistration)
	assert.Equal(t, "bar", c.Metadata["foo"])
	assert.Equal(t, 2020, c.Created.Year())

	var b customers.Customer
	require.NoError(t, json.Unmarshal(jsontest.Load(t, "customers.object.response.2.json"), &b))
	assert.Nil(t, b.IndividualDetail)
	assert.Equal(t, customers.BusinessTypeCorporation, b.BusinessDetail.BusinessType)
	assert.NotNil(t, b.Addresses, "[] stays an empty slice")
}

func TestUnknownEnumsDecode(t *testing.T) {
	t.Parallel()
	var c customers.Customer
	body := `{"id":"cust-1","type":"TRUST_FUND","individual_detail":{"given_names":"A","gender":"UNSPECIFIED"},
		"identity_accounts":[{"type":"CRYPTO_WALLET","properties":{"wallet":"x"}}],"kyc_documents":[{"type":"SELFIE","country":"ID"}]}`
	require.NoError(t, json.Unmarshal([]byte(body), &c))
	assert.Equal(t, customers.Type("TRUST_FUND"), c.Type)
	assert.Equal(t, customers.Gender("UNSPECIFIED"), *c.IndividualDetail.Gender)
	assert.Equal(t, customers.AccountType("CRYPTO_WALLET"), c.IdentityAccounts[0].Type)
}

func newServer(t *testing.T) (*xendittest.Server, *xendit.Client) {
	return fake.Server(t, fake.NoRetries)
}

func lastRequest(t *testing.T, srv *xendittest.Server) xendittest.Request {
	t.Helper()
	reqs := srv.Requests()
	require.NotEmpty(t, reqs)
	return reqs[len(reqs)-1]
}

func TestCreateGetUpdateLookup(t *testing.T) {
	t.Parallel()
	srv, c := newServer(t)
	ctx := context.Background()
	api := customers.New(c)
	created, err := api.Create(ctx, &customers.CreateParams{
		ReferenceID:      "ref-1",
		IndividualDetail: &customers.IndividualDetail{GivenNames: "John", Surname: xendit.Ptr("Doe")},
		Email:            xendit.Ptr("john@example.com"),
		PhoneNumber:      xendit.Ptr("+628123"),
		Metadata:         map[string]any{"tier": "gold"},
	})
	require.NoError(t, err)
	sent := lastRequest(t, srv)
	assert.Equal(t, "2020-10-31", sent.Header.Get("API-VERSION"))
	assert.NotEmpty(t, sent.Header.Get("IDEMPOTENCY-KEY"))
	assert.JSONEq(t, `{"reference_id":"ref-1","type":"INDIVIDUAL","individual_detail":{"given_names":"John","surname":"Doe"},
		"email":"john@example.com","phone_number":"+628123","metadata":{"tier":"gold"}}`, string(sent.Body))
	assert.True(t, strings.HasPrefix(created.ID, "cust-"))
	assert.Equal(t, customers.TypeIndividual, created.Type)

	got, err := api.Get(ctx, created.ID)
	require.NoError(t, err)
	assert.Equal(t, created, got)

	updated, err := api.Update(ctx, created.ID, &customers.UpdateParams{
		Email:       xendit.Set("jane@example.com"),
		PhoneNumber: xendit.Null[string](),
	})
	require.NoError(t, err)
	assert.JSONEq(t, `{"email":"jane@example.com","phone_number":null}`, string(lastRequest(t, srv).Body))
	assert.Equal(t, "jane@example.com", *updated.Email)
	assert.Nil(t, updated.PhoneNumber)
	assert.Equal(t, "Doe", *updated.IndividualDetail.Surname, "unset fields are unchanged")

	list, err := api.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "ref-1"})
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	assert.Equal(t, created.ID, list.Data[0].ID)
	assert.Equal(t, "reference_id=ref-1", lastRequest(t, srv).Query)

	none, err := api.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "nobody"})
	require.NoError(t, err)
	assert.Empty(t, none.Data)
	assert.False(t, none.HasMore)
}

func TestVersion20200519(t *testing.T) {
	t.Parallel()
	srv, c := newServer(t)
	ctx := context.Background()
	legacy := customers.NewV20200519(c)
	created, err := legacy.Create(ctx, &customers.CreateParamsV20200519{
		ReferenceID: "ref-old", GivenNames: "Budi", MiddleName: xendit.Ptr("S"),
		Email:     xendit.Ptr("budi@example.com"),
		Addresses: []customers.AddressV20200519{{Country: "ID", Province: xendit.Ptr("DKI Jakarta")}},
	}, xendit.WithAPIVersion("2020-10-31")) // the client's pin wins
	require.NoError(t, err)
	assert.Equal(t, "2020-05-19", lastRequest(t, srv).Header.Get("API-VERSION"))
	assert.Equal(t, "Budi", *created.GivenNames)
	assert.Equal(t, "S", *created.MiddleName)
	assert.Equal(t, "DKI Jakarta", *created.Addresses[0].Province)

	found, err := legacy.ListByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "ref-old"})
	require.NoError(t, err, "2020-05-19 answers a bare array")
	require.Len(t, found.Data, 1)
	assert.False(t, found.HasMore)
	assert.Equal(t, created.ID, found.Data[0].ID)
	var all []string
	for cust, err := range legacy.AllByReferenceID(ctx, &customers.ListByReferenceIDParams{ReferenceID: "ref-old"}) {
		require.NoError(t, err)
		all = append(all, cust.ID)
	}
	assert.Equal(t, []string{created.ID}, all)

	upd, err := legacy.Update(ctx, created.ID, &customers.UpdateParamsV20200519{Surname: xendit.Set("Santoso")})
	require.NoError(t, err)
	assert.Equal(t, "Santoso", *upd.Surname)

	// The same customer read through the latest version.
	latest, err := customers.New(c).Get(ctx, created.ID)
	require.NoError(t, err)
	assert.Equal(t, "Budi", latest.IndividualDetail.GivenNames)
	assert.Equal(t, "Santoso", *latest.IndividualDetail.Surname)
	assert.Equal(t, "DKI Jakarta", *latest.Addresses[0].ProvinceState)
}

func TestDocumentedErrors(t *testing.T) {
	t.Parallel()
	_, c := newServer(t)
	ctx := context.Background()
	api := customers.New(c)
	params := &customers.CreateParams{ReferenceID: "dup", IndividualDetail: &customers.IndividualDetail{GivenNames: "A"}}
	_, err := api.Create(ctx, params)
	require.NoError(t, err)

	_, err = api.Create(ctx, params)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 409, xe.StatusCode)
	assert.Equal(t, customers.CodeDuplicate, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrDuplicate)

	_, err = api.Get(ctx, "cust-missing")
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, customers.CodeNotFound, xe.Code)
	assert.ErrorIs(t, err, xendit.ErrNotFound)

	_, err = api.Update(ctx, "cust-missing", &customers.UpdateParams{Email: xendit.Set("a@b.c")})
	assert.ErrorIs(t, err, xendit.ErrNotFound)
}

func TestIdempotencyKeyReplaysAndConflicts(t *testing.T) {
	t.Parallel()
	srv, c := newServer(t)
	ctx := context.Background()
	api := customers.New(c)
	key := xendit.WithIdempotencyKey("create-ref-7")
	params := &customers.CreateParams{ReferenceID: "ref-7", IndividualDetail: &customers.IndividualDetail{GivenNames: "A"}}
	first, err := api.Create(ctx, params, key)
	require.NoError(t, err)
	again, err := api.Create(ctx, params, key)
	require.NoError(t, err, "same key and body: the first response, not a DUPLICATE_ERROR")
	assert.Equal(t, first, again)
	assert.Len(t, srv.CustomerIDs(), 1)

	other := *params
	other.ReferenceID = "ref-8"
	_, err = api.Create(ctx, &other, key)
	assert.ErrorIs(t, err, xendit.ErrIdempotencyConflict)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, customers.CodeIdempotency, xe.Code)
}

func TestValidationBeforeSending(t *testing.T) {
	t.Parallel()
	srv, c := newServer(t)
	ctx := context.Background()
	api := customers.New(c)
	ind := &customers.IndividualDetail{GivenNames: "A"}
	cases := map[string]struct {
		params *customers.CreateParams
		field  string
	}{
		"nil":              {nil, "params"},
		"no reference_id":  {&customers.CreateParams{IndividualDetail: ind}, "reference_id"},
		"long reference":   {&customers.CreateParams{ReferenceID: strings.Repeat("r", 256), IndividualDetail: ind}, "reference_id"},
		"no detail":        {&customers.CreateParams{ReferenceID: "r"}, "individual_detail"},
		"no given names":   {&customers.CreateParams{ReferenceID: "r", IndividualDetail: &customers.IndividualDetail{}}, "individual_detail.given_names"},
		"business no type": {&customers.CreateParams{ReferenceID: "r", Type: customers.TypeBusiness, BusinessDetail: &customers.BusinessDetail{BusinessName: "B"}}, "business_detail.business_type"},
		"mixed details":    {&customers.CreateParams{ReferenceID: "r", Type: customers.TypeBusiness, IndividualDetail: ind}, "individual_detail"},
		"long email":       {&customers.CreateParams{ReferenceID: "r", IndividualDetail: ind, Email: xendit.Ptr(strings.Repeat("e", 256))}, "email"},
		"address country":  {&customers.CreateParams{ReferenceID: "r", IndividualDetail: ind, Addresses: []customers.Address{{}}}, "addresses[0].country"},
		"bank account": {&customers.CreateParams{ReferenceID: "r", IndividualDetail: ind, IdentityAccounts: []customers.IdentityAccount{{
			Type: customers.AccountTypeBankAccount, Properties: &customers.AccountProperties{AccountNumber: "1"}}}}, "identity_accounts[0].properties.account_holder_name"},
		"kyc type":      {&customers.CreateParams{ReferenceID: "r", IndividualDetail: ind, KYCDocuments: []customers.KYCDocument{{Country: "ID"}}}, "kyc_documents[0].type"},
		"metadata keys": {&customers.CreateParams{ReferenceID: "r", IndividualDetail: ind, Metadata: map[string]any{strings.Repeat("k", 41): "v"}}, "metadata key " + strings.Repeat("k", 41)},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := api.Create(ctx, tc.params)
			var ve *xendit.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	_, err := api.Update(ctx, "cust-1", &customers.UpdateParams{IndividualDetail: xendit.Set(customers.IndividualDetail{})})
	assert.True(t, errors.Is(err, xendit.ErrValidation))
	_, err = customers.NewV20200519(c).Create(ctx, &customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "A"})
	var ve *xendit.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "mobile_number", ve.Field)
	_, err = api.Get(ctx, "")
	assert.True(t, errors.Is(err, xendit.ErrValidation))
	for name, p := range map[string]*customers.ListByReferenceIDParams{
		"nil": nil, "reference_id": {}, "long": {ReferenceID: strings.Repeat("r", 256)},
	} {
		_, err = api.ListByReferenceID(ctx, p)
		assert.ErrorAs(t, err, &ve, name)
		for _, err := range api.AllByReferenceID(ctx, p) {
			assert.ErrorAs(t, err, &ve, name)
		}
		_, err = customers.NewV20200519(c).ListByReferenceID(ctx, p)
		assert.ErrorAs(t, err, &ve, name)
	}
	_, err = customers.NewV20200519(c).Update(ctx, "cust-1", nil)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "params", ve.Field)
	assert.Empty(t, srv.Requests(), "nothing was sent")
}

func TestBusinessCustomer(t *testing.T) {
	t.Parallel()
	_, c := newServer(t)
	got, err := customers.New(c).Create(context.Background(), &customers.CreateParams{
		ReferenceID: "acme", Type: customers.TypeBusiness,
		BusinessDetail: &customers.BusinessDetail{BusinessName: "ACME", BusinessType: customers.BusinessTypeCorporation},
		KYCDocuments: []customers.KYCDocument{{Country: "ID", Type: customers.DocumentTypeBusinessRegistration,
			DocumentImages: []string{"file-1"}, ExpiresAt: customers.NewDate(2030, 12, 31)}},
	})
	require.NoError(t, err)
	assert.Equal(t, customers.TypeBusiness, got.Type)
	assert.Equal(t, "ACME", got.BusinessDetail.BusinessName)
	assert.Equal(t, customers.NewDate(2030, 12, 31), got.KYCDocuments[0].ExpiresAt)
}

// pagesServer answers GET /customers from pages keyed by after_id, and
// records the queries.
func pagesServer(t *testing.T, pages map[string]string) (*xendit.Client, *[]url.Values) {
	t.Helper()
	var mu sync.Mutex
	var queries []url.Values
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		queries = append(queries, r.URL.Query())
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Request-ID", "req-"+r.URL.Query().Get("after_id"))
		_, _ = io.WriteString(w, pages[r.URL.Query().Get("after_id")])
	}))
	t.Cleanup(ts.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(ts.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	return c, &queries
}

// AllByReferenceID follows after_id from each page's last customer, as the
// reference's has_more describes, and fills CaptureResponse per page.
func TestAllByReferenceIDPagesOverHTTP(t *testing.T) {
	t.Parallel()
	c, queries := pagesServer(t, map[string]string{
		"":       `{"data":[{"id":"cust-1"},{"id":"cust-2"}],"has_more":true}`,
		"cust-2": `{"data":[{"id":"cust-3"}],"has_more":true}`,
		"cust-3": `{"data":[{"id":"cust-4"}],"has_more":false}`,
	})
	var resp xendit.Response
	var ids, pages []string
	for cust, err := range customers.New(c).AllByReferenceID(context.Background(),
		&customers.ListByReferenceIDParams{ReferenceID: "shared-ref"}, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		ids = append(ids, cust.ID)
		pages = append(pages, resp.RequestID)
	}
	assert.Equal(t, []string{"cust-1", "cust-2", "cust-3", "cust-4"}, ids)
	assert.Equal(t, []string{"req-", "req-", "req-cust-2", "req-cust-3"}, pages, "the response of the page being read")
	require.Len(t, *queries, 3)
	for _, q := range *queries {
		assert.Equal(t, "shared-ref", q.Get("reference_id"))
	}
	assert.Equal(t, "cust-3", (*queries)[2].Get("after_id"))
}

func TestAllByReferenceIDRefusesARepeatedCursor(t *testing.T) {
	t.Parallel()
	page := `{"data":[{"id":"cust-1"}],"has_more":true}`
	c, queries := pagesServer(t, map[string]string{"": page, "cust-1": page})
	var errs []error
	for _, err := range customers.New(c).AllByReferenceID(context.Background(), &customers.ListByReferenceIDParams{ReferenceID: "r"}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], xendit.ErrPagination)
	assert.Len(t, *queries, 2)
}

func TestListByReferenceIDSendsAfterID(t *testing.T) {
	t.Parallel()
	c, queries := pagesServer(t, map[string]string{"cust-9": `[{"id":"9f8e"}]`})
	page, err := customers.NewV20200519(c).ListByReferenceID(context.Background(),
		&customers.ListByReferenceIDParams{ReferenceID: "r", AfterID: xendit.Ptr("cust-9")})
	require.NoError(t, err)
	assert.Equal(t, "9f8e", page.Data[0].ID)
	assert.Equal(t, "cust-9", (*queries)[0].Get("after_id"))
}

// Each rule of the other params types, broken once, names its field.
func TestValidateNamesTheField(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 501)
	cases := map[string]struct {
		params interface{ Validate() error }
		field  string
	}{
		"update given names":   {&customers.UpdateParams{IndividualDetail: xendit.Set(customers.IndividualDetail{})}, "individual_detail.given_names"},
		"update business name": {&customers.UpdateParams{BusinessDetail: xendit.Set(customers.BusinessDetail{BusinessType: customers.BusinessTypeTrust})}, "business_detail.business_name"},
		"update mobile":        {&customers.UpdateParams{MobileNumber: xendit.Set(long)}, "mobile_number"},
		"update description":   {&customers.UpdateParams{Description: xendit.Set(long)}, "description"},
		"update address":       {&customers.UpdateParams{Addresses: xendit.Set([]customers.Address{{}})}, "addresses[0].country"},
		"update account":       {&customers.UpdateParams{IdentityAccounts: xendit.Set([]customers.IdentityAccount{{}})}, "identity_accounts[0].type"},
		"update kyc":           {&customers.UpdateParams{KYCDocuments: xendit.Set([]customers.KYCDocument{{Type: customers.DocumentTypePassport}})}, "kyc_documents[0].country"},
		"update metadata":      {&customers.UpdateParams{Metadata: xendit.Set(map[string]any{"k": long})}, "metadata.k"},
		"v2020 reference":      {&customers.CreateParamsV20200519{GivenNames: "A", Email: xendit.Ptr("a@b.c")}, "reference_id"},
		"v2020 given names":    {&customers.CreateParamsV20200519{ReferenceID: "r", Email: xendit.Ptr("a@b.c")}, "given_names"},
		"v2020 reachable":      {&customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "A"}, "mobile_number"},
		"v2020 address":        {&customers.CreateParamsV20200519{ReferenceID: "r", GivenNames: "A", Email: xendit.Ptr("a@b.c"), Addresses: []customers.AddressV20200519{{}}}, "addresses[0].country"},
		"v2020 update email":   {&customers.UpdateParamsV20200519{Email: xendit.Set(long)}, "email"},
		"v2020 update address": {&customers.UpdateParamsV20200519{Addresses: xendit.Set([]customers.AddressV20200519{{}})}, "addresses[0].country"},
		"list reference":       {&customers.ListByReferenceIDParams{}, "reference_id"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var ve *xendit.ValidationError
			require.ErrorAs(t, tc.params.Validate(), &ve)
			assert.Equal(t, tc.field, ve.Field)
		})
	}
	assert.NoError(t, (&customers.UpdateParams{Email: xendit.Null[string]()}).Validate(), "clearing is always allowed")
}
