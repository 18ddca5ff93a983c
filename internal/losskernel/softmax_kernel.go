package losskernel

import "math"

// Float32 kernels of the fast cross entropy, in plain Go; softmax_kernel_simd.go
// and softmax_kernel_scalar.go choose between these and vector forms.

// The exponential of the fast cross entropy, in plain Go: e**d for d =
// x - shift, the difference taken in float64 (exact for float32 x and
// shift), to float32 precision. With u = d·2048/ln2 = k + f, k an integer
// and |f| <= 1/2, e**d = 2**(k>>11) · 2**((k&2047)/2048) · e**r with r =
// f·ln2/2048, |r| <= 1.7e-4 and e**r = 1 + r to within 1.5e-8: a table
// entry with the power of two added to its exponent bits, times 1 + r.
// k's bits are those of the rounding sum u + ceRound itself, and one
// unsigned comparison on them catches every d outside [-709, 709], NaN
// and the infinities: a dozen floating point operations an element and
// no conversion between floats and integers. Below the range the result
// is 0 (below the least float64, let alone float32), above it +Inf: the
// callers check a row's sum and take out of range rows again with their
// own maximum.

// ceExpBits holds the bits of 2**(j/2048) for j in [0, 2048).
var ceExpBits = func() (t [2048]uint64) {
	for j := range t {
		t[j] = math.Float64bits(math.Exp2(float64(j) / 2048))
	}
	return t
}()

const (
	ceInv   = 2048 / math.Ln2
	ceRound = 0x1.8p52 // adding it rounds a float64 below 2**51 to an integer
	ceStep  = math.Ln2 / 2048
	// ceKLow is the bits of ceRound - 2**21, the least rounding sum the
	// table takes (d about -710); ceKSpan the width of the range.
	ceKLow  = 0x4338000000000000 - 1<<21
	ceKSpan = 1 << 22
	ceHuge  = 0x1p1000
)

// ceExpConst holds ceExp's constants as variables: the loops load them
// once into registers (the compiler reloads a constant from memory at
// each use).
var ceExpConst = struct{ inv, round, step float64 }{ceInv, ceRound, ceStep}

// ceExp returns e**d to float32 precision (as a float64) for |d| < 709,
// 0 below, +Inf above and NaN for NaN; inv, round and step are ceInv,
// ceRound and ceStep.
func ceExp(d, inv, round, step float64) float64 {
	u := d * inv
	kr := u + round
	b := math.Float64bits(kr)
	if b-ceKLow >= ceKSpan {
		if d < 0 {
			return 0
		}
		return d * ceHuge * ceHuge // +Inf, or NaN
	}
	t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
	return t + t*((u-(kr-round))*step)
}

// expShiftSum32Generic sets dst[i] = e**(src[i]-shift) and returns the
// sum of the values, accumulated in float64.
func expShiftSum32Generic(dst, src []float32, shift float32) float64 {
	src = src[:len(dst)]
	h := float64(shift)
	k := ceExpConst
	var s float64
	for i, v := range src {
		e := ceExp(float64(v)-h, k.inv, k.round, k.step)
		dst[i] = float32(e)
		s += e
	}
	return s
}

// sumExpShift32Generic returns the sum of e**(src[i]-shift) in float64.
func sumExpShift32Generic(src []float32, shift float32) float64 {
	h := float64(shift)
	k := ceExpConst
	var s float64
	for _, v := range src {
		s += ceExp(float64(v)-h, k.inv, k.round, k.step)
	}
	return s
}

// The passes of CEExpPass in plain Go: ceExp's steps two elements at a
// time, with its range check taken out of the loop. Each element ORs its
// offset from the least rounding sum into chk, which stays below ceKSpan
// (a power of two) only if every element was in range; outside it the
// table entry and exponent are garbage, and the caller takes the block
// again. They return the sums and whether every element was in range.

// sumExpFast returns the sum of e**(src[i]-shift) in float64: as Σt
// + (ln2/2048)·Σt·f over the table entries t and fractions f, the step
// taken out of the loop.
func sumExpFast(src []float32, shift float32) (float64, bool) {
	if shift == 0 {
		return sumExpFast0(src)
	}
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	var s0, s1, f0, f1 float64
	var chk uint64
	for len(src) >= 2 {
		u0, u1 := (float64(src[0])-h)*inv, (float64(src[1])-h)*inv
		src = src[2:]
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		s0, s1 = s0+t0, s1+t1
		f0 += t0 * (u0 - (kr0 - round))
		f1 += t1 * (u1 - (kr1 - round))
	}
	for _, v := range src {
		u := (float64(v) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		s0 += t
		f0 += t * (u - (kr - round))
	}
	return (s0 + s1) + (f0+f1)*step, chk < ceKSpan
}

// sumExpFast0 is sumExpFast for a shift of 0, one subtraction an element
// less.
func sumExpFast0(src []float32) (float64, bool) {
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	var s0, s1, f0, f1 float64
	var chk uint64
	for len(src) >= 2 {
		u0, u1 := float64(src[0])*inv, float64(src[1])*inv
		src = src[2:]
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		s0, s1 = s0+t0, s1+t1
		f0 += t0 * (u0 - (kr0 - round))
		f1 += t1 * (u1 - (kr1 - round))
	}
	for _, v := range src {
		u := float64(v) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		s0 += t
		f0 += t * (u - (kr - round))
	}
	return (s0 + s1) + (f0+f1)*step, chk < ceKSpan
}

// expSumFast sets dst[i] = e**(src[i]-shift) (src as long as dst) and
// returns their sum in float64.
func expSumFast(dst, src []float32, shift float32) (float64, bool) {
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	var s0, s1 float64
	var chk uint64
	for len(src) >= 2 && len(dst) >= 2 {
		u0, u1 := (float64(src[0])-h)*inv, (float64(src[1])-h)*inv
		src = src[2:]
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		e0 := t0 + t0*((u0-(kr0-round))*step)
		e1 := t1 + t1*((u1-(kr1-round))*step)
		dst[0], dst[1] = float32(e0), float32(e1)
		dst = dst[2:]
		s0 += e0
		s1 += e1
	}
	for i, v := range src[:min(len(src), len(dst))] {
		u := (float64(v) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		e := t + t*((u-(kr-round))*step)
		dst[i] = float32(e)
		s0 += e
	}
	return s0 + s1, chk < ceKSpan
}

// expSumsFast is sumExpFast, or expSumFast when dst is not nil, that also
// returns the sum of src[i]-shift.
func expSumsFast(dst, src []float32, shift float32) (e, d float64, ok bool) {
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	if dst != nil {
		src = src[:len(dst)]
	}
	var e1, d1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		x0, x1 := float64(src[i])-h, float64(src[i+1])-h
		u0, u1 := x0*inv, x1*inv
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		y0 := t0 + t0*((u0-(kr0-round))*step)
		y1 := t1 + t1*((u1-(kr1-round))*step)
		if dst != nil {
			dst[i], dst[i+1] = float32(y0), float32(y1)
		}
		e, e1 = e+y0, e1+y1
		d, d1 = d+x0, d1+x1
	}
	if i < len(src) {
		x := float64(src[i]) - h
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		y := t + t*((u-(kr-round))*step)
		if dst != nil {
			dst[i] = float32(y)
		}
		e += y
		d += x
	}
	return e + e1, d + d1, chk < ceKSpan
}

// expProbFast is expSumFast (dst nil: sumExpFast) that also returns the
// sums of p[i] and of p[i]·(src[i]-shift) and, when all is set, of
// src[i]-shift, the differences exact in float64: the probability-target
// loss's sums in the exponentials' pass. p is as long as src.
func expProbFast(dst, src, p []float32, shift float32, all bool) (e, sp, dp, sx float64, ok bool) {
	if dst != nil {
		src = src[:len(dst)]
		return expProbStore(dst, src, p[:len(src)], shift, all)
	}
	return sumExpProb(src, p[:len(src)], shift, all)
}

// sumExpProb is expProbFast with no numerators to store: its sum as
// sumExpFast's, the step taken out of the loop.
func sumExpProb(src, p []float32, shift float32, all bool) (e, sp, dp, sx float64, ok bool) {
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	p = p[:len(src)]
	var e1, f0, f1, sp1, dp1, sx1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		x0, x1 := float64(src[i])-h, float64(src[i+1])-h
		u0, u1 := x0*inv, x1*inv
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		e, e1 = e+t0, e1+t1
		f0 += t0 * (u0 - (kr0 - round))
		f1 += t1 * (u1 - (kr1 - round))
		p0, p1 := float64(p[i]), float64(p[i+1])
		sp, sp1 = sp+p0, sp1+p1
		dp, dp1 = dp+p0*x0, dp1+p1*x1
		if all {
			sx, sx1 = sx+x0, sx1+x1
		}
	}
	if i < len(src) {
		x := float64(src[i]) - h
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		e += t
		f0 += t * (u - (kr - round))
		sp += float64(p[i])
		dp += float64(p[i]) * x
		if all {
			sx += x
		}
	}
	return (e + e1) + (f0+f1)*step, sp + sp1, dp + dp1, sx + sx1, chk < ceKSpan
}

// expProbStore is expProbFast storing the numerators in dst (src and p as
// long as dst).
func expProbStore(dst, src, p []float32, shift float32, all bool) (e, sp, dp, sx float64, ok bool) {
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src, p = src[:len(dst)], p[:len(dst)]
	var e1, sp1, dp1, sx1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		x0, x1 := float64(src[i])-h, float64(src[i+1])-h
		u0, u1 := x0*inv, x1*inv
		kr0, kr1 := u0+round, u1+round
		b0, b1 := math.Float64bits(kr0), math.Float64bits(kr1)
		chk |= (b0 - ceKLow) | (b1 - ceKLow)
		t0 := math.Float64frombits(ceExpBits[b0&2047] + (b0>>11)<<52)
		t1 := math.Float64frombits(ceExpBits[b1&2047] + (b1>>11)<<52)
		y0 := t0 + t0*((u0-(kr0-round))*step)
		y1 := t1 + t1*((u1-(kr1-round))*step)
		dst[i], dst[i+1] = float32(y0), float32(y1)
		e, e1 = e+y0, e1+y1
		p0, p1 := float64(p[i]), float64(p[i+1])
		sp, sp1 = sp+p0, sp1+p1
		dp, dp1 = dp+p0*x0, dp1+p1*x1
		if all {
			sx, sx1 = sx+x0, sx1+x1
		}
	}
	if i < len(src) {
		x := float64(src[i]) - h
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpBits[b&2047] + (b>>11)<<52)
		y := t + t*((u-(kr-round))*step)
		dst[i] = float32(y)
		e += y
		sp += float64(p[i])
		dp += float64(p[i]) * x
		if all {
			sx += x
		}
	}
	return e + e1, sp + sp1, dp + dp1, sx + sx1, chk < ceKSpan
}

// sum32Generic returns the sum of s in float64.
func sum32Generic(s []float32) float64 {
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i])
		b += float64(s[i+1])
	}
	if i < len(s) {
		a += float64(s[i])
	}
	return a + b
}

// scale32Generic multiplies s by f in place.
func scale32Generic(s []float32, f float32) {
	for i := range s {
		s[i] *= f
	}
}

// sumShift32Generic returns the sum of s[i]-h, each difference exact in
// float64, accumulated in float64.
func sumShift32Generic(s []float32, h float32) float64 {
	hf := float64(h)
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i]) - hf
		b += float64(s[i+1]) - hf
	}
	if i < len(s) {
		a += float64(s[i]) - hf
	}
	return a + b
}

// scaleSub32Generic sets dst[i] = dst[i]·f - (a·p[i] + b), or
// dst[i]·f - b when p is nil; p is at least as long as dst.
func scaleSub32Generic(dst, p []float32, f, a, b float32) {
	if p == nil {
		for i, v := range dst {
			dst[i] = v*f - b
		}
		return
	}
	p = p[:len(dst)]
	for i, v := range dst {
		dst[i] = v*f - (a*p[i] + b)
	}
}

// probSums32Generic returns the sums of p[i], of p[i]·(s[i]-h) and, when
// all is set, of s[i]-h (exact in float64), accumulated in float64 in two
// chains each; s is at least as long as p.
func probSums32Generic(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	s = s[:len(p)]
	hf := float64(h)
	var sp1, dp1, sx1 float64
	i := 0
	for ; i+2 <= len(p); i += 2 {
		v0, v1 := float64(p[i]), float64(p[i+1])
		d0, d1 := float64(s[i])-hf, float64(s[i+1])-hf
		sp += v0
		sp1 += v1
		dp += v0 * d0
		dp1 += v1 * d1
		if all {
			sx += d0
			sx1 += d1
		}
	}
	if i < len(p) {
		d := float64(s[i]) - hf
		sp += float64(p[i])
		dp += float64(p[i]) * d
		if all {
			sx += d
		}
	}
	return sp + sp1, dp + dp1, sx + sx1
}
