//go:build !race

package xendit_test

const raceDetector = false
