//go:build goexperiment.simd && amd64

package losskernel

import (
	"math"
	"simd/archsimd"

	"kt/internal/vmath"
)

// ExpTo32, LogTo32 and Log1pTo32 are the float32 exponential and
// logarithms of the chunked kernels. In this build they are vmath's
// slice functions, several lanes a step on a CPU with AVX2.

func ExpTo32(dst, src []float32)   { vmath.ExpTo32(dst, src) }
func LogTo32(dst, src []float32)   { vmath.LogTo32(dst, src) }
func Log1pTo32(dst, src []float32) { vmath.Log1pTo32(dst, src) }

// LogPick32 sets dst[i] = log x[i] where y[i] is 1, log1p(-x[i]) where
// it is 0: vmath's one logarithm an element, bit for bit as LogTo32 and
// Log1pTo32 on a slice of the same length.
func LogPick32(dst, x, y []float32) { vmath.LogPick32(dst, x, y) }

// LogOnePlus32 sets dst[i] = log(1 + src[i]), the sum rounded to float32
// first, as ATen's float32 kernels compute it: for src[i] in [0, 1], as
// bcelogits gives it, the rounded sum s is in [1, 2], so s - 1 is exact
// and log1p(s - 1) is log s, on vmath's vector form.
func LogOnePlus32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		dst[i] = (1 + v) - 1
	}
	vmath.Log1pTo32(dst, dst)
}

// PlainLogits reports that bcelogits keeps BCELogitsChunk's passes: in
// this build their vector forms are faster than the one-loop kernels.
const PlainLogits = false

// arithVector reports whether the 8-lane kernels of the arithmetic
// losses (mse, huber, smoothl1) can run: AVX2. It is fixed at start-up.
var arithVector = archsimd.X86.AVX2()

// absMask clears the sign bit of a float32 lane.
const absMask = 0x7fffffff

// The vector kernels below take the first len(x)&^7 elements, 8 lanes a
// step, and return the sum of their losses in float64 and how many
// elements they took, so that the caller's scalar loop finishes the
// tail; on a CPU without AVX2 they take none. Each lane rounds as the
// scalar kernel does (no fused multiply-add), and every float32 loss is
// widened to float64 before it is added. The lanes of min and max may
// drop a NaN, so a NaN difference is carried through by an operation
// that keeps it: z - m for smoothl1, d - c/2 for huber, and, for a
// gradient, a merge of the NaN itself.

// vecMin is the shortest slice the vector kernels take.
const vecMin = 32

// MSEVec sums (x-y)² over the first elements of x and y.
func MSEVec(x, y []float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y = y[:len(x)]
	var a0, a1, b0, b1 archsimd.Float64x4
	i := 0
	for ; i+16 <= len(x); i += 16 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		e := archsimd.LoadFloat32x8Slice(x[i+8:]).Sub(archsimd.LoadFloat32x8Slice(y[i+8:]))
		a0, a1 = vmath.AddWide(a0, a1, d.Mul(d))
		b0, b1 = vmath.AddWide(b0, b1, e.Mul(e))
	}
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		a0, a1 = vmath.AddWide(a0, a1, d.Mul(d))
	}
	s := vmath.SumLanes(a0.Add(b0), a1.Add(b1))
	archsimd.ClearAVXUpperBits()
	return s, i
}

// MSEFuseVec is MSEVec writing s·(x-y) to gx as it goes.
func MSEFuseVec(gx, x, y []float32, s float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y, gx = y[:len(x)], gx[:len(x)]
	sv := archsimd.BroadcastFloat32x8(s)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		a0, a1 = vmath.AddWide(a0, a1, d.Mul(d))
		sv.Mul(d).StoreSlice(gx[i:])
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}

// HuberVec sums the huber losses c·(d - c/2), c = d clamped to
// [-delta, delta], over the first elements of x and y.
func HuberVec(x, y []float32, delta float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y = y[:len(x)]
	hi, lo := archsimd.BroadcastFloat32x8(delta), archsimd.BroadcastFloat32x8(-delta)
	half := archsimd.BroadcastFloat32x8(0.5)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		c := d.Min(hi).Max(lo)
		a0, a1 = vmath.AddWide(a0, a1, c.Mul(d.Sub(half.Mul(c))))
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}

// HuberFuseVec is HuberVec writing c·g to gx as it goes (d itself where
// d is NaN).
func HuberFuseVec(gx, x, y []float32, delta, g float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y, gx = y[:len(x)], gx[:len(x)]
	hi, lo := archsimd.BroadcastFloat32x8(delta), archsimd.BroadcastFloat32x8(-delta)
	half, gv := archsimd.BroadcastFloat32x8(0.5), archsimd.BroadcastFloat32x8(g)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		c := d.Min(hi).Max(lo)
		a0, a1 = vmath.AddWide(a0, a1, c.Mul(d.Sub(half.Mul(c))))
		d.Merge(c, d.IsNaN()).Mul(gv).StoreSlice(gx[i:])
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}

// SmoothL1Vec sums the smooth L1 losses m²·half + (z - m), z = |x - y|,
// m = min(z, beta), over the first elements of x and y (beta > 0, half
// = 0.5/beta).
func SmoothL1Vec(x, y []float32, beta, half float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y = y[:len(x)]
	bv, hv := archsimd.BroadcastFloat32x8(beta), archsimd.BroadcastFloat32x8(half)
	mask := archsimd.BroadcastInt32x8(absMask)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		z := d.AsInt32x8().And(mask).AsFloat32x8()
		m := z.Min(bv)
		a0, a1 = vmath.AddWide(a0, a1, m.Mul(m).Mul(hv).Add(z.Sub(m)))
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}

// SmoothL1FuseVec is SmoothL1Vec writing the input's gradient, d·inv
// clamped to [-1, 1] times g (d itself where d is NaN), as it goes; inv
// is 1/beta, exact.
func SmoothL1FuseVec(gx, x, y []float32, beta, half, inv, g float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y, gx = y[:len(x)], gx[:len(x)]
	bv, hv := archsimd.BroadcastFloat32x8(beta), archsimd.BroadcastFloat32x8(half)
	iv, gv := archsimd.BroadcastFloat32x8(inv), archsimd.BroadcastFloat32x8(g)
	one, mone := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastFloat32x8(-1)
	mask := archsimd.BroadcastInt32x8(absMask)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		z := d.AsInt32x8().And(mask).AsFloat32x8()
		m := z.Min(bv)
		a0, a1 = vmath.AddWide(a0, a1, m.Mul(m).Mul(hv).Add(z.Sub(m)))
		c := d.Mul(iv).Min(one).Max(mone)
		d.Merge(c, d.IsNaN()).Mul(gv).StoreSlice(gx[i:])
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}

// BCEGradVec writes BCE's input gradient (x-y)/max((1-x)·x, eps)·g·w to
// gx over the first elements of x (w nil: no weight), rounding each step
// as BCEFuse32's scalar loop does, and returns how many it took.
func BCEGradVec(gx, x, y, w []float32, g float32) int {
	if !arithVector || len(x) < vecMin {
		return 0
	}
	y, gx = y[:len(x)], gx[:len(x)]
	one, eps := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastFloat32x8(BCEEps)
	gv := archsimd.BroadcastFloat32x8(g)
	i := 0
	if w == nil {
		for ; i+8 <= len(x); i += 8 {
			v := archsimd.LoadFloat32x8Slice(x[i:])
			d := v.Sub(archsimd.LoadFloat32x8Slice(y[i:]))
			// max keeps eps for a NaN product: d is NaN there too
			d.Div(one.Sub(v).Mul(v).Max(eps)).Mul(gv).StoreSlice(gx[i:])
		}
	} else {
		w = w[:len(x)]
		for ; i+8 <= len(x); i += 8 {
			v := archsimd.LoadFloat32x8Slice(x[i:])
			d := v.Sub(archsimd.LoadFloat32x8Slice(y[i:]))
			gw := gv.Mul(archsimd.LoadFloat32x8Slice(w[i:]))
			d.Div(one.Sub(v).Mul(v).Max(eps)).Mul(gw).StoreSlice(gx[i:])
		}
	}
	archsimd.ClearAVXUpperBits()
	return i
}

// KLVec turns the logarithms l = log y in o into KL divergence's terms
// xlogy(y, y) - y·x = (y·l, 0 where y is 0) - y·x over the first elements,
// rounding as KLForward32's scalar loop does, and returns how many it
// took.
func KLVec(o, y, x []float32) int {
	if !arithVector || len(o) < vecMin {
		return 0
	}
	y, x = y[:len(o)], x[:len(o)]
	zero := archsimd.BroadcastFloat32x8(0)
	i := 0
	for ; i+8 <= len(o); i += 8 {
		v := archsimd.LoadFloat32x8Slice(y[i:])
		xl := zero.Merge(v.Mul(archsimd.LoadFloat32x8Slice(o[i:])), v.Equal(zero))
		xl.Sub(v.Mul(archsimd.LoadFloat32x8Slice(x[i:]))).StoreSlice(o[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

// NegScaleVec writes -y·g to gx over the first elements of y and returns
// how many it took.
func NegScaleVec(gx, y []float32, g float32) int {
	if !arithVector || len(y) < vecMin {
		return 0
	}
	gx = gx[:len(y)]
	ng := archsimd.BroadcastFloat32x8(-g) // (-y)·g = y·(-g), bit for bit
	i := 0
	for ; i+8 <= len(y); i += 8 {
		archsimd.LoadFloat32x8Slice(y[i:]).Mul(ng).StoreSlice(gx[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

// fmaVector reports whether the CPU has AVX2 and FMA, which
// SoftMarginVec needs; it is fixed at start-up.
var fmaVector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// Coefficients of fdlibm's logarithm, R(z) ≈ (log(1+f) - 2s)/s with
// s = f/(2+f), z = s², as vmath's Log takes them.
const (
	lg1 = 6.666666666666735130e-01
	lg2 = 3.999999999940941908e-01
	lg3 = 2.857142874366239149e-01
	lg4 = 2.222219843214978396e-01
	lg5 = 1.818357216161805012e-01
	lg6 = 1.531383769920937332e-01
	lg7 = 1.479819860511658591e-01
)

// SoftMarginVec runs softmargin's float32 kernels over x and y, 8 lanes
// a step, from their start to the first vector with an element outside
// the tables' range of elementwise_softplus.go (|x·y| beyond spMax, or NaN), and
// returns the sum of the losses (when sum is set), how many elements it
// took and whether it stopped at such a vector; with gx not nil it writes the input's gradient -σ(t)·y·g as it
// goes, g the per-element gs when that is not nil. With t = -x·y and
// e = e**-|t| in float32 lanes (Cephes's exponential, as vmath's
// ExpTo32), the loss is max(t, 0) + log(1 + e), the logarithm in
// float32 lanes as elementwise_log1p32.go takes it and the sum in float64; σ(t) is
// e/(1+e) below 0 and 1/(1+e) above, in float64 lanes, rounded once.
// The loop makes no call: a call would keep its vectors on the stack.
// On a CPU without AVX2 and FMA it takes nothing.
func SoftMarginVec(gx, gs, x, y []float32, g float32, sum bool) (float64, int, bool) {
	if !fmaVector || len(x) < 8 {
		return 0, 0, false
	}
	y = y[:len(x)]
	if gx != nil {
		gx = gx[:len(x)]
	}
	if gs != nil {
		gs = gs[:len(x)]
	}
	sign := archsimd.BroadcastInt32x8(math.MinInt32)
	lim := archsimd.BroadcastFloat32x8(-spMax)
	zero := archsimd.BroadcastFloat32x8(0)
	gb := archsimd.BroadcastFloat32x8(g)
	// the exponential's constants
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	// the logarithm's (elementwise_log1p32.go)
	one := archsimd.BroadcastFloat64x4(1)
	kHalf32, kMinusHalf := archsimd.BroadcastFloat32x8(0.5), archsimd.BroadcastFloat32x8(-0.5)
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
		elo, ehi := e.GetLo().ConvertToFloat64(), e.GetHi().ConvertToFloat64()
		ulo, uhi := elo.Add(one), ehi.Add(one) // 1 + e, exact
		if sum {
			// log(1+e) as elementwise_log1p32.go takes it: above 1/2, ln2 + log(1+f)
			// with f = (e-1)/2; else f = e
			big := e.Greater(kHalf32)
			f := e.Sub(kOne).Mul(kHalf32).Merge(e, big)
			f2 := f.Mul(f)
			f4 := f2.Mul(f2)
			q47 := kL7.MulAdd(f, kL6).MulAdd(f2, kL5.MulAdd(f, kL4))
			q03 := kL3.MulAdd(f, kL2).MulAdd(f2, kL1.MulAdd(f, kL0))
			q := q47.MulAdd(f4, q03).MulAdd(f, kMinusHalf)
			l := q.MulAdd(f2, f).Add(kLn2.Merge(zero, big))
			m := t.Max(zero)
			a0 = a0.Add(l.GetLo().ConvertToFloat64().Add(m.GetLo().ConvertToFloat64()))
			a1 = a1.Add(l.GetHi().ConvertToFloat64().Add(m.GetHi().ConvertToFloat64()))
		}
		if gx != nil {
			gv := gb
			if gs != nil {
				gv = archsimd.LoadFloat32x8Slice(gs[i:])
			}
			num := e.Merge(kOne, t.Less(zero)) // σ(t)·(1+e)
			lo := num.GetLo().ConvertToFloat64().Div(ulo).Mul(yv.GetLo().ConvertToFloat64()).Mul(gv.GetLo().ConvertToFloat64())
			hi := num.GetHi().ConvertToFloat64().Div(uhi).Mul(yv.GetHi().ConvertToFloat64()).Mul(gv.GetHi().ConvertToFloat64())
			xv.SetLo(lo.ConvertToFloat32()).SetHi(hi.ConvertToFloat32()).AsInt32x8().Xor(sign).AsFloat32x8().StoreSlice(gx[i:])
		}
	}
	s := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return s, i, more
}

// BCELogitsVec runs bcelogits' float32 kernels without weights over x
// and y, 8 lanes a step, from their start to the first vector with an
// |x| of 80 or more, or NaN; it returns the sum of the losses (when sum
// is set), how many elements it took and whether it stopped at such a
// vector. With o not nil it writes the losses there, with gx not nil the
// input's gradient (σ(x) - y)·g, g the per-element gs when that is not
// nil. Each lane takes the steps of BCELogitsChunk and
// BCELogitsBackward32 in this build, bit for bit: e = e**-|x| as
// vmath's ExpTo32 computes it, log(1 + e) with the sum rounded to
// float32 as vmath's Log1pTo32 takes it, then ATen's float32 steps. The
// loop makes no call. On a CPU without AVX2 and FMA it takes nothing.
func BCELogitsVec(o, gx, gs, x, y []float32, g float32, sum bool) (float64, int, bool) {
	if !fmaVector || len(x) < 8 {
		return 0, 0, false
	}
	y = y[:len(x)]
	if o != nil {
		o = o[:len(x)]
	}
	if gx != nil {
		gx = gx[:len(x)]
	}
	if gs != nil {
		gs = gs[:len(x)]
	}
	sign := archsimd.BroadcastInt32x8(math.MinInt32)
	lim := archsimd.BroadcastFloat32x8(-80)
	zero := archsimd.BroadcastFloat32x8(0)
	gb := archsimd.BroadcastFloat32x8(g)
	// the exponential's constants
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	// the logarithm's
	one, zero64 := archsimd.BroadcastFloat64x4(1), archsimd.BroadcastFloat64x4(0)
	kSqrt2, kHalf, kTwo := archsimd.BroadcastFloat64x4(math.Sqrt2), archsimd.BroadcastFloat64x4(0.5), archsimd.BroadcastFloat64x4(2)
	kLg1, kLg2, kLg3 := archsimd.BroadcastFloat64x4(lg1), archsimd.BroadcastFloat64x4(lg2), archsimd.BroadcastFloat64x4(lg3)
	kLg4, kLg5, kLg6 := archsimd.BroadcastFloat64x4(lg4), archsimd.BroadcastFloat64x4(lg5), archsimd.BroadcastFloat64x4(lg6)
	kLg7 := archsimd.BroadcastFloat64x4(lg7)
	kLn2hi64, kLn2lo64 := archsimd.BroadcastFloat64x4(6.93147180369123816490e-01), archsimd.BroadcastFloat64x4(1.90821492927058770002e-10)
	var a0, a1 archsimd.Float64x4
	more := false
	i := 0
	for ; i+8 <= len(x); i += 8 {
		xv, yv := archsimd.LoadFloat32x8Slice(x[i:]), archsimd.LoadFloat32x8Slice(y[i:])
		na := xv.AsInt32x8().Or(sign).AsFloat32x8() // -|x|
		if na.Greater(lim).ToBits() != 0xff {
			more = true
			break
		}
		// e = e**na, as vmath's ExpTo32
		n := na.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, na)
		r = n.MulAdd(kLn2lo, r)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		ni := n.ConvertToInt32()
		n1 := ni.ShiftAllRight(1)
		s1 := n1.Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		s2 := ni.Sub(n1).Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		e := p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s1).Mul(s2)
		u := kOne.Add(e) // rounded to float32, as ATen
		if sum || o != nil {
			ulo, uhi := u.GetLo().ConvertToFloat64(), u.GetHi().ConvertToFloat64()
			// log u = k·ln2 + log(1+f), u halved above √2 (exactly)
			biglo := ulo.Greater(kSqrt2)
			flo := ulo.Mul(kHalf).Merge(ulo, biglo).Sub(one)
			klo := one.Merge(zero64, biglo)
			slo := flo.Div(flo.Add(kTwo))
			zlo := slo.Mul(slo)
			wlo := zlo.Mul(zlo)
			t1lo := wlo.MulAdd(kLg7, kLg5)
			t1lo = wlo.MulAdd(t1lo, kLg3)
			t1lo = wlo.MulAdd(t1lo, kLg1).Mul(zlo)
			t2lo := wlo.MulAdd(kLg6, kLg4)
			t2lo = wlo.MulAdd(t2lo, kLg2).Mul(wlo)
			hflo := flo.Mul(flo).Mul(kHalf)
			inlo := slo.MulAdd(hflo.Add(t1lo.Add(t2lo)), klo.Mul(kLn2lo64))
			llo := klo.Mul(kLn2hi64).Sub(hflo.Sub(inlo).Sub(flo))
			bighi := uhi.Greater(kSqrt2)
			fhi := uhi.Mul(kHalf).Merge(uhi, bighi).Sub(one)
			khi := one.Merge(zero64, bighi)
			shi := fhi.Div(fhi.Add(kTwo))
			zhi := shi.Mul(shi)
			whi := zhi.Mul(zhi)
			t1hi := whi.MulAdd(kLg7, kLg5)
			t1hi = whi.MulAdd(t1hi, kLg3)
			t1hi = whi.MulAdd(t1hi, kLg1).Mul(zhi)
			t2hi := whi.MulAdd(kLg6, kLg4)
			t2hi = whi.MulAdd(t2hi, kLg2).Mul(whi)
			hfhi := fhi.Mul(fhi).Mul(kHalf)
			inhi := shi.MulAdd(hfhi.Add(t1hi.Add(t2hi)), khi.Mul(kLn2lo64))
			lhi := khi.Mul(kLn2hi64).Sub(hfhi.Sub(inhi).Sub(fhi))
			l := xv.SetLo(llo.ConvertToFloat32()).SetHi(lhi.ConvertToFloat32())
			// (1-y)·x + (log u + max(-x, 0)), each step rounded
			sp := l.Add(xv.AsInt32x8().Xor(sign).AsFloat32x8().Max(zero))
			loss := kOne.Sub(yv).Mul(xv).Add(sp)
			if o != nil {
				loss.StoreSlice(o[i:])
			}
			if sum {
				a0 = a0.Add(loss.GetLo().ConvertToFloat64())
				a1 = a1.Add(loss.GetHi().ConvertToFloat64())
			}
		}
		if gx != nil {
			gv := gb
			if gs != nil {
				gv = archsimd.LoadFloat32x8Slice(gs[i:])
			}
			// σ(x) = (1 for x >= 0, else e)/(1+e), as sigmoid32
			num := kOne.Merge(e, xv.GreaterEqual(zero))
			num.Div(u).Sub(yv).Mul(gv).StoreSlice(gx[i:])
		}
	}
	s := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return s, i, more
}

// BCEVec runs bce's float32 kernels without weights over x and y, 8 lanes
// a step, from their start to the first vector with a target other than
// 0 and 1 or an input outside (0, 1); it returns the sum of the losses
// (when sum is set), how many elements it took and whether it stopped at
// such a vector. With o not nil it writes the losses there, with gx not
// nil the input's gradient (x-y)/max((1-x)·x, eps)·g. Each lane takes the
// steps of BCEBinary32 (vmath's LogPick32, whose float64 logarithm it
// spells out) and BCEGradVec, bit for bit. The loop makes no call. On a
// CPU without AVX2 and FMA it takes nothing.
func BCEVec(o, gx, x, y []float32, g float32, sum bool) (float64, int, bool) {
	if !fmaVector || len(x) < 8 {
		return 0, 0, false
	}
	y = y[:len(x)]
	if o != nil {
		o = o[:len(x)]
	}
	if gx != nil {
		gx = gx[:len(x)]
	}
	sign := archsimd.BroadcastInt32x8(math.MinInt32)
	zero, kOne := archsimd.BroadcastFloat32x8(0), archsimd.BroadcastFloat32x8(1)
	m100, nz := archsimd.BroadcastFloat32x8(-100), archsimd.BroadcastFloat32x8(NegZero32)
	tiny, ntiny := archsimd.BroadcastFloat32x8(0x1p-29), archsimd.BroadcastFloat32x8(-0x1p-29)
	eps, gv := archsimd.BroadcastFloat32x8(BCEEps), archsimd.BroadcastFloat32x8(g)
	// the logarithm's
	one, two, zero64 := archsimd.BroadcastFloat64x4(1), archsimd.BroadcastFloat64x4(2), archsimd.BroadcastFloat64x4(0)
	mant, expOne := archsimd.BroadcastUint64x4(1<<52-1), archsimd.BroadcastUint64x4(1023<<52)
	bit52, sqrt2 := archsimd.BroadcastUint64x4(1<<52), archsimd.BroadcastInt64x4(0x3ff6a09e667f3bcd)
	shift, magic := archsimd.BroadcastUint64x4(52), archsimd.BroadcastFloat64x4(0x1p52)
	bias, kHalf := archsimd.BroadcastFloat64x4(1023), archsimd.BroadcastFloat64x4(0.5)
	kLg1, kLg2, kLg3 := archsimd.BroadcastFloat64x4(lg1), archsimd.BroadcastFloat64x4(lg2), archsimd.BroadcastFloat64x4(lg3)
	kLg4, kLg5, kLg6 := archsimd.BroadcastFloat64x4(lg4), archsimd.BroadcastFloat64x4(lg5), archsimd.BroadcastFloat64x4(lg6)
	kLg7 := archsimd.BroadcastFloat64x4(lg7)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat64x4(6.93147180369123816490e-01), archsimd.BroadcastFloat64x4(1.90821492927058770002e-10)
	var a0, a1 archsimd.Float64x4
	more := false
	i := 0
	for ; i+8 <= len(x); i += 8 {
		xv, yv := archsimd.LoadFloat32x8Slice(x[i:]), archsimd.LoadFloat32x8Slice(y[i:])
		ok := xv.Greater(zero).And(xv.Less(kOne)).And(yv.Mul(yv.Sub(kOne)).Equal(zero))
		if ok.ToBits() != 0xff {
			more = true
			break
		}
		if sum || o != nil {
			nx := xv.AsInt32x8().Xor(sign).AsFloat32x8() // -x
			yz := yv.Equal(zero)
			// a = 1 + (-x) where y is 0, else x, in float64 (exact)
			ylo, yhi := yv.GetLo().ConvertToFloat64().Equal(zero64), yv.GetHi().ConvertToFloat64().Equal(zero64)
			ulo := nx.GetLo().ConvertToFloat64().Add(one).Merge(xv.GetLo().ConvertToFloat64(), ylo)
			uhi := nx.GetHi().ConvertToFloat64().Add(one).Merge(xv.GetHi().ConvertToFloat64(), yhi)
			// log a, as vmath's log4
			blo := ulo.AsUint64x4()
			mlo := blo.And(mant).Or(expOne)
			biglo := mlo.AsInt64x4().Greater(sqrt2)
			mlo = mlo.Sub(bit52).Merge(mlo, biglo)
			elo := blo.ShiftRight(shift).Or(magic.AsUint64x4()).AsFloat64x4().Sub(magic)
			elo = elo.Sub(bias).Add(one.Masked(biglo))
			flo := mlo.AsFloat64x4().Sub(one)
			slo := flo.Div(flo.Add(two))
			zlo := slo.Mul(slo)
			wlo := zlo.Mul(zlo)
			t1lo := wlo.MulAdd(kLg7, kLg5)
			t1lo = wlo.MulAdd(t1lo, kLg3)
			t1lo = wlo.MulAdd(t1lo, kLg1).Mul(zlo)
			t2lo := wlo.MulAdd(kLg6, kLg4)
			t2lo = wlo.MulAdd(t2lo, kLg2).Mul(wlo)
			hflo := flo.Mul(flo).Mul(kHalf)
			inlo := slo.MulAdd(hflo.Add(t1lo.Add(t2lo)), elo.Mul(kLn2lo))
			llo := elo.Mul(kLn2hi).Sub(hflo.Sub(inlo).Sub(flo))
			bhi := uhi.AsUint64x4()
			mhi := bhi.And(mant).Or(expOne)
			bighi := mhi.AsInt64x4().Greater(sqrt2)
			mhi = mhi.Sub(bit52).Merge(mhi, bighi)
			ehi := bhi.ShiftRight(shift).Or(magic.AsUint64x4()).AsFloat64x4().Sub(magic)
			ehi = ehi.Sub(bias).Add(one.Masked(bighi))
			fhi := mhi.AsFloat64x4().Sub(one)
			shi := fhi.Div(fhi.Add(two))
			zhi := shi.Mul(shi)
			whi := zhi.Mul(zhi)
			t1hi := whi.MulAdd(kLg7, kLg5)
			t1hi = whi.MulAdd(t1hi, kLg3)
			t1hi = whi.MulAdd(t1hi, kLg1).Mul(zhi)
			t2hi := whi.MulAdd(kLg6, kLg4)
			t2hi = whi.MulAdd(t2hi, kLg2).Mul(whi)
			hfhi := fhi.Mul(fhi).Mul(kHalf)
			inhi := shi.MulAdd(hfhi.Add(t1hi.Add(t2hi)), ehi.Mul(kLn2lo))
			lhi := ehi.Mul(kLn2hi).Sub(hfhi.Sub(inhi).Sub(fhi))
			l := xv.SetLo(llo.ConvertToFloat32()).SetHi(lhi.ConvertToFloat32())
			// log1p(-x) is -x itself for x below 2**-29
			l = nx.Merge(l, nx.Less(tiny).And(nx.Greater(ntiny)).And(yz))
			loss := yv.Sub(kOne).Mul(nz).Sub(l.Max(m100))
			if o != nil {
				loss.StoreSlice(o[i:])
			}
			if sum {
				a0 = a0.Add(loss.GetLo().ConvertToFloat64())
				a1 = a1.Add(loss.GetHi().ConvertToFloat64())
			}
		}
		if gx != nil {
			d := xv.Sub(yv)
			d.Div(kOne.Sub(xv).Mul(xv).Max(eps)).Mul(gv).StoreSlice(gx[i:])
		}
	}
	s := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return s, i, more
}

// KLFuseVec runs kl's float32 kernels over x and y, 8 lanes a step, from
// their start to the first vector with a target below 0, infinite or NaN;
// it returns the sum of the terms xlogy(y, y) - y·x (when sum is set),
// how many elements it took and whether it stopped at such a vector.
// With o not nil it writes the terms there, with gx not nil the input's
// gradient -y·g. Each lane takes the steps of vmath's LogTo32 (whose
// float64 logarithm it spells out), KLVec and NegScaleVec, bit for bit.
// The loop makes no call. On a CPU without AVX2 and FMA it takes
// nothing.
func KLFuseVec(o, gx, x, y []float32, g float32, sum bool) (float64, int, bool) {
	if !fmaVector || len(x) < 8 {
		return 0, 0, false
	}
	y = y[:len(x)]
	if o != nil {
		o = o[:len(x)]
	}
	if gx != nil {
		gx = gx[:len(x)]
	}
	zero, inf := archsimd.BroadcastFloat32x8(0), archsimd.BroadcastFloat32x8(float32(math.Inf(1)))
	ng := archsimd.BroadcastFloat32x8(-g)
	// the logarithm's
	one, two := archsimd.BroadcastFloat64x4(1), archsimd.BroadcastFloat64x4(2)
	mant, expOne := archsimd.BroadcastUint64x4(1<<52-1), archsimd.BroadcastUint64x4(1023<<52)
	bit52, sqrt2 := archsimd.BroadcastUint64x4(1<<52), archsimd.BroadcastInt64x4(0x3ff6a09e667f3bcd)
	shift, magic := archsimd.BroadcastUint64x4(52), archsimd.BroadcastFloat64x4(0x1p52)
	bias, kHalf := archsimd.BroadcastFloat64x4(1023), archsimd.BroadcastFloat64x4(0.5)
	kLg1, kLg2, kLg3 := archsimd.BroadcastFloat64x4(lg1), archsimd.BroadcastFloat64x4(lg2), archsimd.BroadcastFloat64x4(lg3)
	kLg4, kLg5, kLg6 := archsimd.BroadcastFloat64x4(lg4), archsimd.BroadcastFloat64x4(lg5), archsimd.BroadcastFloat64x4(lg6)
	kLg7 := archsimd.BroadcastFloat64x4(lg7)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat64x4(6.93147180369123816490e-01), archsimd.BroadcastFloat64x4(1.90821492927058770002e-10)
	var a0, a1 archsimd.Float64x4
	more := false
	i := 0
	for ; i+8 <= len(x); i += 8 {
		yv := archsimd.LoadFloat32x8Slice(y[i:])
		if yv.GreaterEqual(zero).And(yv.Less(inf)).ToBits() != 0xff {
			more = true
			break
		}
		if sum || o != nil {
			xv := archsimd.LoadFloat32x8Slice(x[i:])
			// log y, as vmath's log4 (y = 0 gives a finite value,
			// dropped below)
			ulo, uhi := yv.GetLo().ConvertToFloat64(), yv.GetHi().ConvertToFloat64()
			blo := ulo.AsUint64x4()
			mlo := blo.And(mant).Or(expOne)
			biglo := mlo.AsInt64x4().Greater(sqrt2)
			mlo = mlo.Sub(bit52).Merge(mlo, biglo)
			elo := blo.ShiftRight(shift).Or(magic.AsUint64x4()).AsFloat64x4().Sub(magic)
			elo = elo.Sub(bias).Add(one.Masked(biglo))
			flo := mlo.AsFloat64x4().Sub(one)
			slo := flo.Div(flo.Add(two))
			zlo := slo.Mul(slo)
			wlo := zlo.Mul(zlo)
			t1lo := wlo.MulAdd(kLg7, kLg5)
			t1lo = wlo.MulAdd(t1lo, kLg3)
			t1lo = wlo.MulAdd(t1lo, kLg1).Mul(zlo)
			t2lo := wlo.MulAdd(kLg6, kLg4)
			t2lo = wlo.MulAdd(t2lo, kLg2).Mul(wlo)
			hflo := flo.Mul(flo).Mul(kHalf)
			inlo := slo.MulAdd(hflo.Add(t1lo.Add(t2lo)), elo.Mul(kLn2lo))
			llo := elo.Mul(kLn2hi).Sub(hflo.Sub(inlo).Sub(flo))
			bhi := uhi.AsUint64x4()
			mhi := bhi.And(mant).Or(expOne)
			bighi := mhi.AsInt64x4().Greater(sqrt2)
			mhi = mhi.Sub(bit52).Merge(mhi, bighi)
			ehi := bhi.ShiftRight(shift).Or(magic.AsUint64x4()).AsFloat64x4().Sub(magic)
			ehi = ehi.Sub(bias).Add(one.Masked(bighi))
			fhi := mhi.AsFloat64x4().Sub(one)
			shi := fhi.Div(fhi.Add(two))
			zhi := shi.Mul(shi)
			whi := zhi.Mul(zhi)
			t1hi := whi.MulAdd(kLg7, kLg5)
			t1hi = whi.MulAdd(t1hi, kLg3)
			t1hi = whi.MulAdd(t1hi, kLg1).Mul(zhi)
			t2hi := whi.MulAdd(kLg6, kLg4)
			t2hi = whi.MulAdd(t2hi, kLg2).Mul(whi)
			hfhi := fhi.Mul(fhi).Mul(kHalf)
			inhi := shi.MulAdd(hfhi.Add(t1hi.Add(t2hi)), ehi.Mul(kLn2lo))
			lhi := ehi.Mul(kLn2hi).Sub(hfhi.Sub(inhi).Sub(fhi))
			l := xv.SetLo(llo.ConvertToFloat32()).SetHi(lhi.ConvertToFloat32())
			// xlogy(y, y) - y·x, as KLVec
			xl := zero.Merge(yv.Mul(l), yv.Equal(zero))
			term := xl.Sub(yv.Mul(xv))
			if o != nil {
				term.StoreSlice(o[i:])
			}
			if sum {
				a0 = a0.Add(term.GetLo().ConvertToFloat64())
				a1 = a1.Add(term.GetHi().ConvertToFloat64())
			}
		}
		if gx != nil {
			yv.Mul(ng).StoreSlice(gx[i:])
		}
	}
	s := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return s, i, more
}
