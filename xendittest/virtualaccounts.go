package xendittest

// routeVirtualAccounts registers the hand-written models of the virtualaccounts endpoints.
func (s *Server) routeVirtualAccounts() {}
