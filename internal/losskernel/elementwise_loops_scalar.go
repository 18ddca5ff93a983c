//go:build !(goexperiment.simd && amd64)

package losskernel

// Choices between loop shapes that depend on the build: in plain Go the
// fewest instructions an element win; the SIMD build keeps the forms its
// vector kernels are written against.

// SmoothL1ByHuber reports that smoothl1's float32 sum and fuse kernels
// take huber's loops, scaled, where huberScales allows: in plain Go they
// take fewer instructions an element than smoothl1's own.
const SmoothL1ByHuber = true

// KLPlain reports that kl's float32 sum and fuse kernels take one loop
// (KLSumPlain, KLFusePlain) rather than the chunked passes.
const KLPlain = true
