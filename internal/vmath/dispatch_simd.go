//go:build goexperiment.simd && amd64

package vmath

import (
	"math"
	"simd/archsimd"
)

// The float32 slice functions on 8-lane AVX2 vectors, with FMA. Tails
// shorter than a vector, and every slice on a CPU without AVX2 and FMA,
// go to the scalar loops.

// vector reports whether the CPU has the AVX2 and FMA instructions the
// vector forms use; it is fixed at start-up.
var vector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// minVector is the shortest slice the vector forms take: below it, the
// switch between vector and scalar code costs more than it saves.
const minVector = 64

// The exponential of the vector loops, written out in each of them (a
// function of it is over the inlining budget, and calling it costs as
// much as it computes): e**(x+lo) for x+lo the exact sum of x and a small
// correction lo, in float32 within about one unit in the last place, by
// Cephes's reduction and polynomial, with the power of two applied in two
// halves so that subnormal results round once, overflow gives +Inf and
// NaN stays NaN.

// shifted8 returns x - shift as the float32 sum d + lo, exactly up to
// the float32 rounding of the correction: Knuth's two-sum of x and -hi,
// with shift = hi + slo split in float32.
func shifted8(x, nhi, nslo, zero archsimd.Float32x8) (d, lo archsimd.Float32x8) {
	d = x.Add(nhi)
	bb := d.Sub(x)
	lo = x.Sub(d.Sub(bb)).Add(nhi.Sub(bb)).Add(nslo)
	// an infinite x (or shift) leaves NaN in lo: the sum is d alone
	return d, zero.Merge(lo, lo.IsNaN())
}

// splitShift returns -shift as a float32 pair.
func splitShift(shift float64) (nhi, nslo float32) {
	hi := float32(shift)
	return -hi, -float32(shift - float64(hi))
}

// AddWide adds the 8 lanes of v into two float64 accumulators: the low
// four into a0, the high four into a1.
func AddWide(a0, a1 archsimd.Float64x4, v archsimd.Float32x8) (archsimd.Float64x4, archsimd.Float64x4) {
	return a0.Add(v.GetLo().ConvertToFloat64()), a1.Add(v.GetHi().ConvertToFloat64())
}

// SumLanes returns the sum of the lanes of a0 and a1.
func SumLanes(a0, a1 archsimd.Float64x4) float64 {
	var b [4]float64
	a0.Add(a1).Store(&b)
	return (b[0] + b[1]) + (b[2] + b[3])
}

func expTo32(dst, src []float32) {
	if !vector || len(dst) < minVector {
		expTo32Generic(dst, src)
		return
	}
	zero := archsimd.BroadcastFloat32x8(0)
	// exp's constants (see the exponential below), made once per loop
	kLo, kHi := archsimd.BroadcastFloat32x8(-105), archsimd.BroadcastFloat32x8(89)
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		x := archsimd.LoadFloat32x8Slice(src[i:])
		// y = e**(x+zero), inline (see the note on exponentials)
		xc := x.Max(kLo).Min(kHi)
		n := xc.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, xc)
		r = n.MulAdd(kLn2lo, r).Add(zero)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		ni := n.ConvertToInt32()
		n1 := ni.ShiftAllRight(1)
		s1 := n1.Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		s2 := ni.Sub(n1).Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		y := x.Merge(p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s1).Mul(s2), x.IsNaN())
		y.StoreSlice(dst[i:])
	}
	archsimd.ClearAVXUpperBits()
	expTo32Generic(dst[i:], src[i:])
}

func max32(s []float32) float32 {
	if !vector || len(s) < minVector {
		return max32Generic(s)
	}
	m := archsimd.LoadFloat32x8Slice(s)
	nan := m.IsNaN()
	i := 8
	for ; i+8 <= len(s); i += 8 {
		v := archsimd.LoadFloat32x8Slice(s[i:])
		m = m.Max(v)
		nan = nan.Or(v.IsNaN())
	}
	var b [8]float32
	m.Store(&b)
	hasNaN := nan.ToBits() != 0
	archsimd.ClearAVXUpperBits()
	if hasNaN {
		return float32(math.NaN())
	}
	return max(max32Generic(b[:]), max32Generic(s[i:]))
}

// The functions with float64 arguments split into a wrapper, which runs
// the scalar tail, and a vector loop that takes its constants as scalars
// and broadcasts them itself. (Vectors built in the wrapper from float64
// arithmetic and passed in made the loop ten times slower on the
// machines measured, and so did a float64 kept live across the loop.)

func sumExp32(s []float32, shift float64) float64 {
	if !vector || len(s) < minVector {
		return sumExp32Generic(s, shift)
	}
	nhi, nslo := splitShift(shift)
	sum, i := sumExp8(s, nhi, nslo)
	return sum + sumExp32Generic(s[i:], shift)
}

func sumExp8(s []float32, nhis, nslos float32) (float64, int) {
	zero := archsimd.BroadcastFloat32x8(0)
	nhi, nslo := archsimd.BroadcastFloat32x8(nhis), archsimd.BroadcastFloat32x8(nslos)
	// exp's constants (see the exponential below), made once per loop
	kLo, kHi := archsimd.BroadcastFloat32x8(-105), archsimd.BroadcastFloat32x8(89)
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(s); i += 8 {
		d, lo := shifted8(archsimd.LoadFloat32x8Slice(s[i:]), nhi, nslo, zero)
		// y = e**(d+lo), inline (see the note on exponentials)
		xc := d.Max(kLo).Min(kHi)
		n := xc.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, xc)
		r = n.MulAdd(kLn2lo, r).Add(lo)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		ni := n.ConvertToInt32()
		n1 := ni.ShiftAllRight(1)
		s1 := n1.Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		s2 := ni.Sub(n1).Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		y := d.Merge(p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s1).Mul(s2), d.IsNaN())
		a0, a1 = AddWide(a0, a1, y)
	}
	sum := SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return sum, i
}

func expScale32(dst, src []float32, shift, scale float64) {
	if !vector || len(dst) < minVector {
		expScale32Generic(dst, src, shift, scale)
		return
	}
	nhi, nslo := splitShift(shift)
	i := expScale8(dst, src, nhi, nslo, scale)
	expScale32Generic(dst[i:], src[i:], shift, scale)
}

func expScale8(dst, src []float32, nhis, nslos float32, scale float64) int {
	sc := archsimd.BroadcastFloat64x4(scale)
	zero := archsimd.BroadcastFloat32x8(0)
	nhi, nslo := archsimd.BroadcastFloat32x8(nhis), archsimd.BroadcastFloat32x8(nslos)
	// exp's constants (see the exponential below), made once per loop
	kLo, kHi := archsimd.BroadcastFloat32x8(-105), archsimd.BroadcastFloat32x8(89)
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		d, lo := shifted8(archsimd.LoadFloat32x8Slice(src[i:]), nhi, nslo, zero)
		// y = e**(d+lo), inline (see the note on exponentials)
		xc := d.Max(kLo).Min(kHi)
		n := xc.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, xc)
		r = n.MulAdd(kLn2lo, r).Add(lo)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		ni := n.ConvertToInt32()
		n1 := ni.ShiftAllRight(1)
		s1 := n1.Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		s2 := ni.Sub(n1).Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		y := d.Merge(p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s1).Mul(s2), d.IsNaN())
		// the product in float64, rounded once
		y0 := y.GetLo().ConvertToFloat64().Mul(sc).ConvertToFloat32()
		y1 := y.GetHi().ConvertToFloat64().Mul(sc).ConvertToFloat32()
		y.SetLo(y0).SetHi(y1).StoreSlice(dst[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

func expSum32(dst, src []float32, shift float64) float64 {
	if !vector || len(dst) < minVector {
		return expSum32Generic(dst, src, shift)
	}
	nhi, nslo := splitShift(shift)
	sum, i := expSum8(dst, src, nhi, nslo)
	return sum + expSum32Generic(dst[i:], src[i:], shift)
}

func expSum8(dst, src []float32, nhis, nslos float32) (float64, int) {
	zero := archsimd.BroadcastFloat32x8(0)
	nhi, nslo := archsimd.BroadcastFloat32x8(nhis), archsimd.BroadcastFloat32x8(nslos)
	// exp's constants (see the exponential below), made once per loop
	kLo, kHi := archsimd.BroadcastFloat32x8(-105), archsimd.BroadcastFloat32x8(89)
	kLog2e := archsimd.BroadcastFloat32x8(math.Log2E)
	kLn2hi, kLn2lo := archsimd.BroadcastFloat32x8(-0.693359375), archsimd.BroadcastFloat32x8(2.12194440e-4)
	kP0, kP1 := archsimd.BroadcastFloat32x8(1.9875691500e-4), archsimd.BroadcastFloat32x8(1.3981999507e-3)
	kP2, kP3 := archsimd.BroadcastFloat32x8(8.3334519073e-3), archsimd.BroadcastFloat32x8(4.1665795894e-2)
	kP4, kP5 := archsimd.BroadcastFloat32x8(1.6666665459e-1), archsimd.BroadcastFloat32x8(5.0000001201e-1)
	kOne, kBias := archsimd.BroadcastFloat32x8(1), archsimd.BroadcastInt32x8(127)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		d, lo := shifted8(archsimd.LoadFloat32x8Slice(src[i:]), nhi, nslo, zero)
		// y = e**(d+lo), inline (see the note on exponentials)
		xc := d.Max(kLo).Min(kHi)
		n := xc.Mul(kLog2e).RoundToEven()
		r := n.MulAdd(kLn2hi, xc)
		r = n.MulAdd(kLn2lo, r).Add(lo)
		p := kP0.MulAdd(r, kP1)
		p = p.MulAdd(r, kP2)
		p = p.MulAdd(r, kP3)
		p = p.MulAdd(r, kP4)
		p = p.MulAdd(r, kP5)
		ni := n.ConvertToInt32()
		n1 := ni.ShiftAllRight(1)
		s1 := n1.Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		s2 := ni.Sub(n1).Add(kBias).ShiftAllLeft(23).AsFloat32x8()
		y := d.Merge(p.MulAdd(r.Mul(r), r).Add(kOne).Mul(s1).Mul(s2), d.IsNaN())
		y.StoreSlice(dst[i:])
		a0, a1 = AddWide(a0, a1, y)
	}
	sum := SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return sum, i
}

func logTo32(dst, src []float32) {
	if !vector || len(dst) < minVector {
		logTo32Generic(dst, src)
		return
	}
	i := log8(dst, src)
	logTo32Generic(dst[i:], src[i:])
}

// log8 runs logTo32 over the whole vectors of src and returns how many
// elements it did. Each half vector goes to float64, where every positive
// finite float32 (subnormals included) is a normal number, and takes Log's
// reduction and polynomial. A vector with an argument at or below 0,
// +Inf or NaN goes to the scalar loop.
func log8(dst, src []float32) int {
	zero := archsimd.BroadcastFloat32x8(0)
	inf := archsimd.BroadcastFloat32x8(float32(math.Inf(1)))
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		x := archsimd.LoadFloat32x8Slice(src[i:])
		if x.Greater(zero).And(x.Less(inf)).ToBits() != 0xff {
			archsimd.ClearAVXUpperBits()
			logTo32Generic(dst[i:i+8], src[i:i+8])
			continue
		}
		// (both halves stay float64 until both are done, as in log1p8)
		lo := log4(x.GetLo().ConvertToFloat64())
		hi := log4(x.GetHi().ConvertToFloat64())
		x.SetLo(lo.ConvertToFloat32()).SetHi(hi.ConvertToFloat32()).StoreSlice(dst[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

func log1pTo32(dst, src []float32) {
	if !vector || len(dst) < minVector {
		log1pTo32Generic(dst, src)
		return
	}
	i := log1p8(dst, src)
	log1pTo32Generic(dst[i:], src[i:])
}

func logPick32(dst, x, y []float32) {
	if !vector || len(dst) < minVector {
		logPick32Generic(dst, x, y)
		return
	}
	i := logPick8(dst, x, y)
	logPick32Generic(dst[i:], x[i:], y[i:])
}

// logPick8 runs logPick32 over the whole vectors of x and returns how
// many elements it did. A vector that log8 of x and log1p8 of -x would
// both take runs their body once, on x or 1-x (exact in float64) as y
// picks; any other goes to both, so that every lane is what LogTo32 or
// Log1pTo32 makes of it.
func logPick8(dst, x, y []float32) int {
	y = y[:len(dst)]
	zero := archsimd.BroadcastFloat32x8(0)
	one := archsimd.BroadcastFloat32x8(1)
	inf := archsimd.BroadcastFloat32x8(float32(math.Inf(1)))
	ninf := archsimd.BroadcastFloat32x8(float32(math.Inf(-1)))
	tiny := archsimd.BroadcastFloat32x8(0x1p-29)
	ntiny := archsimd.BroadcastFloat32x8(-0x1p-29)
	sign := archsimd.BroadcastInt32x8(math.MinInt32)
	zero64 := archsimd.BroadcastFloat64x4(0)
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		xv := archsimd.LoadFloat32x8Slice(x[i:])
		ok := xv.Greater(zero).And(xv.Less(inf)).And(xv.Less(one)).And(xv.Greater(ninf))
		if ok.ToBits() != 0xff {
			archsimd.ClearAVXUpperBits()
			pickSlow(dst[i:i+8], x[i:i+8], y[i:i+8])
			continue
		}
		yv := archsimd.LoadFloat32x8Slice(y[i:])
		nx := xv.AsInt32x8().Xor(sign).AsFloat32x8() // -x, -0 for 0
		// u = 1 + (-x) as log1p8 forms it where y is 0, else x, in float64
		lo := log4(log1p4Arg(nx.GetLo().ConvertToFloat64()).Merge(xv.GetLo().ConvertToFloat64(), yv.GetLo().ConvertToFloat64().Equal(zero64)))
		hi := log4(log1p4Arg(nx.GetHi().ConvertToFloat64()).Merge(xv.GetHi().ConvertToFloat64(), yv.GetHi().ConvertToFloat64().Equal(zero64)))
		yz := yv.Equal(zero)
		r := xv.SetLo(lo.ConvertToFloat32()).SetHi(hi.ConvertToFloat32())
		small := nx.Less(tiny).And(nx.Greater(ntiny)).And(yz)
		nx.Merge(r, small).StoreSlice(dst[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

// pickSlow is logPick8 on one vector that log8 or log1p8 sends to the
// scalar loop: both, lane by lane as y picks.
func pickSlow(dst, x, y []float32) {
	var a, b, n [8]float32
	for k, v := range x[:8] {
		n[k] = -v
	}
	log8(a[:], x[:8])
	log1p8(b[:], n[:])
	for k, t := range y[:8] {
		if t != 0 {
			dst[k] = a[k]
		} else {
			dst[k] = b[k]
		}
	}
}

// log1p8 runs log1pTo32 over the whole vectors of src and returns how many
// elements it did. Each half vector goes to float64, where 1+x is exact
// for a float32 x of at least 2**-29, and takes Log's reduction and
// polynomial; below 2**-29 log1p(x) rounds to x itself. A vector with an
// argument at or below -1, infinite or NaN goes to the scalar loop.
func log1p8(dst, src []float32) int {
	lim := archsimd.BroadcastFloat32x8(-1)
	inf := archsimd.BroadcastFloat32x8(float32(math.Inf(1)))
	tiny := archsimd.BroadcastFloat32x8(0x1p-29)
	ntiny := archsimd.BroadcastFloat32x8(-0x1p-29)
	i := 0
	for ; i+8 <= len(dst); i += 8 {
		x := archsimd.LoadFloat32x8Slice(src[i:])
		if x.Greater(lim).And(x.Less(inf)).ToBits() != 0xff {
			archsimd.ClearAVXUpperBits()
			log1pTo32Generic(dst[i:i+8], src[i:i+8])
			continue
		}
		// (both halves stay float64 until both are done: a float32 half
		// kept across the call is spilled with an SSE instruction)
		lo := log1p4(x.GetLo().ConvertToFloat64())
		hi := log1p4(x.GetHi().ConvertToFloat64())
		y := x.SetLo(lo.ConvertToFloat32()).SetHi(hi.ConvertToFloat32())
		small := x.Less(tiny).And(x.Greater(ntiny))
		x.Merge(y, small).StoreSlice(dst[i:])
	}
	archsimd.ClearAVXUpperBits()
	return i
}

// log1p4 returns log(1+x) on four float64 lanes where 1+x is exact and
// finite: log4 of the sum.
func log1p4(x archsimd.Float64x4) archsimd.Float64x4 {
	return log4(log1p4Arg(x))
}

// log1p4Arg returns 1+x, the argument log1p4 takes the logarithm of.
func log1p4Arg(x archsimd.Float64x4) archsimd.Float64x4 {
	return x.Add(archsimd.BroadcastFloat64x4(1))
}

// log4 returns log u on four float64 lanes where u is positive, normal
// and finite: Log's body, with the halving of the mantissa by a mask.
func log4(u archsimd.Float64x4) archsimd.Float64x4 {
	one := archsimd.BroadcastFloat64x4(1)
	b := u.AsUint64x4()
	m := b.And(archsimd.BroadcastUint64x4(1<<52 - 1)).Or(archsimd.BroadcastUint64x4(1023 << 52))
	big := m.AsInt64x4().Greater(archsimd.BroadcastInt64x4(sqrt2bits))
	m = m.Sub(archsimd.BroadcastUint64x4(1<<52)).Merge(m, big)
	// the exponent as a float64: its bits under 2**52's, less 2**52
	magic := archsimd.BroadcastFloat64x4(0x1p52)
	// (a shift by a vector of counts and a mask rather than a zero vector:
	// the compiler makes those two with SSE instructions, which stall
	// among AVX ones)
	e := b.ShiftRight(archsimd.BroadcastUint64x4(52)).Or(magic.AsUint64x4()).AsFloat64x4().Sub(magic)
	e = e.Sub(archsimd.BroadcastFloat64x4(1023)).Add(one.Masked(big))
	f := m.AsFloat64x4().Sub(one)
	sr := f.Div(f.Add(archsimd.BroadcastFloat64x4(2)))
	z := sr.Mul(sr)
	w := z.Mul(z)
	t1 := w.MulAdd(archsimd.BroadcastFloat64x4(lg7), archsimd.BroadcastFloat64x4(lg5))
	t1 = w.MulAdd(t1, archsimd.BroadcastFloat64x4(lg3))
	t1 = w.MulAdd(t1, archsimd.BroadcastFloat64x4(lg1)).Mul(z)
	t2 := w.MulAdd(archsimd.BroadcastFloat64x4(lg6), archsimd.BroadcastFloat64x4(lg4))
	t2 = w.MulAdd(t2, archsimd.BroadcastFloat64x4(lg2)).Mul(w)
	r := t1.Add(t2)
	hfsq := f.Mul(f).Mul(archsimd.BroadcastFloat64x4(0.5))
	// e·ln2hi - ((hfsq - (sr·(hfsq+r) + e·ln2lo)) - f)
	inner := sr.MulAdd(hfsq.Add(r), e.Mul(archsimd.BroadcastFloat64x4(ln2lo)))
	return e.Mul(archsimd.BroadcastFloat64x4(ln2hi)).Sub(hfsq.Sub(inner).Sub(f))
}
