//go:build !(goexperiment.simd && amd64)

package losskernel

// L1Vec and L1FuseVec have vector forms in the SIMD build; here they take
// no elements and leave all of them to the scalar loops.
func L1Vec(_, _ []float32) (float64, int)                   { return 0, 0 }
func L1FuseVec(_, _, _ []float32, _ float32) (float64, int) { return 0, 0 }
