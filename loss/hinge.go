package loss

import (
	"fmt"

	"kt/internal/losskernel"
	"kt/tensor"
)

// Hinge is PyTorch's HingeEmbeddingLoss: x where y = 1, max(0, margin - x)
// where y = -1, reduced. As PyTorch, a target that is neither 1 nor -1
// takes both branches (their sum). Input and target broadcast; the output
// has the input's type and only the input gets a gradient, which flows at
// the kink (margin - x = 0).
type Hinge struct {
	Margin    float64 // PyTorch's default is 1
	Reduction Reduction
}

// NewHinge returns HingeEmbeddingLoss with PyTorch's defaults: margin 1,
// reduction mean.
func NewHinge() Hinge { return Hinge{Margin: 1, Reduction: Mean} }

// Name returns "hinge".
func (Hinge) Name() string { return "hinge" }

// Forward computes the loss of input and target.
func (l Hinge) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("hinge", in, 2, 2); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	shape, err := broadcast(y, x)
	if err != nil {
		return nil, err
	}
	d := x.DType()
	if !d.IsFloat() {
		return nil, fmt.Errorf("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: %s", d.Title())
	}
	e := elementwise{
		node: "HingeEmbeddingLossBackward", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y}, fixed: flags{1: true},
		k32: kernels[float32]{fwd: losskernel.HingeForward32, bwd: losskernel.HingeBackward32, sum: losskernel.HingeSum32, fuse: losskernel.HingeFuse32,
			p: param[float32]{A: float32(l.Margin)}},
		k64: kernels[float64]{fwd: hingeForward[float64], bwd: hingeBackward[float64], p: param[float64]{A: l.Margin}},
	}
	return e.run(c)
}

func hingeForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		var v T
		if y[i] != 1 {
			v = max(p.A-x[i], 0)
		}
		if y[i] != -1 {
			v += x[i]
		}
		out[i] = v
	}
}

func hingeBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	for i := range x {
		var d T
		if y[i] != 1 && p.A-x[i] >= 0 {
			d = -1
		}
		if y[i] != -1 {
			d++
		}
		gx[i] = d * g.At(i)
	}
}
