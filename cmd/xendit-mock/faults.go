package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// fault is one -fault flag: an outcome for a fraction of the requests that
// match a method and a path pattern. A remote service's retries, timeouts
// and error handling are tested against it the way they meet a proxy or an
// overloaded Xendit.
//
// Its spec is OUTCOME[@FRACTION] [METHOD] [PATH]:
//
//	503@0.1                         one request in ten answers 503
//	drop@0.05 POST                  one POST in twenty loses its connection
//	delay=2s /ewallets/charges/*    every charge lookup answers 2 s late
//	429 POST /customers             every customer creation is rate limited
//
// PATH is a path.Match pattern. A status answers a Xendit error object
// without reaching the fake; drop closes the connection with no answer;
// delay passes the request on to the fake after waiting (or until the
// client gives up).
type fault struct {
	spec     string
	status   int
	drop     bool
	delay    time.Duration
	fraction float64
	method   string
	path     string
}

func parseFault(spec string) (fault, error) {
	f := fault{spec: spec, fraction: 1}
	fields := strings.Fields(spec)
	if len(fields) == 0 || len(fields) > 3 {
		return f, fmt.Errorf("fault %q: want OUTCOME[@FRACTION] [METHOD] [PATH]", spec)
	}
	outcome, fraction, hasFraction := strings.Cut(fields[0], "@")
	if hasFraction {
		p, err := strconv.ParseFloat(fraction, 64)
		if err != nil || p < 0 || p > 1 {
			return f, fmt.Errorf("fault %q: the fraction must be a number from 0 to 1", spec)
		}
		f.fraction = p
	}
	switch d, isDelay := strings.CutPrefix(outcome, "delay="); {
	case outcome == "drop":
		f.drop = true
	case isDelay:
		var err error
		if f.delay, err = time.ParseDuration(d); err != nil || f.delay <= 0 {
			return f, fmt.Errorf("fault %q: delay wants a positive duration such as 2s", spec)
		}
	default:
		status, err := strconv.Atoi(outcome)
		if err != nil || status < 400 || status > 599 {
			return f, fmt.Errorf("fault %q: the outcome is an error status (400-599), drop or delay=DURATION", spec)
		}
		f.status = status
	}
	for _, s := range fields[1:] {
		if strings.HasPrefix(s, "/") {
			if _, err := path.Match(s, "/"); err != nil {
				return f, fmt.Errorf("fault %q: bad path pattern: %v", spec, err)
			}
			f.path = s
		} else {
			f.method = strings.ToUpper(s)
		}
	}
	return f, nil
}

func (f *fault) matches(r *http.Request) bool {
	if f.method != "" && f.method != r.Method {
		return false
	}
	if f.path != "" {
		if ok, _ := path.Match(f.path, r.URL.Path); !ok {
			return false
		}
	}
	return true
}

// faulty applies faults in front of next. Each request meets the first
// fault that matches it and whose dice say so. seed makes the dice
// repeatable; 0 draws a random seed.
func faulty(next http.Handler, faults []fault, seed uint64) http.Handler {
	if len(faults) == 0 {
		return next
	}
	if seed == 0 {
		seed = rand.Uint64()
	}
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed))
	roll := func(p float64) bool {
		mu.Lock()
		defer mu.Unlock()
		return rng.Float64() < p
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for i := range faults {
			f := &faults[i]
			if !f.matches(r) || !roll(f.fraction) {
				continue
			}
			if f.apply(w, r) {
				return
			}
			break
		}
		next.ServeHTTP(w, r)
	})
}

// apply plays the fault and reports whether it answered the request.
func (f *fault) apply(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case f.drop:
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
			return true
		}
		panic(http.ErrAbortHandler)
	case f.delay > 0:
		t := time.NewTimer(f.delay)
		defer t.Stop()
		select {
		case <-r.Context().Done():
			return true
		case <-t.C:
			return false
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(f.status)
	_ = json.NewEncoder(w).Encode(map[string]string{
		"error_code": errorCodeFor(f.status),
		"message":    "xendit-mock: injected fault " + strconv.Quote(f.spec),
	})
	return true
}

// errorCodes are the error_code Xendit's reference gives with a status;
// SERVER_ERROR for the others.
var errorCodes = map[int]string{
	http.StatusBadRequest:         "API_VALIDATION_ERROR",
	http.StatusUnauthorized:       "INVALID_API_KEY",
	http.StatusForbidden:          "REQUEST_FORBIDDEN_ERROR",
	http.StatusNotFound:           "DATA_NOT_FOUND",
	http.StatusTooManyRequests:    "RATE_LIMIT_EXCEEDED",
	http.StatusServiceUnavailable: "CHANNEL_UNAVAILABLE",
}

func errorCodeFor(status int) string {
	if code, ok := errorCodes[status]; ok {
		return code
	}
	return "SERVER_ERROR"
}
