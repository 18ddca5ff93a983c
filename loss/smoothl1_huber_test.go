package loss

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSmoothL1ByHuber checks smoothl1's float32 sum and fuse kernels at
// the betas whose loss is Huber's scaled (huberScales) and beside them,
// with upstream gradients whose quotient by beta is exact and is not:
// one special difference (NaN, ±Inf, ±0, subnormal, the largest float32,
// beta itself) among normal values, the sum against the float64 sum of
// the element losses and the gradient bit for bit against the backward
// kernel's.
func TestSmoothL1ByHuber(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	negz := float32(math.Copysign(0, -1))
	specials := []struct {
		name string
		x, y float32
	}{
		{"none", 0.25, 0.5}, {"nan", nan, 1}, {"+inf", inf, 0}, {"-inf", 0, inf}, {"inf-inf", inf, inf},
		{"+0", 0, 0}, {"-0", negz, 0}, {"sub", 1e-45, 0}, {"-sub", 0, 1e-44},
		{"max", math.MaxFloat32, 0}, {"-max", -math.MaxFloat32, math.MaxFloat32 / 2},
	}
	const n = 53 // three blocks of sixteen and a tail
	r := rand.New(rand.NewPCG(7, 8))
	for _, beta := range []float32{1, 0.5, 0x1p-20, 0x1p-21, 2, 0.75} {
		k := kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: smoothL1Sum32,
			fuse: smoothL1Fuse32, p: smoothL1Param(beta)}
		for _, g := range []float32{1.0 / 3, 0x1p-7, 1e-45, 3e38} {
			for _, s := range specials {
				for _, at := range []int{0, 15, 16, 40, 52} {
					x, y := make([]float32, n), make([]float32, n)
					for i := range x {
						x[i], y[i] = float32(r.NormFloat64())*beta*2, float32(r.NormFloat64())*beta*2
					}
					x[at], y[at] = s.x*beta, s.y*beta
					in := args[float32]{x, y}
					el := make([]float32, n)
					k.fwd(el, in, k.p)
					want := 0.0
					for _, v := range el {
						want += float64(v)
					}
					ok := func(got float64) bool {
						if math.IsNaN(want) || math.IsInf(want, 0) {
							return math.IsNaN(got) == math.IsNaN(want) && (math.IsNaN(got) || got == want)
						}
						return math.Abs(got-want) <= 1e-6*math.Abs(want)
					}
					if got := k.sum(in, k.p); !ok(got) {
						t.Errorf("beta %g %s at %d: sum %v, want %v", beta, s.name, at, got, want)
					}
					gx := make([]float32, n)
					if got := k.fuse(gx, in, k.p, g); !ok(got) {
						t.Errorf("beta %g g %g %s at %d: fused sum %v, want %v", beta, g, s.name, at, got, want)
					}
					wg := make([]float32, n)
					k.bwd(args[float32]{wg}, in, upstream[float32]{s: g}, k.p)
					for i := range wg {
						if math.Float32bits(gx[i]) != math.Float32bits(wg[i]) && !(gx[i] != gx[i] && wg[i] != wg[i]) {
							t.Errorf("beta %g g %g %s at %d: gradient %d is %v, want %v", beta, g, s.name, at, i, gx[i], wg[i])
						}
					}
				}
			}
		}
	}
}
