package loss

import (
	"fmt"
	"math"
)

// checkSumFuse checks a float32 kernel set on in: its sum and its fused
// sum against the float64 sum of the forward's element losses (NaN and
// ±Inf exactly; otherwise within 1e-6 relative, since the kernels may add
// a few float32 losses in float32 before widening), and the fused
// gradient for the upstream gradient g bit for bit against the backward
// kernel's (any NaN for a NaN). It returns the first failure, or "".
func checkSumFuse(k kernels[float32], in args[float32], g float32) string {
	n := len(in[0])
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
		return fmt.Sprintf("sum %v, want %v", got, want)
	}
	gx := make([]float32, n)
	if got := k.fuse(gx, in, k.p, g); !ok(got) {
		return fmt.Sprintf("fused sum %v, want %v", got, want)
	}
	wg := make([]float32, n)
	k.bwd(args[float32]{wg}, in, upstream[float32]{S: g}, k.p)
	for i := range wg {
		if math.Float32bits(gx[i]) != math.Float32bits(wg[i]) && !(gx[i] != gx[i] && wg[i] != wg[i]) {
			return fmt.Sprintf("gradient %d is %v, want %v", i, gx[i], wg[i])
		}
	}
	return ""
}
