package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/internal/vmath"
	"kt/tensor"
)

// The common cases of cross entropy: float32 rows of contiguous classes,
// no class weights, class indices or class probabilities as targets, with
// or without label smoothing. Rows go in blocks of about ceBlockLen
// elements (for rows of 64 classes or more a block is one row). A block's
// exponentials are taken in one flat pass shifted by a score g near the
// block's (losskernel.BlockShift32: in plain Go, whose differences are exact, the
// block's first score; in the SIMD build, whose differences round to
// float32 as torch's do, the largest score of the block before, the pass
// finding the block's own and the block taken again with it when the two
// are more than 2 apart, see losskernel.CEShiftOK): each row's normalizer is the sum
// of its part, and a row whose sum comes out of [losskernel.CEMinSum, losskernel.CEMaxSum] (a
// maximum far below g, a score far above it, a non-finite score) is taken
// again with its own maximum, so that every row's terms keep float32
// precision and none overflows.
//
// Label smoothing and probability targets need sums over the row besides
// the normalizer: of x-g and of p·(x-g). The row's loss is then
// Σt·(z-g) - Σt·(x-g), with z the log-normalizer: both terms within a few
// units of the loss when the row's sum is in range.
//
// Recorded with reduction mean or sum, the forward turns each row's
// numerators into the row's gradient for an output gradient of 1 (grad)
// while they are in the cache; the backward then hands them over
// (scaleGrad).

const ceBlockLen = 1024

// ceFastOK reports whether cross entropy l over layout lay takes the
// float32 fast path.
func ceFastOK(l CrossEntropy, x *tensor.Tensor, lay classLayout) bool {
	return x.DType() == tensor.Float32 && lay.s == 1 && l.Weight == nil && !math.IsNaN(l.LabelSmoothing) && lay.c > 0
}

// ceProbFastOK reports whether cross entropy l with probability target y
// over layout lay takes the float32 fast path. Rows of one class stay on
// the exact path: their loss is exactly 0 there, which a block's shared
// shift would leave a rounding away.
func ceProbFastOK(l CrossEntropy, x, y *tensor.Tensor, lay classLayout) bool {
	return ceFastOK(l, x, lay) && y.DType() == tensor.Float32 && lay.c > 1
}

// ceRows is the per-row state of one fast cross entropy call.
type ceRows struct {
	x      []float32
	tgt    []int64 // class indices, nil for probability targets
	ignore int64
	nc     int
	ls     float64        // label smoothing, at least 0
	p      []float32      // probability targets
	tsum   []float64      // per row Σt, the smoothed target's sum (probability targets)
	keep   []float32      // softmax numerators, under recording; the gradient itself when unit is set
	keepT  *tensor.Tensor // the tensor whose storage keep is
	unit   float64        // a row's gradient factor for an output gradient of 1, when the forward makes the input's gradient (0: it does not)
	sums   []float64      // their sums per row (0: not kept), under recording
	lse    []float64      // log-normalizer per row, under recording
	loss   []float32      // per-row loss, for reduction none
}

// block computes rows [r0, r1), using buf (at least (r1-r0)·nc long) for
// the numerators when they are not kept, and returns the sum of the rows'
// losses, the number of rows that count and the block's largest score
// (the shift's hint for the next block).
func (s *ceRows) block(r0, r1 int, buf []float32, hint float32) (sum, cnt float64, top float32) {
	nc := s.nc
	src := s.x[r0*nc : r1*nc]
	dst := buf[:len(src)]
	if s.keep != nil {
		dst = s.keep[r0*nc : r1*nc]
	}
	pass := dst
	if s.keep == nil && r1-r0 == 1 {
		pass = nil // one row not recorded: its sum alone
	}
	// A one-row block of the smoothed loss takes its Σ(x-g) along with
	// the exponentials.
	one := s.tgt != nil && s.ls > 0 && r1-r0 == 1
	var total, sx float64
	var psx *float64
	if one {
		psx = &sx
	}
	g := losskernel.BlockShift32(src, hint)
	top = g
	flat := g > float32(math.Inf(-1)) && g <= math.MaxFloat32
	var ps *[3]float64 // a one-row block's probability sums, when the pass took them
	var psums [3]float64
	fused := false
	if flat && s.p != nil && r1-r0 == 1 {
		if total, psums, fused = losskernel.CEProbPass(pass, src, s.p[r0*nc:r1*nc], g, s.ls > 0); fused {
			ps = &psums
			flat = total == total
		}
	}
	if flat && !fused {
		total, top = losskernel.CEExpPass(pass, src, g, psx)
		if !losskernel.CEShiftOK(g, top) {
			// the block's own maximum, found in the pass
			g = top
			if flat = g > float32(math.Inf(-1)) && g <= math.MaxFloat32; flat {
				total, top = losskernel.CEExpPass(pass, src, g, psx)
			}
		}
		// a NaN sum (a NaN score, or in plain Go one out of range):
		// every row on its own
		flat = flat && total == total
	}
	for r := r0; r < r1; r++ {
		o := (r - r0) * nc
		row, num := src[o:o+nc], dst[o:o+nc]
		if s.tgt != nil && s.tgt[r] == s.ignore {
			if s.unit != 0 {
				clear(num)
			}
			continue
		}
		var rs, z float64
		if flat {
			rs = total
			if r1-r0 > 1 {
				rs = losskernel.Sum32(num)
			}
			z = float64(g) + losskernel.CELog(rs) // rs in range, or the row is taken again
		}
		if !flat || !(rs >= losskernel.CEMinSum && rs <= losskernel.CEMaxSum) {
			z, rs = ceRowExact(row, num)
		}
		if s.sums != nil {
			s.sums[r], s.lse[r] = rs, z
		}
		var v float64
		if s.tgt != nil {
			v = s.indexLoss(r, row, z, g, flat, sx, one)
		} else {
			v = s.probLoss(r, row, z, g, flat, ps)
		}
		if s.loss != nil {
			s.loss[r] = float32(v)
		}
		if s.unit != 0 {
			s.grad(r, row, num, rs, z, s.unit)
		}
		sum += v
		cnt++
	}
	return sum, cnt, top
}

// grad turns row r's numerators num (their sum rs, 0 when they are not
// there, and its log-normalizer z) into the row's gradient for the row's
// output gradient u. The forward calls it while the numerators are in the
// cache, with u the output gradient of 1 divided out by the reduction
// (the backward then has nothing to do, or one scaling pass for another
// output gradient); the backward calls it when the forward did not.
func (s *ceRows) grad(r int, row, num []float32, rs, z, u float64) {
	nc := float64(s.nc)
	if s.tgt == nil {
		// probability target t = p·kp + add: u·(Σt·softmax - t)
		kp, add := s.smoothing()
		f := u * s.tsum[r]
		if rs > 0 {
			f /= rs
		} else {
			losskernel.RowExpScale(num, row, z, f)
			f = 1
		}
		p := s.p[r*s.nc : r*s.nc+s.nc]
		losskernel.ScaleSub32(num, p, float32(f), float32(u*kp), float32(u*add))
		return
	}
	a := u * (1 - s.ls) // on the target's -log p
	b := u * s.ls / nc  // on Σ_k -log p_k
	if rs > 0 {
		if b != 0 {
			losskernel.ScaleSub32(num, nil, float32(u/rs), 0, float32(b))
		} else {
			losskernel.Scale32(num, float32(u/rs))
		}
	} else {
		losskernel.RowExpScale(num, row, z, u)
		if b != 0 {
			losskernel.ScaleSub32(num, nil, 1, 0, float32(b))
		}
	}
	t := s.tgt[r]
	num[t] = float32(float64(num[t]) - a)
}

// scaleGrad returns the gradient the forward made (s.keep) for output
// gradient g, a scalar: as it is for 1, else scaled by g. It hands the
// buffer over: a second backward (retained graph) computes afresh.
func (s *ceRows) scaleGrad(g *tensor.Tensor) (*tensor.Tensor, error) {
	gt, gx := s.keepT, s.keep
	s.keepT, s.keep, s.sums, s.unit = nil, nil, nil, 0
	if v := float32(g.At(0)); v != 1 {
		if err := forRows(len(gx)/s.nc, s.nc, func(lo, hi int) {
			losskernel.Scale32(gx[lo*s.nc:hi*s.nc], v)
		}); err != nil {
			return nil, err
		}
	}
	return gt, nil
}

// smoothing returns the factor kp and the addend add that make a
// probability target p the smoothed target p·kp + add.
func (s *ceRows) smoothing() (kp, add float64) {
	if s.ls > 0 {
		return 1 - s.ls, s.ls / float64(s.nc)
	}
	return 1, 0
}

// output returns the loss: the rows' losses for reduction None, else
// their sum tot, divided by div for Mean; rounded to float32 before the
// division, as in PyTorch.
func (s *ceRows) output(r Reduction, tot, div float64, shape []int) (*tensor.Tensor, error) {
	if s.loss != nil {
		return tensor.Wrap(s.loss, shape...)
	}
	v := float32(tot)
	if r == Mean {
		v /= float32(div)
	}
	return tensor.Scalar(v), nil
}

// indexLoss returns the loss of row r with class-index target, given its
// log-normalizer z and, when flat, the block's finite maximum g; sx is
// the row's Σ(x-g) when known.
func (s *ceRows) indexLoss(r int, row []float32, z float64, g float32, flat bool, sx float64, known bool) float64 {
	v := z - float64(row[s.tgt[r]])
	if !(s.ls > 0) {
		return v
	}
	nc := float64(s.nc)
	var m float64 // Σ_k (z - x_k) / C
	if flat {
		if !known {
			sx = losskernel.SumShift32(row, g)
		}
		m = (z - float64(g)) - sx/nc
	} else {
		for _, x := range row {
			m += z - float64(x)
		}
		m /= nc
	}
	return (1-s.ls)*v + s.ls*m
}

// probLoss returns the loss of row r with probability target, given its
// log-normalizer z and, when flat, the block's finite shift g and the
// row's Σp, Σp·(x-g) and Σ(x-g) when the pass took them (ps), and keeps
// the row's Σt.
func (s *ceRows) probLoss(r int, row []float32, z float64, g float32, flat bool, ps *[3]float64) float64 {
	nc := s.nc
	p := s.p[r*nc : r*nc+nc]
	kp, add := s.smoothing()
	var ts, v float64
	if flat {
		var sp, d, sx float64 // Σp, Σp·(x-g), Σ(x-g)
		if ps != nil {
			sp, d, sx = ps[0], ps[1], ps[2]
		} else {
			sp, d, sx = losskernel.ProbSums32(p, row, g, add != 0)
		}
		ts = sp
		if add != 0 {
			ts = kp*sp + add*float64(nc)
			d = kp*d + add*sx
		}
		v = ts*(z-float64(g)) - d
	} else {
		for k, x := range row {
			t := float64(p[k])
			if add != 0 {
				t = t*kp + add
			}
			ts += t
			v += t * (z - float64(x))
		}
	}
	s.tsum[r] = ts
	return v
}

// ceRowExact returns the log-normalizer of one row with its own maximum
// taken out, and the sum of the numerators it leaves in num; the sum is 0
// (num not written) when the maximum is not finite, and the log-normalizer
// then whatever PyTorch's formula gives (NaN, ±Inf).
func ceRowExact(row, num []float32) (z, s float64) {
	m := vmath.Max32(row)
	if !(m > float32(math.Inf(-1)) && m <= math.MaxFloat32) {
		return losskernel.RowLogSumExp(row), 0
	}
	s = losskernel.ExpShiftSum32(num, row, m)
	return float64(m) + vmath.Log(s), s
}

// ceIndexFast32 is ceIndexRun for the layouts ceFastOK accepts, with
// targets already checked.
func ceIndexFast32(c *tensor.Ctx, l CrossEntropy, x, y *tensor.Tensor, tgt []int64, lay classLayout) (*tensor.Tensor, error) {
	xd := tensor.Data[float32](x)
	rows, nc := lay.rows(), lay.c
	s := &ceRows{x: xd, tgt: tgt[:rows], ignore: l.IgnoreIndex, nc: nc, ls: max(l.LabelSmoothing, 0)}
	if c.GradEnabled() && x.RequiresGrad() {
		var err error
		if s.keepT, s.keep, err = tensor.AllocLike[float32](x); err != nil {
			return nil, err
		}
		s.sums = make([]float64, rows)
		s.lse = make([]float64, rows)
		if l.Reduction != None {
			n := 0 // the rows that count
			for _, t := range s.tgt {
				if t != l.IgnoreIndex {
					n++
				}
			}
			s.unit = 1
			if l.Reduction == Mean {
				s.unit = 1 / float64(n) // none counting: no gradient made here
			}
			if n == 0 {
				s.unit = 0
			}
		}
	}
	if l.Reduction == None {
		s.loss = make([]float32, rows)
	}
	tot, tw, err := s.run(rows)
	if err != nil {
		return nil, err
	}
	out, err := s.output(l.Reduction, tot, tw, lay.shape)
	if err != nil {
		return nil, err
	}
	ls := s.ls
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
		if s.unit != 0 && s.keep != nil {
			gt, err := s.scaleGrad(g)
			if err != nil {
				return nil, err
			}
			return []*tensor.Tensor{castGrad(gt, x), nil}, nil
		}
		gr := newRowGrad(g, l.Reduction, tw)
		gt, gx, sums := s.keepT, s.keep, s.sums
		if gx == nil {
			var err error
			if gt, gx, err = tensor.AllocLike[float32](x); err != nil {
				return nil, err
			}
		}
		s.keepT, s.keep, s.sums = nil, nil, nil // a second backward (retained graph) computes afresh
		if err := forRows(rows, nc, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				t := tgt[r]
				base := r * nc
				grow := gx[base : base+nc]
				if t == l.IgnoreIndex {
					clear(grow) // unset, or the forward's numerators
					continue
				}
				rs := 0.0 // no numerators kept: taken afresh
				if sums != nil {
					rs = sums[r]
				}
				s.grad(r, xd[base:base+nc], grow, rs, s.lse[r], gr.at(r))
			}
		}); err != nil {
			return nil, err
		}
		return []*tensor.Tensor{castGrad(gt, x), nil}, nil
	})
	return out, nil
}

// ceSpan is how many consecutive blocks pass the shift's hint on, each to
// the next. A span starts without one and goes to one goroutine whole, so
// that every block's shift, and with it the rounding of its numerators,
// is the same however the rows are split across threads.
const ceSpan = 16

// run computes all rows in blocks and returns the sum of their losses and
// the number of rows that count.
func (s *ceRows) run(rows int) (tot, cnt float64, err error) {
	nc := s.nc
	per := max(1, ceBlockLen/nc) // rows per block
	nb := (rows + per - 1) / per
	part := make([]float64, 2*nb) // loss sum and count of each block
	if err := forRows((nb+ceSpan-1)/ceSpan, ceSpan*per*nc, func(s0, s1 int) {
		buf := make([]float32, per*nc)
		var hint float32
		for b := s0 * ceSpan; b < min(s1*ceSpan, nb); b++ {
			if b%ceSpan == 0 {
				hint = float32(math.NaN())
			}
			part[2*b], part[2*b+1], hint = s.block(b*per, min(b*per+per, rows), buf, hint)
		}
	}); err != nil {
		return 0, 0, err
	}
	for b := range nb {
		tot += part[2*b]
		cnt += part[2*b+1]
	}
	return tot, cnt, nil
}

// ceProbFast32 is ceProbRun for the inputs ceProbFastOK accepts.
func ceProbFast32(c *tensor.Ctx, l CrossEntropy, x, y *tensor.Tensor, lay classLayout) (*tensor.Tensor, error) {
	xd, yd := tensor.Data[float32](x), tensor.Data[float32](y)
	rows, nc := lay.rows(), lay.c
	if len(xd) < rows*nc || len(yd) < rows*nc {
		return nil, fmt.Errorf("cross_entropy: input and target hold fewer values than their shape")
	}
	s := &ceRows{x: xd, p: yd, nc: nc, ls: max(l.LabelSmoothing, 0)}
	s.tsum = make([]float64, rows)
	rec := c.GradEnabled() && (x.RequiresGrad() || y.RequiresGrad())
	if rec {
		s.sums = make([]float64, rows)
		s.lse = make([]float64, rows)
		if x.RequiresGrad() {
			var err error
			if s.keepT, s.keep, err = tensor.AllocLike[float32](x); err != nil {
				return nil, err
			}
			switch l.Reduction {
			case Mean:
				s.unit = 1 / float64(rows)
			case Sum:
				s.unit = 1
			}
		}
	}
	if l.Reduction == None {
		s.loss = make([]float32, rows)
	}
	tot, _, err := s.run(rows)
	if err != nil {
		return nil, err
	}
	out, err := s.output(l.Reduction, tot, float64(rows), lay.shape)
	if err != nil {
		return nil, err
	}
	if !rec {
		return out, nil
	}
	name := "NegBackward0"
	if l.Reduction == Mean {
		name = "DivBackward1"
	}
	kp, _ := s.smoothing()
	c.Record(out, name, []*tensor.Tensor{x, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, l.Reduction, float64(rows))
		var gx, gy []float32
		var gxt, gyt *tensor.Tensor
		sums := s.sums
		made := false // gx made by the forward
		if needsGrad(x) {
			if s.unit != 0 && s.keep != nil {
				var err error
				if gxt, err = s.scaleGrad(g); err != nil {
					return nil, err
				}
				made = true
				gx = tensor.Data[float32](gxt)
			} else {
				gxt, gx = s.keepT, s.keep
				if gx == nil {
					var err error
					if gxt, gx, err = tensor.AllocLike[float32](x); err != nil {
						return nil, err
					}
					sums = nil
				}
				s.keepT, s.keep = nil, nil // a second backward (retained graph) computes afresh
			}
		}
		if needsGrad(y) {
			var err error
			if gyt, gy, err = tensor.AllocLike[float32](y); err != nil {
				return nil, err
			}
		}
		if made && gy == nil {
			return []*tensor.Tensor{castGrad(gxt, x), nil}, nil
		}
		if err := forRows(rows, nc, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				base := r * nc
				xr := xd[base : base+nc]
				z, g := s.lse[r], gr.at(r)
				if gx != nil && !made {
					rs := 0.0 // no numerators kept: taken afresh
					if sums != nil {
						rs = sums[r]
					}
					s.grad(r, xr, gx[base:base+nc], rs, z, g)
				}
				if gy != nil {
					a := g * kp
					for k, v := range xr {
						gy[base+k] = float32(a * (z - float64(v)))
					}
				}
			}
		}); err != nil {
			return nil, err
		}
		res := make([]*tensor.Tensor, 2)
		if gxt != nil {
			res[0] = castGrad(gxt, x)
		}
		if gyt != nil {
			res[1] = castGrad(gyt, y)
		}
		return res, nil
	})
	return out, nil
}
