package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/tensor"
)

// L1 is PyTorch's L1Loss: |x - y|, reduced. Input and target broadcast;
// the gradient is sign(x - y) (0 where x = y or x - y is NaN, as ATen's
// sign gives it) and its negation.
type L1 struct {
	Reduction Reduction
}

// NewL1 returns L1Loss with PyTorch's default reduction, mean.
func NewL1() L1 { return L1{Reduction: Mean} }

// Name returns "l1".
func (L1) Name() string { return "l1" }

// Forward computes the loss of input and target.
func (l L1) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("l1", in)
	if err != nil {
		return nil, err
	}
	d := tensor.ResultType(x, y)
	if !d.IsFloat() {
		return nil, fmt.Errorf("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: %s", d.Title())
	}
	e := elementwise{
		node: "L1LossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y},
		k32:    kernels[float32]{fwd: l1Forward[float32], bwd: l1Backward[float32], sum: losskernel.L1Sum32, fuse: losskernel.L1Fuse32},
		k64:    kernels[float64]{fwd: l1Forward[float64], bwd: l1Backward[float64], sum: l1Sum[float64]},
	}
	return e.run(c)
}

func l1Forward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = abs(x[i] - y[i])
	}
}

// abs returns |v| without a branch: math.Abs is one instruction, and
// the conversions are exact.
func abs[T tensor.Float](v T) T { return T(math.Abs(float64(v))) }

func l1Sum[T tensor.Float](in args[T], _ param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a += float64(abs(x[i] - y[i]))
		b += float64(abs(x[i+1] - y[i+1]))
		c += float64(abs(x[i+2] - y[i+2]))
		d += float64(abs(x[i+3] - y[i+3]))
	}
	for ; i < len(x); i++ {
		a += float64(abs(x[i] - y[i]))
	}
	return (a + b) + (c + d)
}

// sign returns -1, 0 or 1, and 0 for NaN, as ATen's sign kernel gives
// it: (0 < d) - (d < 0). The common case has no data-dependent branch.
func sign[T tensor.Float](d T) T {
	if d == 0 || d != d {
		return 0
	}
	return T(math.Copysign(1, float64(d)))
}

func l1Backward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := g.S, gx[:len(x)]
		for i := range x {
			gx[i] = sign(x[i]-y[i]) * s
		}
		return
	}
	for i := range x {
		v := sign(x[i]-y[i]) * g.At(i)
		if gx != nil {
			gx[i] = v
		}
		if gy != nil {
			gy[i] = -v
		}
	}
}
