//go:build !(goexperiment.simd && amd64)

package optim

// stepVec32 has vector forms in the SIMD build; here it takes no elements
// and leaves all of them to the scalar loops.
func stepVec32(_ kind, _ bool, _ coef[float32], _, _, _ []float32) int { return 0 }
