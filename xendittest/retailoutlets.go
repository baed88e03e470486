package xendittest

// routeRetailOutlets registers the hand-written models of the retailoutlets endpoints.
func (s *Server) routeRetailOutlets() {}
