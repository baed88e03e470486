package xendit

// OutcomeTableReasons lists the rows of the outcome table, in order, so
// that the tests can prove every one.
func OutcomeTableReasons() []string {
	reasons := make([]string, len(outcomeTable))
	for i, row := range outcomeTable {
		reasons[i] = row.reason
	}
	return reasons
}

// ReasonOf is the row of the outcome table that an *Error, as returned,
// falls in: for an error from before the first attempt, which has no
// History, the only record of what happened.
func ReasonOf(e *Error) string {
	o := errorObservation(e)
	return classify(o).reason
}
