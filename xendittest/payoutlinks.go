package xendittest

// routePayoutLinks registers the hand-written models of the payoutlinks endpoints.
func (s *Server) routePayoutLinks() {}
