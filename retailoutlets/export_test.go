package retailoutlets

// FixedPaymentCodePaymentsPage is the fixed payment code payments list as
// the API sends it, for the reference test.
type FixedPaymentCodePaymentsPage = linkedPage[FixedPaymentCodePayment]

// PaymentCodePayments is the payment code payments list as the API sends
// it, for the reference test.
type PaymentCodePayments = paymentList
