//go:build race

package xendit_test

// raceDetector: the race detector slows and stalls goroutines, which
// timing assertions under load must allow for.
const raceDetector = true
