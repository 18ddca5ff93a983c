//go:build goexperiment.simd && amd64

package loss

// smoothL1ByHuber reports that smoothl1's float32 kernels keep their own
// vector loops in this build, rather than Huber's scaled.
const smoothL1ByHuber = false
