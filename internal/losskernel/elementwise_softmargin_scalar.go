//go:build !(goexperiment.simd && amd64)

package losskernel

// SoftMarginSumVec takes no elements in this build: SoftMarginSum32's
// tables do the work.
func SoftMarginSumVec(_, _ []float32) (float64, int, bool) { return 0, 0, false }
