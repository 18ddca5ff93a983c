//go:build !(goexperiment.simd && amd64)

package loss

// expTo32, logTo32 and log1pTo32 are the float32 exponential and
// logarithms of the chunked kernels: in this build, the scalar loops of
// exp24To32, log24To32 and log1p24To32, which make no call and do
// without a division.

func expTo32(dst, src []float32)   { exp24To32(dst, src) }
func logTo32(dst, src []float32)   { log24To32(dst, src) }
func log1pTo32(dst, src []float32) { log1p24To32(dst, src) }

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

func mseVec(_, _ []float32) (float64, int)                                 { return 0, 0 }
func mseFuseVec(_, _, _ []float32, _ float32) (float64, int)               { return 0, 0 }
func huberVec(_, _ []float32, _ float32) (float64, int)                    { return 0, 0 }
func huberFuseVec(_, _, _ []float32, _, _ float32) (float64, int)          { return 0, 0 }
func smoothL1Vec(_, _ []float32, _, _ float32) (float64, int)              { return 0, 0 }
func smoothL1FuseVec(_, _, _ []float32, _, _, _, _ float32) (float64, int) { return 0, 0 }
