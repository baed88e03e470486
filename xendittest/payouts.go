package xendittest

// routePayouts registers the hand-written models of the payouts endpoints.
func (s *Server) routePayouts() {}
