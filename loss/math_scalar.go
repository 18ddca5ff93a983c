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
// it is 0, for y all 0 or 1: log24To32's logarithm of the argument a = x
// or 1-x, or its series of a-1 = x-1 or -x, exact in float64 where it is
// taken, so it rounds as log24To32 and log1p24To32 do. A zero a gives
// -Inf: x and 1-x are finite there, at least 2**-149 if not 0.
func logPick32(dst, x, y []float32) {
	x, y = x[:len(dst)], y[:len(dst)]
	ninf := float32(math.Inf(-1))
	for i, v := range x {
		t := float64(y[i])
		sx := (2*t - 1) * float64(v) // x or -x
		a, r := (1-t)+sx, sx-t       // x or 1-x, and a-1
		l := ninf
		switch {
		case !(a > 0):
		case math.Abs(r) < 0x1p-7:
			l = float32(log1pSeries(r))
		default:
			b := math.Float64bits(a)
			e := float64(int64(b>>52) - 1023)
			c := &logTab[b>>45&127]
			m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
			l = float32(e*math.Ln2 + c[0] + log1pSeries(m*c[1]-1))
		}
		dst[i] = l
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

// The vector kernels of the arithmetic losses take no elements in this
// build: the scalar loops that call them do the work.

func bceGradVec(_, _, _, _ []float32, _ float32) int                       { return 0 }
func klVec(_, _, _ []float32) int                                          { return 0 }
func negScaleVec(_, _ []float32, _ float32) int                            { return 0 }
func mseVec(_, _ []float32) (float64, int)                                 { return 0, 0 }
func mseFuseVec(_, _, _ []float32, _ float32) (float64, int)               { return 0, 0 }
func huberVec(_, _ []float32, _ float32) (float64, int)                    { return 0, 0 }
func huberFuseVec(_, _, _ []float32, _, _ float32) (float64, int)          { return 0, 0 }
func smoothL1Vec(_, _ []float32, _, _ float32) (float64, int)              { return 0, 0 }
func smoothL1FuseVec(_, _, _ []float32, _, _, _, _ float32) (float64, int) { return 0, 0 }
