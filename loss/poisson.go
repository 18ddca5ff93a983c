package loss

import (
	"math"

	"kt/internal/losskernel"
	"kt/tensor"
)

// PoissonNLL is PyTorch's PoissonNLLLoss of input x and target y: with
// LogInput, e^x - y·x, else x - y·log(x + eps); Full adds Stirling's
// approximation y·log y - y + ½·log(2πy) where y > 1. Input and target
// broadcast; both get gradients.
type PoissonNLL struct {
	LogInput  bool    // PyTorch's default is true
	Full      bool    // add the Stirling term
	Eps       float64 // PyTorch's default is 1e-8
	Reduction Reduction
}

// NewPoissonNLL returns PoissonNLLLoss with PyTorch's defaults: log_input
// true, full false, eps 1e-8, reduction mean.
func NewPoissonNLL() PoissonNLL { return PoissonNLL{LogInput: true, Eps: 1e-8, Reduction: Mean} }

// Name returns "poissonloss".
func (PoissonNLL) Name() string { return "poissonloss" }

// Forward computes the loss of input and target.
func (l PoissonNLL) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("poissonloss", in, 2, 2); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	shape, err := broadcast(y, x)
	if err != nil {
		return nil, err
	}
	d := tensor.ResultType(x, y)
	if !d.IsFloat() {
		d = tensor.Float32 // exp and log of integers give the default float type
	}
	e := elementwise{
		node: "PoissonNllLossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y},
		k32:    poissonKernels32(l.LogInput, l.Full, float32(l.Eps)),
		k64: kernels[float64]{fwd: poissonForward[float64], bwd: poissonBackward[float64],
			p: poissonParam(l.LogInput, l.Full, l.Eps, x.DType() == tensor.Float32)},
	}
	return e.run(c)
}

// poissonParam: r32 rounds e^x and log(x + eps) to float32, as PyTorch
// computes them in a float32 input's type before promoting.
// (The kernels are named in a non-generic function: a generic one would
// make each function value a closure over its dictionary, allocated.)
func poissonParam[T real](logInput, full bool, eps T, r32 bool) param[T] {
	return param[T]{A: eps, F1: logInput, F2: full, R32: r32}
}

// poissonForward: p.F1 is log_input, p.F2 full, p.A eps.
func poissonForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		var v T
		if p.F1 {
			v = round32(exp(x[i]), p.R32) - y[i]*x[i]
		} else {
			v = x[i] - y[i]*round32(log(round32(x[i]+p.A, p.R32)), p.R32)
		}
		if p.F2 && y[i] > 1 {
			v += y[i]*log(y[i]) - y[i] + 0.5*log(2*math.Pi*y[i])
		}
		out[i] = v
	}
}

// poissonBackward: the target's gradient follows autograd through the
// masked Stirling term: a zero gradient times its derivative, which is NaN
// for y ≤ 0.
func poissonBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			if p.F1 {
				gx[i] = (exp(x[i]) - y[i]) * gi
			} else {
				gx[i] = gi - y[i]*gi/(x[i]+p.A)
			}
		}
		if gy != nil {
			var v T
			if p.F1 {
				v = -x[i] * gi
			} else {
				v = -log(x[i]+p.A) * gi
			}
			if p.F2 {
				gs := gi
				if y[i] <= 1 {
					gs = 0
				}
				v += gs*log(y[i]) + gs*y[i]/y[i] - gs + 0.5*gs/y[i]
			}
			gy[i] = v
		}
	}
}

// poissonKernels32 are the float32 kernels: with log_input and without
// the Stirling term, the exponentials go a chunk at a time through
// vmath's slice function.
func poissonKernels32(logInput, full bool, eps float32) kernels[float32] {
	k := kernels[float32]{fwd: poissonForward[float32], bwd: poissonBackward[float32], p: poissonParam(logInput, full, eps, false)}
	if logInput && !full {
		k.fwd, k.bwd = losskernel.PoissonLogForward32, losskernel.PoissonLogBackward32
	}
	return k
}
