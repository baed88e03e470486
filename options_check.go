package xendit

// FailOption returns a RequestOption that makes the call fail with err
// before anything is sent. Product packages use it for the options whose
// values they check themselves, such as snap.WithExternalID.
func FailOption(err error) RequestOption {
	return func(rc *requestConfig) { rc.fail(err) }
}
