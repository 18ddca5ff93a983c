package loss

import (
	"fmt"

	"kt/internal/par"
	"kt/internal/stop"
	"kt/tensor"
)

// Plumbing shared by the losses that are not elementwise (class scores,
// sequences, distances): integer targets, class weights, row-parallel
// loops, reduction of per-row losses and the gradient arriving at them.

// scalarTypeError is ATen's message for a tensor of the wrong dtype.
func scalarTypeError(expected, found tensor.DType) error {
	return fmt.Errorf("expected scalar type %s but found %s", expected.Title(), found.Title())
}

// longTargets returns integer targets as int64 values. Only int64 targets
// are accepted (and uint8 with byteOK, as nll_loss's kernels do);
// anything else is ATen's dtype error.
func longTargets(t *tensor.Tensor, byteOK bool) ([]int64, error) {
	switch {
	case t.DType() == tensor.Int64:
		return t.Int64s(), nil
	case t.DType() == tensor.Uint8 && byteOK:
		return t.To(tensor.Int64).Int64s(), nil
	}
	return nil, scalarTypeError(tensor.Int64, t.DType())
}

// classWeight returns a weight option's values in type T, or nil for no
// weight. Its dtype must be the input's (ATen's message otherwise) when
// strict; otherwise it is converted.
func classWeight[T real](w *tensor.Tensor, d tensor.DType, strict bool) ([]T, error) {
	if w == nil {
		return nil, nil
	}
	if w.DType() != d {
		if strict || !w.DType().IsFloat() {
			return nil, scalarTypeError(d, w.DType())
		}
		w = w.To(d)
	}
	return tensor.Data[T](w), nil
}

// forRows calls fn over consecutive ranges of rows covering [0, rows),
// split across goroutines when rows*work (the element count) is large.
func forRows(rows, work int, fn func(lo, hi int)) error {
	if rows <= 0 {
		return nil
	}
	work = max(work, 1)
	par.For(rows*work, func(lo, hi int) {
		if stop.Requested() {
			return // interrupted: the caller gives up
		}
		r0, r1 := (lo+work-1)/work, (hi+work-1)/work
		if r0 < r1 {
			fn(r0, r1)
		}
	})
	if stop.Requested() {
		return stop.Err
	}
	return nil
}

// reduceRows makes a loss's output from per-row losses: the rows
// themselves (shape shape) for None, else their float64 sum, divided by
// div for Mean. As in PyTorch the sum is rounded to T before the division.
func reduceRows[T real](rows []float64, r Reduction, div float64, shape []int) (*tensor.Tensor, error) {
	if r == None {
		t, o, err := tensor.Alloc[T](shape...)
		if err != nil {
			return nil, err
		}
		if len(o) != len(rows) {
			return nil, fmt.Errorf("%w: %d losses for shape %v", tensor.ErrShape, len(rows), shape)
		}
		for i, v := range rows {
			o[i] = T(v)
		}
		return t, nil
	}
	s := 0.0
	for _, v := range rows {
		s += v
	}
	v := T(s)
	if r == Mean {
		v /= T(div)
	}
	return tensor.Scalar(v), nil
}

// rowGrad is the gradient arriving at each row's loss: per[i] for an
// unreduced loss, else the one output gradient divided by the mean's
// divisor.
type rowGrad struct {
	per []float64
	s   float64
}

func (g rowGrad) at(i int) float64 {
	if g.per != nil {
		return g.per[i]
	}
	return g.s
}

// newRowGrad reads the output gradient g of a loss with reduction r and
// mean divisor div.
func newRowGrad(g *tensor.Tensor, r Reduction, div float64) rowGrad {
	if r == None {
		per := make([]float64, g.Numel())
		for i := range per {
			per[i] = g.At(i)
		}
		return rowGrad{per: per}
	}
	v := g.At(0)
	if r == Mean {
		v /= div
	}
	return rowGrad{s: v}
}

// wrapGrad makes the gradient tensor of input in from data (of in's
// shape), converted to in's dtype.
func wrapGrad[T real](data []T, in *tensor.Tensor) (*tensor.Tensor, error) {
	g, err := tensor.Wrap(data, in.Shape()...)
	if err != nil {
		return nil, err
	}
	return g.To(in.DType()), nil
}

// castGrad returns the gradient g in the type of its input in; g itself
// is freed when it is converted.
func castGrad(g, in *tensor.Tensor) *tensor.Tensor {
	c := g.To(in.DType())
	if c != g {
		g.Free()
	}
	return c
}

// sumGrad returns g, a gradient of a broadcast shape, summed back to the
// shape of its input in and converted to in's type (castGrad); g is freed
// when a sum replaces it.
func sumGrad(g, in *tensor.Tensor) (*tensor.Tensor, error) {
	t, err := tensor.SumTo(g, in.Shape())
	if err != nil {
		return nil, err
	}
	if t != g {
		g.Free()
	}
	return castGrad(t, in), nil
}

// needsGrad reports whether in is present and requires a gradient.
func needsGrad(in *tensor.Tensor) bool { return in != nil && in.RequiresGrad() }

// floatData returns t converted to d as a []T.
func floatData[T real](t *tensor.Tensor, d tensor.DType) []T { return tensor.Data[T](t.To(d)) }
