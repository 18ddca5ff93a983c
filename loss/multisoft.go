package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/tensor"
)

// MultiLabelSoftMargin is PyTorch's MultiLabelSoftMarginLoss: the mean
// over the last (class) dimension of
// -w·(y·log σ(x) + (1-y)·log σ(-x)), one value per row. Target and weight
// broadcast against the input. Input and target get gradients.
type MultiLabelSoftMargin struct {
	Weight    *tensor.Tensor // class weights, broadcast against the input; nil for none
	Reduction Reduction
}

// NewMultiLabelSoftMargin returns MultiLabelSoftMarginLoss with PyTorch's
// defaults.
func NewMultiLabelSoftMargin() MultiLabelSoftMargin { return MultiLabelSoftMargin{Reduction: Mean} }

// Name returns "multisoft".
func (MultiLabelSoftMargin) Name() string { return "multisoft" }

// Forward computes the loss of input and target.
func (l MultiLabelSoftMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("multisoft", in, 2, 2); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	if !x.DType().IsFloat() {
		return nil, notImplemented("log_sigmoid_forward_cpu", x.DType())
	}
	shape, err := tensor.BroadcastShapes(y.Shape(), x.Shape())
	if err != nil {
		return nil, err
	}
	if l.Weight != nil {
		if shape, err = tensor.BroadcastShapes(shape, l.Weight.Shape()); err != nil {
			return nil, err
		}
	}
	if x.Dim() == 0 {
		return nil, fmt.Errorf("Dimension specified as -1 but tensor has no dimensions")
	}
	d := tensor.ResultType(x, y, l.Weight)
	if !d.IsFloat() {
		d = x.DType()
	}
	if d == tensor.Float32 {
		return multiSoftRun[float32](c, l, x, y, d, shape)
	}
	return multiSoftRun[float64](c, l, x, y, d, shape)
}

// sigmoidOf returns σ(v) from e = e**-|v|: 1/(1+e) for v >= 0, e/(1+e)
// below, the numerator chosen by v's sign bit without a branch.
func sigmoidOf(v, e float64) float64 {
	neg := uint64(int64(math.Float64bits(v)) >> 63) // all ones when v < 0
	num := math.Float64frombits(math.Float64bits(e)&neg | math.Float64bits(1)&^neg)
	return num / (1 + e)
}

// softRows computes the losses of rows [lo, hi) of a contiguous input:
// each row's Σ w·(max(x,0) - y·x + log(1 + e**-|x|)) / norm. It leaves
// e**-|x| in keep when keep is not nil.
func softRows[T real](loss []float64, xd, yd, wd, keep []T, nc int, norm float64, lo, hi int) {
	if x, ok := any(xd).([]float32); ok {
		y, _ := any(yd).([]float32)
		w, _ := any(wd).([]float32)
		for r := lo; r < hi; r++ {
			base := r * nc
			loss[r] = losskernel.SoftRow32(x[base:base+nc], y[base:base+nc], losskernel.Part(w, base, base+nc)) / norm
		}
		return
	}
	lp := make([]T, nc)
	var e []T
	if keep == nil {
		e = make([]T, nc)
	}
	for r := lo; r < hi; r++ {
		base := r * nc
		xr, yr := xd[base:base+nc], yd[base:base+nc]
		er := e
		if keep != nil {
			er = keep[base : base+nc]
		}
		for k, v := range xr {
			er[k] = -T(math.Abs(float64(v)))
		}
		losskernel.RowExp(er, er)
		losskernel.RowLog1p(lp, er)
		s := 0.0
		if wd == nil {
			for k, v := range xr {
				fv := float64(v)
				s += max(fv, 0) - float64(yr[k])*fv + float64(lp[k])
			}
		} else {
			wr := wd[base : base+nc]
			for k, v := range xr {
				fv := float64(v)
				s += (max(fv, 0) - float64(yr[k])*fv + float64(lp[k])) * float64(wr[k])
			}
		}
		loss[r] = s / norm
	}
}

// softGradRows writes the gradients of rows [lo, hi) of a contiguous
// input: gx = h·(σ(x) - y), gy = -h·x with h = w·gr(r)/norm. A float64 gx
// may hold e**-|x| from the forward (cached); otherwise it is computed
// here. Float32 rows take σ from the tables of losskernel (elementwise_softplus.go).
func softGradRows[T real](gx, gy, xd, yd, wd []T, cached bool, gr rowGrad, nc int, norm float64, lo, hi int) {
	x32, is32 := any(xd).([]float32)
	for r := lo; r < hi; r++ {
		base := r * nc
		xr, yr := xd[base:base+nc], yd[base:base+nc]
		gf := gr.at(r) / norm
		if g32, ok := any(gx).([]float32); ok && is32 && g32 != nil {
			y32, _ := any(yr).([]float32)
			w32, _ := any(wd).([]float32)
			losskernel.SoftGradRow32(g32[base:base+nc], x32[base:base+nc], y32, losskernel.Part(w32, base, base+nc), gf)
		} else if gx != nil {
			gxr := gx[base : base+nc]
			if !cached {
				for k, v := range xr {
					gxr[k] = -T(math.Abs(float64(v)))
				}
				losskernel.RowExp(gxr, gxr)
			}
			for k, v := range xr {
				h := gf
				if wd != nil {
					h *= float64(wd[base+k])
				}
				gxr[k] = T(h * (sigmoidOf(float64(v), float64(gxr[k])) - float64(yr[k])))
			}
		}
		if gy != nil {
			gyr := gy[base : base+nc]
			for k, v := range xr {
				h := gf
				if wd != nil {
					h *= float64(wd[base+k])
				}
				gyr[k] = T(-h * float64(v))
			}
		}
	}
}

func multiSoftRun[T real](c *tensor.Ctx, l MultiLabelSoftMargin, x, y *tensor.Tensor, d tensor.DType, shape []int) (*tensor.Tensor, error) {
	xe, err := x.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	ye, err := y.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	xd, yd := tensor.Data[T](xe), tensor.Data[T](ye)
	var wd []T
	if l.Weight != nil {
		we, err := l.Weight.To(d).Expand(shape...)
		if err != nil {
			return nil, err
		}
		wd = tensor.Data[T](we)
	}
	cd := x.Dim() - 1 // the class dimension, in the broadcast shape
	outer, inner := 1, 1
	for _, s := range shape[:cd] {
		outer *= s
	}
	for _, s := range shape[cd+1:] {
		inner *= s
	}
	nc := shape[cd]
	norm := float64(x.Size(-1)) // PyTorch divides by the input's class count
	rows := outer * inner
	oshape := append(append([]int{}, shape[:cd]...), shape[cd+1:]...)
	loss := make([]float64, rows)
	// Contiguous rows run row kernels; under recording they keep e**-|x|
	// in what becomes the input's gradient, for the backward's sigmoid.
	var keep []T
	var keepT *tensor.Tensor
	if inner == 1 && c.GradEnabled() && x.RequiresGrad() {
		if keepT, keep, err = tensor.Alloc[T](shape...); err != nil {
			return nil, err
		}
	}
	if err := forRows(rows, nc, func(lo, hi int) {
		if inner == 1 {
			softRows(loss, xd, yd, wd, keep, nc, norm, lo, hi)
			return
		}
		for r := lo; r < hi; r++ {
			base := r/inner*nc*inner + r%inner
			s := 0.0
			for k, i := 0, base; k < nc; k, i = k+1, i+inner {
				v := float64(xd[i])
				lp, _ := losskernel.SoftTerms(v)
				e := max(v, 0) - float64(yd[i])*v + lp
				if wd != nil {
					e *= float64(wd[i])
				}
				s += e
			}
			loss[r] = s / norm
		}
	}); err != nil {
		return nil, err
	}
	out, err := reduceRows[T](loss, l.Reduction, float64(rows), oshape)
	if err != nil {
		return nil, err
	}
	name := [...]string{None: "DivBackward0", Mean: "MeanBackward0", Sum: "SumBackward0"}[l.Reduction]
	c.Record(out, name, []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, l.Reduction, float64(rows))
		var gx, gy []T
		var gts [2]*tensor.Tensor
		cached := false
		if needsGrad(x) {
			gts[0], gx, cached = keepT, keep, keep != nil
			if gx == nil {
				var err error
				if gts[0], gx, err = tensor.Alloc[T](shape...); err != nil {
					return nil, err
				}
			}
			keepT, keep = nil, nil // a second backward (retained graph) computes afresh
		}
		if needsGrad(y) {
			var err error
			if gts[1], gy, err = tensor.Alloc[T](shape...); err != nil {
				return nil, err
			}
		}
		if err := forRows(rows, nc, func(lo, hi int) {
			if inner == 1 {
				softGradRows(gx, gy, xd, yd, wd, cached, gr, nc, norm, lo, hi)
				return
			}
			for r := lo; r < hi; r++ {
				base := r/inner*nc*inner + r%inner
				gf := gr.at(r) / norm
				for k, i := 0, base; k < nc; k, i = k+1, i+inner {
					v, t := float64(xd[i]), float64(yd[i])
					h := gf
					if wd != nil {
						h *= float64(wd[i])
					}
					if gx != nil {
						_, sig := losskernel.SoftTerms(v)
						gx[i] = T(h * (sig - t))
					}
					if gy != nil {
						gy[i] = T(-h * v)
					}
				}
			}
		}); err != nil {
			return nil, err
		}
		res := make([]*tensor.Tensor, 2)
		ins := [2]*tensor.Tensor{x, y}
		for k, gt := range gts {
			if gt == nil {
				continue
			}
			var err error
			if res[k], err = sumGrad(gt, ins[k]); err != nil {
				return nil, err
			}
		}
		return res, nil
	})
	return out, nil
}
