package loss

import (
	"kt/tensor"

	"kt/internal/losskernel"
)

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
		inputs: tensors{x, y}, sameTypes: true,
		k32: kernels[float32]{fwd: mseForward[float32], bwd: mseBackward[float32], sum: losskernel.MSESum32, fuse: losskernel.MSEFuse32},
		k64: kernels[float64]{fwd: mseForward[float64], bwd: mseBackward[float64], sum: mseSum[float64]},
	}
	return e.run(c)
}

func mseForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		d := x[i] - y[i]
		out[i] = d * d
	}
}

func mseSum[T tensor.Float](in args[T], _ param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		d0, d1, d2, d3 := x[i]-y[i], x[i+1]-y[i+1], x[i+2]-y[i+2], x[i+3]-y[i+3]
		a += float64(d0 * d0)
		b += float64(d1 * d1)
		c += float64(d2 * d2)
		d += float64(d3 * d3)
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(d0 * d0)
	}
	return (a + b) + (c + d)
}

// mseBackward: d/dx = 2(x-y)·g, d/dy = -d/dx.
func mseBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := 2*g.S, gx[:len(x)]
		for i := range x {
			gx[i] = s * (x[i] - y[i])
		}
		return
	}
	for i := range x {
		v := 2 * (x[i] - y[i]) * g.At(i)
		if gx != nil {
			gx[i] = v
		}
		if gy != nil {
			gy[i] = -v
		}
	}
}
