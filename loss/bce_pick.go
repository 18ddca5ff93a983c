package loss

import "math"

// One-loop kernels of bce's sum and fused gradient for unweighted
// float32 chunks: each element's loss is -max(log a, -100) with a = x
// where y is 1 and a = 1-x where y is 0 (exact in float64), its
// logarithm log24's, bit for bit as logPick32 and bceBinary32 make it,
// and it is added to the sum as it is made, with nothing written and
// reread. The loops check their own preconditions as they go, without a
// branch: every target 0 or 1 and every input in [0, 1]. A chunk that
// fails them returns false, and its caller takes the general passes.

const (
	// bceLimBits is the bits of the float64 nearest e**-100, whose log24
	// rounds to -100 in float32: a smaller a is raised to it, so that
	// the logarithm's clamp at -100 costs no float comparison (log 0 is
	// then -100 too, as ATen's clamp makes it).
	bceLimBits = 0x36ea8c1f14e2af5d
	// bceOneBits is the bits of 1: a is in [0, 1] when its bits are at
	// most these (negative a, NaN and +Inf have more).
	bceOneBits = 0x3ff0000000000000
	// bceOne32 is the bits of float32 1, a target's one other value.
	bceOne32 = 0x3f800000
)

// bceLn2Tab[(e+146)&255] is (e-1023)·ln2 for the biased exponents e of
// a float64 from bceLimBits's, 878, to 1's, 1023: the term of a's
// exponent in its logarithm, as logSplit rounds it, without converting e.
var bceLn2Tab = func() (t [256]float64) {
	for j := range 1024 - 878 {
		t[j] = float64(j+878-1023) * math.Ln2
	}
	return t
}()

// bcePickSum returns the sum of bce's losses over a chunk of unweighted
// elements, in float64 from each float32 loss, and whether every target
// was 0 or 1 and every a in [0, 1] (if not, the sum means nothing): every
// input is in [0, 1], or within 2**-53 below 0 with target 0, where
// a is 1 and r = -x, the loss log1p's all the same.
//
// With t the target and u = 1-t, a = u + (t-u)·x is x or 1-x, and t·u
// is ±0 for a target 0 or 1 alone. The logarithm is log24's of a, its
// bits clamped below at bceLimBits. The error of a's rounding (nonzero
// only for target 0 and x below 2**-30, where a is within 2**-30 of 1,
// its point c = 1 and r = a - 1 exact) is added to r, so that r is -x
// exactly there, as log1p24To32 takes it.
func bcePickSum(x, y []float32) (float64, bool) {
	y = y[:len(x)]
	var s0 float64
	var ybad, hi uint64
	for i, v := range x {
		t := float64(y[i])
		u := 1 - t
		sx := (t - u) * float64(v)
		a := u + sx
		d := sx - (a - u) // a's rounding error
		b := max(math.Float64bits(a), bceLimBits)
		b2 := b + 1<<43 // rounds the mantissa to the nearest 256th
		c := &logTab[b2>>44&255]
		m := math.Float64frombits(b - b2&(0x7ff<<52) + 1023<<52) // a/2**e
		r := (m*c[1] - 1) + d
		l := (bceLn2Tab[(b2>>52+146)&255] + c[0]) + r*(1-r*(0.5-r*(1.0/3)))
		ybad |= math.Float64bits(t * u)
		hi = max(hi, b)
		s0 -= float64(float32(l))
	}
	return s0, ybad<<1 == 0 && hi <= bceOneBits
}

// bcePickFuse is bcePickSum writing the input's gradient
// (x-y)/max((1-x)·x, eps)·g to gx as it goes, bit for bit as
// bceBackward does (and, the chunk failing the checks, something the
// caller overwrites).
func bcePickFuse(gx, x, y []float32, g float32) (float64, bool) {
	x, y = x[:len(gx)], y[:len(gx)]
	var s0 float64
	var ybad, hi uint64
	for i, v := range x {
		yv := y[i]
		t := float64(yv)
		u := 1 - t
		sx := (t - u) * float64(v)
		a := u + sx
		d := sx - (a - u)
		b := max(math.Float64bits(a), bceLimBits)
		b2 := b + 1<<43
		c := &logTab[b2>>44&255]
		m := math.Float64frombits(b - b2&(0x7ff<<52) + 1023<<52)
		r := (m*c[1] - 1) + d
		l := (bceLn2Tab[(b2>>52+146)&255] + c[0]) + r*(1-r*(0.5-r*(1.0/3)))
		ybad |= math.Float64bits(t * u)
		hi = max(hi, b)
		s0 -= float64(float32(l))
		gx[i] = (v - yv) / max((1-v)*v, bceEps) * g
	}
	return s0, ybad<<1 == 0 && hi <= bceOneBits
}
