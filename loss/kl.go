package loss

import (
	"errors"

	"kt/internal/losskernel"
	"kt/tensor"
)

// KLDiv is PyTorch's KLDivLoss of log-probabilities x and target y:
// y·(log y - x), where y = 0 contributes 0 (xlogy), or with LogTarget
// e^y·(y - x). Reduction may be BatchMean, the sum divided by the size of
// the input's first dimension (mean divides by the element count, which
// PyTorch warns is not the KL divergence). Input and target broadcast;
// both get gradients, the target's being NaN where it is 0, as PyTorch's.
type KLDiv struct {
	LogTarget bool
	Reduction Reduction
}

// NewKLDiv returns KLDivLoss with PyTorch's defaults: log_target false,
// reduction mean.
func NewKLDiv() KLDiv { return KLDiv{Reduction: Mean} }

// Name returns "kl".
func (KLDiv) Name() string { return "kl" }

// Forward computes the loss of input and target.
func (l KLDiv) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("kl", in, 2, 2); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	if !x.DType().IsFloat() || !y.DType().IsFloat() {
		return nil, errors.New("kl_div: Integral inputs not supported.")
	}
	shape, err := broadcast(y, x)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "KlDivBackward0", reduction: l.Reduction, dtype: tensor.ResultType(x, y), shape: shape,
		inputs: tensors{x, y},
	}
	if l.Reduction == BatchMean {
		e.batch = 1
		if x.Dim() > 0 {
			e.batch = x.Size(0)
		}
		if e.batch == 0 {
			e.batch = -1 // the divisor is 0: PyTorch's NaN
		}
	}
	if l.LogTarget {
		e.k32 = kernels[float32]{fwd: klLogForward[float32], bwd: klLogBackward[float32]}
		e.k64 = kernels[float64]{fwd: klLogForward[float64], bwd: klLogBackward[float64]}
	} else {
		e.k32 = kernels[float32]{fwd: losskernel.KLForward32, bwd: klBackward[float32], sum: losskernel.KLSum32, fuse: losskernel.KLFuse32}
		e.k64 = kernels[float64]{fwd: klForward[float64], bwd: klBackward[float64]}
	}
	return e.run(c)
}

// xlogy returns y·log y, 0 where y is 0 (NaN stays NaN).
func xlogy[T tensor.Float](y T) T {
	if y == 0 {
		return 0
	}
	return y * log(y)
}

func klForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = xlogy(y[i]) - y[i]*x[i]
	}
}

// klBackward: d/dx = -y; d/dy = log y + y/y - x (the autograd of xlogy(y,
// y): NaN at y = 0).
func klBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			gx[i] = -y[i] * gi
		}
		if gy != nil {
			var lg T
			if y[i] != 0 {
				lg = log(y[i])
			}
			gy[i] = lg*gi + y[i]/y[i]*gi - x[i]*gi
		}
	}
}

func klLogForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = exp(y[i]) * (y[i] - x[i])
	}
}

// klLogBackward: d/dx = -e^y; d/dy = e^y·(y - x) + e^y.
func klLogBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		ey := exp(y[i])
		if gx != nil {
			gx[i] = -ey * gi
		}
		if gy != nil {
			gy[i] = ey*gi*(y[i]-x[i]) + ey*gi
		}
	}
}
