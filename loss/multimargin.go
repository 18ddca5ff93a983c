package loss

import (
	"fmt"
	"math"

	"kt/tensor"
)

// MultiMargin is PyTorch's MultiMarginLoss: for a row x of C class scores
// with target class y, Σ_{i≠y} w[y]·max(0, Margin - x[y] + x[i])^P / C.
// The input is (N,C) or an unbatched (C); the target holds class indices.
// Only the input gets a gradient.
type MultiMargin struct {
	P         int64 // 1 or 2
	Margin    float64
	Weight    *tensor.Tensor // class weights (C), nil for none
	Reduction Reduction
}

// NewMultiMargin returns MultiMarginLoss with PyTorch's defaults.
func NewMultiMargin() MultiMargin { return MultiMargin{P: 1, Margin: 1, Reduction: Mean} }

// Name returns "multimargin".
func (MultiMargin) Name() string { return "multimargin" }

// marginFrames checks the input of the margin losses (a non-empty vector
// or matrix, or a scalar) and returns its number of rows and columns.
func marginFrames(x *tensor.Tensor) (nframe, dim int, err error) {
	xs := x.Shape()
	switch {
	case len(xs) == 0:
		return 1, 1, nil
	case len(xs) == 1 && xs[0] != 0:
		return 1, xs[0], nil
	case len(xs) == 2 && xs[1] != 0:
		return xs[0], xs[1], nil
	}
	return 0, 0, fmt.Errorf("Expected non-empty vector or matrix with optional 0-dim batch size, but got: %s", tensor.SizeString(xs))
}

// Forward computes the loss of input and target.
func (l MultiMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("multimargin", in, 2, 2); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	if l.P != 1 && l.P != 2 {
		return nil, fmt.Errorf("only p == 1 and p == 2 supported")
	}
	if l.Weight != nil && l.Weight.Dim() != 1 {
		return nil, fmt.Errorf("weight must be one-dimensional")
	}
	x, y := in[0], in[1]
	nframe, dim, err := marginFrames(x)
	if err != nil {
		return nil, err
	}
	if y.Dim() > 1 || y.Numel() != nframe {
		return nil, fmt.Errorf("inconsistent target size, got: %s", tensor.SizeString(y.Shape()))
	}
	if !x.DType().IsFloat() {
		return nil, notImplemented("multi_margin_loss_cpu_kernel", x.DType())
	}
	tgt, err := longTargets(y, false)
	if err != nil {
		return nil, err
	}
	shape := []int{}
	if l.Reduction == None && y.Dim() > 0 {
		shape = []int{nframe}
	}
	if x.DType() == tensor.Float32 {
		return multiMarginRun[float32](c, l, x, y, tgt, nframe, dim, shape)
	}
	return multiMarginRun[float64](c, l, x, y, tgt, nframe, dim, shape)
}

func multiMarginRun[T real](c *tensor.Ctx, l MultiMargin, x, y *tensor.Tensor, tgt []int64, nframe, dim int, shape []int) (*tensor.Tensor, error) {
	w, err := classWeight[T](l.Weight, x.DType(), true)
	if err != nil {
		return nil, err
	}
	for _, t := range tgt {
		if t < 0 || t >= int64(dim) {
			return nil, fmt.Errorf("target out of range")
		}
		if w != nil && t >= int64(len(w)) {
			return nil, fmt.Errorf("inconsistent weight size, expected %d but got %s", dim, tensor.SizeString(l.Weight.Shape()))
		}
	}
	xd := tensor.Data[T](x)
	margin := l.Margin
	rs := getRows(nframe)
	loss := rs.take(nframe)
	if err := forRows(nframe, dim, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			row := xd[r*dim : r*dim+dim]
			t := int(tgt[r])
			base := margin - float64(row[t])
			// every class, then the target's own term taken out again
			s := marginSum(row, base, l.P == 2)
			s -= marginSum(row[t:t+1], base, l.P == 2)
			if w != nil {
				s *= float64(w[t])
			}
			loss[r] = s / float64(dim)
		}
	}); err != nil {
		return nil, err
	}
	out, err := reduceRows[T](loss, l.Reduction, float64(nframe), shape)
	if err != nil {
		return nil, err
	}
	recorded := c.Record(out, "MultiMarginLossBackward0", []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !needsGrad(x) {
			return nil, nil
		}
		gr := newRowGrad(g, l.Reduction, float64(nframe))
		gxt, gx, err := tensor.AllocLike[T](x)
		if err != nil {
			return nil, err
		}
		if err := forRows(nframe, dim, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				row, grow := xd[r*dim:r*dim+dim], gx[r*dim:r*dim+dim]
				t := int(tgt[r])
				gf := gr.at(r) / float64(dim)
				if w != nil {
					gf *= float64(w[t])
				}
				base := margin - float64(row[t])
				gt := marginGrad(grow, row, base, gf, l.P == 2)
				gt -= marginGrad(grow[t:t+1], row[t:t+1], base, gf, l.P == 2)
				grow[t] = T(-gt)
			}
		}); err != nil {
			return nil, err
		}
		return []*tensor.Tensor{castGrad(gxt, x), nil}, nil
	})
	rs.release(recorded)
	return out, nil
}

// posMask returns all ones when z > 0 and zero otherwise (NaN included):
// ATen's z > 0 test, as a mask that keeps the loops free of branches.
func posMask(z float64) uint64 {
	var k uint64
	if z > 0 {
		k = 1
	}
	return -k
}

// marginSum returns Σ_i max(0, base + row_i)^p for p = 1, or 2 with sq;
// terms that are NaN count 0.
func marginSum[T real](row []T, base float64, sq bool) float64 {
	var s0, s1 float64
	if sq {
		for _, v := range row {
			z := base + float64(v)
			s0 += math.Float64frombits(math.Float64bits(z*z) & posMask(z))
		}
		return s0
	}
	i := 0
	for ; i+2 <= len(row); i += 2 {
		z0, z1 := base+float64(row[i]), base+float64(row[i+1])
		s0 += math.Float64frombits(math.Float64bits(z0) & posMask(z0))
		s1 += math.Float64frombits(math.Float64bits(z1) & posMask(z1))
	}
	if i < len(row) {
		z := base + float64(row[i])
		s0 += math.Float64frombits(math.Float64bits(z) & posMask(z))
	}
	return s0 + s1
}

// marginGrad writes grow[i] = h_i, the gradient of the margin term of
// class i (gf where base + row_i > 0, times 2(base + row_i) when sq; else
// 0), and returns Σ h_i.
func marginGrad[T real](grow, row []T, base, gf float64, sq bool) float64 {
	grow = grow[:len(row)]
	sum := 0.0
	gb := math.Float64bits(gf)
	for i, v := range row {
		z := base + float64(v)
		h := math.Float64frombits(gb & posMask(z))
		if sq {
			h *= 2 * z
			if h != h && z != z {
				h = 0 // NaN z counts 0 in the forward; so in the gradient
			}
		}
		grow[i] = T(h)
		sum += h
	}
	return sum
}
