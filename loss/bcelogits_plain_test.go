package loss

import (
	"math"
	"testing"

	"kt/internal/losskernel"
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
			losskernel.BCELogitsForward32(o, args[float32]{xs, y, ones}, param[float32]{})
			want := 0.0
			for _, v := range o {
				want += float64(v)
			}
			got := losskernel.BCELogitsSum32(args[float32]{xs, y}, param[float32]{})
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
