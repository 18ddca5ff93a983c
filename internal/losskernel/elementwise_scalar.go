//go:build !(goexperiment.simd && amd64)

package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// ExpTo32, LogTo32 and Log1pTo32 are the float32 exponential and
// logarithms of the chunked kernels: in this build, the scalar loops of
// vmath.Exp24To32, vmath.Log24To32 and vmath.Log1p24To32, which make no call and do
// without a division.

func ExpTo32(dst, src []float32)   { vmath.Exp24To32(dst, src) }
func LogTo32(dst, src []float32)   { vmath.Log24To32(dst, src) }
func Log1pTo32(dst, src []float32) { vmath.Log1p24To32(dst, src) }

// LogPick32 sets dst[i] = log x[i] where y[i] is 1, log1p(-x[i]) where
// it is 0, for y all 0 or 1: the logarithm of a = x or 1-x, exact in
// float64, as vmath.Log24To32 and vmath.Log1p24To32 take it (the series of -x itself
// where |x| < 2**-10 and y is 0). A zero a gives -Inf (x and 1-x are
// finite there, at least 2**-149 if not 0).
func LogPick32(dst, x, y []float32) {
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
		k, r := vmath.LogSplit(a)
		if math.Abs(sx) < 0x1p-10 && t == 0 { // (rarely true: a predictable branch first)
			k, r = negZero, sx // k is 0: 1-x is within 2**-10 of 1
		}
		dst[i] = float32(k + vmath.Log1pSeries(r))
	}
}

// LogOnePlus32 sets dst[i] = log(1 + src[i]), the sum rounded to float32
// first, as ATen's float32 kernels compute it.
func LogOnePlus32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] = 1 + v
	}
	vmath.Log24To32(dst, dst)
}

// PlainLogits reports that bcelogits without weights takes the plain-Go
// one-loop kernels (BCELogitsPlain and its sum and fuse forms): in this
// build they are faster than BCELogitsChunk's passes.
const PlainLogits = true

// The vector kernels of the arithmetic losses take no elements in this
// build: the scalar loops that call them do the work.

func BCELogitsVec(_, _, _, _, _ []float32, _ float32, _ bool) (float64, int, bool) {
	return 0, 0, false
}
func BCEVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool)        { return 0, 0, false }
func KLFuseVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool)     { return 0, 0, false }
func SoftMarginVec(_, _, _, _ []float32, _ float32, _ bool) (float64, int, bool) { return 0, 0, false }
func BCEGradVec(_, _, _, _ []float32, _ float32) int                             { return 0 }
func KLVec(_, _, _ []float32) int                                                { return 0 }
func NegScaleVec(_, _ []float32, _ float32) int                                  { return 0 }
func MSEVec(_, _ []float32) (float64, int)                                       { return 0, 0 }
func MSEFuseVec(_, _, _ []float32, _ float32) (float64, int)                     { return 0, 0 }
func HuberVec(_, _ []float32, _ float32) (float64, int)                          { return 0, 0 }
func HuberFuseVec(_, _, _ []float32, _, _ float32) (float64, int)                { return 0, 0 }
func SmoothL1Vec(_, _ []float32, _, _ float32) (float64, int)                    { return 0, 0 }
func SmoothL1FuseVec(_, _, _ []float32, _, _, _, _ float32) (float64, int)       { return 0, 0 }
