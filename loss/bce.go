package loss

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"kt/internal/losskernel"
	"kt/internal/par"
	"kt/tensor"
)

// BCE is PyTorch's BCELoss on probabilities x and targets y:
// -w·(y·log x + (1-y)·log(1-x)), each log clamped at -100, reduced.
// Forward takes input, target and an optional per-element weight (ktorch's
// batch weight) that broadcasts to the input. Input and target have the
// same shape and type; the input must lie in [0, 1], the target is not
// checked. The input's gradient divides by max(x(1-x), 1e-12); the
// target's, -w·log(x/(1-x)), is infinite at x = 0 or 1. The weight gets
// no gradient.
type BCE struct {
	Reduction Reduction
}

// NewBCE returns BCELoss with PyTorch's default reduction, mean.
func NewBCE() BCE { return BCE{Reduction: Mean} }

// Name returns "bce".
func (BCE) Name() string { return "bce" }

// Forward computes the loss of input, target and the optional weight.
func (l BCE) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("bce", in, 2, 3); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	var w *tensor.Tensor
	if len(in) == 3 {
		w = in[2]
	}
	if !y.SameShapeAs(x) {
		return nil, fmt.Errorf("Using a target size (%s) that is different to the input size (%s) is deprecated. Please ensure they have the same size.", tensor.TorchSize(y.Shape()), tensor.TorchSize(x.Shape()))
	}
	var shape []int // nil: every tensor has the input's shape
	d := x.DType()
	if !d.IsFloat() {
		return nil, notImplemented("binary_cross_entropy", d)
	}
	if y.DType() != d {
		return nil, dtypeMismatch(y.DType(), d)
	}
	if w != nil {
		if w.RequiresGrad() && c.GradEnabled() {
			return nil, errors.New("The function 'binary_cross_entropy' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.")
		}
		if !w.SameShapeAs(x) {
			shape = x.Shape()
			if err := weightShape(shape, w.Shape()); err != nil {
				return nil, err
			}
		}
	}
	// In the default build, the unweighted float32 sums are NaN where an
	// input is outside [0, 1] (see losskernel.BCEPickSum): the range check waits for
	// a NaN loss, and the inputs are read once.
	late := losskernel.PlainBCE && d == tensor.Float32 && w == nil && l.Reduction != None
	if !late {
		if err := probabilities(x); err != nil {
			return nil, err
		}
	}
	e := elementwise{
		node: "BinaryCrossEntropyBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y, w}, fixed: flags{2: true},
		k32: kernels[float32]{fwd: losskernel.BCEForward32, bwd: bceBackward[float32], sum: losskernel.BCESum32, fuse: losskernel.BCEFuse32},
		k64: kernels[float64]{fwd: bceForward[float64], bwd: bceBackward[float64]},
	}
	out, err := e.run(c)
	if err != nil || !late {
		return out, err
	}
	if v := out.Float32s(); len(v) == 1 && v[0] != v[0] {
		if err := probabilities(x); err != nil {
			out.Free()
			return nil, err
		}
	}
	return out, nil
}

// probabilities returns PyTorch's error unless every element of the float
// tensor x is in [0, 1] (NaN is not).
func probabilities(x *tensor.Tensor) error {
	if x.Numel() < par.Grain {
		if inUnit(x.Float32s()) && inUnit(x.Float64s()) {
			return nil
		}
		return errors.New("all elements of input should be between 0 and 1")
	}
	var bad atomic.Bool
	check := func(lo, hi int) {
		switch s := x.DType(); s {
		case tensor.Float32:
			if !inUnit(x.Float32s()[lo:hi]) {
				bad.Store(true)
			}
		case tensor.Float64:
			if !inUnit(x.Float64s()[lo:hi]) {
				bad.Store(true)
			}
		}
	}
	par.For(x.Numel(), check)
	if bad.Load() {
		return errors.New("all elements of input should be between 0 and 1")
	}
	return nil
}

// inUnit reports whether every element of s is in [0, 1] (NaN is not).
func inUnit[T tensor.Float](s []T) bool {
	if f, ok := any(s).([]float32); ok {
		return inUnit32(f)
	}
	for _, v := range s {
		if !(v >= 0 && v <= 1) {
			return false
		}
	}
	return true
}

// inUnit32 is inUnit on float32 without a branch an element: the bits
// of v in [0, 1] are at most 1's, or -0's; any other v sets the top bit
// of bad (NaN's magnitude is above 1's).
func inUnit32(s []float32) bool {
	var bad uint32
	for _, v := range s {
		b := math.Float32bits(v)
		m := b &^ (1 << 31)
		bad |= (0x3f800000 - m) | (b & (m + 0x7fffffff)) // m > 1's; or negative and not ±0
	}
	return bad>>31 == 0
}

func bceForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y, w := in[0][:len(out)], in[1][:len(out)], in[2]
	for i := range out {
		lx := max(log(x[i]), -100)
		l1x := max(log1p(-x[i]), -100)
		v := (y[i]-1)*l1x - y[i]*lx
		if w != nil {
			v *= w[i]
		}
		out[i] = v
	}
}

// bceEps is ATen's EPSILON, a float: 1e-12 rounded to float32 (the
// kernels' own, so the reference and they bound alike).
const bceEps = losskernel.BCEEps

func bceBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y, w := in[0], in[1][:len(in[0])], in[2]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		if w != nil {
			gi *= w[i]
		}
		if gx != nil {
			gx[i] = (x[i] - y[i]) / max((1-x[i])*x[i], T(bceEps)) * gi
		}
		if gy != nil {
			gy[i] = -log(x[i]/(1-x[i])) * gi
		}
	}
}
