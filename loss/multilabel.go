package loss

import (
	"fmt"

	"kt/tensor"
)

// MultiLabelMargin is PyTorch's MultiLabelMarginLoss: for a row x of C
// scores whose target row lists class indices up to the first -1,
// Σ_{j target} Σ_{i not target} max(0, 1 - (x[j] - x[i])) / C. Input and
// target are (N,C) or unbatched (C). Only the input gets a gradient.
type MultiLabelMargin struct {
	Reduction Reduction
}

// NewMultiLabelMargin returns MultiLabelMarginLoss with PyTorch's defaults.
func NewMultiLabelMargin() MultiLabelMargin { return MultiLabelMargin{Reduction: Mean} }

// Name returns "multilabel".
func (MultiLabelMargin) Name() string { return "multilabel" }

// Forward computes the loss of input and target.
func (l MultiLabelMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("multilabel", in, 2, 2); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	nframe, dim, err := marginFrames(x)
	if err != nil {
		return nil, err
	}
	ys := y.Shape()
	if x.Dim() <= 1 && (len(ys) > 1 || y.Numel() != dim) || x.Dim() == 2 && (len(ys) != 2 || ys[0] != nframe || ys[1] != dim) {
		return nil, fmt.Errorf("inconsistent size %s for argument #2 'target'", tensor.SizeString(ys))
	}
	if !x.DType().IsFloat() {
		return nil, notImplemented("multilabel_margin_loss_forward_out_frame", x.DType())
	}
	tgt, err := longTargets(y, false)
	if err != nil {
		return nil, err
	}
	for _, t := range tgt {
		if t < -1 || t >= int64(dim) {
			return nil, fmt.Errorf("argument #2 'target' is out of range")
		}
	}
	shape := []int{}
	if l.Reduction == None && len(ys) > 1 {
		shape = []int{nframe}
	}
	if x.DType() == tensor.Float32 {
		return multiLabelRun[float32](c, l, x, y, tgt, nframe, dim, shape)
	}
	return multiLabelRun[float64](c, l, x, y, tgt, nframe, dim, shape)
}

// markTargets sets is[k] for the classes listed in row t before its first
// -1, and returns that prefix of t.
func markTargets(is []bool, t []int64) []int64 {
	clear(is)
	for j, k := range t {
		if k < 0 {
			return t[:j]
		}
		is[k] = true
	}
	return t
}

func multiLabelRun[T real](c *tensor.Ctx, l MultiLabelMargin, x, y *tensor.Tensor, tgt []int64, nframe, dim int, shape []int) (*tensor.Tensor, error) {
	xd := tensor.Data[T](x)
	loss := make([]float64, nframe)
	if err := forRows(nframe, dim*dim, func(lo, hi int) {
		is := make([]bool, dim)
		for r := lo; r < hi; r++ {
			row := xd[r*dim : r*dim+dim]
			s := 0.0
			for _, j := range markTargets(is, tgt[r*dim:r*dim+dim]) {
				base := 1 - float64(row[j])
				for i, v := range row {
					if z := base + float64(v); !is[i] && z > 0 {
						s += z
					}
				}
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
	c.Record(out, "MultilabelMarginLossBackward0", []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !needsGrad(x) {
			return nil, nil
		}
		gr := newRowGrad(g, l.Reduction, float64(nframe))
		gx := make([]float64, len(xd))
		if err := forRows(nframe, dim*dim, func(lo, hi int) {
			is := make([]bool, dim)
			for r := lo; r < hi; r++ {
				row, grow := xd[r*dim:r*dim+dim], gx[r*dim:r*dim+dim]
				gf := gr.at(r) / float64(dim)
				for _, j := range markTargets(is, tgt[r*dim:r*dim+dim]) {
					base := 1 - float64(row[j])
					for i, v := range row {
						if z := base + float64(v); !is[i] && z > 0 {
							grow[j] -= gf
							grow[i] += gf
						}
					}
				}
			}
		}); err != nil {
			return nil, err
		}
		t, gt, err := tensor.AllocLike[T](x)
		if err != nil {
			return nil, err
		}
		for i, v := range gx {
			gt[i] = T(v)
		}
		return []*tensor.Tensor{castGrad(t, x), nil}, nil
	})
	return out, nil
}
