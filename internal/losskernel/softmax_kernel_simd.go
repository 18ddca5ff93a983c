//go:build goexperiment.simd && amd64

package losskernel

import (
	"math"
	"simd/archsimd"
)

// ceVector reports whether the vector kernels can run (AVX2 with FMA).
var ceVector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// ExpShiftSum32 sets dst[i] = e**(src[i]-shift) for src[i] <= shift and
// returns their sum, in float64 (see ceSumExp8 for the range the
// exponentials keep).
func ExpShiftSum32(dst, src []float32, shift float32) float64 {
	e, _ := ceExpTop(dst, src[:len(dst)], shift)
	return e
}

// sumExpShift32 returns the sum of e**(src[i]-shift) for src[i] <= shift,
// in float64.
func sumExpShift32(src []float32, shift float32) float64 {
	e, _ := ceExpTop(nil, src, shift)
	return e
}

// ceExpTop returns the sum of e**(src[i]-shift) in float64, storing the
// exponentials in dst unless it is nil (else as long as src), and the
// largest of src (or a NaN among them, or not). The sum is NaN if any of
// src is NaN.
// The exponentials keep float32 precision for src[i] - shift <= 2 (see
// CEShiftOK).
func ceExpTop(dst, src []float32, shift float32) (float64, float32) {
	if dst != nil {
		dst = dst[:len(src)]
	}
	top := float32(math.Inf(-1))
	sum := 0.0
	i := 0
	if ceVector && len(src) >= 32 {
		var w0, w1 archsimd.Float64x4
		tv := archsimd.BroadcastFloat32x8(top)
		for ; i+8 <= len(src); i += ceChunk {
			end := min(i+ceChunk, len(src)) &^ 7
			var e, m archsimd.Float32x8
			if dst == nil {
				e, m = ceSumExp8(src[i:end], shift)
			} else {
				e, m = ceExpSum8(dst[i:end], src[i:end], shift)
			}
			w0, w1 = w0.Add(e.GetLo().ConvertToFloat64()), w1.Add(e.GetHi().ConvertToFloat64())
			tv = tv.Max(m)
		}
		var b [4]float64
		w0.Add(w1).Store(&b)
		sum = (b[0] + b[1]) + (b[2] + b[3])
		var t [8]float32
		tv.Store(&t)
		archsimd.ClearAVXUpperBits()
		for _, v := range t {
			if v > top {
				top = v
			}
		}
		i = len(src) &^ 7
	}
	for _, v := range src[i:] {
		if v > top || v != v {
			top = v
		}
	}
	if dst == nil {
		return sum + sumExpShift32Generic(src[i:], shift), top
	}
	return sum + expShiftSum32Generic(dst[i:], src[i:], shift), top
}

// CEExpPass is the exponential pass of a block of scores src shifted by
// g (see ceExpTop); when sx is not nil and the shift is kept (CEShiftOK)
// it sets *sx to the sum of src[i]-g, in a pass of its own.
func CEExpPass(dst, src []float32, g float32, sx *float64) (float64, float32) {
	e, top := ceExpTop(dst, src, g)
	if sx != nil && CEShiftOK(g, top) {
		*sx = SumShift32(src, g)
	}
	return e, top
}

// CEProbPass is the plain-Go build's pass that fuses a probability
// target's sums into the exponentials' pass: the vector forms take those
// sums in their own pass (ProbSums32), so it reports it did not run.
func CEProbPass(dst, src, p []float32, g float32, all bool) (e float64, sums [3]float64, fused bool) {
	return 0, sums, false
}

// CEShiftOK reports whether a block shifted by g whose largest score is
// top keeps float32 precision: the vector exponentials round each
// difference to float32, as torch does, and torch shifts by the maximum,
// so that the terms that weigh most have the smallest differences. Within
// 2 of the maximum those terms' differences round within 1.2e-7 of
// themselves, about the exponentials' own error.
func CEShiftOK(g, top float32) bool { return top-g <= 2 && g-top <= 2 }

// The exponential of the vector kernels, written out in each of them:
// e**d for d = x - shift in float32 (rounded there, as torch takes it),
// clamped below at -87 so that the power of two is a normal float32,
// within a few units in the last place for d <= 2 (the compiler may swap
// VMAXPS's operands and so drop a NaN: the sum adds the lanes of x's NaN
// mask, all bits set for a NaN, to carry it): n = round(d·log2 e)
// by the rounding sum d·log2 e + ceMagic, whose low bits hold n + 127,
// the exponent bits of s = 2**n; r = d - n·ln2 in one fused step, |r| <=
// ln2/2 (the float32 ln2's error adds at most 2.4e-7 of the result at the
// clamp); e**r = 1 + r + r²·q(r) with q of degree 3 fitted to the
// relative error (below 1.1e-7); the result s + s·(r + r²·q(r)). The
// kernels take at most ceChunk elements, summed in float32 lanes and then
// widened, and the maximum of the scores along the way; their callers
// take the chunks, so that the loops hold nothing but their constants,
// the sum and the maximum in the sixteen vector registers.

const (
	ceChunk = 256
	ceMagic = 0x1.8p23 + 127 // rounds below 2**22 to an integer; adds the exponent bias
	ceLog2e = 1.44269504088896340736
	ceQ2    = 0.4999923
	ceQ3    = 0.16667114
	ceQ4    = 0.041890115
	ceQ5    = 0.008312525
)

// ceSumExp8 returns the lane sums of e**(s[i]-shift) over s, whole
// vectors of 8, at most ceChunk elements, and the lane maxima of s.
func ceSumExp8(s []float32, shift float32) (sum, top archsimd.Float32x8) {
	sh, lo := archsimd.BroadcastFloat32x8(shift), archsimd.BroadcastFloat32x8(-87)
	l2e, mg := archsimd.BroadcastFloat32x8(ceLog2e), archsimd.BroadcastFloat32x8(ceMagic)
	nl2 := archsimd.BroadcastFloat32x8(-math.Ln2)
	q2, q3 := archsimd.BroadcastFloat32x8(ceQ2), archsimd.BroadcastFloat32x8(ceQ3)
	q4, q5 := archsimd.BroadcastFloat32x8(ceQ4), archsimd.BroadcastFloat32x8(ceQ5)
	var acc archsimd.Float32x8
	top = archsimd.BroadcastFloat32x8(float32(math.Inf(-1)))
	for len(s) >= 8 {
		x := archsimd.LoadFloat32x8((*[8]float32)(s))
		s = s[8:]
		top = top.Max(x)
		d := lo.Max(x.Sub(sh))
		nf := d.MulAdd(l2e, mg)
		r := nf.Sub(mg).MulAdd(nl2, d)
		q := q5.MulAdd(r, q4).MulAdd(r, q3).MulAdd(r, q2)
		e := nf.AsInt32x8().ShiftAllLeft(23).AsFloat32x8()
		// the NaN mask's lanes, as floats, are NaN for a NaN x and 0
		// else: the sum carries a NaN (VMAXPS may drop it)
		acc = acc.Add(e.MulAdd(r.Mul(r).MulAdd(q, r), e).Add(x.IsNaN().ToInt32x8().AsFloat32x8()))
	}
	return acc, top
}

// ceExpSum8 is ceSumExp8 that also stores the exponentials in dst (src
// as long as dst).
func ceExpSum8(dst, src []float32, shift float32) (sum, top archsimd.Float32x8) {
	sh, lo := archsimd.BroadcastFloat32x8(shift), archsimd.BroadcastFloat32x8(-87)
	l2e, mg := archsimd.BroadcastFloat32x8(ceLog2e), archsimd.BroadcastFloat32x8(ceMagic)
	nl2 := archsimd.BroadcastFloat32x8(-math.Ln2)
	q2, q3 := archsimd.BroadcastFloat32x8(ceQ2), archsimd.BroadcastFloat32x8(ceQ3)
	q4, q5 := archsimd.BroadcastFloat32x8(ceQ4), archsimd.BroadcastFloat32x8(ceQ5)
	var acc archsimd.Float32x8
	top = archsimd.BroadcastFloat32x8(float32(math.Inf(-1)))
	for len(dst) >= 8 && len(src) >= 8 {
		x := archsimd.LoadFloat32x8((*[8]float32)(src))
		src = src[8:]
		top = top.Max(x)
		d := lo.Max(x.Sub(sh))
		nf := d.MulAdd(l2e, mg)
		r := nf.Sub(mg).MulAdd(nl2, d)
		q := q5.MulAdd(r, q4).MulAdd(r, q3).MulAdd(r, q2)
		e := nf.AsInt32x8().ShiftAllLeft(23).AsFloat32x8()
		y := e.MulAdd(r.Mul(r).MulAdd(q, r), e)
		y.Store((*[8]float32)(dst))
		dst = dst[8:]
		acc = acc.Add(y.Add(x.IsNaN().ToInt32x8().AsFloat32x8())) // a NaN makes the sum NaN
	}
	return acc, top
}

// Sum32 returns the sum of s: in float32 lanes over at most 128
// elements, then in float64.
func Sum32(s []float32) float64 {
	if !ceVector || len(s) < 32 {
		return sum32Generic(s)
	}
	var w0, w1 archsimd.Float64x4
	i := 0
	for i+8 <= len(s) {
		acc := archsimd.BroadcastFloat32x8(0)
		end := min(len(s), i+128)
		for ; i+8 <= end; i += 8 {
			acc = acc.Add(archsimd.LoadFloat32x8Slice(s[i:]))
		}
		w0 = w0.Add(acc.GetLo().ConvertToFloat64())
		w1 = w1.Add(acc.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	w0.Add(w1).Store(&b)
	archsimd.ClearAVXUpperBits()
	return (b[0] + b[1]) + (b[2] + b[3]) + sum32Generic(s[i:])
}

// Scale32 multiplies s by f in place.
func Scale32(s []float32, f float32) {
	if !ceVector || len(s) < 16 {
		scale32Generic(s, f)
		return
	}
	v := archsimd.BroadcastFloat32x8(f)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		archsimd.LoadFloat32x8Slice(s[i:]).Mul(v).StoreSlice(s[i:])
	}
	archsimd.ClearAVXUpperBits()
	scale32Generic(s[i:], f)
}

// SumShift32 returns the sum of s[i]-h, each vector of differences
// widened to float64 and added there.
func SumShift32(s []float32, h float32) float64 {
	if !ceVector || len(s) < 32 {
		return sumShift32Generic(s, h)
	}
	sum, i := sumShift8(s, h)
	return sum + sumShift32Generic(s[i:], h)
}

// sumShift8 is SumShift32's vector loop over whole vectors of 8; it
// returns the sum and the count of elements taken. (The loops take
// their constants as scalars and broadcast them themselves, and widen
// every vector: nested loops of float32 accumulators measured slower.)
func sumShift8(s []float32, hs float32) (float64, int) {
	h := archsimd.BroadcastFloat32x8(hs)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(s); i += 8 {
		d := archsimd.LoadFloat32x8Slice(s[i:]).Sub(h)
		a0, a1 = a0.Add(d.GetLo().ConvertToFloat64()), a1.Add(d.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	a0.Add(a1).Store(&b)
	archsimd.ClearAVXUpperBits()
	return (b[0] + b[1]) + (b[2] + b[3]), i
}

// ProbSums32 returns the sums of p[i], of p[i]·(s[i]-h) and, when all is
// set, of s[i]-h, in one pass, each vector widened to float64.
func ProbSums32(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	if !ceVector || len(p) < 32 || len(s) < len(p) {
		return probSums32Generic(p, s, h, all)
	}
	var b [3]float64
	var i int
	if all {
		i = probSums8(p, s[:len(p)], h, &b)
	} else {
		i = probDot8(p, s[:len(p)], h, &b)
	}
	sp, dp, sx = probSums32Generic(p[i:], s[i:], h, all)
	sp, dp = sp+b[0], dp+b[1]
	if all {
		sx += b[2]
	}
	return sp, dp, sx
}

// probDot8 is probSums8 without the sum of s[i]-h.
func probDot8(p, s []float32, hs float32, out *[3]float64) int {
	h := archsimd.BroadcastFloat32x8(hs)
	var p0, p1, d0, d1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(p) && i+8 <= len(s); i += 8 {
		v := archsimd.LoadFloat32x8Slice(p[i:])
		pd := v.Mul(archsimd.LoadFloat32x8Slice(s[i:]).Sub(h))
		p0, p1 = p0.Add(v.GetLo().ConvertToFloat64()), p1.Add(v.GetHi().ConvertToFloat64())
		d0, d1 = d0.Add(pd.GetLo().ConvertToFloat64()), d1.Add(pd.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	p0.Add(p1).Store(&b)
	out[0] = (b[0] + b[1]) + (b[2] + b[3])
	d0.Add(d1).Store(&b)
	out[1] = (b[0] + b[1]) + (b[2] + b[3])
	archsimd.ClearAVXUpperBits()
	return i
}

// probSums8 is ProbSums32's vector loop over whole vectors of 8 (s as
// long as p): it leaves the three sums in out and returns the count of
// elements taken.
func probSums8(p, s []float32, hs float32, out *[3]float64) int {
	h := archsimd.BroadcastFloat32x8(hs)
	var p0, p1, d0, d1, x0, x1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(p) && i+8 <= len(s); i += 8 {
		d := archsimd.LoadFloat32x8Slice(s[i:]).Sub(h)
		v := archsimd.LoadFloat32x8Slice(p[i:])
		pd := v.Mul(d)
		p0, p1 = p0.Add(v.GetLo().ConvertToFloat64()), p1.Add(v.GetHi().ConvertToFloat64())
		d0, d1 = d0.Add(pd.GetLo().ConvertToFloat64()), d1.Add(pd.GetHi().ConvertToFloat64())
		x0, x1 = x0.Add(d.GetLo().ConvertToFloat64()), x1.Add(d.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	p0.Add(p1).Store(&b)
	out[0] = (b[0] + b[1]) + (b[2] + b[3])
	d0.Add(d1).Store(&b)
	out[1] = (b[0] + b[1]) + (b[2] + b[3])
	x0.Add(x1).Store(&b)
	out[2] = (b[0] + b[1]) + (b[2] + b[3])
	archsimd.ClearAVXUpperBits()
	return i
}

// ScaleSub32 sets dst[i] = dst[i]·f - (a·p[i] + b), or dst[i]·f - b when
// p is nil.
func ScaleSub32(dst, p []float32, f, a, b float32) {
	if !ceVector || len(dst) < 16 || (p != nil && len(p) < len(dst)) {
		scaleSub32Generic(dst, p, f, a, b)
		return
	}
	fv, av, bv := archsimd.BroadcastFloat32x8(f), archsimd.BroadcastFloat32x8(a), archsimd.BroadcastFloat32x8(b)
	i := 0
	if p == nil {
		for ; i+8 <= len(dst); i += 8 {
			archsimd.LoadFloat32x8Slice(dst[i:]).Mul(fv).Sub(bv).StoreSlice(dst[i:])
		}
	} else {
		for ; i+8 <= len(dst); i += 8 {
			t := archsimd.LoadFloat32x8Slice(p[i:]).MulAdd(av, bv)
			archsimd.LoadFloat32x8Slice(dst[i:]).Mul(fv).Sub(t).StoreSlice(dst[i:])
		}
		p = p[i:]
	}
	archsimd.ClearAVXUpperBits()
	scaleSub32Generic(dst[i:], p, f, a, b)
}

// BlockShift32 returns the shift of a block of scores s (not empty):
// hint, the largest score of the block before, when it is finite (the
// exponential pass finds the block's own maximum and CEShiftOK tells
// whether it is near enough), else its maximum, or a NaN among its
// scores (then the caller takes the rows on their own).
func BlockShift32(s []float32, hint float32) float32 {
	if hint > float32(math.Inf(-1)) && hint <= math.MaxFloat32 {
		return hint
	}
	m := s[0]
	i := 0
	if ceVector && len(s) >= 32 {
		m, i = ceMax8(s)
	}
	for _, v := range s[i:] {
		if v > m || v != v { // a NaN stays
			m = v
		}
	}
	return m
}

// ceMax8 returns the largest element of s (at least 16 long) over whole
// vectors of 8, or NaN if any of them is NaN, and the count of elements
// taken.
func ceMax8(s []float32) (float32, int) {
	m0 := archsimd.LoadFloat32x8((*[8]float32)(s))
	m1 := archsimd.LoadFloat32x8((*[8]float32)(s[8:]))
	nan := m0.IsNaN().Or(m1.IsNaN())
	i := 16
	for rest := s[16:]; len(rest) >= 16; rest = rest[16:] {
		v0 := archsimd.LoadFloat32x8((*[8]float32)(rest))
		v1 := archsimd.LoadFloat32x8((*[8]float32)(rest[8:]))
		m0, m1 = m0.Max(v0), m1.Max(v1)
		nan = nan.Or(v0.IsNaN().Or(v1.IsNaN()))
		i += 16
	}
	var b [8]float32
	m0.Max(m1).Store(&b)
	hasNaN := nan.ToBits() != 0
	archsimd.ClearAVXUpperBits()
	if hasNaN {
		return float32(math.NaN()), i
	}
	return max(max(max(b[0], b[1]), max(b[2], b[3])), max(max(b[4], b[5]), max(b[6], b[7]))), i
}
