//go:build !(goexperiment.simd && amd64)

package loss

// logTo32 and log1pTo32 are the float32 logarithms of the chunked
// kernels: in this build, the scalar loops of log24To32 and log1p24To32,
// which do without a division.

func logTo32(dst, src []float32)   { log24To32(dst, src) }
func log1pTo32(dst, src []float32) { log1p24To32(dst, src) }
