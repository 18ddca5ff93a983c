package loss

import (
	"math"

	"kt/internal/vmath"
	"kt/tensor"
)

// The common case of cross entropy with class indices: float32 rows of
// contiguous classes, no class weights, no label smoothing. Rows go in
// blocks of about ceBlockLen elements. A block's exponentials are taken
// in one flat pass shifted by the block's maximum (for rows of 64 classes
// or more a block is one row, and that is the row's maximum); each row's
// normalizer is then the sum of its part. A row whose sum comes out
// below ceMinSum (its maximum far below the block's) is taken again with
// its own maximum, so every row's terms keep float32 precision.

const (
	ceBlockLen = 1024
	ceMinSum   = 0x1p-30
)

// ceFastOK reports whether cross entropy l over layout lay takes the
// float32 fast path.
func ceFastOK(l CrossEntropy, x *tensor.Tensor, lay classLayout) bool {
	return x.DType() == tensor.Float32 && lay.s == 1 && l.Weight == nil && !(l.LabelSmoothing > 0) && lay.c > 0
}

// ceRows is the per-row state of one fast cross entropy call.
type ceRows struct {
	x      []float32
	tgt    []int64
	ignore int64
	nc     int
	keep   []float32 // softmax numerators, under recording
	sums   []float64 // their sums per row (0: not kept), under recording
	lse    []float64 // log-normalizer per row, under recording
	loss   []float32 // per-row loss, for reduction none
}

// block computes rows [r0, r1), using buf (at least (r1-r0)·nc long) for
// the numerators when they are not kept, and returns the sum of the rows'
// losses and the number of rows that count.
func (s *ceRows) block(r0, r1 int, buf []float32) (sum, cnt float64) {
	nc := s.nc
	src := s.x[r0*nc : r1*nc]
	var dst []float32
	if s.keep != nil {
		dst = s.keep[r0*nc : r1*nc]
	} else {
		dst = buf[:len(src)]
	}
	g := vmath.Max32(src)
	flat := g > float32(math.Inf(-1)) && g <= math.MaxFloat32
	var total float64
	if flat {
		total = expShiftSum32(dst, src, g)
	}
	for r := r0; r < r1; r++ {
		t := s.tgt[r]
		if t == s.ignore {
			continue
		}
		o := (r - r0) * nc
		row, num := src[o:o+nc], dst[o:o+nc]
		var rs, z float64
		if flat {
			rs = total
			if r1-r0 > 1 {
				rs = sum32(num)
			}
			z = float64(g) + vmath.Log(rs)
		}
		if !flat || rs < ceMinSum {
			z, rs = ceRowExact(row, num)
		}
		if s.sums != nil {
			s.sums[r], s.lse[r] = rs, z
		}
		v := z - float64(row[t])
		if s.loss != nil {
			s.loss[r] = float32(v)
		}
		sum += v
		cnt++
	}
	return sum, cnt
}

// ceRowExact returns the log-normalizer of one row with its own maximum
// taken out, and the sum of the numerators it leaves in num; the sum is 0
// (num not written) when the maximum is not finite, and the log-normalizer
// then whatever PyTorch's formula gives (NaN, ±Inf).
func ceRowExact(row, num []float32) (z, s float64) {
	m := vmath.Max32(row)
	if !(m > float32(math.Inf(-1)) && m <= math.MaxFloat32) {
		return rowLogSumExp(row), 0
	}
	s = expShiftSum32(num, row, m)
	return float64(m) + vmath.Log(s), s
}

// ceIndexFast32 is ceIndexRun for the layouts ceFastOK accepts, with
// targets already checked.
func ceIndexFast32(c *tensor.Ctx, l CrossEntropy, x, y *tensor.Tensor, tgt []int64, lay classLayout) (*tensor.Tensor, error) {
	xd := tensor.Data[float32](x)
	rows, nc := lay.rows(), lay.c
	s := &ceRows{x: xd, tgt: tgt[:rows], ignore: l.IgnoreIndex, nc: nc}
	if c.GradEnabled() && x.RequiresGrad() {
		s.keep = make([]float32, len(xd))
		s.sums = make([]float64, rows)
		s.lse = make([]float64, rows)
	}
	if l.Reduction == None {
		s.loss = make([]float32, rows)
	}
	per := max(1, ceBlockLen/nc) // rows per block
	nb := (rows + per - 1) / per
	part := make([]float64, 2*nb) // loss sum and count of each block
	forRows(nb, per*nc, func(b0, b1 int) {
		var buf []float32
		if s.keep == nil {
			buf = make([]float32, per*nc)
		}
		for b := b0; b < b1; b++ {
			part[2*b], part[2*b+1] = s.block(b*per, min(b*per+per, rows), buf)
		}
	})
	tot, tw := 0.0, 0.0
	for b := range nb {
		tot += part[2*b]
		tw += part[2*b+1]
	}
	var out *tensor.Tensor
	if s.loss != nil {
		var err error
		if out, err = tensor.Wrap(s.loss, lay.shape...); err != nil {
			return nil, err
		}
	} else {
		v := float32(tot) // rounded before the division, as in PyTorch
		if l.Reduction == Mean {
			v /= float32(tw)
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
		gx, sums := s.keep, s.sums
		if gx == nil {
			gx = make([]float32, len(xd))
		}
		s.keep, s.sums = nil, nil // a second backward (retained graph) computes afresh
		forRows(rows, nc, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				t := tgt[r]
				base := r * nc
				grow := gx[base : base+nc]
				if t == l.IgnoreIndex {
					if sums != nil {
						clear(grow) // the forward's numerators of a block
					}
					continue
				}
				g := gr.at(r)
				if sums != nil && sums[r] > 0 {
					scale32(grow, float32(g/sums[r]))
				} else {
					rowExpScale(grow, xd[base:base+nc], s.lse[r], g)
				}
				grow[t] = float32(float64(grow[t]) - g)
			}
		})
		gt, err := wrapGrad(gx, x)
		return []*tensor.Tensor{gt, nil}, err
	})
	return out, nil
}
