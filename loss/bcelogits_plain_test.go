package loss

import (
	"math"
	"testing"
)

// TestBCELogitsSum checks bcelogits' float32 sum kernel without weights
// against the float64 sum of its forward kernel's losses with weights of
// 1 (the chunked passes): within float64 rounding, NaN and ±Inf alike.
func TestBCELogitsSum(t *testing.T) {
	for name, c := range kernelCases() {
		x := c[0]
		for _, n := range []int{len(x), len(x) - 1, 7} {
			xs := x[:n]
			y, ones := make([]float32, n), make([]float32, n)
			for i := range y {
				y[i] = float32(i%3) / 2
				ones[i] = 1
			}
			o := make([]float32, n)
			bceLogitsForward32(o, args[float32]{xs, y, ones}, param[float32]{})
			want := 0.0
			for _, v := range o {
				want += float64(v)
			}
			got := bceLogitsSum32(args[float32]{xs, y}, param[float32]{})
			ok := math.Abs(got-want) <= 1e-12*math.Abs(want)
			if math.IsNaN(want) || math.IsInf(want, 0) {
				ok = math.IsNaN(got) == math.IsNaN(want) && (math.IsNaN(got) || got == want)
			}
			if !ok {
				t.Errorf("%s n=%d: sum %v, want %v", name, n, got, want)
			}
		}
	}
}

// TestBCELogitsExp checks bcelogits' exponential e**-|x| against
// exp24To32 of -|x|, bit for bit (NaN for NaN), on every 1021st float32
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
	bceLogitsExp(got, x)
	exp24To32(want, neg)
	for i := range got {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
			t.Errorf("e**-|%g| = %g, want %g", x[i], got[i], want[i])
		}
	}
}
