package xendittest

// SNAPXenditPrivateKeyPEM is the private half of [SNAPXenditPublicKeyPEM]:
// the fake's stand-in for Xendit's key, which it signs SNAP callbacks with.
// It is exported for tools that play Xendit sending a callback (the
// xendit-mock command's trigger) and for receivers' tests in other
// languages. Like the other test keys it protects nothing.
const SNAPXenditPrivateKeyPEM = snapXenditPrivateKeyPEM
