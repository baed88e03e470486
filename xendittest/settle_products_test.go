package xendittest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed19b1029f/xendit-go"
	"github.com/seed19b1029f/xendit-go/cards"
	"github.com/seed19b1029f/xendit-go/directdebit"
	"github.com/seed19b1029f/xendit-go/ewallets"
	"github.com/seed19b1029f/xendit-go/invoices"
	"github.com/seed19b1029f/xendit-go/paylater"
	"github.com/seed19b1029f/xendit-go/paymentmethods"
	"github.com/seed19b1029f/xendit-go/paymentrequests"
	"github.com/seed19b1029f/xendit-go/qrcodes"
	"github.com/seed19b1029f/xendit-go/retailoutlets"
	"github.com/seed19b1029f/xendit-go/subscriptions"
	"github.com/seed19b1029f/xendit-go/transactions"
	"github.com/seed19b1029f/xendit-go/virtualaccounts"
	"github.com/seed19b1029f/xendit-go/xendittest"
)

// moneyInProducts are the payments the fake models, each through the
// test hook or the API call that makes it (both where a product has both).
func moneyInProducts() []moneyIn {
	idr := func(name string, cat transactions.ChannelCategory, product string, pay func(*testing.T, *platform) string) moneyIn {
		return moneyIn{name: name, category: cat, currency: xendit.CurrencyIDR, amount: 50_000, product: product, split: true, pay: pay}
	}
	return []moneyIn{
		idr("ewallet charge", transactions.ChannelCategoryEWallet, "ewallets", func(t *testing.T, p *platform) string {
			ch, err := ewallets.New(p.c).CreateCharge(t.Context(), &ewallets.CreateChargeParams{ReferenceID: "order-1",
				Currency: xendit.CurrencyIDR, Amount: 50_000, CheckoutMethod: ewallets.CheckoutMethodOneTimePayment,
				ChannelCode:       xendit.Ptr(ewallets.ChannelShopeePayID),
				ChannelProperties: &ewallets.ChannelProperties{SuccessRedirectURL: xendit.Ptr("https://shop.example/ok")}}, p.create()...)
			require.NoError(t, err)
			require.NoError(t, p.srv.CompleteEWalletCharge(ch.ID))
			return ch.ID
		}),
		idr("invoice", transactions.ChannelCategoryVirtualAccount, "invoices", func(t *testing.T, p *platform) string {
			id := createInvoice(t, p, p.create()...)
			require.NoError(t, p.srv.PayInvoice(id))
			return id
		}),
		idr("virtual account, simulated", transactions.ChannelCategoryVirtualAccount, "virtualaccounts", func(t *testing.T, p *platform) string {
			va := createVA(t, p)
			_, err := virtualaccounts.New(p.c).SimulatePayment(t.Context(), va.ExternalID, &virtualaccounts.SimulatePaymentParams{Amount: 50_000}, p.as())
			require.NoError(t, err)
			return "" // the simulation does not show the payment
		}),
		idr("virtual account, PayVirtualAccount", transactions.ChannelCategoryVirtualAccount, "virtualaccounts", func(t *testing.T, p *platform) string {
			paymentID, err := p.srv.PayVirtualAccount(createVA(t, p).ID, 50_000)
			require.NoError(t, err)
			return paymentID
		}),
		idr("QR code", transactions.ChannelCategoryQRCode, "qrcodes", func(t *testing.T, p *platform) string {
			qr := qrcodes.New(p.c)
			code, err := qr.CreateQRCode(t.Context(), &qrcodes.CreateQRCodeParams{ReferenceID: "order-1", Type: qrcodes.QRCodeTypeDynamic,
				Currency: xendit.CurrencyIDR, Amount: xendit.Ptr(50_000.0)}, p.create()...)
			require.NoError(t, err)
			pay, err := qr.SimulatePayment(t.Context(), code.ID, nil, p.as())
			require.NoError(t, err)
			return pay.ID
		}),
		idr("fixed payment code", transactions.ChannelCategoryRetailOutlet, "retailoutlets", func(t *testing.T, p *platform) string {
			code, err := retailoutlets.New(p.c).CreateFixedPaymentCode(t.Context(), &retailoutlets.CreateFixedPaymentCodeParams{
				ExternalID: "order-1", RetailOutletName: retailoutlets.RetailOutletNameAlfamart, Name: "Rika", ExpectedAmount: 50_000,
			}, p.create()...)
			require.NoError(t, err)
			require.NoError(t, p.srv.PayFixedPaymentCode(code.ID, 0))
			return ""
		}),
		{name: "payment code", category: transactions.ChannelCategoryRetailOutlet, currency: xendit.CurrencyPHP, amount: 500,
			product: "retailoutlets", split: true, pay: func(t *testing.T, p *platform) string {
				code, err := retailoutlets.New(p.c).CreatePaymentCode(t.Context(), &retailoutlets.CreatePaymentCodeParams{
					ReferenceID: "order-1", ChannelCode: retailoutlets.Channel7ElevenCliqq, Amount: xendit.Ptr(500.0),
					Currency: xendit.CurrencyPHP, CustomerName: "Juan", Market: retailoutlets.CountryPH,
				}, p.create()...)
				require.NoError(t, err)
				require.NoError(t, p.srv.PayPaymentCode(code.ID, 0))
				return ""
			}},
		idr("direct debit, OTP", transactions.ChannelCategoryDirectDebit, "directdebit", func(t *testing.T, p *platform) string {
			dd := directdebit.New(p.c)
			payment := createDDPayment(t, p, nil)
			require.True(t, payment.IsOTPRequired)
			_, err := dd.ValidatePaymentOTP(t.Context(), payment.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP}, p.as())
			require.NoError(t, err)
			return payment.ID
		}),
		idr("direct debit, CompleteDirectDebitPayment", transactions.ChannelCategoryDirectDebit, "directdebit", func(t *testing.T, p *platform) string {
			payment := createDDPayment(t, p, xendit.Ptr(false))
			require.NoError(t, p.srv.CompleteDirectDebitPayment(payment.ID))
			return payment.ID
		}),
		idr("card charge", transactions.ChannelCategoryCards, "", func(t *testing.T, p *platform) string {
			return chargeCard(t, p, p.create()...)
		}),
		idr("card authorization, captured with the split rule", transactions.ChannelCategoryCards, "", func(t *testing.T, p *platform) string {
			cc := cards.New(p.c)
			tok := p.srv.NewCardToken(xendittest.CardToken{ForUserID: p.sub})
			auth, err := cc.CreateAuthorization(t.Context(), &cards.CreateChargeParams{TokenID: tok.ID, AuthenticationID: &tok.AuthenticationID,
				ExternalID: "order-1", Amount: 80_000, Currency: xendit.Ptr(xendit.CurrencyIDR)}, p.as())
			require.NoError(t, err)
			_, err = cc.CaptureCharge(t.Context(), auth.ID, &cards.CaptureChargeParams{Amount: 50_000}, p.create()...)
			require.NoError(t, err)
			return auth.ID
		}),
		// PayLater documents no with-split-rule: the whole amount stays.
		{name: "PayLater charge", category: transactions.ChannelCategoryPayLater, currency: xendit.CurrencyIDR, amount: 50_000,
			product: "paylater", pay: func(t *testing.T, p *platform) string {
				pl := paylater.New(p.c)
				items := []paylater.OrderItem{{Type: paylater.ItemTypePhysicalProduct, ReferenceID: "SKU-1", Name: "Fan",
					NetUnitAmount: 50_000, Quantity: 1, URL: "https://shop.example/fan", Category: "Appliances"}}
				plan, err := pl.InitiatePlans(t.Context(), &paylater.InitiatePlansParams{CustomerID: "cust-1", ChannelCode: paylater.ChannelKredivo,
					Currency: xendit.CurrencyIDR, Amount: paylater.Total(items), OrderItems: items}, p.as())
				require.NoError(t, err)
				ch, err := pl.CreateCharge(t.Context(), &paylater.CreateChargeParams{PlanID: plan.ID, ReferenceID: "order-1",
					SuccessRedirectURL: "https://shop.example/ok", FailureRedirectURL: "https://shop.example/failed"}, p.create()...)
				require.NoError(t, err)
				require.NoError(t, p.srv.CompletePayLaterCharge(ch.ID))
				return ch.ID
			}},
		// The unified Payments API documents no with-split-rule: the whole
		// amount stays with the account the payment was made for.
		{name: "payment method, simulated", category: transactions.ChannelCategoryVirtualAccount, currency: xendit.CurrencyIDR,
			amount: 50_000, product: "paymentmethods", pay: func(t *testing.T, p *platform) string {
				pms := paymentmethods.New(p.c)
				pm, err := pms.Create(t.Context(), &paymentmethods.CreateParams{
					Type: paymentmethods.TypeVirtualAccount, Reusability: paymentmethods.ReusabilityOneTimeUse,
					VirtualAccount: &paymentmethods.VirtualAccount{Amount: xendit.Ptr(50_000.0), Currency: xendit.CurrencyIDR,
						ChannelCode:       paymentmethods.VirtualAccountChannelBNI,
						ChannelProperties: &paymentmethods.VirtualAccountChannelProperties{CustomerName: "Rika"}},
				}, p.as())
				require.NoError(t, err)
				require.NoError(t, pms.SimulatePayment(t.Context(), pm.ID, nil, p.as()))
				return ""
			}},
		{name: "payment request", category: transactions.ChannelCategoryEWallet, currency: xendit.CurrencyIDR,
			amount: 50_000, product: "paymentrequests", pay: func(t *testing.T, p *platform) string {
				pr := createPaymentRequest(t, p, paymentrequests.CaptureMethodAutomatic)
				require.NoError(t, p.srv.CompletePaymentRequest(pr.ID))
				return ""
			}},
		{name: "payment request, captured", category: transactions.ChannelCategoryEWallet, currency: xendit.CurrencyIDR,
			amount: 50_000, product: "paymentrequests", pay: func(t *testing.T, p *platform) string {
				pr := createPaymentRequest(t, p, paymentrequests.CaptureMethodManual)
				require.NoError(t, p.srv.CompletePaymentRequest(pr.ID))
				_, err := paymentrequests.New(p.c).CreateCapture(t.Context(), pr.ID, &paymentrequests.CreateCaptureParams{CaptureAmount: 50_000}, p.as())
				require.NoError(t, err)
				return ""
			}},
		idr("subscription cycle", transactions.ChannelCategoryEWallet, "subscriptions", func(t *testing.T, p *platform) string {
			sub := subscriptions.New(p.c)
			plan, err := sub.CreatePlan(t.Context(), &subscriptions.CreatePlanParams{ReferenceID: "member-1", CustomerID: "member-1",
				RecurringAction: subscriptions.RecurringActionPayment, Currency: xendit.CurrencyIDR, Amount: 50_000,
				Schedule:       &subscriptions.ScheduleParams{ReferenceID: "member-1-monthly", Interval: subscriptions.IntervalMonth, IntervalCount: 1},
				PaymentMethods: []subscriptions.PaymentMethod{{PaymentMethodID: "pm-1", Rank: 1}}}, p.create()...)
			require.NoError(t, err)
			cycles, err := sub.ListCycles(t.Context(), plan.ID, nil, p.as())
			require.NoError(t, err)
			require.NotEmpty(t, cycles.Data)
			cy, err := sub.SimulateCycle(t.Context(), plan.ID, cycles.Data[0].ID, &subscriptions.SimulateCycleParams{Amount: 50_000}, p.as())
			require.NoError(t, err)
			return cy.ID
		}),
	}
}

func createInvoice(t *testing.T, p *platform, opts ...xendit.RequestOption) string {
	t.Helper()
	inv, err := invoices.New(p.c).Create(t.Context(), &invoices.CreateParams{ExternalID: "order-1", Amount: 50_000,
		Currency: xendit.Ptr(xendit.CurrencyIDR)}, opts...)
	require.NoError(t, err)
	return inv.ID
}

func createVA(t *testing.T, p *platform) *virtualaccounts.VirtualAccount {
	t.Helper()
	va, err := virtualaccounts.New(p.c).CreateVirtualAccount(t.Context(), &virtualaccounts.CreateVirtualAccountParams{
		ExternalID: "order-1", BankCode: virtualaccounts.BankBNI, Name: "Michael Chen",
		IsClosed: xendit.Ptr(true), ExpectedAmount: xendit.Ptr(50_000.0)}, p.create()...)
	require.NoError(t, err)
	return va
}

// chargeCard charges 50,000 on a token made for the sub-account.
func chargeCard(t *testing.T, p *platform, opts ...xendit.RequestOption) string {
	t.Helper()
	tok := p.srv.NewCardToken(xendittest.CardToken{ForUserID: p.sub})
	ch, err := cards.New(p.c).CreateCharge(t.Context(), &cards.CreateChargeParams{TokenID: tok.ID, AuthenticationID: &tok.AuthenticationID,
		ExternalID: "order-1", Amount: 50_000, Currency: xendit.Ptr(xendit.CurrencyIDR)}, opts...)
	require.NoError(t, err)
	require.Equal(t, cards.ChargeStatusCaptured, ch.Status)
	return ch.ID
}

// createDDPayment links a BRI card for the sub-account and debits it
// 50,000, with the split rule.
func createDDPayment(t *testing.T, p *platform, otp *bool) *directdebit.Payment {
	t.Helper()
	dd := directdebit.New(p.c)
	token, err := dd.InitializeTokenization(t.Context(), &directdebit.InitializeTokenizationParams{
		CustomerID: "ba830b92-4177-476e-b097-2ad5ae4d3e55", ChannelCode: directdebit.ChannelBRI,
		Properties: &directdebit.TokenizationProperties{AccountMobileNumber: xendit.Ptr("+62818555988"), CardLastFour: xendit.Ptr("1234"),
			CardExpiry: xendit.Ptr("06/24"), AccountEmail: xendit.Ptr("customer@example.com")},
	}, p.as())
	require.NoError(t, err)
	_, err = dd.ValidateTokenOTP(t.Context(), token.ID, &directdebit.ValidateOTPParams{OTPCode: xendittest.DirectDebitOTP}, p.as())
	require.NoError(t, err)
	accounts, err := dd.ListAccessibleAccounts(t.Context(), token.ID, p.as())
	require.NoError(t, err)
	method, err := dd.CreatePaymentMethod(t.Context(), &directdebit.CreatePaymentMethodParams{CustomerID: xendit.Ptr(token.CustomerID),
		Type: accounts.Data[0].Type, Properties: directdebit.PaymentMethodTarget{ID: xendit.Ptr(accounts.Data[0].ID)}}, p.as())
	require.NoError(t, err)
	payment, err := dd.CreatePayment(t.Context(), &directdebit.CreatePaymentParams{ReferenceID: "order-1", PaymentMethodID: method.ID,
		Currency: xendit.CurrencyIDR, Amount: 50_000, EnableOTP: otp}, p.create()...)
	require.NoError(t, err)
	return payment
}

// createPaymentRequest makes an eWallet payment request of IDR 50,000 for
// p's sub-account, captured as capture says.
func createPaymentRequest(t *testing.T, p *platform, capture paymentrequests.CaptureMethod) *paymentrequests.PaymentRequest {
	t.Helper()
	pr, err := paymentrequests.New(p.c).CreatePaymentRequest(t.Context(), &paymentrequests.CreatePaymentRequestParams{
		ReferenceID: xendit.Ptr("order-1"), Amount: xendit.Ptr(50_000.0), Currency: xendit.CurrencyIDR, CaptureMethod: xendit.Ptr(capture),
		PaymentMethod: &paymentrequests.PaymentMethodParams{Type: paymentmethods.TypeEWallet, Reusability: paymentmethods.ReusabilityOneTimeUse,
			EWallet: &paymentrequests.ChannelParams{ChannelCode: "SHOPEEPAY",
				ChannelProperties: map[string]any{"success_return_url": "https://shop.example/paid"}}},
	}, p.as())
	require.NoError(t, err)
	return pr
}
