package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
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
		k := kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32,
			fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param(beta)}
		for _, g := range []float32{1.0 / 3, 0x1p-7, 1e-45, 3e38} {
			for _, s := range specials {
				for _, at := range []int{0, 15, 16, 40, 52} {
					x, y := make([]float32, n), make([]float32, n)
					for i := range x {
						x[i], y[i] = float32(r.NormFloat64())*beta*2, float32(r.NormFloat64())*beta*2
					}
					x[at], y[at] = s.x*beta, s.y*beta
					if msg := checkSumFuse(k, args[float32]{x, y}, g); msg != "" {
						t.Errorf("beta %g g %g %s at %d: %s", beta, g, s.name, at, msg)
					}
				}
			}
		}
	}
}
