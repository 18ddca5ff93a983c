//go:build goexperiment.simd && amd64

package loss

import "kt/internal/vmath"

// logTo32 and log1pTo32 are the float32 logarithms of the chunked
// kernels: in this build, vmath's slice functions, several lanes a step
// on a CPU with AVX2.

func logTo32(dst, src []float32)   { vmath.LogTo32(dst, src) }
func log1pTo32(dst, src []float32) { vmath.Log1pTo32(dst, src) }
