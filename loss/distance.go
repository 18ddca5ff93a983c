package loss

import (
	"fmt"
	"math"

	"kt/tensor"
)

// PairwiseDistance is PyTorch's PairwiseDistance: ‖x1 - x2 + Eps‖_P over
// the last dimension of the broadcast inputs (P may be any real, ±Inf, or
// 0, which counts nonzero elements). Keepdim keeps that dimension with
// size 1. Both inputs get gradients (none for P = 0, as in PyTorch).
type PairwiseDistance struct {
	P       float64
	Eps     float64
	Keepdim bool
}

// NewPairwiseDistance returns PairwiseDistance with PyTorch's defaults.
func NewPairwiseDistance() PairwiseDistance { return PairwiseDistance{P: 2, Eps: 1e-6} }

// Name returns "pairwise".
func (PairwiseDistance) Name() string { return "pairwise" }

// pdist is a pairwise distance over the rows of two inputs broadcast to
// shape: rows of dim elements, in type T.
type pdist[T real] struct {
	p, eps    float64
	x1, x2    []T
	rows, dim int
	shape     []int       // broadcast shape of the inputs
	norm      []float64   // the distance of each row
	rs        *rowScratch // holds norm
	in1, in2  *tensor.Tensor
	outShape  []int // the distance's shape (keepdim false)
	keepShape []int // the distance's shape with keepdim
	dtype     tensor.DType
}

// distType returns the type a distance is computed in: the promoted type
// of the inputs, or float32 for integers (x1 - x2 + eps).
func distType(ts ...*tensor.Tensor) tensor.DType {
	d := tensor.ResultType(ts...)
	if !d.IsFloat() {
		return tensor.Float32
	}
	return d
}

// newPdist broadcasts x1 and x2 to shape (nil: their own broadcast
// shape) and computes the distances.
func newPdist[T real](x1, x2 *tensor.Tensor, d tensor.DType, p, eps float64, shape []int) (*pdist[T], error) {
	if shape == nil {
		var err error
		if shape, err = tensor.BroadcastShapes(x1.Shape(), x2.Shape()); err != nil {
			return nil, err
		}
	}
	a, err := x1.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	b, err := x2.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	pd := &pdist[T]{p: p, eps: eps, x1: tensor.Data[T](a), x2: tensor.Data[T](b), shape: shape, in1: x1, in2: x2, dtype: d}
	pd.rows, pd.dim = 1, 1
	if len(shape) > 0 {
		pd.dim = shape[len(shape)-1]
		pd.outShape = append([]int{}, shape[:len(shape)-1]...)
		pd.keepShape = append(append([]int{}, pd.outShape...), 1)
	} else {
		pd.outShape, pd.keepShape = []int{}, []int{}
	}
	for _, s := range pd.outShape {
		pd.rows *= s
	}
	pd.rs = getRows(pd.rows)
	pd.norm = pd.rs.take(pd.rows)
	if err := forRows(pd.rows, pd.dim, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			pd.norm[r] = pd.rowNorm(r)
		}
	}); err != nil {
		return nil, err
	}
	return pd, nil
}

// diff returns element i of x1 - x2 + eps, rounded as PyTorch rounds it.
func (pd *pdist[T]) diff(i int) float64 {
	return float64(pd.x1[i] - pd.x2[i] + T(pd.eps))
}

func (pd *pdist[T]) rowNorm(r int) float64 {
	lo, hi := r*pd.dim, r*pd.dim+pd.dim
	p := pd.p
	s := 0.0
	switch {
	case p == 2:
		return math.Sqrt(sqDist(pd.x1[lo:hi], pd.x2[lo:hi], T(pd.eps)))
	case p == 1:
		for i := lo; i < hi; i++ {
			s += math.Abs(pd.diff(i))
		}
		return s
	case p == 0:
		for i := lo; i < hi; i++ {
			if pd.diff(i) != 0 {
				s++
			}
		}
		return s
	case math.IsInf(p, 1):
		s = 0
		for i := lo; i < hi; i++ {
			d := math.Abs(pd.diff(i))
			if d > s || d != d {
				s = d
			}
		}
		return s
	case math.IsInf(p, -1):
		s = math.Inf(1)
		for i := lo; i < hi; i++ {
			d := math.Abs(pd.diff(i))
			if d < s || d != d {
				s = d
			}
		}
		return s
	}
	for i := lo; i < hi; i++ {
		s += math.Pow(math.Abs(pd.diff(i)), p)
	}
	return math.Pow(s, 1/p)
}

// sqDist returns Σ (a_i - b_i + eps)², the difference rounded to T and
// the squares summed in float64 over four partial sums (one chain of
// additions would bound the loop by their latency).
func sqDist[T real](a, b []T, eps T) float64 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(a); i += 4 {
		d0 := float64(a[i] - b[i] + eps)
		d1 := float64(a[i+1] - b[i+1] + eps)
		d2 := float64(a[i+2] - b[i+2] + eps)
		d3 := float64(a[i+3] - b[i+3] + eps)
		s0 += d0 * d0
		s1 += d1 * d1
		s2 += d2 * d2
		s3 += d3 * d3
	}
	for ; i < len(a); i++ {
		d := float64(a[i] - b[i] + eps)
		s0 += d * d
	}
	return (s0 + s1) + (s2 + s3)
}

// differentiable reports whether the norm has a gradient (not for p = 0).
func (pd *pdist[T]) differentiable() bool { return pd.p != 0 }

// backward adds g(r)·∂‖d_r‖/∂d into g1 (for x1) and its negation into g2
// (for x2); either may be nil.
func (pd *pdist[T]) backward(g func(r int) float64, g1, g2 []T) error {
	p := pd.p
	if err := forRows(pd.rows, pd.dim, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			gr, nr := g(r), pd.norm[r]
			if gr == 0 && !math.IsNaN(nr) {
				continue
			}
			a, b := r*pd.dim, r*pd.dim+pd.dim
			if p == 2 {
				// d·gr/‖d‖, in one pass without a per-element switch
				c := 0.0
				if nr != 0 {
					c = gr / nr
				}
				pd.addScaled(g1, g2, a, b, c)
				continue
			}
			var count float64
			if math.IsInf(p, 0) {
				for i := a; i < b; i++ {
					if d := math.Abs(pd.diff(i)); d == nr || d != d {
						count++
					}
				}
			}
			for i := a; i < b; i++ {
				d := pd.diff(i)
				var v float64
				switch {
				case p == 1:
					v = sgn(d) * gr
				case math.IsInf(p, 0):
					if ad := math.Abs(d); ad == nr || ad != ad {
						v = sgn(d) * gr / count
					}
				case p < 1:
					if d != 0 {
						v = sgn(d) * math.Pow(math.Abs(d), p-1) * gr * math.Pow(nr, 1-p)
					}
				case p < 2:
					if nr != 0 {
						v = sgn(d) * math.Pow(math.Abs(d), p-1) * (gr / math.Pow(nr, p-1))
					}
				default:
					if nr != 0 {
						v = d * math.Pow(math.Abs(d), p-2) * (gr / math.Pow(nr, p-1))
					}
				}
				if g1 != nil {
					g1[i] += T(v)
				}
				if g2 != nil {
					g2[i] -= T(v)
				}
			}
		}
	}); err != nil {
		return err
	}
	return nil
}

// addScaled adds c·d_i into g1[i] and subtracts it from g2[i] for i in
// [a, b), d = x1 - x2 + eps; either slice may be nil.
func (pd *pdist[T]) addScaled(g1, g2 []T, a, b int, c float64) {
	x1, x2, eps := pd.x1[a:b], pd.x2[a:b], T(pd.eps)
	x2 = x2[:len(x1)]
	switch {
	case g1 != nil && g2 != nil:
		g1, g2 = g1[a:b], g2[a:b]
		g1, g2 = g1[:len(x1)], g2[:len(x1)]
		for i, u := range x1 {
			v := T(c * float64(u-x2[i]+eps))
			g1[i] += v
			g2[i] -= v
		}
	case g1 != nil:
		g1 = g1[a:b]
		g1 = g1[:len(x1)]
		for i, u := range x1 {
			g1[i] += T(c * float64(u-x2[i]+eps))
		}
	case g2 != nil:
		g2 = g2[a:b]
		g2 = g2[:len(x1)]
		for i, u := range x1 {
			g2[i] -= T(c * float64(u-x2[i]+eps))
		}
	}
}

// sgn is the sign of v: -1, 0 or 1 (NaN for NaN).
func sgn(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return v
}

// zeroGrads returns zeroed gradients of the broadcast shape for the
// inputs that need one (nil for the others), as tensors and as their
// storage.
func zeroGrads[T real](shape []int, ins ...*tensor.Tensor) ([]*tensor.Tensor, [][]T, error) {
	ts, gs := make([]*tensor.Tensor, len(ins)), make([][]T, len(ins))
	for i, in := range ins {
		if !needsGrad(in) {
			continue
		}
		var err error
		if ts[i], gs[i], err = tensor.AllocZeros[T](shape...); err != nil {
			return nil, nil, err
		}
	}
	return ts, gs, nil
}

// Forward computes the distances between the rows of x1 and x2.
func (l PairwiseDistance) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("pairwise", in, 2, 2); err != nil {
		return nil, err
	}
	d := distType(in[0], in[1])
	if d == tensor.Float32 {
		return pairwiseRun[float32](c, l, in[0], in[1], d)
	}
	return pairwiseRun[float64](c, l, in[0], in[1], d)
}

func pairwiseRun[T real](c *tensor.Ctx, l PairwiseDistance, x1, x2 *tensor.Tensor, d tensor.DType) (*tensor.Tensor, error) {
	pd, err := newPdist[T](x1, x2, d, l.P, l.Eps, nil)
	if err != nil {
		return nil, err
	}
	shape := pd.outShape
	if l.Keepdim {
		shape = pd.keepShape
	}
	out, err := reduceRows[T](pd.norm, None, 1, shape)
	if err != nil {
		return nil, err
	}
	recorded := c.Record(out, "NormBackward1", []*tensor.Tensor{x1, x2}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		if !pd.differentiable() {
			return nil, nil
		}
		gr := newRowGrad(g, None, 1)
		ins := []*tensor.Tensor{x1, x2}
		gts, gs, err := zeroGrads[T](pd.shape, ins...)
		if err != nil {
			return nil, err
		}
		if err := pd.backward(gr.at, gs[0], gs[1]); err != nil {
			return nil, err
		}
		return distGrads(ins, gts)
	})
	pd.rs.release(recorded)
	return out, nil
}

// distGrads returns the gradients of ins from gs (nil for none), each of
// the broadcast shape, summed to its input's shape and converted to its
// type.
func distGrads(ins, gs []*tensor.Tensor) ([]*tensor.Tensor, error) {
	res := make([]*tensor.Tensor, len(ins))
	for i, g := range gs {
		if g == nil {
			continue
		}
		var err error
		if res[i], err = sumGrad(g, ins[i]); err != nil {
			return nil, fmt.Errorf("gradient of input %d: %w", i, err)
		}
	}
	return res, nil
}
