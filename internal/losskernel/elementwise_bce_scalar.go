//go:build !(goexperiment.simd && amd64)

package losskernel

// PlainBCE reports that bce's unweighted float32 sum and fused kernels
// take BCEPickSum and BCEPickFuse a chunk at a time: in this build they
// are faster than the chunk's passes.
const PlainBCE = true
