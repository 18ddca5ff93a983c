//go:build goexperiment.simd && amd64

package loss

import (
	"simd/archsimd"

	"kt/internal/vmath"
)

// ceVector reports whether the vector kernels can run (AVX2 with FMA).
var ceVector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// expShiftSum32 sets dst[i] = e**(src[i]-shift) for src[i] <= shift and
// returns their sum, in float64: vmath's vector form, which measured
// faster here than a leaner kernel of fewer operations whose constants
// spill out of the sixteen vector registers.
func expShiftSum32(dst, src []float32, shift float32) float64 {
	return vmath.ExpSum32(dst, src, float64(shift))
}

// sum32 returns the sum of s: in float32 lanes over at most 128
// elements, then in float64.
func sum32(s []float32) float64 {
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

// scale32 multiplies s by f in place.
func scale32(s []float32, f float32) {
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

// sumShift32 returns the sum of s[i]-h, each vector of differences
// widened to float64 and added there.
func sumShift32(s []float32, h float32) float64 {
	if !ceVector || len(s) < 32 {
		return sumShift32Generic(s, h)
	}
	sum, i := sumShift8(s, h)
	return sum + sumShift32Generic(s[i:], h)
}

// sumShift8 is sumShift32's vector loop over whole vectors of 8; it
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

// probSums32 returns the sums of p[i], of p[i]·(s[i]-h) and, when all is
// set, of s[i]-h, in one pass, each vector widened to float64.
func probSums32(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
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

// probSums8 is probSums32's vector loop over whole vectors of 8 (s as
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

// scaleSub32 sets dst[i] = dst[i]·f - (a·p[i] + b), or dst[i]·f - b when
// p is nil.
func scaleSub32(dst, p []float32, f, a, b float32) {
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

// expShiftSums32 is expShiftSum32 that also returns the sum of
// src[i]-shift, taken in a pass of its own.
func expShiftSums32(dst, src []float32, shift float32) (e, d float64) {
	return expShiftSum32(dst, src, shift), sumShift32(src[:len(dst)], shift)
}

// blockMax32 returns the largest element of s (NaN if any is NaN):
// vmath's vector form.
func blockMax32(s []float32) float32 { return vmath.Max32(s) }
