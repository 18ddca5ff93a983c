// Package loss holds PyTorch's loss modules over kt's tensors, with
// PyTorch 1.13's semantics: every option and reduction, its dtype rules
// and its error messages.
//
// # Using a loss
//
// A loss is a value of a struct type holding its options; Forward takes
// a *tensor.Ctx (nil: record for autograd) and the tensors in PyTorch's
// order:
//
//	z, err := loss.MSE{Reduction: loss.Mean}.Forward(nil, x, y)
//	err = tensor.Backward(z, nil, false) // fills x.Grad, y.Grad
//
// Every loss implements Loss.
//
// # The shape of a loss
//
// Each loss is one forward kernel and one fused analytic backward kernel,
// as ATen pairs each loss with its backward; the result carries a single
// graph node. The kernels are generic over tensor.Float and are plain
// loops: no interface call, allocation or reflection per element.
//
// A loss's file holds what the loss is: its options, its checks with
// PyTorch's messages, and its forward and backward as readable generic
// code, which float64 runs and against which the fast kernels are tested.
// How float32 is made fast (chunked, unrolled, table-driven and SIMD
// loops) is package kt/internal/losskernel's, grouped by family, each
// plain loop beside its SIMD twin; the float32-precision exp, log and
// log1p they take are kt/internal/vmath's. A loss's Forward names its
// float32 kernels there (losskernel.MSESum32, ...), as ATen's Loss.cpp
// calls into native/cpu's kernels.
//
// Everything else is shared plumbing, in one place:
//   - reduction.go: Reduction (None, Mean, Sum; BatchMean for KLDiv) and
//     its parsing and checks.
//   - loss.go: the Loss interface, arity checks and PyTorch's dtype
//     errors (floatResult, notImplemented, castError, dtypeMismatch).
//   - kernel.go: what a kernel sees: args (up to four input slices,
//     passed by value), upstream (the output gradient per element) and
//     param (the options), losskernel's types; kernels (the fwd/bwd
//     pair, with the optional fused sum and fuse).
//   - elementwise.go: the driver of an elementwise loss: dtype
//     conversion, broadcasting, splitting large tensors across
//     goroutines (internal/par), reduction with float64 accumulation,
//     recording the node, and summing each gradient back to its input's
//     shape and dtype.
//
// # Adding an elementwise loss (the pattern of mse.go)
//
//  1. A struct type with the options as exported fields (Reduction last)
//     and methods Name and Forward.
//  2. Forward checks arity (arity), options, shapes and dtypes with
//     PyTorch's messages, decides the compute dtype (usually
//     floatResult) and the broadcast shape, then fills an elementwise
//     with the node name, inputs in kernel order, which inputs are
//     differentiable (diff, nil for all) and the kernels for float32 and
//     float64, and returns e.run(c).
//  3. The forward kernel writes the loss of each element: out[i] from
//     in[0][i], in[1][i], ... Kernels are top-level generic functions;
//     a loss's scalar options reach them in a param value (see
//     smoothl1.go), not through a closure, so that generic helpers such
//     as abs inline. An optional sum kernel fuses the forward with its
//     float64 sum for the reductions (see mse.go).
//  4. The backward kernel writes grad[k][i] for each grad[k] that is not
//     nil, multiplying by g.At(i). The plumbing has already folded the
//     reduction (1/n for mean) into g.
//  5. Float32 kernels that beat the generic ones go to losskernel,
//     tested against the generic ones (checkSumFuse in
//     kernelcheck_test.go, and the loss's own tests).
//  6. A table-driven test of values against PyTorch, a finite-difference
//     gradient check (gradcheck_test.go), and the fixture cases
//     (fixture_test.go) run the loss.
//
// Losses that are not elementwise (cross entropy, CTC, distances) keep
// the same outline: check, compute in one kernel with float64
// accumulation, reduce with the shared Reduction, Record one node whose
// backward is one fused kernel, and return gradients of each input's
// shape and dtype (tensor.SumTo and To help).
package loss
