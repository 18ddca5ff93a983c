package loss

import (
	"fmt"
	"math"

	"kt/tensor"
)

// CosineEmbedding is PyTorch's CosineEmbeddingLoss: with
// cos = x1·x2 / √((‖x1‖²+ε)(‖x2‖²+ε)), ε = 1e-12, the loss is 1 - cos where
// the target is 1, max(0, cos - Margin) where it is -1, and 0 elsewhere.
// Inputs are (N,D) with an (N) target, or (D) with a 0-dim target. The
// inputs get gradients; the target gets none.
type CosineEmbedding struct {
	Margin    float64
	Reduction Reduction
}

// NewCosineEmbedding returns CosineEmbeddingLoss with PyTorch's defaults.
func NewCosineEmbedding() CosineEmbedding { return CosineEmbedding{Reduction: Mean} }

// Name returns "cosineloss".
func (CosineEmbedding) Name() string { return "cosineloss" }

// cosineEps is the ε ATen adds to the squared norms: 1e-12 as a float32.
const cosineEps = float64(float32(1e-12))

// Forward computes the loss of input1, input2 and target.
func (l CosineEmbedding) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("cosineloss", in, 3, 3); err != nil {
		return nil, err
	}
	if err := l.Reduction.check(false); err != nil {
		return nil, err
	}
	x1, x2, y := in[0], in[1], in[2]
	switch y.Dim() {
	case 1:
		if x1.Dim() != 2 || x2.Dim() != 2 {
			return nil, fmt.Errorf("1D target tensor expects 2D input tensors, but found inputs with sizes %s and %s.", tensor.SizeString(x1.Shape()), tensor.SizeString(x2.Shape()))
		}
	case 0:
		if x1.Dim() != 1 || x2.Dim() != 1 {
			return nil, fmt.Errorf("0D target tensor expects 1D input tensors, but found inputs with sizes %s and %s.", tensor.SizeString(x1.Shape()), tensor.SizeString(x2.Shape()))
		}
	default:
		return nil, fmt.Errorf("0D or 1D target tensor expected, multi-target not supported")
	}
	shape, err := tensor.BroadcastShapes(x1.Shape(), x2.Shape())
	if err != nil {
		return nil, err
	}
	d := distType(x1, x2)
	if d == tensor.Float32 {
		return cosineLossRun[float32](c, l, x1, x2, y, d, shape)
	}
	return cosineLossRun[float64](c, l, x1, x2, y, d, shape)
}

func cosineLossRun[T real](c *tensor.Ctx, l CosineEmbedding, x1, x2, y *tensor.Tensor, d tensor.DType, shape []int) (*tensor.Tensor, error) {
	a, err := x1.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	b, err := x2.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	ad, bd := tensor.Data[T](a), tensor.Data[T](b)
	dim := shape[len(shape)-1]
	rows := len(ad) / max(dim, 1)
	if dim == 0 {
		rows = numelOf(shape[:len(shape)-1])
	}
	rshape := shape[:len(shape)-1]
	ye, err := y.Expand(rshape...)
	if err != nil {
		return nil, err
	}
	if !tensor.SameShape(ye.Shape(), rshape) {
		return nil, fmt.Errorf("The size of tensor a (%d) must match the size of tensor b (%d) at non-singleton dimension 0", rows, y.Numel())
	}
	rs := getRows(4 * rows)
	cos, m1, m2, loss := rs.take(rows), rs.take(rows), rs.take(rows), rs.take(rows)
	if err := forRows(rows, dim, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			p, s1, s2 := 0.0, 0.0, 0.0
			for i := r * dim; i < r*dim+dim; i++ {
				u, v := float64(ad[i]), float64(bd[i])
				p += u * v
				s1 += u * u
				s2 += v * v
			}
			s1, s2 = float64(T(s1)+T(cosineEps)), float64(T(s2)+T(cosineEps))
			cs := p / math.Sqrt(s1*s2)
			cos[r], m1[r], m2[r] = cs, s1, s2
			switch ye.At(r) {
			case 1:
				loss[r] = 1 - cs
			case -1:
				loss[r] = max(cs-l.Margin, 0)
			}
		}
	}); err != nil {
		return nil, err
	}
	out, err := reduceRows[T](loss, l.Reduction, float64(rows), rshape)
	if err != nil {
		return nil, err
	}
	name := [...]string{None: "AddBackward0", Mean: "MeanBackward0", Sum: "SumBackward0"}[l.Reduction]
	recorded := c.Record(out, name, []*tensor.Tensor{x1, x2, y}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, l.Reduction, float64(rows))
		gts, gs, err := zeroGrads[T](shape, x1, x2)
		if err != nil {
			return nil, err
		}
		g1, g2 := gs[0], gs[1]
		if err := forRows(rows, dim, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				var dc float64 // ∂loss/∂cos
				switch ye.At(r) {
				case 1:
					dc = -1
				case -1:
					if cos[r]-l.Margin >= 0 {
						dc = 1
					}
				}
				dc *= gr.at(r)
				if dc == 0 {
					continue
				}
				cs, s1, s2 := cos[r], m1[r], m2[r]
				// dc·(x2/den - cs·x1/s1) = q·x2 - k1·x1, and the same for x2
				q := dc / math.Sqrt(s1*s2)
				similarGradRow(g1, g2, ad, bd, r*dim, dim, q, dc*cs/s1, dc*cs/s2)
			}
		}); err != nil {
			return nil, err
		}
		return distGrads([]*tensor.Tensor{x1, x2, y}, gts) // the target gets none
	})
	rs.release(recorded)
	return out, nil
}

func numelOf(shape []int) int {
	n := 1
	for _, s := range shape {
		n *= s
	}
	return n
}

// CosineSimilarity is PyTorch's CosineSimilarity:
// x1·x2 / (max(‖x1‖, Eps)·max(‖x2‖, Eps)) along dimension Dim of the
// broadcast inputs. Both inputs get gradients, computed as PyTorch's
// backward does (through the clamped norms).
type CosineSimilarity struct {
	Dim int64
	Eps float64
}

// NewCosineSimilarity returns CosineSimilarity with PyTorch's defaults.
func NewCosineSimilarity() CosineSimilarity { return CosineSimilarity{Dim: 1, Eps: 1e-8} }

// Name returns "similar".
func (CosineSimilarity) Name() string { return "similar" }

// Forward computes the similarity of x1 and x2.
func (l CosineSimilarity) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("similar", in, 2, 2); err != nil {
		return nil, err
	}
	x1, x2 := in[0], in[1]
	d := tensor.ResultType(x1, x2)
	if !d.IsFloat() {
		return nil, fmt.Errorf("expected common dtype to be floating point, yet common dtype is %s", d.Title())
	}
	shape, err := tensor.BroadcastShapes(x1.Shape(), x2.Shape())
	if err != nil {
		return nil, err
	}
	nd := int64(max(len(shape), 1))
	dim := l.Dim
	if dim < -nd || dim >= nd {
		return nil, fmt.Errorf("Dimension out of range (expected to be in range of [%d, %d], but got %d)", -nd, nd-1, dim)
	}
	if dim < 0 {
		dim += nd
	}
	if d == tensor.Float32 {
		return similarRun[float32](c, l, x1, x2, d, shape, int(dim))
	}
	return similarRun[float64](c, l, x1, x2, d, shape, int(dim))
}

func similarRun[T real](c *tensor.Ctx, l CosineSimilarity, x1, x2 *tensor.Tensor, d tensor.DType, shape []int, dim int) (*tensor.Tensor, error) {
	a, err := x1.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	b, err := x2.To(d).Expand(shape...)
	if err != nil {
		return nil, err
	}
	ad, bd := tensor.Data[T](a), tensor.Data[T](b)
	n, inner := 1, 1
	var oshape []int
	if len(shape) > 0 {
		n = shape[dim]
		inner = numelOf(shape[dim+1:])
		oshape = append(append([]int{}, shape[:dim]...), shape[dim+1:]...)
	} else {
		oshape = []int{}
	}
	rows := numelOf(oshape)
	eps := l.Eps
	rs := getRows(3 * rows)
	sim, n1, n2 := rs.take(rows), rs.take(rows), rs.take(rows)
	if err := forRows(rows, n, func(lo, hi int) {
		for r := lo; r < hi; r++ {
			base := r/inner*n*inner + r%inner
			p, s1, s2 := 0.0, 0.0, 0.0
			for k, i := 0, base; k < n; k, i = k+1, i+inner {
				u, v := float64(ad[i]), float64(bd[i])
				p += u * v
				s1 += u * u
				s2 += v * v
			}
			s1, s2 = math.Sqrt(s1), math.Sqrt(s2)
			n1[r], n2[r] = s1, s2
			sim[r] = p / (max(s1, eps) * max(s2, eps))
		}
	}); err != nil {
		return nil, err
	}
	out, err := reduceRows[T](sim, None, 1, oshape)
	if err != nil {
		return nil, err
	}
	recorded := c.Record(out, "SumBackward1", []*tensor.Tensor{x1, x2}, func(g *tensor.Tensor) ([]*tensor.Tensor, error) {
		gr := newRowGrad(g, None, 1)
		ins := []*tensor.Tensor{x1, x2}
		gts, gs, err := zeroGrads[T](shape, ins...)
		if err != nil {
			return nil, err
		}
		g1, g2 := gs[0], gs[1]
		if err := forRows(rows, n, func(lo, hi int) {
			for r := lo; r < hi; r++ {
				base := r/inner*n*inner + r%inner
				gv, s := gr.at(r), sim[r]
				c1, c2 := max(n1[r], eps), max(n2[r], eps)
				// ∂/∂x1 = x2/(c1c2) - s·x1/c1²: PyTorch clamps the norm in
				// place, so its backward sees the clamped norm (and gives 0
				// where that is 0).
				k1, k2 := 0.0, 0.0
				if c1 != 0 {
					k1 = s / (c1 * c1)
				}
				if c2 != 0 {
					k2 = s / (c2 * c2)
				}
				q := gv / (c1 * c2) // gv·(x2/(c1c2) - k1·x1) = q·x2 - gv·k1·x1
				k1, k2 = gv*k1, gv*k2
				if inner == 1 {
					similarGradRow(g1, g2, ad, bd, base, n, q, k1, k2)
					continue
				}
				for k, i := 0, base; k < n; k, i = k+1, i+inner {
					u, v := float64(ad[i]), float64(bd[i])
					if g1 != nil {
						g1[i] = T(q*v - k1*u)
					}
					if g2 != nil {
						g2[i] = T(q*u - k2*v)
					}
				}
			}
		}); err != nil {
			return nil, err
		}
		return distGrads(ins, gts)
	})
	rs.release(recorded)
	return out, nil
}

// similarGradRow writes g1 = q·b - k1·a and g2 = q·a - k2·b over the n
// elements from base of contiguous rows a and b, to the gradients that
// are not nil.
func similarGradRow[T real](g1, g2, a, b []T, base, n int, q, k1, k2 float64) {
	a, b = a[base:base+n], b[base:base+n]
	b = b[:len(a)]
	if g1 != nil {
		g := g1[base : base+n]
		g = g[:len(a)]
		for i, u := range a {
			g[i] = T(q*float64(b[i]) - k1*float64(u))
		}
	}
	if g2 != nil {
		g := g2[base : base+n]
		g = g[:len(a)]
		for i, u := range a {
			g[i] = T(q*float64(u) - k2*float64(b[i]))
		}
	}
}
