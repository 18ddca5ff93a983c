//go:build goexperiment.simd && amd64

package losskernel

// Choices between loop shapes that depend on the build (see
// elementwise_loops_scalar.go).

// SmoothL1ByHuber reports that smoothl1's float32 kernels keep their own
// vector loops in this build, rather than huber's scaled.
const SmoothL1ByHuber = false

// KLPlain reports that kl's float32 kernels keep their vector loops and
// chunked passes in this build.
const KLPlain = false
