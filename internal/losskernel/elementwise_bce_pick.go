package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// One-loop kernels of bce's sum and fused gradient for unweighted
// float32 chunks: each element's loss is -max(log a, -100) with a = x
// where y is 1 and a = 1-x where y is 0 (exact in float64), its
// logarithm log24's, and it is added to the sum in float64 as it is
// made, with nothing written and reread. The loops check their own
// preconditions as they go, without a branch: every input in [0, 1]
// (else the sum is NaN, as ATen's two logarithms make it, so that BCE's
// Forward can leave its range check until the sum is NaN) and every
// target 0 or 1 (else the caller takes BCEGeneral32's passes).
//
// With t the target and u = 1-t, a = u + (t-u)·x, and t·u is ±0 for a
// target 0 or 1 alone. The logarithm is log24's of a (vmath.LogSplit and
// vmath.Log1pSeries), its bits clamped below at bceLimBits. The error of a's
// rounding (nonzero only for target 0 and x below 2**-30, where a is
// within 2**-30 of 1, its point c = 1 and r = a - 1 exact) is added to
// r, so that r is -x exactly there, as vmath.Log1p24To32 takes it.

// BCEEps is ATen's EPSILON, a float: 1e-12 rounded to float32, the
// bound below the denominator (1-x)·x of binary cross entropy's gradient.
const BCEEps = float32(1e-12)

// NegZero32 is float32 -0.
var NegZero32 = float32(math.Copysign(0, -1))

// negZero is -0.
var negZero = math.Copysign(0, -1)

const (
	// bceLimBits is the bits of the float64 nearest e**-100, whose log24
	// rounds to -100 in float32: a smaller a is raised to it, so that
	// the logarithm's clamp at -100 costs no float comparison (log 0 is
	// then -100 too, as ATen's clamp makes it).
	bceLimBits = 0x36ea8c1f14e2af5d
	// bceOneBits32 is the bits of float32 1.
	bceOneBits32 = 0x3f800000
)

// bceLn2Tab[(e+146)&255] is (e-1023)·ln2 for the biased exponents e of
// a float64 from bceLimBits's, 878, to 1's, 1023: the term of a's
// exponent in its logarithm, as vmath.LogSplit rounds it, without converting e.
var bceLn2Tab = func() (t [256]float64) {
	for j := range 1024 - 878 {
		t[j] = float64(j+878-1023) * math.Ln2
	}
	return t
}()

// bceInputBad returns what the kernels accumulate to check their
// inputs: the magnitude's bits, at most 1's for |x| <= 1 (NaN's are
// more), and in the top bit of the second (xb-1)&xb, set for a negative
// x other than -0.
func bceInputBad(xb uint32) (uint32, uint32) {
	return xb &^ (1 << 31), (xb - 1) & xb
}

// BCEPickSum returns the sum of bce's losses over a chunk of unweighted
// elements, and whether every target was 0 or 1 (if not, the sum means
// nothing). An input outside [0, 1] makes the sum NaN.
func BCEPickSum(x, y []float32) (float64, bool) {
	y = y[:len(x)]
	var s0, s1 float64
	var ybad uint64
	var xhi, xneg uint32
	i := 0
	for ; i+1 < len(x); i += 2 {
		v0, v1 := x[i], x[i+1]
		t0, t1 := float64(y[i]), float64(y[i+1])
		u0, u1 := 1-t0, 1-t1
		sx0, sx1 := (t0-u0)*float64(v0), (t1-u1)*float64(v1)
		a0, a1 := u0+sx0, u1+sx1
		d0, d1 := sx0-(a0-u0), sx1-(a1-u1) // a's rounding errors
		b0, b1 := max(math.Float64bits(a0), bceLimBits), max(math.Float64bits(a1), bceLimBits)
		p0, p1 := b0+1<<43, b1+1<<43 // round the mantissa to the nearest 256th
		e0, e1 := p0>>52, p1>>52
		c0, c1 := &vmath.LogTab[p0>>44&255], &vmath.LogTab[p1>>44&255]
		m0, m1 := math.Float64frombits(b0-(e0-1023)<<52), math.Float64frombits(b1-(e1-1023)<<52) // a/2**e
		r0, r1 := (m0*c0[1]-1)+d0, (m1*c1[1]-1)+d1
		s0 -= (bceLn2Tab[(e0+146)&255] + c0[0]) + r0*(1-r0*(0.5-r0*(1.0/3)))
		s1 -= (bceLn2Tab[(e1+146)&255] + c1[0]) + r1*(1-r1*(0.5-r1*(1.0/3)))
		ybad |= math.Float64bits(t0*u0) | math.Float64bits(t1*u1)
		h0, n0 := bceInputBad(math.Float32bits(v0))
		h1, n1 := bceInputBad(math.Float32bits(v1))
		xhi = max(xhi, h0, h1)
		xneg |= n0 | n1
	}
	if i < len(x) {
		v := x[i]
		t := float64(y[i])
		u := 1 - t
		sx := (t - u) * float64(v)
		a := u + sx
		d := sx - (a - u)
		b := max(math.Float64bits(a), bceLimBits)
		p := b + 1<<43
		e := p >> 52
		c := &vmath.LogTab[p>>44&255]
		m := math.Float64frombits(b - (e-1023)<<52)
		r := (m*c[1] - 1) + d
		s0 -= (bceLn2Tab[(e+146)&255] + c[0]) + r*(1-r*(0.5-r*(1.0/3)))
		ybad |= math.Float64bits(t * u)
		h, n := bceInputBad(math.Float32bits(v))
		xhi = max(xhi, h)
		xneg |= n
	}
	if xhi > bceOneBits32 || xneg>>31 != 0 {
		return math.NaN(), true
	}
	return s0 + s1, ybad<<1 == 0
}

// BCEPickFuse is BCEPickSum writing the input's gradient
// (x-y)/max((1-x)·x, eps)·g to gx as it goes, bit for bit as
// loss's bceBackward does. If some target is not 0 or 1, it returns false, and
// the caller rewrites the gradient.
func BCEPickFuse(gx, x, y []float32, g float32) (float64, bool) {
	x, y = x[:len(gx)], y[:len(gx)]
	var s0, s1 float64
	var ybad uint64
	var xhi, xneg uint32
	i := 0
	for ; i+1 < len(x); i += 2 {
		v0, v1 := x[i], x[i+1]
		w0, w1 := y[i], y[i+1]
		t0, t1 := float64(w0), float64(w1)
		u0, u1 := 1-t0, 1-t1
		sx0, sx1 := (t0-u0)*float64(v0), (t1-u1)*float64(v1)
		a0, a1 := u0+sx0, u1+sx1
		d0, d1 := sx0-(a0-u0), sx1-(a1-u1)
		b0, b1 := max(math.Float64bits(a0), bceLimBits), max(math.Float64bits(a1), bceLimBits)
		p0, p1 := b0+1<<43, b1+1<<43
		e0, e1 := p0>>52, p1>>52
		c0, c1 := &vmath.LogTab[p0>>44&255], &vmath.LogTab[p1>>44&255]
		m0, m1 := math.Float64frombits(b0-(e0-1023)<<52), math.Float64frombits(b1-(e1-1023)<<52)
		r0, r1 := (m0*c0[1]-1)+d0, (m1*c1[1]-1)+d1
		s0 -= (bceLn2Tab[(e0+146)&255] + c0[0]) + r0*(1-r0*(0.5-r0*(1.0/3)))
		s1 -= (bceLn2Tab[(e1+146)&255] + c1[0]) + r1*(1-r1*(0.5-r1*(1.0/3)))
		ybad |= math.Float64bits(t0*u0) | math.Float64bits(t1*u1)
		h0, n0 := bceInputBad(math.Float32bits(v0))
		h1, n1 := bceInputBad(math.Float32bits(v1))
		xhi = max(xhi, h0, h1)
		xneg |= n0 | n1
		gx[i] = (v0 - w0) / bceDenom(v0) * g
		gx[i+1] = (v1 - w1) / bceDenom(v1) * g
	}
	if i < len(x) {
		v, w := x[i], y[i]
		t := float64(w)
		u := 1 - t
		sx := (t - u) * float64(v)
		a := u + sx
		d := sx - (a - u)
		b := max(math.Float64bits(a), bceLimBits)
		p := b + 1<<43
		e := p >> 52
		c := &vmath.LogTab[p>>44&255]
		m := math.Float64frombits(b - (e-1023)<<52)
		r := (m*c[1] - 1) + d
		s0 -= (bceLn2Tab[(e+146)&255] + c[0]) + r*(1-r*(0.5-r*(1.0/3)))
		ybad |= math.Float64bits(t * u)
		h, n := bceInputBad(math.Float32bits(v))
		xhi = max(xhi, h)
		xneg |= n
		gx[i] = (v - w) / bceDenom(v) * g
	}
	if xhi > bceOneBits32 || xneg>>31 != 0 {
		return math.NaN(), true
	}
	return s0 + s1, ybad<<1 == 0
}

// bceDenom returns max((1-x)·x, eps), the denominator of bce's input
// gradient, with a comparison of the product's bits as integers, which
// orders the non-negative numbers and puts -0 and the negative ones
// below eps (a NaN product gives NaN or eps, and the gradient NaN).
func bceDenom(x float32) float32 {
	p := int32(math.Float32bits((1 - x) * x))
	return math.Float32frombits(uint32(max(p, int32(math.Float32bits(BCEEps)))))
}
