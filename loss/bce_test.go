package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
)

// TestBCEGradVec checks the vector kernel of BCE's input gradient against
// the scalar formula, bit for bit, weighted and not, on slices of every
// length up to a few vectors with special values among random ones.
func TestBCEGradVec(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	r := rand.New(rand.NewPCG(7, 8))
	const n = 100
	x, y, w := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i], w[i] = r.Float32(), float32(r.IntN(2)), 2*r.Float32()
	}
	for i, v := range []float32{0, 1, losskernel.NegZero32, 0x1p-149, 1e-7, 1 - 0x1p-24, nan, inf, -inf, 2, -0.5} {
		x[3+8*i] = v
	}
	y[5], y[6], w[7] = nan, 0.25, nan
	const g = float32(0.37)
	for m := range n + 1 {
		for _, ws := range [][]float32{nil, w[:m]} {
			got := make([]float32, m)
			k := losskernel.BCEGradVec(got, x[:m], y[:m], ws, g)
			if k < 0 || k > m {
				t.Fatalf("m=%d: took %d", m, k)
			}
			for i := range k {
				v, gi := x[i], g
				if ws != nil {
					gi = g * ws[i]
				}
				want := (v - y[i]) / max((1-v)*v, bceEps) * gi
				if math.Float32bits(got[i]) != math.Float32bits(want) && !(got[i] != got[i] && want != want) {
					t.Fatalf("m=%d weighted %v: x=%g y=%g: %g, want %g", m, ws != nil, v, y[i], got[i], want)
				}
			}
		}
	}
}
