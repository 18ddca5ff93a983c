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
		k32: kernels[float32]{fwd: bceForward32, bwd: bceBackward[float32], sum: bceSum32, fuse: bceFuse32},
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

// bceForward32 is bceForward on float32, a chunk at a time: with targets
// all 0 or 1, bceBinary32; else log x and log1p(-x) to float32 precision
// (losskernel.LogTo32, losskernel.Log1pTo32), rounded to float32 as ATen's kernel computes
// them (bceGeneral32).
func bceForward32(out []float32, in args[float32], _ param[float32]) {
	x, y, w := in[0][:len(out)], in[1][:len(out)], in[2]
	if w == nil {
		for {
			_, n, more := losskernel.BCEVec(out, nil, x, y, 0, false)
			out, x, y = out[n:], x[n:], y[n:]
			if !more {
				break
			}
			bceChunks(out[:8], x[:8], y[:8], nil)
			out, x, y = out[8:], x[8:], y[8:]
		}
	}
	bceChunks(out, x, y, w)
}

// bceChunks is bceForward32 a chunk at a time.
func bceChunks(out, x, y, w []float32) {
	for j := 0; j < len(out); j += chunk {
		o := out[j:min(j+chunk, len(out))]
		xs, ys, ws := x[j:j+len(o)], y[j:j+len(o)], part(w, j, j+len(o))
		if binary(ys) {
			bceBinary32(o, xs, ys, ws)
		} else {
			bceGeneral32(o, xs, ys, ws)
		}
	}
}

// bceGeneral32 writes to o the losses of up to a chunk of elements.
func bceGeneral32(o, x, y, w []float32) {
	x, y = x[:len(o)], y[:len(o)]
	var lx [chunk]float32
	l := lx[:len(o)]
	losskernel.LogTo32(l, x)
	for i, v := range x {
		o[i] = -v
	}
	losskernel.Log1pTo32(o, o)
	for i := range o {
		v := (y[i]-1)*max(o[i], -100) - y[i]*max(l[i], -100)
		if w != nil {
			v *= w[i]
		}
		o[i] = v
	}
}

// binary reports whether every element of y is 0 or 1, without a branch
// an element: v·(v-1) is ±0 for those alone (NaN for NaN; a subnormal v
// gives -v, not 0).
func binary(y []float32) bool {
	var acc uint32
	for _, v := range y {
		acc |= math.Float32bits(v * (v - 1))
	}
	return acc&^(1<<31) == 0
}

// negZero32 is -0.
var negZero32 = float32(math.Copysign(0, -1))

// bceBinary32 is bceForward32 on a chunk whose targets are all 0 or 1,
// with one logarithm an element where ATen takes two: where y is 1 the
// loss is -max(log x, -100), where y is 0 -max(log1p(-x), -100), the
// other term being 0·(a finite number). losskernel.LogPick32 takes the one
// logarithm, bit for bit as losskernel.LogTo32 and losskernel.Log1pTo32 do. The sign of a zero
// loss is ATen's: (y-1)·(-0).
func bceBinary32(o, x, y, w []float32) {
	x, y = x[:len(o)], y[:len(o)]
	losskernel.LogPick32(o, x, y)
	nz := negZero32
	for i, l := range o {
		o[i] = (y[i]-1)*nz - max(l, -100)
	}
	if w != nil {
		w = w[:len(o)]
		for i, v := range w {
			o[i] *= v
		}
	}
}

// bceFuse32 is bceForward32 summed, writing the input's gradient
// (x-y)/max((1-x)·x, eps)·w·g as it goes.
func bceFuse32(gx []float32, in args[float32], _ param[float32], g float32) float64 {
	x := in[0]
	y, w, gx := in[1][:len(x)], in[2], gx[:len(x)]
	s := 0.0
	if w == nil {
		for {
			sv, n, more := losskernel.BCEVec(nil, gx, x, y, g, true)
			s += sv
			x, y, gx = x[n:], y[n:], gx[n:]
			if !more {
				break
			}
			s += bceFuseChunks(gx[:8], x[:8], y[:8], nil, g)
			x, y, gx = x[8:], y[8:], gx[8:]
		}
	}
	return s + bceFuseChunks(gx, x, y, w, g)
}

// bceFuseChunks is bceFuse32 a chunk at a time: without weights in the
// default build, losskernel.BCEPickFuse's one loop; else the forward's passes into
// a scratch chunk, then the gradient's.
func bceFuseChunks(gx, x, y, w []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	var buf [chunk]float32
	s := 0.0
	for j := 0; j < len(x); j += chunk {
		gs := gx[j:min(j+chunk, len(x))]
		k := len(gs)
		xs, ys, o := x[j:j+k], y[j:j+k], buf[:k]
		var ws []float32
		if w != nil {
			ws = w[j : j+k]
		}
		if ws == nil && losskernel.PlainBCE {
			if v, ok := losskernel.BCEPickFuse(gs, xs, ys, g); ok {
				s += v
				continue
			}
		}
		bceChunks(o, xs, ys, ws)
		s += sum64(o)
		i0 := losskernel.BCEGradVec(gs, xs, ys, ws, g)
		if ws == nil {
			for i := i0; i < k; i++ {
				v := xs[i]
				gs[i] = (v - ys[i]) / max((1-v)*v, bceEps) * g
			}
			continue
		}
		ws = ws[:k]
		for i := i0; i < k; i++ {
			v := xs[i]
			gs[i] = (v - ys[i]) / max((1-v)*v, bceEps) * (g * ws[i])
		}
	}
	return s
}

// bceSum32 is bceForward32 summed in float64: without weights, losskernel.BCEVec's
// sums of whole vectors (in the SIMD build), losskernel.BCEPickSum's of chunks (in
// the default build), and the forward through a scratch chunk for the
// rest.
func bceSum32(in args[float32], _ param[float32]) float64 {
	x, y, w := in[0], in[1][:len(in[0])], in[2]
	s := 0.0
	if w == nil {
		for {
			sv, n, more := losskernel.BCEVec(nil, nil, x, y, 0, true)
			s += sv
			x, y = x[n:], y[n:]
			if !more {
				break
			}
			var o [8]float32
			bceChunks(o[:], x[:8], y[:8], nil)
			s += sum64(o[:])
			x, y = x[8:], y[8:]
		}
	}
	var buf [chunk]float32
	for j := 0; j < len(x); j += chunk {
		o := buf[:min(chunk, len(x)-j)]
		if w == nil && losskernel.PlainBCE {
			if v, ok := losskernel.BCEPickSum(x[j:j+len(o)], y[j:j+len(o)]); ok {
				s += v
				continue
			}
		}
		bceChunks(o, x[j:], y[j:], part(w, j, j+len(o)))
		s += sum64(o)
	}
	return s
}
