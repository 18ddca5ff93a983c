// Package losskernel holds the fast float32 kernels of package loss: the
// loops over raw slices that a loss's forward and backward call once its
// options, shapes and dtypes are checked. What a loss computes, and the
// reference its kernels are tested against, is in package loss; this
// package is how it is computed quickly.
//
// Files are grouped by family, a family's plain Go loops beside their
// SIMD twins:
//   - elementwise_*.go: the float32 loops of the elementwise losses
//     (mse, l1, smoothl1, huber, hinge, bce, bcelogits, softmargin, kl, poisson): whole
//     vectors of elements in elementwise_simd.go (the chunk's exponential
//     and logarithms, the sum and fuse kernels), and the plain loops each
//     build chooses (elementwise_loops_*.go, elementwise_bce_*.go);
//     one file a loss for its float32 forward, sum, fuse and backward
//     kernels (elementwise_mse.go, elementwise_bce.go, ...); bce's
//     logarithm picked by the target's bits (elementwise_bce_pick.go),
//     bcelogits' plain fused passes (elementwise_bcelogits_plain.go), the
//     tables of softplus and σ (elementwise_softplus.go) and the float32
//     log(1+e) of the softmargin lanes (elementwise_log1p32.go); the
//     same tables summed over a row of multisoft (elementwise_multisoft.go).
//   - softmax_*.go: cross entropy's row passes (exponentials shifted by a
//     block's score, their sums, the numerators stored, the probability
//     targets' dot products) and the logarithm of a row's sum; the
//     generic row kernels of the class losses in either float type
//     (softmax_rows.go: a row's maximum, its exponentials, their sum, its
//     log-sum-exp).
//
// A file ending in _simd.go is built with GOEXPERIMENT=simd on amd64
// (//go:build goexperiment.simd && amd64) and uses AVX2 and FMA when the
// processor has them; its twin ending in _scalar.go is built otherwise
// and defines the same names: plain loops, or a vector function's
// stand-in that takes no elements (the plain loops then do them all),
// and the constants that pick a build's loops. Both builds
// are tested (go test, and GOEXPERIMENT=simd go test), here and in
// package loss, whose generic kernels are the reference.
//
// What a kernel sees is Args (its slices), Upstream (the output's
// gradient per element) and Param (the loss's scalar options), as
// package loss's elementwise driver passes them.
package losskernel

// Chunk is the length of the scratch buffer a reduced forward writes
// element losses to before summing them: small enough to stay in L1.
const Chunk = 1024
