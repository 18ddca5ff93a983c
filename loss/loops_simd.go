//go:build goexperiment.simd && amd64

package loss

// Choices between loop shapes that depend on the build (see
// loops_scalar.go).

// smoothL1ByHuber reports that smoothl1's float32 kernels keep their own
// vector loops in this build, rather than Huber's scaled.
const smoothL1ByHuber = false

// klPlain reports that kl's float32 kernels keep their vector loops and
// chunked passes in this build.
const klPlain = false
