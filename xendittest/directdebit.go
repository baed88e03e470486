package xendittest

// routeDirectDebit registers the hand-written models of the directdebit endpoints.
func (s *Server) routeDirectDebit() {}
