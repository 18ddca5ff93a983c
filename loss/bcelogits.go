package loss

import (
	"fmt"

	"kt/internal/losskernel"
	"kt/tensor"
)

// BCEWithLogits is PyTorch's BCEWithLogitsLoss on logits x and targets y:
// -w·(p·y·log σ(x) + (1-y)·log(1-σ(x))), computed stably, reduced.
// PosWeight (PyTorch's pos_weight, ktorch's class weight option) weighs
// the positive term; Forward's optional third tensor is the per-element
// weight (PyTorch's weight, ktorch's batch weight). Both broadcast to the
// input. Input and target have the same shape; both get gradients.
type BCEWithLogits struct {
	PosWeight *tensor.Tensor // nil: none
	Reduction Reduction
}

// NewBCEWithLogits returns BCEWithLogitsLoss with PyTorch's defaults: no
// pos_weight, reduction mean.
func NewBCEWithLogits() BCEWithLogits { return BCEWithLogits{Reduction: Mean} }

// Name returns "bcelogits".
func (BCEWithLogits) Name() string { return "bcelogits" }

// Forward computes the loss of input, target and the optional weight.
func (l BCEWithLogits) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("bcelogits", in, 2, 3); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	var w *tensor.Tensor
	if len(in) == 3 {
		w = in[2]
	}
	if !y.SameShapeAs(x) {
		return nil, fmt.Errorf("Target size (%s) must be the same as input size (%s)", tensor.TorchSize(y.Shape()), tensor.TorchSize(x.Shape()))
	}
	var shape []int // nil: every tensor has the input's shape
	pw := l.PosWeight
	if (pw != nil && !pw.SameShapeAs(x)) || (w != nil && !w.SameShapeAs(x)) {
		shape = x.Shape()
	}
	if pw != nil && shape != nil {
		// ATen computes (pos_weight - 1)·target first.
		if _, err := tensor.BroadcastShapes(pw.Shape(), shape); err != nil {
			return nil, err
		}
		if err := weightShape(shape, pw.Shape()); err != nil {
			return nil, err
		}
	}
	if w != nil && shape != nil {
		if err := weightShape(shape, w.Shape()); err != nil {
			return nil, err
		}
	}
	d := tensor.ResultType(x, y, w, pw)
	out := y.DType() // PyTorch computes in place in a tensor of the target's type
	if !d.IsFloat() || !out.IsFloat() {
		return nil, castError(tensor.Float32, out)
	}
	e := elementwise{
		node: "BinaryCrossEntropyWithLogitsBackward0", reduction: l.Reduction, dtype: d, shape: shape, out: out, castOut: true,
		inputs: tensors{x, y, w, pw}, fixed: flags{2: true, 3: true},
		k32: kernels[float32]{fwd: losskernel.BCELogitsForward32, bwd: losskernel.BCELogitsBackward32, sum: losskernel.BCELogitsSum32, fuse: losskernel.BCELogitsFuse32},
		k64: kernels[float64]{fwd: bceLogitsForward[float64], bwd: losskernel.BCELogitsBackward[float64]},
	}
	if d == tensor.Float64 && x.DType() == tensor.Float32 && y.DType() == tensor.Float32 {
		// A float64 weight promotes the arithmetic, but ATen still works out
		// the softplus term and (1-y)·x on the float32 input, rounding each
		// step; only the weighting is in float64.
		e.k64.fwd = bceLogitsForwardMixed
	}
	return e.run(c)
}

// bceLogitsForward follows ATen: with m = max(-x, 0),
// (1-y)·x + lw·(log(e^-m + e^(-x-m)) + m), lw = 1 + (p-1)·y.
func bceLogitsForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	for i := range out {
		m := max(-x[i], 0)
		sp := log(exp(-m)+exp(-x[i]-m)) + m
		if pw != nil {
			sp *= (pw[i]-1)*y[i] + 1
		}
		v := (1-y[i])*x[i] + sp
		if w != nil {
			v *= w[i]
		}
		out[i] = v
	}
}

// bceLogitsForwardMixed is bceLogitsForward for float32 input and target
// with a float64 weight: the terms ATen computes on the input's own type
// are rounded to float32 as it rounds them.
func bceLogitsForwardMixed(out []float64, in args[float64], _ param[float64]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	for i := range out {
		xi, yi := float32(x[i]), float32(y[i])
		m := max(-xi, 0)
		sp := float64(log(exp(-m)+exp(-xi-m)) + m)
		lw := 1.0
		if pw != nil {
			lw = (pw[i]-1)*y[i] + 1
		}
		v := float64(float32(float64((1-yi)*xi) + lw*sp))
		if w != nil {
			v *= w[i]
		}
		out[i] = v
	}
}
