package xendittest

// routePaymentMethods registers the hand-written models of the paymentmethods endpoints.
func (s *Server) routePaymentMethods() {}
