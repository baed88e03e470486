package directdebit

// Error codes of the direct debit endpoints that a caller may act on;
// match them against [xendit.Error].Code. The reference spells some with
// and some without an _ERROR suffix, and sends both DATA_NOT_FOUND (payments
// and refunds) and DATA_NOT_FOUND_ERROR (tokens, OTPs); each constant is the
// code as printed.
const (
	// Linking.
	CodeChannelCodeNotSupported        = "CHANNEL_CODE_NOT_SUPPORTED_ERROR"
	CodeCustomerNotFound               = "CUSTOMER_NOT_FOUND_ERROR"
	CodeInvalidAccountDetails          = "INVALID_ACCOUNT_DETAILS"
	CodeMaxAccountLinking              = "MAX_ACCOUNT_LINKING"
	CodeOTPDeliveryError               = "OTP_DELIVERY_ERROR"
	CodeAccountLinkingAlreadyCompleted = "ACCOUNT_LINKING_ALREADY_COMPLETED"
	CodeAccountLinkingAlreadyFailed    = "ACCOUNT_LINKING_ALREADY_FAILED"
	// CodeLinkedAccountNotFound is misspelt by the reference (line 16638);
	// the constant follows it, as the API presumably sends it.
	CodeLinkedAccountNotFound = "LIINKED_ACCOUNT_NOT_FOUND_ERROR"

	// OTP validation, of linkings and payments.
	CodeInvalidOTP     = "INVALID_OTP_ERROR"
	CodeExpiredOTP     = "EXPIRED_OTP_ERROR"
	CodeMaxOTPAttempts = "MAX_OTP_ATTEMPTS_ERROR"

	// Payment methods and payments.
	CodeDuplicateError              = "DUPLICATE_ERROR"
	CodePaymentMethodNotFound       = "PAYMENT_METHOD_NOT_FOUND_ERROR"
	CodeInvalidPaymentMethod        = "INVALID_PAYMENT_METHOD_ERROR"
	CodeInsufficientBalance         = "INSUFFICIENT_BALANCE"
	CodeAccountAccessBlocked        = "ACCOUNT_ACCESS_BLOCKED"
	CodeMaxAmountLimit              = "MAX_AMOUNT_LIMIT_ERROR"
	CodePaymentStatusFailed         = "PAYMENT_STATUS_FAILED"
	CodeDirectDebitAlreadyCompleted = "DIRECT_DEBIT_ALREADY_COMPLETED"
	CodeDirectDebitAlreadyFailed    = "DIRECT_DEBIT_ALREADY_FAILED"
	CodeChannelUnavailable          = "CHANNEL_UNAVAILABLE"

	// Refunds.
	CodeIdempotencyError           = "IDEMPOTENCY_ERROR"
	CodeMaximumRefundAmountReached = "MAXIMUM_REFUND_AMOUNT_REACHED"
	CodeRefundNotSupported         = "REFUND_NOT_SUPPORTED"
	CodeIneligibleTransaction      = "INELIGIBLE_TRANSACTION"
	CodePartialRefundNotSupported  = "PARTIAL_REFUND_NOT_SUPPORTED"

	// Not found.
	CodeDataNotFound      = "DATA_NOT_FOUND"
	CodeDataNotFoundError = "DATA_NOT_FOUND_ERROR"
)
