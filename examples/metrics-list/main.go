// Command metrics-list prints, as JSON lines, what the running Go release offers to watch a
// program in production: first the release and the runtime.MemStats field names, then every
// metric of runtime/metrics.All() with its value kind, whether it is cumulative, and its
// description. The site's test checks every name the reference cites against this list.
package main

import (
	"encoding/json"
	"os"
	"reflect"
	"runtime"
	"runtime/metrics"
)

type metric struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Cumulative  bool   `json:"cumulative"`
	Description string `json:"description"`
}

func kindName(k metrics.ValueKind) string {
	switch k {
	case metrics.KindUint64:
		return "uint64"
	case metrics.KindFloat64:
		return "float64"
	case metrics.KindFloat64Histogram:
		return "float64-histogram"
	}
	return "bad"
}

func main() {
	out := json.NewEncoder(os.Stdout)
	memStats := reflect.TypeOf(runtime.MemStats{})
	fields := make([]string, memStats.NumField())
	for i := range fields {
		fields[i] = memStats.Field(i).Name
	}
	header := struct {
		Go       string   `json:"go"`
		MemStats []string `json:"memStats"`
	}{runtime.Version(), fields}
	if err := out.Encode(header); err != nil {
		os.Exit(1)
	}
	for _, d := range metrics.All() {
		m := metric{Name: d.Name, Kind: kindName(d.Kind), Cumulative: d.Cumulative, Description: d.Description}
		if err := out.Encode(m); err != nil {
			os.Exit(1)
		}
	}
}
