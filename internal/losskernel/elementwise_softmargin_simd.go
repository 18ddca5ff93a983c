//go:build goexperiment.simd && amd64

package losskernel

import (
	"math"
	"simd/archsimd"

	"kt/internal/vmath"
)

// SoftMarginSumVec sums softmargin's float32 losses over x and y, 8
// lanes a step, from their start to the first vector with an element
// outside the tables' range of elementwise_softplus.go (|x·y| beyond spMax, or NaN);
// it returns the sum, how many elements it took and whether it stopped
// at such a vector. With t = -x·y and e = e**-|t| as SoftMarginVec takes
// it, each lane's loss is max(t, 0) + log(1+e) rounded to float32, as
// ATen's loss is a float32, the logarithm as elementwise_log1p32.go takes it (ln 2
// rounded to float32 is under a tenth of a unit of the result off); the
// losses are added in float64. It is SoftMarginVec's forward alone, with
// fewer vectors live so that the loop keeps them in registers. On a CPU
// without AVX2 and FMA it takes nothing.
func SoftMarginSumVec(x, y []float32) (float64, int, bool) {
	if !fmaVector || len(x) < 8 {
		return 0, 0, false
	}
	y = y[:len(x)]
	sign := archsimd.BroadcastInt32x8(math.MinInt32)
	lim := archsimd.BroadcastFloat32x8(-spMax)
	zero := archsimd.BroadcastFloat32x8(0)
	// the exponential's constants
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	// the logarithm's (elementwise_log1p32.go)
	kHalf, kMinusHalf := archsimd.BroadcastFloat32x8(0.5), archsimd.BroadcastFloat32x8(-0.5)
	kL0, kL1, kL2, kL3 := archsimd.BroadcastFloat32x8(l1p0), archsimd.BroadcastFloat32x8(l1p1), archsimd.BroadcastFloat32x8(l1p2), archsimd.BroadcastFloat32x8(l1p3)
	kL4, kL5, kL6, kL7 := archsimd.BroadcastFloat32x8(l1p4), archsimd.BroadcastFloat32x8(l1p5), archsimd.BroadcastFloat32x8(l1p6), archsimd.BroadcastFloat32x8(l1p7)
	kLn2 := archsimd.BroadcastFloat32x8(ln2Hi)
	var a0, a1 archsimd.Float64x4
	more := false
	i := 0
	for ; i+8 <= len(x); i += 8 {
		xv, yv := archsimd.LoadFloat32x8Slice(x[i:]), archsimd.LoadFloat32x8Slice(y[i:])
		t := xv.Mul(yv).AsInt32x8().Xor(sign).AsFloat32x8() // -(x·y)
		na := t.AsInt32x8().Or(sign).AsFloat32x8()          // -|t|
		if na.Greater(lim).ToBits() != 0xff {
			more = true
			break
		}
		// e = e**na, na in (-spMax, 0]: no overflow, no subnormal
		n := na.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, na)
		r = n.MulAdd(kLn2lo, r)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		sc := n.ConvertToInt32().Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		e := p.MulAdd(r.Mul(r), r).Add(kOne).Mul(sc)
		// log(1+e): above 1/2, ln2 + log(1+f) with f = (e-1)/2; else f = e
		big := e.Greater(kHalf)
		f := e.Sub(kOne).Mul(kHalf).Merge(e, big)
		f2 := f.Mul(f)
		f4 := f2.Mul(f2)
		q47 := kL7.MulAdd(f, kL6).MulAdd(f2, kL5.MulAdd(f, kL4))
		q03 := kL3.MulAdd(f, kL2).MulAdd(f2, kL1.MulAdd(f, kL0))
		q := q47.MulAdd(f4, q03).MulAdd(f, kMinusHalf)
		l := q.MulAdd(f2, f).Add(kLn2.Merge(zero, big)).Add(t.Max(zero))
		a0 = a0.Add(l.GetLo().ConvertToFloat64())
		a1 = a1.Add(l.GetHi().ConvertToFloat64())
	}
	s := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return s, i, more
}
