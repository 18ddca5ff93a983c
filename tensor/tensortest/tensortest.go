// Package tensortest helps the tests of packages built on tensor.
package tensortest

import (
	"flag"
	"os"
	"testing"

	"kt/tensor"
)

// Main runs a package's tests with the storage cache poisoned (see
// tensor.PoisonCache): storage taken with tensor.Alloc comes filled with
// NaN, so a kernel that leaves an element of its output or gradient
// unwritten fails the tests. Benchmarks run without poison. Call it from
// TestMain.
func Main(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("test.bench"); f == nil || f.Value.String() == "" {
		tensor.PoisonCache(true)
	}
	os.Exit(m.Run())
}
