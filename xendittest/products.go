package xendittest

// businessID is the business id the fake puts in the objects it creates.
const businessID = "5f34f60535ba7c1c0eed846a"

// nowString is the server's time in the API's layout.
func (s *Server) nowString() string { return stamp(s.clock.Now()) }
