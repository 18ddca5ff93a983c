package losskernel

import (
	"math"
	"testing"
)

// TestLog1pUnit32 holds log1pUnit32 to 1.5 float32 units of log(1+e) on
// every float32 e in [2**-30, 1] with its low 6 mantissa bits clear
// (about 1.6 million values, both sides of the split at 1/2), and checks
// its ends: log(1+0) = 0, log 2 at 1.
func TestLog1pUnit32(t *testing.T) {
	worst, at := 0.0, float32(0)
	lo, hi := math.Float32bits(0x1p-30), math.Float32bits(1)
	for b := lo; b <= hi; b += 64 {
		e := math.Float32frombits(b)
		want := math.Log1p(float64(e))
		if u := math.Abs(float64(log1pUnit32(e))-want) / ulp32(want); u > worst {
			worst, at = u, e
		}
	}
	if worst > 1.5 {
		t.Errorf("log1pUnit32 is %.2f float32 units from log(1+e) at e = %g; want at most 1.5", worst, at)
	}
	t.Logf("worst %.3f units at %g", worst, at)
	if v := log1pUnit32(0); v != 0 {
		t.Errorf("log1pUnit32(0) = %g, want 0", v)
	}
	if v, want := log1pUnit32(1), float32(math.Ln2); v != want {
		t.Errorf("log1pUnit32(1) = %g, want %g", v, want)
	}
}

// fma32 returns a·b + c rounded once to float32 (the float64 product of
// two float32s is exact, and the float64 sum rounds at most once more
// below float32's unit).
func fma32(a, b, c float32) float32 {
	return float32(math.FMA(float64(a), float64(b), float64(c)))
}

// log1pUnit32 returns log(1+e) for e in [0, 1], step for step as the
// vector kernels compute it lane by lane (the polynomial by Estrin's
// scheme).
func log1pUnit32(e float32) float32 {
	f, hi := e, float32(0)
	if e > 0.5 {
		f, hi = (e-1)*0.5, ln2Hi
	}
	f2 := f * f
	f4 := f2 * f2
	q47 := fma32(fma32(l1p7, f, l1p6), f2, fma32(l1p5, f, l1p4))
	q03 := fma32(fma32(l1p3, f, l1p2), f2, fma32(l1p1, f, l1p0))
	q := fma32(fma32(q47, f4, q03), f, -0.5)
	return fma32(q, f2, f) + hi
}

// ulp32 returns the float32 unit in the last place at magnitude v.
func ulp32(v float64) float64 {
	f := float32(v)
	return float64(math.Nextafter32(f, float32(math.Inf(1))) - f)
}
