//go:build goexperiment.simd && amd64

package loss

import (
	"math"
	"simd/archsimd"
)

// ceVector reports whether the vector kernels can run (AVX2 with FMA).
var ceVector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// expShiftSum32 sets dst[i] = e**(src[i]-shift) for src[i] <= shift and
// returns their sum, in float64. Eight lanes at a time it takes Cephes'
// float32 exponential (degree-5 polynomial on |r| <= ln2/2) with the
// argument clamped at -87, so that one power of two scales it; the lanes
// add in float32 over at most 128 elements, then in float64.
func expShiftSum32(dst, src []float32, shift float32) float64 {
	src = src[:len(dst)]
	if !ceVector || len(dst) < 16 {
		return expShiftSum32Generic(dst, src, shift)
	}
	sum, i := expShiftSum8(dst, src, shift)
	return sum + expShiftSum32Generic(dst[i:], src[i:], shift)
}

func expShiftSum8(dst, src []float32, shift float32) (float64, int) {
	sh := archsimd.BroadcastFloat32x8(shift)
	kLo := archsimd.BroadcastFloat32x8(-87)
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	var w0, w1 archsimd.Float64x4
	i := 0
	for i+8 <= len(dst) {
		acc := archsimd.BroadcastFloat32x8(0)
		end := min(len(dst), i+128)
		for ; i+8 <= end; i += 8 {
			d := archsimd.LoadFloat32x8Slice(src[i:]).Sub(sh).Max(kLo)
			n := d.Mul(kLog2e).RoundToEven()
			r := n.MulAdd(kLn2hi, d)
			r = n.MulAdd(kLn2lo, r)
			p := kP0.MulAdd(r, kP1)
			p = p.MulAdd(r, kP2)
			p = p.MulAdd(r, kP3)
			p = p.MulAdd(r, kP4)
			p = p.MulAdd(r, kP5)
			s := n.ConvertToInt32().Add(kBias).ShiftAllLeft(23).AsFloat32x8()
			y := p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s)
			y.StoreSlice(dst[i:])
			acc = acc.Add(y)
		}
		w0 = w0.Add(acc.GetLo().ConvertToFloat64())
		w1 = w1.Add(acc.GetHi().ConvertToFloat64())
	}
	var b [4]float64
	w0.Add(w1).Store(&b)
	archsimd.ClearAVXUpperBits()
	return (b[0] + b[1]) + (b[2] + b[3]), i
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
