package cards

// Error codes the card endpoints answer with, to match against
// [xendit.Error].Code. API_VALIDATION_ERROR and REQUEST_FORBIDDEN_ERROR are
// in the root package. A declined card is not among them: it is a FAILED
// charge with a [FailureReason].
const (
	// Create Charge.
	CodeInvalidJSONFormat                    = "INVALID_JSON_FORMAT"
	CodeTokenAlreadyUsed                     = "TOKEN_ALREADY_USED_ERROR"
	CodeAuthenticationAlreadyUsed            = "AUTHENTICATION_ALREADY_USED_ERROR"
	CodeInvalidTokenID                       = "INVALID_TOKEN_ID_ERROR"
	CodeInvalidCVNLength                     = "INVALID_CVN_LENGTH_ERROR"
	CodeAuthenticationIDMissing              = "AUTHENTICATION_ID_MISSING_ERROR"
	CodeAmountGreaterThanAuthenticated       = "AMOUNT_GREATER_THAN_AUTHENTICATED_ERROR"
	CodeInvalidAuthenticationID              = "INVALID_AUTHENTICATION_ID_ERROR"
	CodeTokenNotFound                        = "TOKEN_NOT_FOUND_ERROR"
	CodeAuthenticationNotFound               = "AUTHENTICATION_NOT_FOUND_ERROR"
	CodeMIDNotFound                          = "MID_NOT_FOUND_ERROR"
	CodeInvalidPromotionDetails              = "INVALID_PROMOTION_DETAILS"
	CodeCardholderNameRequired               = "CARDHOLDER_NAME_REQUIRED"
	CodeInstallmentBelowMinimumAmount        = "INSTALLMENT_BELOW_MINIMUM_AMOUNT"
	CodeInstallmentUnavailable               = "INSTALLMENT_UNAVAILABLE"
	CodeAmountBelowMinimumLimit              = "AMOUNT_BELOW_MINIMUM_LIMIT"
	CodeAmountAboveMaximumLimit              = "AMOUNT_ABOVE_MAXIMUM_LIMIT"
	CodeIncompleteAuthentication             = "INCOMPLETE_AUTHENTICATION"
	CodeCreditCardTokenNotFound              = "CREDIT_CARD_TOKEN_NOT_FOUND_ERROR"
	CodeCreditCardChargeNotFound             = "CREDIT_CARD_CHARGE_NOT_FOUND_ERROR"
	CodeChargeAlreadyReversed                = "CHARGE_ALREADY_REVERSED_ERROR"
	CodeChargeAlreadyCaptured                = "CHARGE_ALREADY_CAPTURED_ERROR"
	CodeChargeFailed                         = "CHARGE_FAILED_ERROR"
	CodeInvalidAmountForReverseAuthorization = "INVALID_AMOUNT_FOR_REVERSE_AUTHORIZATION_ERROR"
	// Capture Charge.
	CodeAmountGreaterThanAuthorized = "AMOUNT_GREATER_THAN_AUTHORIZED_ERROR"
	CodeInvalidChargeStatus         = "INVALID_CHARGE_STATUS_ERROR"
	CodeAuthorizationExpired        = "AUTHORIZATION_EXPIRED"
	// Create Refund. DUPLICATE_REFUND_ERROR also matches [xendit.ErrDuplicate].
	CodeRefundAmountExceeded = "REFUND_AMOUNT_EXCEEDED_ERROR"
	CodeDuplicateRefund      = "DUPLICATE_REFUND_ERROR"
	// Promotions. REFERENCE_IN_USE and PROMO_CODE_IN_USE are 409 on create;
	// PROMO_CODE_IN_USE is 400 on update.
	CodeReferenceInUse         = "REFERENCE_IN_USE"
	CodePromoCodeInUse         = "PROMO_CODE_IN_USE"
	CodePromotionNotFound      = "PROMOTION_NOT_FOUND_ERROR"
	CodeInvalidDiscountType    = "INVALID_DISCOUNT_TYPE"
	CodeInvalidStartTimeUpdate = "INVALID_START_TIME_UPDATE"
)
