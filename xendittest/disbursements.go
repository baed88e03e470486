package xendittest

// routeDisbursements registers the hand-written models of the disbursements endpoints.
func (s *Server) routeDisbursements() {}
