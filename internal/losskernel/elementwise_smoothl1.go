package losskernel

import (
	"math"
)

// SmoothL1Sum32 is loss's smoothL1Sum on float32: in plain Go at the betas
// huberScales takes, Huber's sum kernel scaled by 1/beta
// (SmoothL1ByHuber); otherwise sixteen elements a step (smoothL1Acc).
func SmoothL1Sum32(in Args[float32], p Param[float32]) float64 {
	if p.A == 0 {
		return L1Sum32(in, p)
	}
	if SmoothL1ByHuber && huberScales(p.A) {
		return float64(1/p.A) * HuberSum32(in, Param[float32]{A: p.A})
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
	v, i := SmoothL1Vec(x, y, beta, half)
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
		z := Abs32(x[i] - y[i])
		m := min(z, beta)
		a += float64(m*m*half + (z - m))
	}
	acc[0] = a
}

// SmoothL1Fuse32 is SmoothL1Sum32 writing the input's gradient, d/beta
// clamped to [-1, 1] times g, as it goes: when beta is a power of two, as
// the default 1 is, that is min(|d|, beta) with d's sign, times 1/beta
// (exact), times g. The loss shares |d| and that minimum, and is summed
// as smoothL1Acc sums it, |d| and the minimum on d's bits. The minimum
// of a NaN is beta there; a block of sixteen with a NaN difference has a
// NaN loss sum and takes its gradients again by the clamp (a rarely
// taken, predictable branch). NaN gives NaN, ±Inf ±g, ±0 ±0·g, as the
// clamp does. In plain Go, at the betas huberScales takes, it is Huber's
// fuse kernel at delta beta with g/beta, its sum scaled by 1/beta.
func SmoothL1Fuse32(gx []float32, in Args[float32], p Param[float32], g float32) float64 {
	beta, half := p.A, p.B
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	if SmoothL1ByHuber && huberScales(beta) {
		if gi := g / beta; gi*beta == g {
			return float64(1/beta) * HuberFuse32(gx, in, Param[float32]{A: beta}, gi)
		}
	}
	if beta == 0 || !powerOfTwo(beta) || !powerOfTwo(1/beta) {
		for i := range x {
			gx[i] = SmoothL1Grad(x[i]-y[i], beta) * g
		}
		return SmoothL1Sum32(in, p)
	}
	const sign = 1 << 31
	inv, bb := 1/beta, math.Float32bits(beta)
	a, i := SmoothL1FuseVec(gx, x, y, beta, half, inv, g)
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
				g16[k] = SmoothL1Grad(x16[k]-y16[k], beta) * g
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

// SmoothL1Grad is the derivative of the loss at difference d.
// With beta > 0 it is d/beta clamped to [-1, 1], without a branch.
func SmoothL1Grad[T Float](d, beta T) T {
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
