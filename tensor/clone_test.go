package tensor

import (
	"runtime"
	"slices"
	"testing"
)

// TestCloneLarge checks clones of slices long enough to be copied in
// parallel, with one thread and with several: equal values, separate
// storage.
func TestCloneLarge(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	const n = 300_007
	v32, v64 := make([]float32, n), make([]float64, n)
	for i := range v32 {
		v32[i], v64[i] = float32(i)*0.5, float64(i)*0.25
	}
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		a, _ := Wrap(v32, n)
		b, _ := Wrap(v64, 1, n)
		ca, cb := a.Clone(), b.Clone()
		if !slices.Equal(Data[float32](ca), v32) || !slices.Equal(Data[float64](cb), v64) {
			t.Fatalf("GOMAXPROCS=%d: clone differs from its source", procs)
		}
		if !SameShape(cb.Shape(), []int{1, n}) {
			t.Fatalf("GOMAXPROCS=%d: clone shape %v", procs, cb.Shape())
		}
		Data[float32](ca)[7] = -1
		if v32[7] == -1 {
			t.Fatalf("GOMAXPROCS=%d: clone shares its source's storage", procs)
		}
	}
}
