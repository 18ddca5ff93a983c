package loss

import (
	"math"
	"testing"

	"kt/internal/losskernel"
)

// TestArithKernels32Special puts one special difference (NaN, ±Inf, ±0,
// the largest float32, values at and near the parameter) at each place
// of an otherwise ordinary input, so that it meets every part of the
// float32 sum and fuse kernels (blocks and tail), and checks the sum
// against the float64 sum of the element losses (NaN and ±Inf exactly)
// and the fused gradient bit for bit against the backward kernel's.
func TestArithKernels32Special(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	negz := float32(math.Copysign(0, -1))
	ks := []struct {
		name string
		k    kernels[float32]
	}{
		{"mse", kernels[float32]{fwd: mseForward[float32], bwd: mseBackward[float32], sum: losskernel.MSESum32, fuse: losskernel.MSEFuse32}},
		{"huber1", kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: losskernel.HuberSum32, fuse: losskernel.HuberFuse32, p: param[float32]{A: 1}}},
		{"huber0.3", kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: losskernel.HuberSum32, fuse: losskernel.HuberFuse32, p: param[float32]{A: 0.3}}},
		{"smoothl1_1", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](1)}},
		{"smoothl1_4", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](4)}},
		{"smoothl1_0.3", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](0.3)}},
	}
	specials := []struct {
		name string
		x, y float32
	}{
		{"nan-x", nan, 1}, {"nan-y", 1, nan}, {"+inf", inf, 0}, {"-inf", -inf, 0}, {"inf-inf", inf, inf},
		{"+0", 0, 0}, {"-0", negz, 0}, {"0-0", 0, negz}, {"max", math.MaxFloat32, 0}, {"-max", -math.MaxFloat32, 0},
		{"one", 1, 0}, {"-one", -1, 0}, {"below-one", 0.99999994, 0}, {"four", 4, 0}, {"tiny", 1e-45, 0},
	}
	const n, g = 150, 0.125 // the vector kernels' blocks of 64, their last short block and the scalar tail
	for _, k := range ks {
		for _, s := range specials {
			for _, at := range []int{0, 5, 16, 31, 36, 63, 64, 100, 143, 149} {
				x, y := make([]float32, n), make([]float32, n)
				for i := range x {
					x[i], y[i] = float32(i%7)*0.3-0.9, float32(i%5)*0.2-0.4
				}
				x[at], y[at] = s.x, s.y
				if msg := checkSumFuse(k.k, args[float32]{x, y}, g); msg != "" {
					t.Errorf("%s %s at %d: %s", k.name, s.name, at, msg)
				}
			}
		}
	}
}
