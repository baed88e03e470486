package cards

import "strings"

// ChargeStatus is the state of a charge. Unknown values still decode.
type ChargeStatus string

// The documented charge statuses.
const (
	// ChargeCaptured: the charge is captured; the funds settle on the
	// settlement schedule.
	ChargeCaptured ChargeStatus = "CAPTURED"
	// ChargeAuthorized: the funds are held (capture false, or a zero-amount
	// authorization). Capture or reverse it within 7 days.
	ChargeAuthorized ChargeStatus = "AUTHORIZED"
	// ChargeReversed: the authorization was reversed and the hold released.
	ChargeReversed ChargeStatus = "REVERSED"
	// ChargeFailed: the charge failed; FailureReason says why.
	ChargeFailed ChargeStatus = "FAILED"
)

// FailureReason says why a charge is FAILED. A FAILED charge is a 2xx
// answer carrying a charge object, not an [xendit.Error]: the card was
// declined, the request itself was fine. Unknown values still decode.
type FailureReason string

// The documented failure reasons, with the advice the reference gives.
const (
	// FailureAuthenticationFailed: the charge was not authenticated; ask the
	// cardholder to authenticate again with 3DS, or use another card.
	FailureAuthenticationFailed FailureReason = "AUTHENTICATION_FAILED"
	// FailureDeclinedByIssuer: the issuer declined without saying why; the
	// customer should contact the bank or use another card.
	FailureDeclinedByIssuer FailureReason = "DECLINED_BY_ISSUER"
	// FailureDeclinedByProcessor: the processor declined; try again, or use
	// another card.
	FailureDeclinedByProcessor FailureReason = "DECLINED_BY_PROCESSOR"
	// FailureExpiredCard: the card has expired.
	FailureExpiredCard FailureReason = "EXPIRED_CARD"
	// FailureIssuerSuspectFraud: the issuer suspects fraud; review the
	// cardholder.
	FailureIssuerSuspectFraud FailureReason = "ISSUER_SUSPECT_FRAUD"
	// FailureInactiveOrUnauthorizedCard: the card is not enabled for online
	// payments; the cardholder should contact the bank.
	FailureInactiveOrUnauthorizedCard FailureReason = "INACTIVE_OR_UNAUTHORIZED_CARD"
	// FailureInsufficientBalance: not enough balance or credit on the card.
	FailureInsufficientBalance FailureReason = "INSUFFICIENT_BALANCE"
	// FailureInvalidCard: the card details were wrong.
	FailureInvalidCard FailureReason = "INVALID_CARD"
	// FailureInvalidCVV: the CVN/CVV/CSC was wrong.
	FailureInvalidCVV FailureReason = "INVALID_CVV"
	// FailureIssuerUnavailable: the issuer could not be reached.
	FailureIssuerUnavailable FailureReason = "ISSUER_UNAVAILABLE"
	// FailureProcessorError: an intermittent processor error; the customer
	// may try again in a few minutes.
	FailureProcessorError FailureReason = "PROCESSOR_ERROR"
	// FailureStolenCard: the card is reported stolen.
	FailureStolenCard FailureReason = "STOLEN_CARD"
	// FailureProcessorTimeout: the processor timed out; the customer may
	// retry.
	FailureProcessorTimeout FailureReason = "PROCESSOR_TIMEOUT"
	// FailureFraudRiskBlocked: Xendit's risk assessment or your blocklist
	// declined it.
	FailureFraudRiskBlocked FailureReason = "FRAUD_RISK_BLOCKED"
)

// Retryable reports whether the reference advises the customer to try the
// same card again (an intermittent processor problem), as opposed to
// another card or another payment method.
func (r FailureReason) Retryable() bool {
	return r == FailureProcessorError || r == FailureProcessorTimeout || r == FailureDeclinedByProcessor
}

// CVNCode is the result of the CVN check. Unknown values still decode.
type CVNCode string

// The documented CVN codes.
const (
	// CVNMatch: the CVN matches the issuer's record.
	CVNMatch CVNCode = "M"
	// CVNNoMatch: the CVN does not match the issuer's record.
	CVNNoMatch CVNCode = "N"
	// CVNNotProcessed: the card has no valid CVN or the issuer did not
	// accept it; retry, and use another card if it persists.
	CVNNotProcessed CVNCode = "P"
)

// ECI is the Electronic Commerce Indicator: how 3DS authentication went.
// The reference lists 0, 1, 2, 5, 6, 7 but its examples send "05": compare
// with [ECI.Code], which drops leading zeros. The field keeps what was sent.
type ECI string

// The documented ECI codes.
const (
	// ECIMastercardUnableToAuthenticate (Mastercard): authentication was not
	// possible.
	ECIMastercardUnableToAuthenticate ECI = "0"
	// ECIMastercardAttempted (Mastercard): authentication was attempted.
	ECIMastercardAttempted ECI = "1"
	// ECIMastercardAuthenticated (Mastercard): authentication succeeded.
	ECIMastercardAuthenticated ECI = "2"
	// ECIAuthenticated (Visa, AMEX, JCB): authentication succeeded.
	ECIAuthenticated ECI = "5"
	// ECIAttempted (Visa, AMEX, JCB): authentication was attempted.
	ECIAttempted ECI = "6"
	// ECIUnableToAuthenticate (Visa, AMEX, JCB): authentication was not
	// possible.
	ECIUnableToAuthenticate ECI = "7"
)

// Code returns e without leading zeros ("05" is "5"), to compare with the
// constants.
func (e ECI) Code() ECI {
	s := strings.TrimLeft(string(e), "0")
	if s == "" && e != "" {
		return "0"
	}
	return ECI(s)
}

// Authenticated reports whether 3DS authentication succeeded (ECI 2 or 5),
// which is when liability for fraud usually shifts to the issuer.
func (e ECI) Authenticated() bool {
	c := e.Code()
	return c == ECIMastercardAuthenticated || c == ECIAuthenticated
}

// ChargeType says what kind of token a charge used. Unknown values still
// decode.
type ChargeType string

// The documented charge types.
const (
	// SingleUseToken: the charge used a single-use token.
	SingleUseToken ChargeType = "SINGLE_USE_TOKEN"
	// MultipleUseToken: the charge used a saved, multiple-use token.
	MultipleUseToken ChargeType = "MULTIPLE_USE_TOKEN"
	// Recurring: a recurring charge of a subscription.
	Recurring ChargeType = "RECURRING"
)

// CardType is the kind of card. Unknown values still decode.
type CardType string

// The documented card types.
const (
	Credit      CardType = "CREDIT"
	Debit       CardType = "DEBIT"
	Prepaid     CardType = "PREPAID"
	UnknownCard CardType = "UNKNOWN"
)

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
