package loss

import (
	"errors"

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
		k32: kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: huberSum32, fuse: huberFuse32,
			p: param[float32]{a: float32(l.Delta)}},
		k64: kernels[float64]{fwd: huberForward[float64], bwd: huberBackward[float64], sum: huberSum[float64], p: param[float64]{a: l.Delta}},
	}
	return e.run(c)
}

func huberForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = huber(x[i]-y[i], p.a)
	}
}

func huberSum[T tensor.Float](in args[T], p param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64 // four sums, so the additions pipeline
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a += float64(huber(x[i]-y[i], p.a))
		b += float64(huber(x[i+1]-y[i+1], p.a))
		c += float64(huber(x[i+2]-y[i+2], p.a))
		d += float64(huber(x[i+3]-y[i+3], p.a))
	}
	for ; i < len(x); i++ {
		a += float64(huber(x[i]-y[i], p.a))
	}
	return (a + b) + (c + d)
}

// huberBackward: the target's gradient is the input's formula with the
// two swapped, as derivatives.yaml defines it.
func huberBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	delta := p.a
	if g.per == nil && gy == nil && gx != nil {
		s, gx := g.s, gx[:len(x)]
		for i := range x {
			gx[i] = huberGrad(x[i]-y[i], delta) * s
		}
		return
	}
	for i := range x {
		gi := g.at(i)
		if gx != nil {
			gx[i] = huberGrad(x[i]-y[i], delta) * gi
		}
		if gy != nil {
			gy[i] = huberGrad(y[i]-x[i], delta) * gi
		}
	}
}

// huber is the loss at difference d.
// It is written without a data-dependent branch or an absolute value:
// with c = d clamped to [-delta, delta], c·(d - c/2), which rounds as
// ATen's 0.5·z² (z = |d| < delta) and delta·(z - delta/2) do.
func huber[T tensor.Float](d, delta T) T {
	c := max(min(d, delta), -delta)
	return c * (d - 0.5*c)
}

// huberGrad is the derivative of the loss at difference d.
// It is d clamped to [-delta, delta], without a branch.
func huberGrad[T tensor.Float](d, delta T) T { return max(min(d, delta), -delta) }

// huberSum32 is huberSum on float32, four elements a step.
func huberSum32(in args[float32], p param[float32]) float64 {
	x := in[0]
	y, delta := in[1][:len(x)], p.a
	var b, c, d float64
	a, i := huberVec(x, y, delta)
	for ; i+4 <= len(x); i += 4 {
		x4, y4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4])
		// m·(z - m/2), z = |d|, m = min(z, delta), is c·(d - c/2)
		// with both signs dropped, so it rounds alike, and takes
		// one min where the clamp takes two
		z0, z1, z2, z3 := abs32(x4[0]-y4[0]), abs32(x4[1]-y4[1]), abs32(x4[2]-y4[2]), abs32(x4[3]-y4[3])
		m0, m1, m2, m3 := min(z0, delta), min(z1, delta), min(z2, delta), min(z3, delta)
		a += float64(m0 * (z0 - 0.5*m0))
		b += float64(m1 * (z1 - 0.5*m1))
		c += float64(m2 * (z2 - 0.5*m2))
		d += float64(m3 * (z3 - 0.5*m3))
	}
	for ; i < len(x); i++ {
		a += float64(huber(x[i]-y[i], delta))
	}
	return (a + b) + (c + d)
}

// huberFuse32 is huberSum32 writing the input's gradient, d clamped to
// [-delta, delta] times g, as it goes.
func huberFuse32(gx []float32, in args[float32], p param[float32], g float32) float64 {
	x := in[0]
	y, gx, delta := in[1][:len(x)], gx[:len(x)], p.a
	var b, c, d float64
	a, i := huberFuseVec(gx, x, y, delta, g)
	for ; i+4 <= len(x); i += 4 {
		x4, y4, g4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4]), (*[4]float32)(gx[i:i+4])
		d0, d1, d2, d3 := x4[0]-y4[0], x4[1]-y4[1], x4[2]-y4[2], x4[3]-y4[3]
		c0, c1, c2, c3 := max(min(d0, delta), -delta), max(min(d1, delta), -delta), max(min(d2, delta), -delta), max(min(d3, delta), -delta)
		a += float64(c0 * (d0 - 0.5*c0))
		b += float64(c1 * (d1 - 0.5*c1))
		c += float64(c2 * (d2 - 0.5*c2))
		d += float64(c3 * (d3 - 0.5*c3))
		g4[0], g4[1], g4[2], g4[3] = c0*g, c1*g, c2*g, c3*g
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(huber(d0, delta))
		gx[i] = huberGrad(d0, delta) * g
	}
	return (a + b) + (c + d)
}
