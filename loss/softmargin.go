package loss

import (
	"kt/internal/losskernel"
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
		k32: kernels[float32]{fwd: losskernel.SoftMarginForward32, bwd: losskernel.SoftMarginBackward32, sum: losskernel.SoftMarginSum32, fuse: losskernel.SoftMarginFuse32},
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
		gx[i] = -(y[i] * z) / (1 + z) * g.At(i)
	}
}
