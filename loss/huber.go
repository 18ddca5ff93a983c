package loss

import (
	"errors"

	"kt/internal/losskernel"
	"kt/tensor"
)

// Huber is PyTorch's HuberLoss: with z = |x - y|, 0.5·z² where z < delta,
// else delta·(z - 0.5·delta). Input and target broadcast; the output has
// the input's type.
type Huber struct {
	Delta     float64 // PyTorch's default is 1; it must be positive
	Reduction Reduction
}

// NewHuber returns HuberLoss with PyTorch's defaults: delta 1, reduction
// mean.
func NewHuber() Huber { return Huber{Delta: 1, Reduction: Mean} }

// Name returns "huber".
func (Huber) Name() string { return "huber" }

// Forward computes the loss of input and target.
func (l Huber) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("huber", in)
	if err != nil {
		return nil, err
	}
	if !(l.Delta > 0) {
		return nil, errors.New("huber_loss does not support non-positive values for delta.")
	}
	d := tensor.ResultType(x, y)
	if !d.IsFloat() {
		return nil, notImplemented("huber_cpu", d)
	}
	if !x.DType().IsFloat() {
		return nil, castError(d, x.DType())
	}
	out := x.DType()
	e := elementwise{
		node: "HuberLossBackward0", reduction: l.Reduction, dtype: d, shape: shape, out: out, castOut: true,
		inputs: tensors{x, y}, sameTypes: true,
		k32: kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: losskernel.HuberSum32, fuse: losskernel.HuberFuse32,
			p: param[float32]{A: float32(l.Delta)}},
		k64: kernels[float64]{fwd: huberForward[float64], bwd: huberBackward[float64], sum: huberSum[float64], p: param[float64]{A: l.Delta}},
	}
	return e.run(c)
}

func huberForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = losskernel.Huber(x[i]-y[i], p.A)
	}
}

func huberSum[T tensor.Float](in args[T], p param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64 // four sums, so the additions pipeline
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a += float64(losskernel.Huber(x[i]-y[i], p.A))
		b += float64(losskernel.Huber(x[i+1]-y[i+1], p.A))
		c += float64(losskernel.Huber(x[i+2]-y[i+2], p.A))
		d += float64(losskernel.Huber(x[i+3]-y[i+3], p.A))
	}
	for ; i < len(x); i++ {
		a += float64(losskernel.Huber(x[i]-y[i], p.A))
	}
	return (a + b) + (c + d)
}

// huberBackward: the target's gradient is the input's formula with the
// two swapped, as derivatives.yaml defines it.
func huberBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	delta := p.A
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := g.S, gx[:len(x)]
		for i := range x {
			gx[i] = losskernel.HuberGrad(x[i]-y[i], delta) * s
		}
		return
	}
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			gx[i] = losskernel.HuberGrad(x[i]-y[i], delta) * gi
		}
		if gy != nil {
			gy[i] = losskernel.HuberGrad(y[i]-x[i], delta) * gi
		}
	}
}
