//go:build !(goexperiment.simd && amd64)

package loss

// plainBCE reports that bce's unweighted float32 sum and fused kernels
// take bcePickSum and bcePickFuse a chunk at a time: in this build they
// are faster than the chunk's passes.
const plainBCE = true
