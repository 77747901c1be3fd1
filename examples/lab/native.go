//go:build !js

package main

// listenForSettings has nothing to listen to outside a browser: natively,
// GOGC and GOMEMLIMIT come from the environment when the program starts.
func listenForSettings() {}
