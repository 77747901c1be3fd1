//go:build js

package main

import (
	"math"
	"syscall/js"
)

// listenForSettings lets the page change GOGC and GOMEMLIMIT while the
// program runs: gclab.set(gogc, memLimitBytes) from JavaScript, where null
// leaves a setting as it is, a negative GOGC turns the collector off and a
// negative limit removes it. The function only queues the change: main
// applies it between allocations, so nothing blocks inside the callback.
func listenForSettings() {
	set := js.FuncOf(func(this js.Value, args []js.Value) any {
		var s setting
		if len(args) > 0 && args[0].Type() == js.TypeNumber {
			v := args[0].Int()
			if v < 0 {
				v = -1
			}
			s.gogc = &v
		}
		if len(args) > 1 && args[1].Type() == js.TypeNumber {
			v := int64(args[1].Float())
			if v < 0 {
				v = math.MaxInt64
			}
			s.memLimit = &v
		}
		select {
		case settings <- s:
			return true
		default:
			return false
		}
	})
	js.Global().Set("gclab", js.ValueOf(map[string]any{"set": set}))
}
