//go:build goexperiment.simd && amd64

package loss

import "kt/internal/vmath"

// expTo32, logTo32 and log1pTo32 are the float32 exponential and
// logarithms of the chunked kernels. In this build expTo32 and log1pTo32
// are vmath's slice functions, several lanes a step on a CPU with AVX2;
// vmath's logarithm has no vector form, so logTo32 stays the scalar loop
// of log24To32, which does without a division.

func expTo32(dst, src []float32)   { vmath.ExpTo32(dst, src) }
func logTo32(dst, src []float32)   { log24To32(dst, src) }
func log1pTo32(dst, src []float32) { vmath.Log1pTo32(dst, src) }

// logOnePlus32 sets dst[i] = log(1 + src[i]), the sum rounded to float32
// first, as ATen's float32 kernels compute it: for src[i] in [0, 1], as
// bcelogits gives it, the rounded sum s is in [1, 2], so s - 1 is exact
// and log1p(s - 1) is log s, on vmath's vector form.
func logOnePlus32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] = (1 + v) - 1
	}
	vmath.Log1pTo32(dst, dst)
}
