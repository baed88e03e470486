package contracttest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/invoices"
)

const invoiceID = "64e44c42cf6ba3554184a337"

// TestInvoiceFile runs the Invoices API's calls against invoice.yaml, one
// Prism per answer mode.
func TestInvoiceFile(t *testing.T) {
	t.Parallel()
	each(t, invoiceFile, invoiceCalls)
}

// invoiceParams sets every field of Create the file defines, so that the
// schema sees all of them.
func invoiceParams() *invoices.CreateParams {
	s := xendit.Ptr[string]
	return &invoices.CreateParams{
		ExternalID: "contract-invoice-1", Amount: 150000, Description: s("contract test"),
		Currency: xendit.Ptr(xendit.CurrencyIDR),
		Customer: &invoices.Customer{GivenNames: s("John"), Surname: s("Doe"), Email: s("john@example.com"),
			MobileNumber: s("+6281295412345"),
			Addresses: []invoices.Address{{City: s("Jakarta"), Country: s("ID"), PostalCode: s("10220"),
				State: s("DKI Jakarta"), StreetLine1: s("Jl. Sudirman 1"), StreetLine2: s("Floor 2")}}},
		CustomerNotificationPreference: &invoices.CustomerNotificationPreference{
			InvoiceCreated:  []invoices.NotificationChannel{invoices.NotificationChannelWhatsApp, invoices.NotificationChannelEmail},
			InvoiceReminder: []invoices.NotificationChannel{invoices.NotificationChannelViber},
			InvoicePaid:     []invoices.NotificationChannel{invoices.NotificationChannelEmail},
		},
		InvoiceDuration:    xendit.Ptr(86400),
		SuccessRedirectURL: s("https://shop.example/ok"), FailureRedirectURL: s("https://shop.example/failed"),
		PaymentMethods:           []string{"BCA", "OVO", "CREDIT_CARD"},
		CallbackVirtualAccountID: s("5f4708b7bd394b0400b96276"),
		MidLabel:                 s("MID-1"),
		ReminderTimeUnit:         xendit.Ptr(invoices.ReminderTimeUnitHours), ReminderTime: xendit.Ptr(2),
		Locale:                       s("en"),
		Items:                        []invoices.Item{{Name: "Shoes", Quantity: 2, Price: 70000, Category: s("Fashion"), URL: s("https://shop.example/shoes")}},
		Fees:                         []invoices.Fee{{Type: "ADMIN", Value: 10000}},
		ShouldAuthenticateCreditCard: xendit.Ptr(true),
	}
}

func invoiceCalls(t *testing.T, c *contract) {
	ctx := context.Background()
	api := invoices.New(c.client)

	// Prism's default static answer for an Invoice is the schema's own
	// example, a generated placeholder whose enums are all null, which
	// breaks the schema. Create and Expire also name InvoiceExample, a
	// real invoice: static mode asks for it with Prism's Prefer header.
	// Get and List name no example, so they run in dynamic mode only.
	var created, expired []xendit.RequestOption
	if c.mode == static {
		created = []xendit.RequestOption{xendit.WithHeader("Prefer", "example=Successfully created Invoice")}
		expired = []xendit.RequestOption{xendit.WithHeader("Prefer", "example=Successfully expire Invoice")}
	}

	inv, err := api.Create(ctx, invoiceParams(), append(created, xendit.ForUserID("62efe4c33e45694d63f585f8"))...)
	c.decoded("Create", inv, err)
	if c.mode == static && inv != nil {
		// The file's InvoiceExample, as the SDK reads it.
		assert.Equal(t, invoiceID, inv.ID)
		assert.Equal(t, invoices.StatusPending, inv.Status)
		assert.Equal(t, 1800000.0, inv.Amount)
		assert.Equal(t, "MANDIRI", inv.AvailableBanks[0].BankCode)
		assert.Equal(t, "KREDIVO", inv.AvailablePayLaters[0].PayLaterType)
		assert.Equal(t, 2023, inv.ReminderDate.Year())
	}

	inv, err = api.Expire(ctx, invoiceID, expired...)
	c.decoded("Expire", inv, err)

	if c.mode == static {
		return
	}

	inv, err = api.Get(ctx, invoiceID)
	c.decoded("Get", inv, err)

	day := time.Date(2023, 8, 22, 0, 0, 0, 0, time.UTC)
	page, err := api.List(ctx, &invoices.ListParams{
		Statuses:     []invoices.Status{invoices.StatusPending, invoices.StatusPaid, invoices.StatusSettled, invoices.StatusExpired},
		Limit:        xendit.Ptr(50),
		CreatedAfter: day, CreatedBefore: day.Add(24 * time.Hour),
		PaidAfter: day, PaidBefore: day.Add(48 * time.Hour),
		ExpiredAfter: day, ExpiredBefore: day.Add(72 * time.Hour),
		LastInvoiceID: xendit.Ptr(invoiceID),
		ClientTypes: []invoices.ClientType{invoices.ClientTypeDashboard, invoices.ClientTypeAPIGateway, invoices.ClientTypeIntegration,
			invoices.ClientTypeOnDemand, invoices.ClientTypeRecurring, invoices.ClientTypeMobile},
		PaymentChannels:    []string{"BNI", "BRI"},
		OnDemandLink:       xendit.Ptr("test-link"),
		RecurringPaymentID: xendit.Ptr("62efe4c33e45294d63f585f2"),
	})
	c.decoded("List", pageData(page), err)

	page, err = api.ListByExternalID(ctx, "invoice-1692683329")
	c.decoded("ListByExternalID", pageData(page), err)
}

// pageData is what the API answered for a page: a bare array.
func pageData(p *xendit.Page[invoices.Invoice]) []invoices.Invoice {
	if p == nil {
		return nil
	}
	return p.Data
}
