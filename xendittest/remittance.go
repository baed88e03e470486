package xendittest

// routeRemittance registers the hand-written models of the remittance endpoints.
func (s *Server) routeRemittance() {}
