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
