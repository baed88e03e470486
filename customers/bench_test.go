package customers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/customers"
	"github.com/seed19b1029f/xendit-go/internal/benchtest"
)

const benchKey = "xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw=="

// benchParams is a 1.3 KB Create Customer body: two addresses, an identity
// account, a KYC document and three metadata keys.
var benchParams = &customers.CreateParams{
	ReferenceID: "merchant-7f3a-customer-000042",
	Type:        customers.TypeIndividual,
	IndividualDetail: &customers.IndividualDetail{GivenNames: "Budi", Surname: xendit.Ptr("Santoso"),
		Nationality: xendit.Ptr("ID"), PlaceOfBirth: xendit.Ptr("Bandung"), Gender: xendit.Ptr(customers.GenderMale),
		Employment: &customers.Employment{EmployerName: xendit.Ptr("PT Maju Jaya"), RoleDescription: xendit.Ptr("Engineer")}},
	Email:        xendit.Ptr("budi.santoso@example.co.id"),
	MobileNumber: xendit.Ptr("+6281234567890"),
	Addresses: []customers.Address{
		{Country: "ID", StreetLine1: xendit.Ptr("Jl. Merdeka No. 17"), StreetLine2: xendit.Ptr("RT 02 / RW 05"),
			City: xendit.Ptr("Jakarta Pusat"), ProvinceState: xendit.Ptr("DKI Jakarta"), PostalCode: xendit.Ptr("10110"),
			Category: xendit.Ptr(customers.AddressCategory("HOME")), IsPrimary: xendit.Ptr(true)},
		{Country: "ID", StreetLine1: xendit.Ptr("Jl. Asia Afrika No. 8"), StreetLine2: xendit.Ptr("Lantai 12"),
			City: xendit.Ptr("Bandung"), ProvinceState: xendit.Ptr("Jawa Barat"), PostalCode: xendit.Ptr("40111"),
			Category: xendit.Ptr(customers.AddressCategory("WORK")), IsPrimary: xendit.Ptr(false)},
	},
	IdentityAccounts: []customers.IdentityAccount{{Type: customers.AccountTypeBankAccount, Company: xendit.Ptr("BCA"),
		Description: xendit.Ptr("Salary account"), Country: xendit.Ptr("ID"),
		Properties: &customers.AccountProperties{AccountNumber: "8830012345", AccountHolderName: "Budi Santoso", Currency: "IDR"}}},
	KYCDocuments: []customers.KYCDocument{{Country: "ID", Type: customers.DocumentType("IDENTITY_CARD"),
		DocumentName: xendit.Ptr("KTP"), DocumentNumber: xendit.Ptr("3171234567890001"), HolderName: xendit.Ptr("Budi Santoso"),
		DocumentImages: []string{"https://files.example.co.id/kyc/ktp-3171234567890001-front.jpg"}}},
	Description: xendit.Ptr("Onboarded through the merchant portal; KYC verified by the operations team."),
	Metadata:    map[string]any{"merchant_id": "m-7f3a", "segment": "retail", "risk_score": 12},
}

// benchRounds rotates the order of BenchmarkCreate's sides.
var benchRounds int

// BenchmarkCreate compares customers Create, a 1.3 KB POST with an
// idempotency key, against the same request built by hand with net/http
// and encoding/json (same headers, same body, a fresh key per call), each on
// a loopback server answering the same customer:
//
//	go test -run='^$' -bench=BenchmarkCreate -benchmem -cpu=1 -count=20 ./customers > create.txt
//	benchstat -col /side create.txt
func BenchmarkCreate(b *testing.B) {
	reply, err := json.Marshal(customers.Customer{ID: "cust-239c16f4-866d-43e8-9341-7badafbc019f",
		ReferenceID: benchParams.ReferenceID, Type: benchParams.Type, IndividualDetail: benchParams.IndividualDetail,
		Email: benchParams.Email, MobileNumber: benchParams.MobileNumber, Addresses: benchParams.Addresses,
		IdentityAccounts: benchParams.IdentityAccounts, KYCDocuments: benchParams.KYCDocuments,
		Description: benchParams.Description, Metadata: benchParams.Metadata})
	if err != nil {
		b.Fatal(err)
	}
	benchtest.Run(b, &benchRounds, reply, []benchtest.Side{
		{Name: "side=net-http", Run: benchBaseline},
		{Name: "side=sdk-caller-transport", Run: func(b *testing.B, u string) {
			benchSDK(b, u, xendit.WithHTTPClient(&http.Client{Transport: benchtest.Transport()}))
		}},
		{Name: "side=sdk-own-transport", Run: func(b *testing.B, u string) { benchSDK(b, u) }},
	})
}

func benchBaseline(b *testing.B, baseURL string) {
	hc := &http.Client{Transport: benchtest.Transport()}
	ctx := context.Background()
	for b.Loop() {
		body, err := json.Marshal(benchParams)
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/customers", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		req.SetBasicAuth(benchKey, "")
		req.Header.Set("Accept", "application/json")
		req.Header.Set("Content-Type", "application/json")
		req.Header["API-VERSION"] = []string{customers.V20201031}
		req.Header["IDEMPOTENCY-KEY"] = []string{uuid.NewString()}
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out customers.Customer
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK || out.ID == "" {
			b.Fatal(fmt.Sprint(err, resp.StatusCode, out))
		}
	}
}

func benchSDK(b *testing.B, baseURL string, opts ...xendit.Option) {
	c, err := xendit.New(benchKey, append([]xendit.Option{xendit.WithBaseURL(baseURL)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	cust := customers.New(c)
	ctx := context.Background()
	for b.Loop() {
		out, err := cust.Create(ctx, benchParams)
		if err != nil || out.ID == "" {
			b.Fatal(err, out)
		}
	}
}

func TestBenchBodyIsAbout1300Bytes(t *testing.T) {
	t.Parallel()
	body, err := json.Marshal(benchParams)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(body); n < 1200 || n > 1400 {
		t.Fatalf("the benchmark's body is %d bytes", n)
	}
}
