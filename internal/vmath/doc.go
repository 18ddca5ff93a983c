// Package vmath computes exp, log and log1p fast, one value at a time and
// over slices, for the inner loops of the loss kernels.
//
// The scalar functions are branch-light polynomial approximations that
// keep the special cases of package math (NaN, ±Inf, 0, subnormal
// arguments and results) by sending the rare arguments outside their
// range to package math. Exp, Log and Log1p are accurate to a few units
// in the last place of a float64; the 32-bit forms (Exp32, Log32,
// Log1p32) to within one unit of a float32, and Exp24 gives float32
// accuracy kept in a float64, for float32 kernels that accumulate in
// float64.
//
// The slice functions (ExpTo32, SumExp32, ExpScale32, ... and their
// float64 twins) compute the same values; the fused ones (SumExp, ExpSum,
// ExpScale) are the pieces of a softmax, and LogSumExp2 and LogSumExp3
// the step of a log-space recursion. Built with GOEXPERIMENT=simd on
// amd64 with AVX2 and FMA, ExpTo32, SumExp32, ExpSum32, ExpScale32,
// Max32, LogTo32, Log1pTo32 and LogPick32 run 8-lane vectors over slices
// of at least 64 elements, within one unit in the last place of float32
// (the sums accumulate in float64); otherwise, and for the other
// functions, they loop over the scalar code.
package vmath
