//go:build !(goexperiment.simd && amd64)

package loss

// smoothL1ByHuber reports that smoothl1's float32 sum and fuse kernels
// take Huber's loops, scaled, where huberScales allows: in plain Go they
// take fewer instructions an element than smoothl1's own.
const smoothL1ByHuber = true
