package losskernel

import (
	"kt/internal/vmath"
	"math"
	"testing"
)

// TestBCELogitsExp checks bcelogits' exponential e**-|x| against
// vmath.Exp24To32 of -|x|, bit for bit (NaN for NaN), on every 1021st float32
// bit pattern and on the ends of the reduction's range.
func TestBCELogitsExp(t *testing.T) {
	var x []float32
	for b := uint64(0); b < 1<<32; b += 1021 {
		x = append(x, math.Float32frombits(uint32(b)))
	}
	for _, v := range []float32{0, 104, 103.99999, 104.00001, 87.3, 88.8, 89, 1e-30, 0x1p-149, float32(math.Inf(1)), float32(math.NaN())} {
		x = append(x, v, -v)
	}
	got, want, neg := make([]float32, len(x)), make([]float32, len(x)), make([]float32, len(x))
	for i, v := range x {
		neg[i] = -float32(math.Abs(float64(v)))
	}
	BCELogitsExp(got, x)
	vmath.Exp24To32(want, neg)
	for i := range got {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
			t.Errorf("e**-|%g| = %g, want %g", x[i], got[i], want[i])
		}
	}
}
