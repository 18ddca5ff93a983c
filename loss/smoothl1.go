package loss

import (
	"errors"
	"math"

	"kt/internal/losskernel"
	"kt/tensor"
)

// SmoothL1 is PyTorch's SmoothL1Loss: with z = |x - y|, 0.5·z²/beta where
// z < beta, else z - 0.5·beta; beta = 0 is L1. Input and target
// broadcast. As ATen, the gradient is -1 at or below -beta and 1 at or
// above beta, so with beta = 0 it is -1 for both input and target where
// x = y.
type SmoothL1 struct {
	Beta      float64 // PyTorch's default is 1; negative is an error
	Reduction Reduction
}

// NewSmoothL1 returns SmoothL1Loss with PyTorch's defaults: beta 1,
// reduction mean.
func NewSmoothL1() SmoothL1 { return SmoothL1{Beta: 1, Reduction: Mean} }

// Name returns "smoothl1".
func (SmoothL1) Name() string { return "smoothl1" }

// Forward computes the loss of input and target.
func (l SmoothL1) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("smoothl1", in)
	if err != nil {
		return nil, err
	}
	if l.Beta < 0 {
		return nil, errors.New("smooth_l1_loss does not support negative values for beta.")
	}
	d, err := floatResult("smooth_l1_cpu", x, y)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "SmoothL1LossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y},
		k32: kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: smoothL1Sum32,
			fuse: smoothL1Fuse32, p: smoothL1Param(float32(l.Beta))},
		k64: kernels[float64]{fwd: smoothL1Forward[float64], bwd: smoothL1Backward[float64], sum: smoothL1Sum[float64],
			p: smoothL1Param(l.Beta)},
	}
	return e.run(c)
}

// smoothL1Param: a is beta, b is 0.5/beta.
// (The kernels are named in a non-generic function: a generic one would
// make each function value a closure over its dictionary, allocated.)
func smoothL1Param[T real](beta T) param[T] { return param[T]{A: beta, B: 0.5 / beta} }

func smoothL1Forward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = smoothL1(x[i]-y[i], p.A, p.B)
	}
}

func smoothL1Sum[T tensor.Float](in args[T], p param[T]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	var a, b, c, d float64 // four sums, so the additions pipeline
	i := 0
	for ; i+4 <= len(x); i += 4 {
		a += float64(smoothL1(x[i]-y[i], p.A, p.B))
		b += float64(smoothL1(x[i+1]-y[i+1], p.A, p.B))
		c += float64(smoothL1(x[i+2]-y[i+2], p.A, p.B))
		d += float64(smoothL1(x[i+3]-y[i+3], p.A, p.B))
	}
	for ; i < len(x); i++ {
		a += float64(smoothL1(x[i]-y[i], p.A, p.B))
	}
	return (a + b) + (c + d)
}

// smoothL1Backward: the target's gradient is the input's formula with the
// two swapped, as derivatives.yaml defines it.
func smoothL1Backward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	beta := p.A
	if g.Per == nil && gy == nil && gx != nil {
		s, gx := g.S, gx[:len(x)]
		for i := range x {
			gx[i] = smoothL1Grad(x[i]-y[i], beta) * s
		}
		return
	}
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			gx[i] = smoothL1Grad(x[i]-y[i], beta) * gi
		}
		if gy != nil {
			gy[i] = smoothL1Grad(y[i]-x[i], beta) * gi
		}
	}
}

// smoothL1 is the loss at difference d, given half = 0.5/beta.
// It is written without a data-dependent branch or a division: with
// m = min(z, beta), m²·half + (z - m).
func smoothL1[T tensor.Float](d, beta, half T) T {
	z := abs(d)
	if beta == 0 {
		return z
	}
	m := min(z, beta)
	return m*m*half + (z - m)
}

// smoothL1Grad is the derivative of the loss at difference d.
// With beta > 0 it is d/beta clamped to [-1, 1], without a branch.
func smoothL1Grad[T tensor.Float](d, beta T) T {
	if beta == 0 {
		switch {
		case d <= 0:
			return -1
		case d > 0:
			return 1
		}
		return d
	}
	return max(min(d/beta, 1), -1)
}

// smoothL1Sum32 is smoothL1Sum on float32: in plain Go at the betas
// huberScales takes, Huber's sum kernel scaled by 1/beta
// (losskernel.SmoothL1ByHuber); otherwise sixteen elements a step (smoothL1Acc).
func smoothL1Sum32(in args[float32], p param[float32]) float64 {
	if p.A == 0 {
		return l1Sum32(in, p)
	}
	if losskernel.SmoothL1ByHuber && huberScales(p.A) {
		return float64(1/p.A) * huberSum32(in, param[float32]{A: p.A})
	}
	var acc [4]float64
	smoothL1Acc(&acc, in[0], in[1], p.A, p.B)
	return (acc[0] + acc[1]) + (acc[2] + acc[3])
}

// smoothL1Acc adds the losses of x and y (beta > 0, half = 0.5/beta) to
// the four sums of acc, element i to acc[i%4].
//
// Sixteen elements a step: each of four float32 sums takes four losses
// before it is widened and added to its float64 sum, which saves most of
// the conversions. The losses are never negative, so a float32 sum of
// four is within 3 float32 units (2e-7) of theirs relative, a hundredth of
// the 2e-5 the results are held to; the float64 sums carry the rest.
// |d| and min(|d|, beta) are taken on d's bits, which order as the
// values do at or above 0: a NaN d makes a NaN loss (z - m) whichever
// minimum it gets, ±Inf +Inf.
func smoothL1Acc(acc *[4]float64, x, y []float32, beta, half float32) {
	const sign = 1 << 31
	y = y[:len(x)]
	bb := math.Float32bits(beta)
	v, i := losskernel.SmoothL1Vec(x, y, beta, half)
	a := acc[0] + v // one float64 sum in the loop: fewer live registers
	for ; i+16 <= len(x); i += 16 {
		x16, y16 := (*[16]float32)(x[i:i+16]), (*[16]float32)(y[i:i+16])
		var s0, s1, s2, s3 float32
		for k := 0; k < 16; k += 4 {
			// element by element, so that few values are live at once
			u0 := math.Float32bits(x16[k]-y16[k]) &^ sign
			z0, m0 := math.Float32frombits(u0), math.Float32frombits(min(u0, bb))
			s0 += m0*m0*half + (z0 - m0)
			u1 := math.Float32bits(x16[k+1]-y16[k+1]) &^ sign
			z1, m1 := math.Float32frombits(u1), math.Float32frombits(min(u1, bb))
			s1 += m1*m1*half + (z1 - m1)
			u2 := math.Float32bits(x16[k+2]-y16[k+2]) &^ sign
			z2, m2 := math.Float32frombits(u2), math.Float32frombits(min(u2, bb))
			s2 += m2*m2*half + (z2 - m2)
			u3 := math.Float32bits(x16[k+3]-y16[k+3]) &^ sign
			z3, m3 := math.Float32frombits(u3), math.Float32frombits(min(u3, bb))
			s3 += m3*m3*half + (z3 - m3)
		}
		a += (float64(s0) + float64(s1)) + (float64(s2) + float64(s3))
	}
	for ; i < len(x); i++ {
		z := abs32(x[i] - y[i])
		m := min(z, beta)
		a += float64(m*m*half + (z - m))
	}
	acc[0] = a
}

// smoothL1Fuse32 is smoothL1Sum32 writing the input's gradient, d/beta
// clamped to [-1, 1] times g, as it goes: when beta is a power of two, as
// the default 1 is, that is min(|d|, beta) with d's sign, times 1/beta
// (exact), times g. The loss shares |d| and that minimum, and is summed
// as smoothL1Acc sums it, |d| and the minimum on d's bits. The minimum
// of a NaN is beta there; a block of sixteen with a NaN difference has a
// NaN loss sum and takes its gradients again by the clamp (a rarely
// taken, predictable branch). NaN gives NaN, ±Inf ±g, ±0 ±0·g, as the
// clamp does. In plain Go, at the betas huberScales takes, it is Huber's
// fuse kernel at delta beta with g/beta, its sum scaled by 1/beta.
func smoothL1Fuse32(gx []float32, in args[float32], p param[float32], g float32) float64 {
	beta, half := p.A, p.B
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	if losskernel.SmoothL1ByHuber && huberScales(beta) {
		if gi := g / beta; gi*beta == g {
			return float64(1/beta) * huberFuse32(gx, in, param[float32]{A: beta}, gi)
		}
	}
	if beta == 0 || !powerOfTwo(beta) || !powerOfTwo(1/beta) {
		for i := range x {
			gx[i] = smoothL1Grad(x[i]-y[i], beta) * g
		}
		return smoothL1Sum32(in, p)
	}
	const sign = 1 << 31
	inv, bb := 1/beta, math.Float32bits(beta)
	a, i := losskernel.SmoothL1FuseVec(gx, x, y, beta, half, inv, g)
	for ; i+16 <= len(x); i += 16 {
		x16, y16, g16 := (*[16]float32)(x[i:i+16]), (*[16]float32)(y[i:i+16]), (*[16]float32)(gx[i:i+16])
		var s0, s1, s2, s3 float32
		for k := 0; k < 16; k += 4 {
			// element by element, so that few values are live at once
			b0 := math.Float32bits(x16[k] - y16[k])
			u0 := b0 &^ sign
			mb0 := min(u0, bb)
			z0, m0 := math.Float32frombits(u0), math.Float32frombits(mb0)
			s0 += m0*m0*half + (z0 - m0)
			g16[k] = math.Float32frombits(mb0|b0&sign) * inv * g
			b1 := math.Float32bits(x16[k+1] - y16[k+1])
			u1 := b1 &^ sign
			mb1 := min(u1, bb)
			z1, m1 := math.Float32frombits(u1), math.Float32frombits(mb1)
			s1 += m1*m1*half + (z1 - m1)
			g16[k+1] = math.Float32frombits(mb1|b1&sign) * inv * g
			b2 := math.Float32bits(x16[k+2] - y16[k+2])
			u2 := b2 &^ sign
			mb2 := min(u2, bb)
			z2, m2 := math.Float32frombits(u2), math.Float32frombits(mb2)
			s2 += m2*m2*half + (z2 - m2)
			g16[k+2] = math.Float32frombits(mb2|b2&sign) * inv * g
			b3 := math.Float32bits(x16[k+3] - y16[k+3])
			u3 := b3 &^ sign
			mb3 := min(u3, bb)
			z3, m3 := math.Float32frombits(u3), math.Float32frombits(mb3)
			s3 += m3*m3*half + (z3 - m3)
			g16[k+3] = math.Float32frombits(mb3|b3&sign) * inv * g
		}
		if t := (s0 + s1) + (s2 + s3); t != t {
			// a NaN difference (its minimum above is not NaN): the
			// block's gradients again, by the clamp
			for k := range g16 {
				g16[k] = smoothL1Grad(x16[k]-y16[k], beta) * g
			}
		}
		a += (float64(s0) + float64(s1)) + (float64(s2) + float64(s3))
	}
	for ; i < len(x); i++ {
		b0 := math.Float32bits(x[i] - y[i])
		z := math.Float32frombits(b0 &^ sign)
		m := min(z, beta)
		a += float64(m*m*half + (z - m))
		gx[i] = math.Float32frombits(math.Float32bits(m)|b0&sign) * inv * g
	}
	return a
}

// powerOfTwo reports whether v is a normal power of two, by which
// multiplying and dividing round alike.
func powerOfTwo(v float32) bool {
	b := math.Float32bits(v)
	return b&(1<<23-1) == 0 && b>>23&0xff != 0 && b>>23&0xff != 0xff
}

// huberScales reports whether smoothl1's loss at beta is Huber's loss at
// delta = beta times 1/beta, exactly as ATen rounds it: for a power of
// two beta in [2**-20, 1], 0.5·d²/beta is 0.5·d² (Huber's d·(d/2),
// rounded once) scaled, |d| - beta/2 is beta·(|d| - beta/2) scaled, and
// no Huber loss overflows where smoothl1's would not (beta·(|d| - beta/2)
// is at most |d|). The gradient, d/beta clamped to [-1, 1] times g, is
// then Huber's, d clamped to [-beta, beta], times g/beta, when that
// quotient is exact.
func huberScales(beta float32) bool {
	return beta >= 0x1p-20 && beta <= 1 && powerOfTwo(beta)
}
