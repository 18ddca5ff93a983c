package loss

import (
	"fmt"

	"kt/tensor"
)

// TripletMargin is PyTorch's TripletMarginLoss:
// max(d(a,p) - d(a,n) + Margin, 0) with d the pairwise distance of norm P
// and Eps; with Swap, d(a,n) is replaced by min(d(a,n), d(p,n)). The three
// inputs have the same number of dimensions and broadcast; all get
// gradients.
type TripletMargin struct {
	Margin    float64
	P         float64
	Eps       float64
	Swap      bool
	Reduction Reduction
}

// NewTripletMargin returns TripletMarginLoss with PyTorch's defaults.
func NewTripletMargin() TripletMargin {
	return TripletMargin{Margin: 1, P: 2, Eps: 1e-6, Reduction: Mean}
}

// Name returns "triplet".
func (TripletMargin) Name() string { return "triplet" }

// Forward computes the loss of anchor, positive and negative.
func (l TripletMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("triplet", in, 3, 3); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	a, p, n := in[0], in[1], in[2]
	if a.Dim() != p.Dim() || p.Dim() != n.Dim() {
		return nil, fmt.Errorf("All inputs should have same dimension but got %dD, %dD and %dD inputs.", a.Dim(), p.Dim(), n.Dim())
	}
	d := distType(a, p, n)
	if d == tensor.Float32 {
		return tripletRun[float32](c, l, a, p, n, d)
	}
	return tripletRun[float64](c, l, a, p, n, d)
}

func tripletRun[T real](c *tensor.Ctx, l TripletMargin, a, p, n *tensor.Tensor, d tensor.DType) (*tensor.Tensor, error) {
	// PyTorch broadcasts each pair in turn: its errors come in that order.
	pairs := [][2]*tensor.Tensor{{a, p}, {a, n}}
	if l.Swap {
		pairs = append(pairs, [2]*tensor.Tensor{p, n})
	}
	for _, pr := range pairs {
		if _, err := tensor.BroadcastShapes(pr[0].Shape(), pr[1].Shape()); err != nil {
			return nil, err
		}
	}
	full, err := tensor.BroadcastShapes(a.Shape(), p.Shape(), n.Shape())
	if err != nil {
		return nil, err
	}
	dp, err := newPdist[T](a, p, d, l.P, l.Eps, full)
	if err != nil {
		return nil, err
	}
	dn, err := newPdist[T](a, n, d, l.P, l.Eps, full)
	if err != nil {
		return nil, err
	}
	var ds *pdist[T]
	if l.Swap {
		if ds, err = newPdist[T](p, n, d, l.P, l.Eps, full); err != nil {
			return nil, err
		}
	}
	shape := dp.outShape
	rows := dp.rows
	neg := dn.norm
	// which[r]: the share of the negative distance taken by d(a,n) (1),
	// d(p,n) (0), or both (½ each, at a tie).
	var which []float64
	rs := getRows(4 * rows)
	if ds != nil {
		neg, which = rs.take(rows), rs.take(rows)
		for r := range rows {
			x, y := T(dn.norm[r]), T(ds.norm[r])
			switch {
			case x < y:
				neg[r], which[r] = float64(x), 1
			case x > y:
				neg[r], which[r] = float64(y), 0
			default:
				neg[r], which[r] = float64(x), 0.5
			}
		}
	}
	loss, active := rs.take(rows), rs.take(rows) // active[r]: 1 where the margin term is on
	for r := range rows {
		v := T(T(T(l.Margin)+T(dp.norm[r])) - T(neg[r]))
		if v >= 0 {
			active[r] = 1
		}
		loss[r] = float64(max(v, 0))
		if v != v {
			loss[r] = float64(v)
		}
	}
	out, err := reduceRows[T](loss, l.Reduction, float64(rows), shape)
	if err != nil {
		return nil, err
	}
	name := [...]string{None: "ClampMinBackward0", Mean: "MeanBackward0", Sum: "SumBackward0"}[l.Reduction]
	recorded := c.Record(out, name, []*tensor.Tensor{a, p, n}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, l.Reduction, float64(rows))
		if !dp.differentiable() {
			return nil, nil
		}
		ins := []*tensor.Tensor{a, p, n}
		gts, gs, err := zeroGrads[T](full, ins...)
		if err != nil {
			return nil, err
		}
		ga, gp, gn := gs[0], gs[1], gs[2] // nil for an input without a gradient
		on := func(r int) float64 {
			if active[r] != 0 {
				return gr.at(r)
			}
			return 0
		}
		if l.P == 2 && ga != nil && gp != nil && gn != nil {
			err = tripletGrad2(ga, gp, gn, dp, dn, ds, on, which)
		} else {
			err = tripletGradEach(ga, gp, gn, dp, dn, ds, on, which)
		}
		if err != nil {
			return nil, err
		}
		return distGrads(ins, gts)
	})
	rs.release(recorded)
	for _, d := range []*pdist[T]{dp, dn, ds} {
		if d != nil {
			d.rs.release(recorded)
		}
	}
	return out, nil
}

// tripletGradEach adds the gradients of the triplet loss into ga, gp and
// gn (any of them nil) through each distance's own backward; on(r) is the
// gradient arriving at row r's loss (0 where the margin clamps it), and
// which[r] the share of d(a,n) in the negative distance under swap.
func tripletGradEach[T real](ga, gp, gn []T, dp, dn, ds *pdist[T], on func(r int) float64, which []float64) error {
	if err := dp.backward(on, ga, gp); err != nil {
		return err
	}
	if ds == nil {
		return dn.backward(func(r int) float64 { return -on(r) }, ga, gn)
	}
	if err := dn.backward(func(r int) float64 { return -on(r) * which[r] }, ga, gn); err != nil {
		return err
	}
	return ds.backward(func(r int) float64 { return -on(r) * (1 - which[r]) }, gp, gn)
}

// normCoef returns g/‖d‖, the factor of d in the gradient of an L2 norm
// ‖d‖ = nr times g: 0 at a zero norm, and 0 for g = 0 unless the norm is
// NaN (as the distance's own backward gives).
func normCoef(g, nr float64) float64 {
	if (g == 0 && nr == nr) || nr == 0 {
		return 0
	}
	return g / nr
}

// tripletGrad2 writes the gradients of the p = 2 triplet loss into ga, gp
// and gn in one pass per row (arguments as tripletGradEach's): with
// u = a-p+eps, v = a-n+eps and, under swap, s = p-n+eps,
// ga = cp·u + cn·v, gp = -cp·u + cs·s, gn = -cn·v - cs·s.
func tripletGrad2[T real](ga, gp, gn []T, dp, dn, ds *pdist[T], on func(r int) float64, which []float64) error {
	dim, eps := dp.dim, T(dp.eps)
	if err := forRows(dp.rows, dim, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			o := on(r)
			cp, cn, cs := normCoef(o, dp.norm[r]), 0.0, 0.0
			if ds == nil {
				cn = normCoef(-o, dn.norm[r])
			} else {
				cn = normCoef(-o*which[r], dn.norm[r])
				cs = normCoef(-o*(1-which[r]), ds.norm[r])
			}
			if cp == 0 && cn == 0 && cs == 0 {
				continue // the gradients stay zero
			}
			b, e := r*dim, r*dim+dim
			av, pv, nv := dp.x1[b:e], dp.x2[b:e], dn.x2[b:e]
			pv, nv = pv[:len(av)], nv[:len(av)]
			gar, gpr, gnr := ga[b:e], gp[b:e], gn[b:e]
			gar, gpr, gnr = gar[:len(av)], gpr[:len(av)], gnr[:len(av)]
			if ds == nil {
				for i, x := range av {
					u, v := float64(x-pv[i]+eps), float64(x-nv[i]+eps)
					gar[i] = T(cp*u + cn*v)
					gpr[i] = T(-cp * u)
					gnr[i] = T(-cn * v)
				}
				continue
			}
			for i, x := range av {
				u, v, w := float64(x-pv[i]+eps), float64(x-nv[i]+eps), float64(pv[i]-nv[i]+eps)
				gar[i] = T(cp*u + cn*v)
				gpr[i] = T(-cp*u + cs*w)
				gnr[i] = T(-cn*v - cs*w)
			}
		}
	}); err != nil {
		return err
	}
	return nil
}
