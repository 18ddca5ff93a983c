package loss

import (
	"kt/internal/par"
	"kt/tensor"
)

// real is the set of storage types of float tensors, which the
// plumbing reaches with tensor.Data; kernels are generic over the wider
// tensor.Float.
type real interface{ float32 | float64 }

// elementwise is the plan of a loss computed element by element over
// inputs broadcast to one shape, then reduced: everything but the loss's
// own two loops. A loss checks its inputs and options, fills one in and
// calls run.
type elementwise struct {
	node      string           // grad_fn name, e.g. "MseLossBackward0"
	reduction Reduction        // None, Mean, Sum (or BatchMean, if batch > 0)
	batch     int              // divisor of BatchMean: size of the input's first dimension
	dtype     tensor.DType     // type computed in (Float32 or Float64)
	shape     []int            // shape every input is broadcast to
	inputs    []*tensor.Tensor // the tensors in kernel order; nil for an absent one
	diff      []bool           // whether input k has a gradient (len(inputs); nil: all)
	out       *tensor.DType    // type of the output, when not dtype (PyTorch casts to it)
	sameTypes bool             // the backward refuses inputs of mixed types, as ATen's does
	k32       kernels[float32]
	k64       kernels[float64]
}

// run computes the loss and records its node.
func (e *elementwise) run(c *tensor.Ctx) (*tensor.Tensor, error) {
	if err := e.reduction.check(e.batch > 0); err != nil {
		return nil, err
	}
	if e.dtype == tensor.Float32 {
		return runT(c, e, e.k32)
	}
	return runT(c, e, e.k64)
}

// prepare converts t to type d and broadcasts it to shape.
func prepare[T real](t *tensor.Tensor, d tensor.DType, shape []int) ([]T, error) {
	x, err := t.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	return tensor.Data[T](x), nil
}

func runT[T real](c *tensor.Ctx, e *elementwise, k kernels[T]) (*tensor.Tensor, error) {
	var in args[T]
	for i, t := range e.inputs {
		if t == nil {
			continue
		}
		s, err := prepare[T](t, e.dtype, e.shape)
		if err != nil {
			return nil, err
		}
		in[i] = s
	}
	n := 1
	for _, s := range e.shape {
		n *= s
	}
	out, div, err := forward(e, k, in, n)
	if err != nil {
		return nil, err
	}
	if e.out != nil && *e.out != e.dtype {
		// The output is PyTorch's: cast to its type. The node's
		// gradient arrives in that type and is cast back in backward.
		out = out.To(*e.out)
	}
	c.Record(out, e.node, e.inputs, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		return backward(e, k, in, n, div, g)
	})
	return out, nil
}

// forward runs the forward kernel over n elements and reduces. It returns
// the output and the divisor of the reduction (1 for None and Sum).
func forward[T real](e *elementwise, k kernels[T], in args[T], n int) (*tensor.Tensor, float64, error) {
	if e.reduction == None {
		o := make([]T, n)
		par.For(n, func(lo, hi int) { k.fwd(o[lo:hi], in.sub(lo, hi), k.p) })
		out, err := tensor.Wrap(o, e.shape...)
		return out, 1, err
	}
	var s float64
	if k.sum != nil {
		s = par.Sum(n, func(lo, hi int) float64 { return k.sum(in.sub(lo, hi), k.p) })
	} else {
		s = reduceSum(k, in, n)
	}
	v, div := T(s), 1.0
	switch e.reduction {
	case Mean:
		div = float64(n)
	case BatchMean:
		div = float64(e.batch)
	}
	if div != 1 {
		v /= T(div) // as PyTorch: the sum in the tensor's type, then the division
	}
	return tensor.Scalar(v), div, nil
}

// reduceSum sums the forward kernel's values over n elements, through a
// scratch chunk per block.
func reduceSum[T real](k kernels[T], in args[T], n int) float64 {
	return par.Sum(n, func(lo, hi int) float64 {
		buf := scratch[T]()
		s := 0.0
		for j := lo; j < hi; j += chunk {
			m := min(chunk, hi-j)
			k.fwd(buf[:m], in.sub(j, j+m), k.p)
			s += sum64(buf[:m])
		}
		release(buf)
		return s
	})
}

// backward allocates the gradients the inputs need, runs the backward
// kernel, and sums each gradient back to its input's shape and type.
func backward[T real](e *elementwise, k kernels[T], in args[T], n int, div float64, g *tensor.Tensor) ([]*tensor.Tensor, error) {
	if e.sameTypes {
		if err := sameTypes(e.inputs, e.dtype); err != nil {
			return nil, err
		}
	}
	var up upstream[T]
	gs := tensor.Data[T](g.To(e.dtype))
	if e.reduction == None {
		up.per = gs
		if len(gs) != n {
			return nil, tensor.ErrShape
		}
	} else if len(gs) == 1 {
		up.s = T(float64(gs[0]) / div)
	}
	var grad args[T]
	for i, t := range e.inputs {
		if t != nil && t.RequiresGrad() && (e.diff == nil || e.diff[i]) {
			grad[i] = make([]T, n)
		}
	}
	par.For(n, func(lo, hi int) { k.bwd(grad.sub(lo, hi), in.sub(lo, hi), up.sub(lo, hi), k.p) })
	res := make([]*tensor.Tensor, len(e.inputs))
	for i, t := range e.inputs {
		if grad[i] == nil {
			continue
		}
		gt, err := tensor.Wrap(grad[i], e.shape...)
		if err != nil {
			return nil, err
		}
		if gt, err = tensor.SumTo(gt, t.Shape()); err != nil {
			return nil, err
		}
		res[i] = gt.To(t.DType())
	}
	return res, nil
}

// sameTypes returns PyTorch's error for a backward kernel given tensors
// of mixed types: the gradient of the first input, the inputs, and the
// output gradient (of type d) must all have the first input's type.
func sameTypes(inputs []*tensor.Tensor, d tensor.DType) error {
	want := inputs[0].DType()
	for _, t := range inputs {
		if t != nil && t.DType() != want {
			return dtypeMismatch(t.DType(), want)
		}
	}
	if d != want {
		return dtypeMismatch(d, want)
	}
	return nil
}
