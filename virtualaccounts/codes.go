package virtualaccounts

// Error codes the virtual account endpoints answer with, to match against
// [xendit.Error].Code. API_VALIDATION_ERROR and REQUEST_FORBIDDEN_ERROR are
// in the root package; DUPLICATE_CALLBACK_VIRTUAL_ACCOUNT_ERROR also
// matches [xendit.ErrDuplicate]. Two codes end in _ERROR_ERROR in the
// reference, and are spelled so.
const (
	// Create and Update Virtual Account.
	CodeInvalidJSONFormat                    = "INVALID_JSON_FORMAT"
	CodeVirtualAccountNumberOutsideRange     = "VIRTUAL_ACCOUNT_NUMBER_OUTSIDE_RANGE"
	CodeBankNotSupported                     = "BANK_NOT_SUPPORTED_ERROR"
	CodeExpirationDateNotSupported           = "EXPIRATION_DATE_NOT_SUPPORTED_ERROR"
	CodeExpirationDateInvalid                = "EXPIRATION_DATE_INVALID_ERROR"
	CodeSuggestedAmountNotSupported          = "SUGGESTED_AMOUNT_NOT_SUPPORTED_ERROR"
	CodeExpectedAmountRequired               = "EXPECTED_AMOUNT_REQUIRED_ERROR"
	CodeClosedVANotSupported                 = "CLOSED_VA_NOT_SUPPORTED_ERROR"
	CodeDuplicateCallbackVirtualAccount      = "DUPLICATE_CALLBACK_VIRTUAL_ACCOUNT_ERROR"
	CodeMinimumExpectedAmount                = "MINIMUM_EXPECTED_AMOUNT_ERROR"
	CodeMaximumExpectedAmount                = "MAXIMUM_EXPECTED_AMOUNT_ERROR"
	CodeCallbackVirtualAccountNameNotAllowed = "CALLBACK_VIRTUAL_ACCOUNT_NAME_NOT_ALLOWED_ERROR"
	CodeDescriptionNotSupported              = "DESCRIPTION_NOT_SUPPORTED_ERROR"
	CodeMinimumAmount                        = "MINIMUM_AMOUNT_ERROR_ERROR"
	CodeMaximumAmount                        = "MAXIMUM_AMOUNT_ERROR_ERROR"
	CodeFeatureNotSupported                  = "FEATURE_NOT_SUPPORTED_ERROR"
	CodeChannelUnavailable                   = "CHANNEL_UNAVAILABLE"
	// Update Virtual Account.
	CodeInactiveVirtualAccount = "INACTIVE_VIRTUAL_ACCOUNT_ERROR"
	// Get Virtual Account and Get Virtual Account Payment.
	CodeCallbackVirtualAccountNotFound        = "CALLBACK_VIRTUAL_ACCOUNT_NOT_FOUND_ERROR"
	CodeCallbackVirtualAccountPaymentNotFound = "CALLBACK_VIRTUAL_ACCOUNT_PAYMENT_NOT_FOUND_ERROR"
)
