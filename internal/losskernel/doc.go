// Package losskernel holds the fast float32 kernels of package loss: the
// loops over raw slices that a loss's forward and backward call once its
// options, shapes and dtypes are checked. What a loss computes, and the
// reference its kernels are tested against, is in package loss; this
// package is how it is computed quickly.
//
// Files are grouped by family, a family's plain Go loops beside their
// SIMD twins:
//   - softmax_*.go: cross entropy's row passes (exponentials shifted by a
//     block's score, their sums, the numerators stored, the probability
//     targets' dot products) and the logarithm of a row's sum.
//
// A file ending in _simd.go is built with GOEXPERIMENT=simd on amd64
// (//go:build goexperiment.simd && amd64) and uses AVX2 and FMA when the
// processor has them; its twin ending in _scalar.go is built otherwise
// and gives the same results from the plain loops. Both builds are tested
// (go test, and GOEXPERIMENT=simd go test).
package losskernel
