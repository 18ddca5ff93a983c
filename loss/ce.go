package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/internal/vmath"
	"kt/tensor"
)

// CrossEntropy is PyTorch's CrossEntropyLoss: log-softmax of the input
// over its class dimension (1, or 0 for an unbatched (C) input) followed
// by the negative log-likelihood. The target is either class indices
// (the input's shape without the class dimension, int64) or class
// probabilities (the input's own shape, float). LabelSmoothing in [0, 1]
// mixes the target with the uniform distribution. The input gets a
// gradient, and so does a probability target.
type CrossEntropy struct {
	Weight         *tensor.Tensor // class weights (C), nil for none
	IgnoreIndex    int64          // class-index target skipped; PyTorch's default is -100
	LabelSmoothing float64
	Reduction      Reduction
}

// NewCrossEntropy returns CrossEntropyLoss with PyTorch's defaults.
func NewCrossEntropy() CrossEntropy { return CrossEntropy{IgnoreIndex: -100, Reduction: Mean} }

// Name returns "ce".
func (CrossEntropy) Name() string { return "ce" }

// Forward computes the loss of input and target.
func (l CrossEntropy) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("ce", in, 2, 2); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	if tensor.SameShape(x.Shape(), y.Shape()) {
		return l.probTarget(c, x, y)
	}
	if l.LabelSmoothing > 1 {
		return nil, smoothingError(l.LabelSmoothing)
	}
	if !x.DType().IsFloat() {
		k := "log_softmax_lastdim_kernel_impl"
		if x.Dim() > 2 {
			k = "softmax_kernel_impl"
		}
		return nil, notImplemented(k, x.DType())
	}
	lay, err := nllLayout(x, y, l.Weight)
	if err != nil {
		return nil, err
	}
	tgt, err := longTargets(y, true)
	if err != nil {
		return nil, err
	}
	if ceFastOK(l, x, lay) {
		if err := checkTargets(tgt, lay.c, l.IgnoreIndex); err != nil {
			return nil, err
		}
		return ceIndexFast32(c, l, x, y, tgt, lay)
	}
	if x.DType() == tensor.Float32 {
		return ceIndexRun[float32](c, l, x, y, tgt, lay)
	}
	return ceIndexRun[float64](c, l, x, y, tgt, lay)
}

func smoothingError(ls float64) error {
	return fmt.Errorf("label_smoothing must be between 0.0 and 1.0. Got: %g", ls)
}

// probTarget checks and runs the class-probability form.
func (l CrossEntropy) probTarget(c *tensor.Ctx, x, y *tensor.Tensor) (*tensor.Tensor, error) {
	if !y.DType().IsFloat() {
		return nil, fmt.Errorf("Expected floating point type for target with class probabilities, got %s", y.DType().Title())
	}
	if l.IgnoreIndex >= 0 {
		return nil, fmt.Errorf("ignore_index is not supported for floating point target")
	}
	xs := x.Shape()
	var lay classLayout
	switch len(xs) {
	case 0:
		return nil, fmt.Errorf("Dimension specified as 1 but tensor has no dimensions")
	case 1:
		lay = classLayout{n: 1, c: xs[0], s: 1, shape: []int{}}
	default:
		s := 1
		for _, d := range xs[2:] {
			s *= d
		}
		lay = classLayout{n: xs[0], c: xs[1], s: s, shape: append([]int{xs[0]}, xs[2:]...)}
	}
	if w := l.Weight; w != nil && (w.Dim() != 1 || w.Numel() != lay.c) {
		return nil, fmt.Errorf("cross_entropy: weight tensor should be defined either for all %d classes or no classes but got weight tensor of shape: %s", lay.c, tensor.SizeString(w.Shape()))
	}
	if !x.DType().IsFloat() {
		return nil, notImplemented("log_softmax_lastdim_kernel_impl", x.DType())
	}
	if l.LabelSmoothing > 1 {
		return nil, smoothingError(l.LabelSmoothing)
	}
	if ceProbFastOK(l, x, y, lay) {
		return ceProbFast32(c, l, x, y, lay)
	}
	d := tensor.ResultType(x, y, l.Weight)
	if d == tensor.Float32 {
		return ceProbRun[float32](c, l, x, y, d, lay)
	}
	return ceProbRun[float64](c, l, x, y, d, lay)
}

func ceIndexRun[T real](c *tensor.Ctx, l CrossEntropy, x, y *tensor.Tensor, tgt []int64, lay classLayout) (*tensor.Tensor, error) {
	w, err := classWeight[T](l.Weight, x.DType(), true)
	if err != nil {
		return nil, err
	}
	if err := checkTargets(tgt, lay.c, l.IgnoreIndex); err != nil {
		return nil, err
	}
	xd := tensor.Data[T](x)
	rows, nc, st := lay.rows(), lay.c, lay.s
	ls := max(l.LabelSmoothing, 0)
	wsum := float64(nc) // W = Σ w_k
	if w != nil {
		wsum = 0
		for _, v := range w {
			wsum += float64(v)
		}
	}
	loss := make([]float64, rows)
	rw := make([]float64, rows) // weight of each row's target, 0 if ignored
	lse := make([]float64, rows)
	// Under recording, contiguous rows keep their softmax numerators
	// e**(x-max) in what becomes the input's gradient, and their sums, so
	// the backward scales them instead of computing every exponential
	// again.
	var keep []T
	var sums []float64
	if st == 1 && c.GradEnabled() && x.RequiresGrad() {
		keep = make([]T, len(xd))
		sums = make([]float64, rows)
	}
	if err := forRows(rows, nc, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			t := tgt[r]
			if t == l.IgnoreIndex {
				continue
			}
			base := r * nc // contiguous rows; lay.at divides
			if st != 1 {
				base = lay.at(r, 0)
			}
			var z float64
			if keep != nil {
				row := xd[base : base+nc]
				if m := losskernel.RowMax(row); !math.IsInf(m, 0) {
					s := losskernel.RowExpSum(keep[base:base+nc], row, m)
					sums[r] = s
					z = m + vmath.Log(s)
				} else {
					z = losskernel.RowLogSumExp(row)
				}
			} else {
				z = losskernel.LogSumExp(xd, base, st, nc)
			}
			lse[r] = z
			wt := 1.0
			if w != nil {
				wt = float64(w[t])
			}
			rw[r] = wt
			v := wt * (z - float64(xd[base+int(t)*st]))
			if ls > 0 {
				sm := 0.0 // Σ_k w_k (z - x_k)
				for k, i := 0, base; k < nc; k, i = k+1, i+st {
					wk := 1.0
					if w != nil {
						wk = float64(w[k])
					}
					sm += wk * (z - float64(xd[i]))
				}
				v = (1-ls)*v + ls/float64(nc)*sm
			}
			loss[r] = v
		}
	}); err != nil {
		return nil, err
	}
	tw := 0.0
	for _, v := range rw {
		tw += v
	}
	out, err := reduceRows[T](loss, l.Reduction, tw, lay.shape)
	if err != nil {
		return nil, err
	}
	name := "NllLossBackward0"
	if ls > 0 {
		name = "AddBackward0"
	} else if !lay.twoD {
		name = "NllLoss2DBackward0"
	}
	c.Record(out, name, []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !needsGrad(x) {
			return nil, nil
		}
		gr := newRowGrad(g, l.Reduction, tw)
		gx, cached := keep, sums
		if gx == nil {
			gx = make([]T, len(xd))
		}
		keep, sums = nil, nil // a second backward (retained graph) computes afresh
		if err := forRows(rows, nc, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				t := tgt[r]
				if t == l.IgnoreIndex {
					continue
				}
				base := r * nc
				if st != 1 {
					base = lay.at(r, 0)
				}
				z := lse[r]
				g := gr.at(r)
				a := g * (1 - ls) * rw[r] // on the target's -log p
				b := g * ls / float64(nc) // on Σ_k -w_k log p_k
				pc := a + b*wsum
				if st == 1 {
					// softmax·pc, less b·w, less a at the target
					grow := gx[base : base+nc]
					if cached != nil && cached[r] > 0 {
						losskernel.RowScale(grow, pc/cached[r])
					} else {
						losskernel.RowExpScale(grow, xd[base:base+nc], z, pc)
					}
					if b != 0 {
						for k, v := range grow {
							wk := 1.0
							if w != nil {
								wk = float64(w[k])
							}
							grow[k] = T(float64(v) - b*wk)
						}
					}
				} else {
					for k, i := 0, base; k < nc; k, i = k+1, i+st {
						v := vmath.Exp(float64(xd[i])-z) * pc
						if w != nil {
							v -= b * float64(w[k])
						} else {
							v -= b
						}
						gx[i] = T(v)
					}
				}
				i := base + int(t)*st
				gx[i] = T(float64(gx[i]) - a)
			}
		}); err != nil {
			return nil, err
		}
		gt, err := wrapGrad(gx, x)
		return []*tensor.Tensor{gt, nil}, err
	})
	return out, nil
}

func ceProbRun[T real](c *tensor.Ctx, l CrossEntropy, x, y *tensor.Tensor, d tensor.DType, lay classLayout) (*tensor.Tensor, error) {
	w, err := classWeight[T](l.Weight, d, false)
	if err != nil {
		return nil, err
	}
	xd, yd := floatData[T](x, d), floatData[T](y, d)
	rows, nc, st := lay.rows(), lay.c, lay.s
	ls := max(l.LabelSmoothing, 0)
	keep, add := 1-ls, ls/float64(nc) // smoothed target: keep·t + add
	loss := make([]float64, rows)
	lse := make([]float64, rows)
	if err := forRows(rows, nc, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			base := lay.at(r, 0)
			z := losskernel.LogSumExp(xd, base, st, nc)
			lse[r] = z
			v := 0.0
			for k, i := 0, base; k < nc; k, i = k+1, i+st {
				t := float64(yd[i])
				if ls > 0 {
					t = t*keep + add
				}
				if w != nil {
					t *= float64(w[k])
				}
				v += t * (z - float64(xd[i]))
			}
			loss[r] = v
		}
	}); err != nil {
		return nil, err
	}
	out, err := reduceRows[T](loss, l.Reduction, float64(rows), lay.shape)
	if err != nil {
		return nil, err
	}
	name := "NegBackward0"
	if l.Reduction == Mean {
		name = "DivBackward1"
	}
	c.Record(out, name, []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, l.Reduction, float64(rows))
		var gx, gy []T
		if needsGrad(x) {
			gx = make([]T, len(xd))
		}
		if needsGrad(y) {
			gy = make([]T, len(yd))
		}
		if err := forRows(rows, nc, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				base := r * nc
				if st != 1 {
					base = lay.at(r, 0)
				}
				z := lse[r]
				g := gr.at(r)
				if gx != nil {
					tsum := 0.0 // Σ_k w_k t_k
					for k, i := 0, base; k < nc; k, i = k+1, i+st {
						t := float64(yd[i])
						if ls > 0 {
							t = t*keep + add
						}
						if w != nil {
							t *= float64(w[k])
						}
						tsum += t
					}
					if st == 1 {
						// softmax·g·tsum over the row, then less g·t
						grow, yr := gx[base:base+nc], yd[base:base+nc]
						losskernel.RowExpScale(grow, xd[base:base+nc], z, g*tsum)
						for k, v := range grow {
							t := float64(yr[k])
							if ls > 0 {
								t = t*keep + add
							}
							if w != nil {
								t *= float64(w[k])
							}
							grow[k] = T(float64(v) - g*t)
						}
					} else {
						for k, i := 0, base; k < nc; k, i = k+1, i+st {
							t := float64(yd[i])
							if ls > 0 {
								t = t*keep + add
							}
							if w != nil {
								t *= float64(w[k])
							}
							gx[i] = T(g * (vmath.Exp(float64(xd[i])-z)*tsum - t))
						}
					}
				}
				if gy != nil {
					for k, i := 0, base; k < nc; k, i = k+1, i+st {
						v := g * keep * (z - float64(xd[i]))
						if w != nil {
							v *= float64(w[k])
						}
						gy[i] = T(v)
					}
				}
			}
		}); err != nil {
			return nil, err
		}
		res := make([]*tensor.Tensor, 2)
		var err error
		if gx != nil {
			if res[0], err = wrapGrad(gx, x); err != nil {
				return nil, err
			}
		}
		if gy != nil {
			if res[1], err = wrapGrad(gy, y); err != nil {
				return nil, err
			}
		}
		return res, nil
	})
	return out, nil
}
