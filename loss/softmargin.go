package loss

import (
	"kt/tensor"
)

// SoftMargin is PyTorch's SoftMarginLoss: log(1 + e^(-y·x)), reduced.
// Input and target broadcast to the input's shape; the output has the
// input's type and only the input gets a gradient. In float32, y·x = -100
// overflows: the loss is inf and the gradient NaN, as in PyTorch.
type SoftMargin struct {
	Reduction Reduction
}

// NewSoftMargin returns SoftMarginLoss with PyTorch's default reduction,
// mean.
func NewSoftMargin() SoftMargin { return SoftMargin{Reduction: Mean} }

// Name returns "softmargin".
func (SoftMargin) Name() string { return "softmargin" }

// Forward computes the loss of input and target.
func (l SoftMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("softmargin", in)
	if err != nil {
		return nil, err
	}
	d := x.DType()
	if r := tensor.ResultType(x, y); !d.IsFloat() || !r.IsFloat() {
		return nil, castError(tensor.Float32, d)
	}
	if shape != nil {
		if err := weightShape(x.Shape(), y.Shape()); err != nil {
			return nil, err
		}
	}
	e := elementwise{
		node: "SoftMarginLossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y}, fixed: flags{1: true},
		k32: kernels[float32]{fwd: softMarginForward32, bwd: softMarginBackward32, fuse: softMarginFuse32},
		k64: kernels[float64]{fwd: softMarginForward[float64], bwd: softMarginBackward[float64]},
	}
	return e.run(c)
}

func softMarginForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = log1p(exp(-x[i] * y[i]))
	}
}

// softMarginBackward: with z = e^(-y·x), d/dx = -y·z/(1+z).
func softMarginBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	for i := range x {
		z := exp(-y[i] * x[i])
		gx[i] = -(y[i] * z) / (1 + z) * g.at(i)
	}
}

// softMarginForward32 is softMarginForward on float32, a chunk at a time
// (expTo32, log1pTo32), rounding each step to float32 as
// ATen's kernels do: e = exp(-x·y), then log1p(e).
func softMarginForward32(out []float32, in args[float32], _ param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for j := 0; j < len(out); j += chunk {
		o := out[j:min(j+chunk, len(out))]
		xs, ys := x[j:j+len(o)], y[j:j+len(o)]
		for i := range o {
			o[i] = -xs[i] * ys[i]
		}
		expTo32(o, o)
		log1pTo32(o, o)
	}
}

// softMarginFuse32 is softMarginForward32 summed, writing the input's
// gradient -y·z/(1+z)·g from the same exponentials z, which it keeps in
// the gradient's chunk.
func softMarginFuse32(gx []float32, in args[float32], _ param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	var buf [chunk]float32
	s := 0.0
	for j := 0; j < len(x); j += chunk {
		z := gx[j:min(j+chunk, len(x))]
		xs, ys, l := x[j:j+len(z)], y[j:j+len(z)], buf[:len(z)]
		for i := range z {
			z[i] = -ys[i] * xs[i]
		}
		expTo32(z, z)
		log1pTo32(l, z)
		s += sum64(l)
		for i, e := range z {
			z[i] = -(ys[i] * e) / (1 + e) * g
		}
	}
	return s
}

// softMarginBackward32 is softMarginBackward on float32: the
// exponentials go through the gradient's own chunk first.
func softMarginBackward32(grad, in args[float32], g upstream[float32], _ param[float32]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	gx = gx[:len(x)]
	for j := 0; j < len(x); j += chunk {
		o := gx[j:min(j+chunk, len(x))]
		xs, ys := x[j:j+len(o)], y[j:j+len(o)]
		for i := range o {
			o[i] = -ys[i] * xs[i]
		}
		expTo32(o, o)
		u := g.sub(j, j+len(o))
		for i, z := range o {
			o[i] = -(ys[i] * z) / (1 + z) * u.at(i)
		}
	}
}
