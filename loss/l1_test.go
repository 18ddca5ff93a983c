package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
)

// TestL1Kernels checks l1's float32 sum and fused kernels (8 lanes a step
// in the SIMD build) against the element formulas, over slices with NaN,
// ±Inf, ±0 and equal pairs mixed in: the gradient bit for bit, the sum
// to the rounding of a different order of additions.
func TestL1Kernels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	specials := []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 0,
		float32(math.Copysign(0, -1)), 1e-45}
	for _, n := range []int{1, 7, 31, 32, 33, 100, 1000} {
		x, y := make([]float32, n), make([]float32, n)
		for i := range x {
			x[i], y[i] = float32(r.NormFloat64()), float32(r.NormFloat64())
			switch r.IntN(5) {
			case 0:
				x[i] = specials[r.IntN(len(specials))]
			case 1:
				y[i] = x[i]
			}
		}
		for _, g := range []float32{1, -0.5, 1e-7} {
			gx := make([]float32, n)
			fused := losskernel.L1Fuse32(gx, args[float32]{x, y}, param[float32]{}, g)
			sum := losskernel.L1Sum32(args[float32]{x, y}, param[float32]{})
			want, finite := 0.0, true
			for i := range x {
				d := x[i] - y[i]
				want += float64(losskernel.Abs32(d))
				finite = finite && !math.IsNaN(float64(d)) && !math.IsInf(float64(d), 0)
				w := sign(d) * g
				if math.Float32bits(gx[i]) != math.Float32bits(w) && !(w != w && gx[i] != gx[i]) {
					t.Fatalf("n=%d g=%g: gradient at x=%g y=%g is %g, want %g", n, g, x[i], y[i], gx[i], w)
				}
			}
			for _, s := range []float64{fused, sum} {
				if finite && math.Abs(s-want) > 1e-12*math.Abs(want) || !finite && !(s == want || s != s && want != want) {
					t.Fatalf("n=%d: sum %g, want %g", n, s, want)
				}
			}
		}
	}
}
