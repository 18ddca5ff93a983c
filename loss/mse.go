package loss

import "kt/tensor"

// MSE is PyTorch's MSELoss: (x - y)², reduced. Input and target
// broadcast; both get gradients.
type MSE struct {
	Reduction Reduction
}

// NewMSE returns MSELoss with PyTorch's default reduction, mean.
func NewMSE() MSE { return MSE{Reduction: Mean} }

// Name returns "mse".
func (MSE) Name() string { return "mse" }

// Forward computes the loss of input and target.
func (l MSE) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("mse", in)
	if err != nil {
		return nil, err
	}
	d, err := floatResult("mse_cpu", x, y)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "MseLossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: []*tensor.Tensor{x, y}, sameTypes: true,
		k32: kernels[float32]{mseForward[float32], mseBackward[float32]},
		k64: kernels[float64]{mseForward[float64], mseBackward[float64]},
	}
	return e.run(c)
}

func mseForward[T tensor.Float](out []T, in args[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		d := x[i] - y[i]
		out[i] = d * d
	}
}

// mseBackward: d/dx = 2(x-y)·g, d/dy = -d/dx.
func mseBackward[T tensor.Float](grad, in args[T], g upstream[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		v := 2 * (x[i] - y[i]) * g.at(i)
		if gx != nil {
			gx[i] = v
		}
		if gy != nil {
			gy[i] = -v
		}
	}
}
