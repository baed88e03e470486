package xendittest

// routePaymentRequests registers the hand-written models of the paymentrequests endpoints.
func (s *Server) routePaymentRequests() {}
