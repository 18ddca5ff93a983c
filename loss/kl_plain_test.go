package loss

import (
	"math"
	"testing"

	"kt/internal/losskernel"
)

// TestKLPlainSpecial checks kl's one-loop float32 kernels against the
// chunked passes with one special target or input (NaN, ±Inf, ±0,
// subnormal, negative, the largest float32, 1, values beside the
// binades' edges) among ordinary ones: the sums alike (NaN and ±Inf
// exactly) and the gradient bit for bit (any NaN for NaN).
func TestKLPlainSpecial(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	negz := float32(math.Copysign(0, -1))
	vals := []float32{nan, inf, -inf, 0, negz, 1e-45, 1e-40, 0x1p-126, -0.5, math.MaxFloat32, 1,
		math.Nextafter32(1, 0), math.Nextafter32(1, 2), math.Nextafter32(2, 0), 1.998, 0.25}
	const n, g = 37, 0.125
	for _, v := range vals {
		for _, which := range []int{0, 1} { // the special in the input, or in the target
			for _, at := range []int{0, 18, 36} {
				x, y := make([]float32, n), make([]float32, n)
				for i := range x {
					x[i], y[i] = -float32(i%11)/3, float32(i%13+1)/14
				}
				if which == 0 {
					x[at] = v
				} else {
					y[at] = v
				}
				gx, gw := make([]float32, n), make([]float32, n)
				want := losskernel.KLFuseChunks(gw, x, y, g)
				same := func(got float64) bool {
					if want != want || math.IsInf(want, 0) {
						return got == want || got != got && want != want
					}
					return math.Abs(got-want) <= 1e-12*math.Abs(want)
				}
				if got := losskernel.KLFusePlain(gx, x, y, g); !same(got) {
					t.Errorf("%g in %d at %d: fused sum %g, want %g", v, which, at, got, want)
				}
				if got := losskernel.KLSumPlain(x, y); !same(got) {
					t.Errorf("%g in %d at %d: sum %g, want %g", v, which, at, got, want)
				}
				for i := range gx {
					if math.Float32bits(gx[i]) != math.Float32bits(gw[i]) && !(gx[i] != gx[i] && gw[i] != gw[i]) {
						t.Errorf("%g in %d at %d: gradient %d is %g, want %g", v, which, at, i, gx[i], gw[i])
					}
				}
			}
		}
	}
}
