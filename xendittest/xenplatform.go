package xendittest

// routeXenPlatform registers the hand-written models of the xenplatform endpoints.
func (s *Server) routeXenPlatform() {}
