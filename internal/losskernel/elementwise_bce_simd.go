//go:build goexperiment.simd && amd64

package losskernel

// PlainBCE reports that bce's unweighted float32 sum and fused kernels
// keep the chunk's passes for what the vector kernel leaves: in this
// build, a tail of fewer than a vector's elements.
const PlainBCE = false
