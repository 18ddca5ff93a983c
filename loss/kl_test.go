package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
)

// TestKLVec checks the vector kernels of KL divergence's float32 forward
// and gradient against the scalar formulas, bit for bit, on slices of
// every length up to a few vectors with special values among random ones.
func TestKLVec(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	r := rand.New(rand.NewPCG(9, 10))
	const n = 100
	x, y, l := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = -3*r.Float32(), r.Float32()
	}
	for i, v := range []float32{0, losskernel.NegZero32, 1, 0x1p-149, nan, inf, -inf, -2} {
		y[2+9*i] = v
	}
	x[4], x[13], x[22] = nan, -inf, inf
	losskernel.LogTo32(l, y)
	const g = float32(-0.37)
	same := func(a, b float32) bool {
		return math.Float32bits(a) == math.Float32bits(b) || (a != a && b != b)
	}
	for m := range n + 1 {
		o := append([]float32(nil), l[:m]...)
		k := losskernel.KLVec(o, y[:m], x[:m])
		if k < 0 || k > m {
			t.Fatalf("m=%d: losskernel.KLVec took %d", m, k)
		}
		for i := range k {
			var xl float32
			if y[i] != 0 {
				xl = y[i] * l[i]
			}
			if want := xl - y[i]*x[i]; !same(o[i], want) {
				t.Fatalf("m=%d: losskernel.KLVec y=%g x=%g: %g, want %g", m, y[i], x[i], o[i], want)
			}
		}
		gx := make([]float32, m)
		k = losskernel.NegScaleVec(gx, y[:m], g)
		if k < 0 || k > m {
			t.Fatalf("m=%d: losskernel.NegScaleVec took %d", m, k)
		}
		for i := range k {
			if want := -y[i] * g; !same(gx[i], want) {
				t.Fatalf("m=%d: losskernel.NegScaleVec y=%g: %g, want %g", m, y[i], gx[i], want)
			}
		}
	}
}
