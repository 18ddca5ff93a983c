package ktorch

import (
	"flag"
	"os"
	"testing"

	"kt/tensor"
)

// TestMain runs the package's tests with the storage cache poisoned:
// storage the losses take with tensor.Alloc comes filled with NaN, so a
// kernel that leaves an element of its output or gradient unwritten
// fails the fixtures. Benchmarks run without poison.
func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		tensor.PoisonCache(true)
	}
	os.Exit(m.Run())
}
