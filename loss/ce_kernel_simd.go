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

// sumShift32 returns the sum of s[i]-h: in float32 lanes over at most 128
// elements, then in float64.
func sumShift32(s []float32, h float32) float64 {
	if !ceVector || len(s) < 32 {
		return sumShift32Generic(s, h)
	}
	hv := archsimd.BroadcastFloat32x8(h)
	var w0, w1 archsimd.Float64x4
	i := 0
	for i+8 <= len(s) {
		acc := archsimd.BroadcastFloat32x8(0)
		end := min(len(s), i+128)
		for ; i+8 <= end; i += 8 {
			acc = acc.Add(archsimd.LoadFloat32x8Slice(s[i:]).Sub(hv))
		}
		w0 = w0.Add(acc.GetLo().ConvertToFloat64())
		w1 = w1.Add(acc.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	w0.Add(w1).Store(&b)
	archsimd.ClearAVXUpperBits()
	return (b[0] + b[1]) + (b[2] + b[3]) + sumShift32Generic(s[i:], h)
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

// probSums32 returns the sums of p[i], of p[i]·(s[i]-h) and, when all is
// set, of s[i]-h, in one pass: in float32 lanes over at most 128
// elements, then in float64.
func probSums32(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	if !ceVector || len(p) < 32 || len(s) < len(p) {
		return probSums32Generic(p, s, h, all)
	}
	hv := archsimd.BroadcastFloat32x8(h)
	var p0, p1, d0, d1, x0, x1 archsimd.Float64x4
	i := 0
	for i+8 <= len(p) {
		zero := archsimd.BroadcastFloat32x8(0)
		ap, ad, ax := zero, zero, zero
		end := min(len(p), i+128)
		for ; i+8 <= end; i += 8 {
			d := archsimd.LoadFloat32x8Slice(s[i:]).Sub(hv)
			v := archsimd.LoadFloat32x8Slice(p[i:])
			ap = ap.Add(v)
			ad = v.MulAdd(d, ad)
			ax = ax.Add(d)
		}
		p0, p1 = p0.Add(ap.GetLo().ConvertToFloat64()), p1.Add(ap.GetHi().ConvertToFloat64())
		d0, d1 = d0.Add(ad.GetLo().ConvertToFloat64()), d1.Add(ad.GetHi().ConvertToFloat64())
		x0, x1 = x0.Add(ax.GetLo().ConvertToFloat64()), x1.Add(ax.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	p0.Add(p1).Store(&b)
	sp = (b[0] + b[1]) + (b[2] + b[3])
	d0.Add(d1).Store(&b)
	dp = (b[0] + b[1]) + (b[2] + b[3])
	x0.Add(x1).Store(&b)
	sx = (b[0] + b[1]) + (b[2] + b[3])
	archsimd.ClearAVXUpperBits()
	tp, td, tx := probSums32Generic(p[i:], s[i:], h, true)
	sp, dp, sx = sp+tp, dp+td, sx+tx
	if !all {
		sx = 0
	}
	return sp, dp, sx
}

// blockMax32 returns the largest element of s (NaN if any is NaN):
// vmath's vector form.
func blockMax32(s []float32) float32 { return vmath.Max32(s) }

// expShiftSums32 is expShiftSum32 that also returns the sum of
// src[i]-shift, taken in a pass of its own.
func expShiftSums32(dst, src []float32, shift float32) (e, d float64) {
	return expShiftSum32(dst, src, shift), sumShift32(src[:len(dst)], shift)
}
