package loss

import (
	"fmt"
	"sync/atomic"

	"kt/internal/par"
	"kt/tensor"
)

// NLL is PyTorch's NLLLoss: the negative log-likelihood -w[y]·x[y] of
// log-probabilities x (classes on dimension 1, or 0 for an unbatched (C)
// input) at class-index targets y. Mean divides by the sum of the weights
// of the targets that count; targets equal to IgnoreIndex count for
// nothing. Only the input gets a gradient.
type NLL struct {
	Weight      *tensor.Tensor // class weights (C), nil for none
	IgnoreIndex int64          // target value that is skipped; PyTorch's default is -100
	Reduction   Reduction
}

// NewNLL returns NLLLoss with PyTorch's defaults.
func NewNLL() NLL { return NLL{IgnoreIndex: -100, Reduction: Mean} }

// Name returns "nll".
func (NLL) Name() string { return "nll" }

// classLayout is how NLL and cross entropy see a scored input: n batches
// of c classes over s positions ((N,C,d1,...,dk) with s = d1···dk; an
// unbatched (C) input is one batch), and the shape of the unreduced loss.
type classLayout struct {
	n, c, s int
	shape   []int
	twoD    bool // ATen's 2-d kernel (input of 1 or 2 dims), not the spatial one
}

// rows returns the number of (batch, position) rows.
func (l classLayout) rows() int { return l.n * l.s }

// at returns the storage index of class k of row r.
func (l classLayout) at(r, k int) int { return (r/l.s*l.c+k)*l.s + r%l.s }

// nllLayout checks input x, class-index target y and weight w as
// nll_loss_nd does, with its messages, and returns the layout.
func nllLayout(x, y, w *tensor.Tensor) (classLayout, error) {
	xs, ys := x.Shape(), y.Shape()
	var l classLayout
	nd := len(xs)
	if nd < 1 {
		return l, fmt.Errorf("Expected 1 or more dimensions (got %d)", nd)
	}
	if nd != 1 && (len(ys) == 0 || xs[0] != ys[0]) {
		return l, fmt.Errorf("Expected input batch_size (%d) to match target batch_size (%d).", xs[0], y.Size(0))
	}
	if nd <= 2 {
		if len(ys) > 1 {
			return l, fmt.Errorf("0D or 1D target tensor expected, multi-target not supported")
		}
		if nd == 1 && len(ys) != 0 {
			return l, fmt.Errorf("size mismatch (got input: %s, target: %s)", tensor.SizeString(xs), tensor.SizeString(ys))
		}
		c := xs[nd-1]
		if w != nil && (w.Dim() != 1 || w.Numel() != c) {
			return l, fmt.Errorf("weight tensor should be defined either for all %d classes or no classes but got weight tensor of shape: %s", c, tensor.SizeString(w.Shape()))
		}
		if nd == 1 {
			return classLayout{n: 1, c: c, s: 1, shape: []int{}, twoD: true}, nil
		}
		return classLayout{n: xs[0], c: c, s: 1, shape: []int{xs[0]}, twoD: true}, nil
	}
	if nd == 4 {
		if len(ys) != 3 {
			return l, fmt.Errorf("only batches of spatial targets supported (3D tensors) but got targets of dimension: %d", len(ys))
		}
	} else if !tensor.SameShape(ys[1:], xs[2:]) {
		return l, fmt.Errorf("Expected target size %s, got %s", tensor.SizeString(append([]int{xs[0]}, xs[2:]...)), tensor.SizeString(ys))
	}
	if w != nil && w.Numel() != xs[1] {
		return l, fmt.Errorf("weight tensor should be defined either for all or no classes")
	}
	if nd == 4 && (xs[2] != ys[1] || xs[3] != ys[2]) {
		return l, fmt.Errorf("size mismatch (got input: %s , target: %s", tensor.SizeString(xs), tensor.SizeString(ys))
	}
	s := 1
	for _, d := range xs[2:] {
		s *= d
	}
	return classLayout{n: xs[0], c: xs[1], s: s, shape: append([]int{xs[0]}, xs[2:]...)}, nil
}

// checkTargets returns PyTorch's error for the first target that is
// neither ignored nor a class.
func checkTargets(tgt []int64, c int, ignore int64) error {
	for _, t := range tgt {
		if t != ignore && (t < 0 || t >= int64(c)) {
			return fmt.Errorf("Target %d is out of bounds.", t)
		}
	}
	return nil
}

// nllKernelName is the name ATen's dtype errors give the kernel.
func (l classLayout) nllKernelName() string {
	if l.twoD {
		return "nll_loss_out_frame"
	}
	return "nll_loss2d_forward_out_frame"
}

// Forward computes the loss of input and target.
func (l NLL) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("nll", in, 2, 2); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	lay, err := nllLayout(x, y, l.Weight)
	if err != nil {
		return nil, err
	}
	if !x.DType().IsFloat() {
		return nil, notImplemented(lay.nllKernelName(), x.DType())
	}
	tgt, err := longTargets(y, true)
	if err != nil {
		return nil, err
	}
	if x.DType() == tensor.Float32 {
		return nllRun[float32](c, l, x, y, tgt, lay)
	}
	return nllRun[float64](c, l, x, y, tgt, lay)
}

func nllRun[T real](c *tensor.Ctx, l NLL, x, y *tensor.Tensor, tgt []int64, lay classLayout) (*tensor.Tensor, error) {
	w, err := classWeight[T](l.Weight, x.DType(), true)
	if err != nil {
		return nil, err
	}
	xd := tensor.Data[T](x)
	rows := lay.rows()
	var loss []float64 // per row, for reduction none
	if l.Reduction == None {
		loss = make([]float64, rows)
	}
	tw, sum := 0.0, 0.0
	if loss == nil && w == nil && lay.s == 1 {
		// the common case: one gather per row, the bounds checked once
		// per row
		if sum, tw, err = nllSum(xd, tgt[:rows], lay.c, l.IgnoreIndex); err != nil {
			return nil, err
		}
	} else {
		for r, t := range tgt[:rows] {
			if t == l.IgnoreIndex {
				continue
			}
			if t < 0 || t >= int64(lay.c) {
				return nil, checkTargets(tgt, lay.c, l.IgnoreIndex) // the first bad one
			}
			wt := 1.0
			if w != nil {
				wt = float64(w[t])
			}
			i := r*lay.c + int(t)
			if lay.s != 1 {
				i = lay.at(r, int(t))
			}
			v := -wt * float64(xd[i])
			if loss != nil {
				loss[r] = v
			}
			sum += v
			tw += wt
		}
	}
	var out *tensor.Tensor
	if loss != nil {
		if out, err = reduceRows[T](loss, None, 1, lay.shape); err != nil {
			return nil, err
		}
	} else {
		v := T(sum) // rounded before the division, as in PyTorch
		if l.Reduction == Mean {
			v /= T(tw)
		}
		out = tensor.Scalar(v)
	}
	name := "NllLossBackward0"
	if !lay.twoD {
		name = "NllLoss2DBackward0"
	}
	c.Record(out, name, []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !needsGrad(x) {
			return nil, nil
		}
		gr := newRowGrad(g, l.Reduction, tw)
		gt, gx, err := tensor.AllocZeros[T](x.Shape()...)
		if err != nil {
			return nil, err
		}
		for r, t := range tgt[:rows] {
			if t == l.IgnoreIndex {
				continue
			}
			wt := 1.0
			if w != nil {
				wt = float64(w[t])
			}
			i := r*lay.c + int(t)
			if lay.s != 1 {
				i = lay.at(r, int(t))
			}
			gx[i] = T(-wt * gr.at(r))
		}
		return []*tensor.Tensor{castGrad(gt, x), nil}, nil
	})
	return out, nil
}

// nllRowCost is how many elements of a streaming loop one row of nllSum
// counts as when it splits rows across goroutines: each row's gather is
// a cache and TLB miss. Rows then go in blocks of par.Block/nllRowCost
// (256), across threads from par.Grain/nllRowCost rows (2048) on.
const nllRowCost = 32

// nllSum is nllGather over blocks of rows, their sums added in order,
// so the result does not depend on how many goroutines gathered them.
func nllSum[T real](x []T, tgt []int64, c int, ignore int64) (sum, n float64, err error) {
	rows := len(tgt)
	counts := make([]float64, (rows*nllRowCost+par.Block-1)/par.Block)
	var bad atomic.Bool
	sum = par.Sum(rows*nllRowCost, func(lo, hi int) float64 {
		r0, r1 := lo/nllRowCost, hi/nllRowCost // par.Block is a multiple of nllRowCost
		s, k, err := nllGather(x[min(r0*c, len(x)):], tgt[r0:r1], c, ignore)
		if err != nil {
			bad.Store(true)
			return 0
		}
		counts[lo/par.Block] = k
		return s
	})
	if bad.Load() {
		return 0, 0, checkTargets(tgt, c, ignore) // the first bad one
	}
	for _, k := range counts {
		n += k
	}
	return sum, n, nil
}

// nllGather returns -Σ x[r·c + t[r]] over the rows whose target t[r] is
// not ignore, in float64, and their count; or the error of the first
// target that is not a class. The gathers, one a row and each likely a
// cache and TLB miss, go four rows a step into four sums, so that more of
// them are in flight at once.
func nllGather[T real](x []T, tgt []int64, c int, ignore int64) (sum, n float64, err error) {
	nc := int64(c)
	at := func(r int, t int64) (int64, bool) {
		i := int64(r)*nc + t
		return i, uint64(t) < uint64(nc) && i < int64(len(x))
	}
	var s [4]float64
	r := 0
	for ; r+4 <= len(tgt); r += 4 {
		t0, t1, t2, t3 := tgt[r], tgt[r+1], tgt[r+2], tgt[r+3]
		if t0 == ignore || t1 == ignore || t2 == ignore || t3 == ignore {
			break // the rows one at a time from here
		}
		i0, ok0 := at(r, t0)
		i1, ok1 := at(r+1, t1)
		i2, ok2 := at(r+2, t2)
		i3, ok3 := at(r+3, t3)
		if !(ok0 && ok1 && ok2 && ok3) {
			break
		}
		s[0] -= float64(x[i0])
		s[1] -= float64(x[i1])
		s[2] -= float64(x[i2])
		s[3] -= float64(x[i3])
		n += 4
	}
	for ; r < len(tgt); r++ {
		t := tgt[r]
		if t == ignore {
			continue
		}
		i, ok := at(r, t)
		if !ok {
			return 0, 0, checkTargets(tgt, c, ignore) // the first bad one
		}
		s[0] -= float64(x[i])
		n++
	}
	return (s[0] + s[1]) + (s[2] + s[3]), n, nil
}
