package loss

import (
	"errors"

	"kt/internal/losskernel"
	"kt/tensor"
)

// SmoothL1 is PyTorch's SmoothL1Loss: with z = |x - y|, 0.5·z²/beta where
// z < beta, else z - 0.5·beta; beta = 0 is L1. Input and target
// broadcast. As ATen, the gradient is -1 at or below -beta and 1 at or
// above beta, so with beta = 0 it is -1 for both input and target where
// x = y.
type SmoothL1 struct {
	Beta      float64 // PyTorch's default is 1; negative is an error
	Reduction Reduction
}

// NewSmoothL1 returns SmoothL1Loss with PyTorch's defaults: beta 1,
// reduction mean.
func NewSmoothL1() SmoothL1 { return SmoothL1{Beta: 1, Reduction: Mean} }

// Name returns "smoothl1".
func (SmoothL1) Name() string { return "smoothl1" }

// Forward computes the loss of input and target.
func (l SmoothL1) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("smoothl1", in)
	if err != nil {
		return nil, err
	}
	if l.Beta < 0 {
		return nil, errors.New("smooth_l1_loss does not support negative values for beta.")
	}
	d, err := floatResult("smooth_l1_cpu", x, y)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "SmoothL1LossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y},
		k32: kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32,
			fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param(float32(l.Beta))},
		k64: kernels[float64]{fwd: smoothL1Forward[float64], bwd: smoothL1Backward[float64], sum: smoothL1Sum[float64],
			p: smoothL1Param(l.Beta)},
	}
	return e.run(c)
}

// smoothL1Param: a is beta, b is 0.5/beta.
// (The kernels are named in a non-generic function: a generic one would
// make each function value a closure over its dictionary, allocated.)
func smoothL1Param[T real](beta T) param[T] { return param[T]{A: beta, B: 0.5 / beta} }

func smoothL1Forward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = smoothL1(x[i]-y[i], p.A, p.B)
	}
}

func smoothL1Sum[T tensor.Float](in args[T], p param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64 // four sums, so the additions pipeline
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a += float64(smoothL1(x[i]-y[i], p.A, p.B))
		b += float64(smoothL1(x[i+1]-y[i+1], p.A, p.B))
		c += float64(smoothL1(x[i+2]-y[i+2], p.A, p.B))
		d += float64(smoothL1(x[i+3]-y[i+3], p.A, p.B))
	}
	for ; i < len(x); i++ {
		a += float64(smoothL1(x[i]-y[i], p.A, p.B))
	}
	return (a + b) + (c + d)
}

// smoothL1Backward: the target's gradient is the input's formula with the
// two swapped, as derivatives.yaml defines it.
func smoothL1Backward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	beta := p.A
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := g.S, gx[:len(x)]
		for i := range x {
			gx[i] = losskernel.SmoothL1Grad(x[i]-y[i], beta) * s
		}
		return
	}
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			gx[i] = losskernel.SmoothL1Grad(x[i]-y[i], beta) * gi
		}
		if gy != nil {
			gy[i] = losskernel.SmoothL1Grad(y[i]-x[i], beta) * gi
		}
	}
}

// smoothL1 is the loss at difference d, given half = 0.5/beta.
// It is written without a data-dependent branch or a division: with
// m = min(z, beta), m²·half + (z - m).
func smoothL1[T tensor.Float](d, beta, half T) T {
	z := abs(d)
	if beta == 0 {
		return z
	}
	m := min(z, beta)
	return m*m*half + (z - m)
}
