package xendittest

// routeQRCodes registers the hand-written models of the qrcodes endpoints.
func (s *Server) routeQRCodes() {}
