package invoices_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/internal/fake"
	"github.com/seed19b1029f/xendit-go/invoices"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

type fixture struct {
	srv       *xendittest.Server
	inv       *invoices.Client
	callbacks <-chan fake.Delivery[invoices.Callback]
}

func newFixture(t *testing.T, policy xendit.RetryPolicy) *fixture {
	t.Helper()
	srv, c := fake.Server(t, policy)
	return &fixture{srv: srv, inv: invoices.New(c), callbacks: fake.Callbacks[invoices.Callback](t, srv)}
}

func (f *fixture) next(t *testing.T) fake.Delivery[invoices.Callback] {
	t.Helper()
	return fake.Next(t, f.callbacks)
}

func order(ext string) *invoices.CreateParams {
	return &invoices.CreateParams{
		ExternalID: ext, Amount: 150000, Currency: xendit.Ptr(xendit.CurrencyIDR),
		Description: xendit.Ptr("Order " + ext),
		Items:       []invoices.Item{{Name: "Air Conditioner", Quantity: 1, Price: 150000}},
		Metadata:    map[string]any{"store_branch": "Jakarta"},
	}
}

func TestInvoiceIsPaidWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	inv, err := f.inv.Create(ctx, order("order-1"))
	require.NoError(t, err)
	assert.True(t, inv.Status.Pending())
	assert.NotEmpty(t, inv.InvoiceURL)
	assert.False(t, inv.ExpiryDate.IsZero())

	require.NoError(t, f.srv.PayInvoice(inv.ID))
	d := f.next(t)
	cb := d.Payload
	assert.Equal(t, invoices.StatusPaid, cb.Status)
	assert.True(t, cb.Status.Succeeded())
	assert.Equal(t, "order-1", cb.ExternalID, "callbacks are matched to orders by external_id")
	assert.Equal(t, 150000.0, *cb.PaidAmount)
	assert.Equal(t, invoices.PaymentMethodBankTransfer, cb.PaymentMethod)
	assert.NotEmpty(t, d.Header.Get(xendit.HeaderWebhookID))

	got, err := f.inv.Get(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, invoices.StatusPaid, got.Status)
	assert.False(t, got.PaidAt.IsZero())
	assert.Equal(t, "Jakarta", got.Metadata["store_branch"])

	_, err = f.inv.Expire(ctx, inv.ID)
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe, "a paid invoice cannot expire")
	assert.Equal(t, invoices.CodeInvoiceNotFound, xe.Code)
	assert.Error(t, f.srv.PayInvoice(inv.ID), "a paid invoice cannot be paid again")
}

func TestInvoiceExpiresWithCallback(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	inv, err := f.inv.Create(t.Context(), order("order-2"))
	require.NoError(t, err)
	require.NoError(t, f.srv.ExpireInvoice(inv.ID))
	cb := f.next(t).Payload
	assert.True(t, cb.Status.Failed())
	assert.Equal(t, inv.ID, cb.ID)
	assert.Error(t, f.srv.PayInvoice(inv.ID), "an expired invoice cannot be paid")
}

func TestExpireThroughTheAPI(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	inv, err := f.inv.Create(ctx, order("order-3"))
	require.NoError(t, err)
	exp, err := f.inv.Expire(ctx, inv.ID)
	require.NoError(t, err)
	assert.Equal(t, invoices.StatusExpired, exp.Status)
	assert.Equal(t, invoices.StatusExpired, f.next(t).Payload.Status)
	got, err := f.inv.Get(ctx, inv.ID)
	require.NoError(t, err)
	assert.True(t, got.Status.Failed())

	_, err = f.inv.Get(ctx, "000000000000000000000000")
	var xe *xendit.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, http.StatusNotFound, xe.StatusCode)
	assert.Equal(t, invoices.CodeInvoiceNotFound, xe.Code)
}

// TestExpireSendsTheBangOnTheWire reads the request line a real server
// receives: the "!" of /invoices/{id}/expire! must arrive as is, not
// escaped to %21 or dropped.
func TestExpireSendsTheBangOnTheWire(t *testing.T) {
	t.Parallel()
	srv := xendittest.New()
	var mu sync.Mutex
	var uris []string
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		uris = append(uris, r.RequestURI)
		mu.Unlock()
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	c, err := xendit.New(xendittest.SecretKey, xendit.WithBaseURL(front.URL), xendit.WithRetryPolicy(fake.NoRetries))
	require.NoError(t, err)
	client := invoices.New(c)
	inv, err := client.Create(t.Context(), order("order-4"))
	require.NoError(t, err)
	exp, err := client.Expire(t.Context(), inv.ID)
	require.NoError(t, err)
	assert.True(t, exp.Status.Failed())
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, "/invoices/"+inv.ID+"/expire!", uris[len(uris)-1])
}

func TestSubAccountAndSplitRuleHeaders(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	inv, err := f.inv.Create(ctx, order("order-5"), xendit.ForUserID("sub-1"), xendit.WithSplitRule("splitru_1"))
	require.NoError(t, err)
	reqs := f.srv.Requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, "sub-1", last.Header.Get("for-user-id"))
	assert.Equal(t, "splitru_1", last.Header.Get("with-split-rule"))

	_, err = f.inv.Get(ctx, inv.ID)
	assert.Error(t, err, "the invoice belongs to the sub-account")
	got, err := f.inv.Get(ctx, inv.ID, xendit.ForUserID("sub-1"))
	require.NoError(t, err)
	assert.Equal(t, "order-5", got.ExternalID)
}

func TestListFiltersAndWalksEveryPage(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	var ids []string
	for i := range 5 {
		inv, err := f.inv.Create(ctx, order("batch-"+string(rune('a'+i))))
		require.NoError(t, err)
		ids = append(ids, inv.ID)
	}
	require.NoError(t, f.srv.PayInvoice(ids[1]))
	f.next(t)

	page, err := f.inv.List(ctx, &invoices.ListParams{Limit: xendit.Ptr(2)})
	require.NoError(t, err)
	assert.Len(t, page.Data, 2)
	assert.True(t, page.HasMore, "a full page may have more")
	assert.Equal(t, ids[4], page.Data[0].ID, "newest first")

	var walked []string
	var resp xendit.Response
	for inv, err := range f.inv.All(ctx, &invoices.ListParams{Limit: xendit.Ptr(2)}, xendit.CaptureResponse(&resp)) {
		require.NoError(t, err)
		walked = append(walked, inv.ID)
	}
	assert.Equal(t, []string{ids[4], ids[3], ids[2], ids[1], ids[0]}, walked)
	var cursors []string
	for _, r := range f.srv.Requests() {
		if r.Method == http.MethodGet && r.Path == "/v2/invoices" && strings.Contains(r.Query, "last_invoice_id") {
			cursors = append(cursors, r.Query)
		}
	}
	assert.Len(t, cursors, 2, "pages after the first follow last_invoice_id")

	paid, err := f.inv.List(ctx, &invoices.ListParams{Statuses: []invoices.Status{invoices.StatusPaid, invoices.StatusSettled}})
	require.NoError(t, err)
	require.Len(t, paid.Data, 1)
	assert.Equal(t, ids[1], paid.Data[0].ID)
	assert.False(t, paid.HasMore)

	byExt, err := f.inv.ListByExternalID(ctx, "batch-c")
	require.NoError(t, err)
	require.Len(t, byExt.Data, 1)
	assert.Equal(t, ids[2], byExt.Data[0].ID)
}

func TestListSendsEveryDocumentedFilter(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	_, err := f.inv.List(t.Context(), &invoices.ListParams{
		ExternalID: xendit.Ptr("627"), Statuses: []invoices.Status{invoices.StatusSettled, invoices.StatusExpired},
		Limit: xendit.Ptr(3), CreatedAfter: t0, CreatedBefore: t0.Add(time.Hour),
		PaidAfter: t0, PaidBefore: t0.Add(2 * time.Hour), ExpiredAfter: t0, ExpiredBefore: t0.Add(3 * time.Hour),
		LastInvoiceID:   xendit.Ptr("5c65be6880a55b02867b2b6f"),
		ClientTypes:     []invoices.ClientType{invoices.ClientTypeDashboard, invoices.ClientTypeAPIGateway},
		PaymentChannels: []string{"BCA", "OVO"}, OnDemandLink: xendit.Ptr("odl"), RecurringPaymentID: xendit.Ptr("rp_1"),
	})
	require.NoError(t, err)
	reqs := f.srv.Requests()
	q := reqs[len(reqs)-1].Query
	for _, want := range []string{
		"external_id=627", "statuses=SETTLED&statuses=EXPIRED", "limit=3",
		"created_after=2024-03-01T00%3A00%3A00.000Z", "created_before=2024-03-01T01%3A00%3A00.000Z",
		"paid_after=", "paid_before=", "expired_after=", "expired_before=",
		"last_invoice_id=5c65be6880a55b02867b2b6f", "client_types=DASHBOARD&client_types=API_GATEWAY",
		"payment_channels=BCA&payment_channels=OVO", "on_demand_link=odl", "recurring_payment_id=rp_1",
	} {
		assert.Contains(t, q, want)
	}
}

// TestCreateIsNeverRepeatedAfterAnAmbiguousFailure proves end to end that
// Create Invoice, which has no idempotency header, is sent once when Xendit
// may have processed it, even with retries enabled, and that the invoice is
// then found by external_id.
func TestCreateIsNeverRepeatedAfterAnAmbiguousFailure(t *testing.T) {
	t.Parallel()
	for name, fault := range fake.AmbiguousFaults() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, fake.FastRetries)
			fault.Method, fault.Path, fault.Times = http.MethodPost, "/v2/invoices", 3
			f.srv.InjectFault(fault)
			var resp xendit.Response
			_, err := f.inv.Create(t.Context(), order("order-6"), xendit.CaptureResponse(&resp))
			require.Error(t, err)
			assert.Equal(t, 1, fake.Count(f.srv, http.MethodPost, "/v2/invoices"), "exactly one attempt")
			assert.Equal(t, 1, resp.Attempts)
			assert.True(t, xendit.OutcomeUnknown(err), "the caller must look the invoice up by external_id")

			found, err := f.inv.ListByExternalID(t.Context(), "order-6")
			require.NoError(t, err)
			assert.Empty(t, found.Data, "the fault answered before the fake created anything")
		})
	}
}

func TestCreateRetriesA429(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.FastRetries)
	f.srv.InjectFault(xendittest.Fault{Method: http.MethodPost, Path: "/v2/invoices", Status: http.StatusTooManyRequests})
	var resp xendit.Response
	_, err := f.inv.Create(t.Context(), order("order-7"), xendit.CaptureResponse(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	found, err := f.inv.ListByExternalID(t.Context(), "order-7")
	require.NoError(t, err)
	assert.Len(t, found.Data, 1, "the 429 was refused before processing; one invoice")
}

func TestParamsAreCheckedBeforeSending(t *testing.T) {
	t.Parallel()
	f := newFixture(t, fake.NoRetries)
	ctx := t.Context()
	_, err := f.inv.Create(ctx, nil)
	fake.Invalid(t, err, "params")
	for field, p := range map[string]*invoices.CreateParams{
		"external_id":      {Amount: 1},
		"amount":           {ExternalID: "x"},
		"invoice_duration": {ExternalID: "x", Amount: 1, InvoiceDuration: xendit.Ptr(31536001)},
		"currency":         {ExternalID: "x", Amount: 1, Currency: xendit.Ptr(xendit.CurrencyUSD)},
		"reminder_time":    {ExternalID: "x", Amount: 1, ReminderTimeUnit: xendit.Ptr(invoices.ReminderTimeUnitHours), ReminderTime: xendit.Ptr(25)},
		"items[0].name":    {ExternalID: "x", Amount: 1, Items: []invoices.Item{{Quantity: 1}}},
		"items":            {ExternalID: "x", Amount: 1, Items: make([]invoices.Item, 76)},
		"fees[0].type":     {ExternalID: "x", Amount: 1, Fees: []invoices.Fee{{Value: 1}}},
		"channel_properties.cards.allowed_bins[0]": {ExternalID: "x", Amount: 1,
			ChannelProperties: &invoices.ChannelProperties{Cards: &invoices.CardsProperties{AllowedBins: []string{"1234567"}}}},
		"success_redirect_url": {ExternalID: "x", Amount: 1, SuccessRedirectURL: xendit.Ptr(strings.Repeat("a", 256))},
	} {
		_, err := f.inv.Create(ctx, p)
		fake.Invalid(t, err, field)
	}
	_, err = f.inv.List(ctx, &invoices.ListParams{PaidAfter: time.Now()})
	fake.Invalid(t, err, "paid_after")
	_, err = f.inv.List(ctx, &invoices.ListParams{Limit: xendit.Ptr(101)})
	fake.Invalid(t, err, "limit")
	for _, err := range f.inv.All(ctx, &invoices.ListParams{Limit: xendit.Ptr(0)}) {
		fake.Invalid(t, err, "limit")
	}
	_, err = f.inv.ListByExternalID(ctx, "")
	fake.Invalid(t, err, "external_id")
	assert.Zero(t, fake.Count(f.srv, http.MethodPost, "/v2/invoices"))
	assert.Empty(t, f.srv.Requests(), "nothing invalid reached the network")
}
