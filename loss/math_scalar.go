//go:build !(goexperiment.simd && amd64)

package loss

import "math"

// expTo32, logTo32 and log1pTo32 are the float32 exponential and
// logarithms of the chunked kernels: in this build, the scalar loops of
// exp24To32, log24To32 and log1p24To32, which make no call and do
// without a division.

func expTo32(dst, src []float32)   { exp24To32(dst, src) }
func logTo32(dst, src []float32)   { log24To32(dst, src) }
func log1pTo32(dst, src []float32) { log1p24To32(dst, src) }

// logPick32 sets dst[i] = log x[i] where y[i] is 1, log1p(-x[i]) where
// it is 0, for y all 0 or 1: the logarithm of a = x or 1-x, exact in
// float64, as log24To32 and log1p24To32 take it (the series of -x itself
// where |x| < 2**-10 and y is 0). A zero a gives -Inf (x and 1-x are
// finite there, at least 2**-149 if not 0).
func logPick32(dst, x, y []float32) {
	x, y = x[:len(dst)], y[:len(dst)]
	ninf := float32(math.Inf(-1))
	for i, v := range x {
		t := float64(y[i])
		sx := (2*t - 1) * float64(v) // x or -x
		a := (1 - t) + sx            // x or 1-x
		if !(a > 0) {
			dst[i] = ninf
			continue
		}
		k, r := logSplit(a)
		if math.Abs(sx) < 0x1p-10 && t == 0 { // (rarely true: a predictable branch first)
			k, r = negZero, sx // k is 0: 1-x is within 2**-10 of 1
		}
		dst[i] = float32(k + log1pSeries(r))
	}
}

// logOnePlus32 sets dst[i] = log(1 + src[i]), the sum rounded to float32
// first, as ATen's float32 kernels compute it.
func logOnePlus32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] = 1 + v
	}
	log24To32(dst, dst)
}

// plainLogits reports that bcelogits without weights takes the plain-Go
// one-loop kernels (bceLogitsPlain and its sum and fuse forms): in this
// build they are faster than bceLogitsChunk's passes.
const plainLogits = true

// The vector kernels of the arithmetic losses take no elements in this
// build: the scalar loops that call them do the work.

func bceLogitsVec(_, _, _, _, _ []float32, _ float32, _ bool) (float64, int, bool) {
	return 0, 0, false
}
func bceVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool)        { return 0, 0, false }
func klFuseVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool)     { return 0, 0, false }
func softMarginVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool) { return 0, 0, false }
func bceGradVec(_, _, _, _ []float32, _ float32) int                             { return 0 }
func klVec(_, _, _ []float32) int                                                { return 0 }
func negScaleVec(_, _ []float32, _ float32) int                                  { return 0 }
func mseVec(_, _ []float32) (float64, int)                                       { return 0, 0 }
func mseFuseVec(_, _, _ []float32, _ float32) (float64, int)                     { return 0, 0 }
func huberVec(_, _ []float32, _ float32) (float64, int)                          { return 0, 0 }
func huberFuseVec(_, _, _ []float32, _, _ float32) (float64, int)                { return 0, 0 }
func smoothL1Vec(_, _ []float32, _, _ float32) (float64, int)                    { return 0, 0 }
func smoothL1FuseVec(_, _, _ []float32, _, _, _, _ float32) (float64, int)       { return 0, 0 }
