package loss

import "math"

// The plain-Go passes of the fast cross entropy, in fewer instructions
// an element than ce_kernel.go's: four elements a step, indexed through
// array pointers (no slice arithmetic in the loop), and the table entry
// and its power of two added in one step. With b the bits of the
// rounding sum u + ceRound, whose low bits hold k as ce_kernel.go
// describes, ceExp's 2**(k>>11) · 2**((k&2047)/2048) has the bits
// ceExpBits[j] + (k>>11)<<52, j = k&2047, which is ceExpAdj[j] + b<<41
// modulo 2**64: b<<41 is k<<41 (ceRound's bits shift out), that is
// (k>>11)<<52 + j<<41, and ceExpAdj[j] is ceExpBits[j] - j<<41. Every
// element ORs its offset from the least rounding sum into chk, as
// ce_kernel.go's passes do, and the pass reports whether all were in
// range; the results are those passes' to within the order of the
// additions.

// ceExpAdj holds ceExpBits[j] - j<<41, modulo 2**64.
var ceExpAdj = func() (t [2048]uint64) {
	for j := range t {
		t[j] = ceExpBits[j] - uint64(j)<<41
	}
	return t
}()

// ceSumExp returns the sum of e**(src[i]-shift) in float64, as Σt +
// (ln2/2048)·Σt·f over the table entries t and fractions f (as
// sumExpFast), and whether every difference was in range.
func ceSumExp(src []float32, shift float32) (float64, bool) {
	if shift == 0 {
		return ceSumExp0(src)
	}
	h := float64(shift)
	k := ceExpConst
	inv, round := k.inv, k.round
	var s0, s1, f0, f1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v := (*[4]float32)(src[i : i+4])
		u := (float64(v[0]) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
		u = (float64(v[1]) - h) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s1 += t
		f1 += t * (u - (kr - round))
		u = (float64(v[2]) - h) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
		u = (float64(v[3]) - h) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s1 += t
		f1 += t * (u - (kr - round))
	}
	for ; i < len(src); i++ {
		u := (float64(src[i]) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
	}
	return (s0 + s1) + (f0+f1)*k.step, chk < ceKSpan
}

// ceSumExp0 is ceSumExp for a shift of 0, one subtraction an element
// less.
func ceSumExp0(src []float32) (float64, bool) {
	k := ceExpConst
	inv, round := k.inv, k.round
	var s0, s1, f0, f1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v := (*[4]float32)(src[i : i+4])
		u := float64(v[0]) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
		u = float64(v[1]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s1 += t
		f1 += t * (u - (kr - round))
		u = float64(v[2]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
		u = float64(v[3]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s1 += t
		f1 += t * (u - (kr - round))
	}
	for ; i < len(src); i++ {
		u := float64(src[i]) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		s0 += t
		f0 += t * (u - (kr - round))
	}
	return (s0 + s1) + (f0+f1)*k.step, chk < ceKSpan
}

// ceExpStore sets dst[i] = e**(src[i]-shift) (src as long as dst) and
// returns their sum in float64 (as expSumFast), and whether every
// difference was in range.
func ceExpStore(dst, src []float32, shift float32) (float64, bool) {
	if shift == 0 {
		return ceExpStore0(dst, src)
	}
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src = src[:len(dst)]
	var s0, s1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		v, o := (*[2]float32)(src[i:i+2]), (*[2]float32)(dst[i:i+2])
		u := (float64(v[0]) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e := t + t*((u-(kr-round))*step)
		o[0] = float32(e)
		s0 += e
		u = (float64(v[1]) - h) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e = t + t*((u-(kr-round))*step)
		o[1] = float32(e)
		s1 += e
	}
	if i < len(src) {
		u := (float64(src[i]) - h) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e := t + t*((u-(kr-round))*step)
		dst[i] = float32(e)
		s0 += e
	}
	return s0 + s1, chk < ceKSpan
}

// ceExpStore0 is ceExpStore for a shift of 0, four elements a step.
func ceExpStore0(dst, src []float32) (float64, bool) {
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src = src[:len(dst)]
	var s0, s1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v, o := (*[4]float32)(src[i:i+4]), (*[4]float32)(dst[i:i+4])
		u := float64(v[0]) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e := t + t*((u-(kr-round))*step)
		o[0] = float32(e)
		s0 += e
		u = float64(v[1]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e = t + t*((u-(kr-round))*step)
		o[1] = float32(e)
		s1 += e
		u = float64(v[2]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e = t + t*((u-(kr-round))*step)
		o[2] = float32(e)
		s0 += e
		u = float64(v[3]) * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e = t + t*((u-(kr-round))*step)
		o[3] = float32(e)
		s1 += e
	}
	for ; i < len(src); i++ {
		u := float64(src[i]) * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e := t + t*((u-(kr-round))*step)
		dst[i] = float32(e)
		s0 += e
	}
	return s0 + s1, chk < ceKSpan
}

// ceExpSums is ceSumExp, or ceExpStore when dst is not nil, that also
// returns the sum of src[i]-shift (as expSumsFast).
func ceExpSums(dst, src []float32, shift float32) (e, d float64, ok bool) {
	if dst != nil {
		return ceExpStoreSums(dst, src, shift)
	}
	if shift == 0 {
		return ceSumsExp0(src)
	}
	h := float64(shift)
	k := ceExpConst
	inv, round := k.inv, k.round
	var e1, f0, f1, d1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		v := (*[2]float32)(src[i : i+2])
		x := float64(v[0]) - h
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[1]) - h
		d1 += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
	}
	if i < len(src) {
		x := float64(src[i]) - h
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
	}
	return (e + e1) + (f0+f1)*k.step, d + d1, chk < ceKSpan
}

// ceSumsExp0 is ceExpSums for no numerators and a shift of 0: four
// elements a step, the scores' sum in one chain.
func ceSumsExp0(src []float32) (e, d float64, ok bool) {
	k := ceExpConst
	inv, round := k.inv, k.round
	var e1, f0, f1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v := (*[4]float32)(src[i : i+4])
		x := float64(v[0])
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[1])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
		x = float64(v[2])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[3])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
	}
	for ; i < len(src); i++ {
		x := float64(src[i])
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
	}
	return (e + e1) + (f0+f1)*k.step, d, chk < ceKSpan
}

// ceExpStoreSums is ceExpSums storing the numerators in dst (src as
// long as dst).
func ceExpStoreSums(dst, src []float32, shift float32) (e, d float64, ok bool) {
	if shift == 0 {
		return ceExpStoreSums0(dst, src)
	}
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src = src[:len(dst)]
	var e1, d1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		v, o := (*[2]float32)(src[i:i+2]), (*[2]float32)(dst[i:i+2])
		x := float64(v[0]) - h
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		o[0] = float32(y)
		e += y
		x = float64(v[1]) - h
		d1 += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[1] = float32(y)
		e1 += y
	}
	if i < len(src) {
		x := float64(src[i]) - h
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		dst[i] = float32(y)
		e += y
	}
	return e + e1, d + d1, chk < ceKSpan
}

// ceExpProb is ceSumExp, or ceExpStore when dst is not nil, that also
// returns the sums of p[i] and of p[i]·(src[i]-shift) and, when all is
// set, of src[i]-shift, the differences exact in float64 (as
// expProbFast); p is as long as src. Without all, the probability sums
// take one chain each, so that the loop's values fit in registers.
func ceExpProb(dst, src, p []float32, shift float32, all bool) (e, sp, dp, sx float64, ok bool) {
	switch {
	case all:
		return expProbFast(dst, src, p, shift, all)
	case dst != nil:
		e, sp, dp, ok = ceExpStoreProb(dst, src[:len(dst)], p[:len(dst)], shift)
		return e, sp, dp, 0, ok
	case shift == 0:
		e, sp, dp, ok = ceExpProb0(src, p[:len(src)])
		return e, sp, dp, 0, ok
	}
	h := float64(shift)
	k := ceExpConst
	inv, round := k.inv, k.round
	p = p[:len(src)]
	var e1, f0, f1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		v, q := (*[2]float32)(src[i:i+2]), (*[2]float32)(p[i:i+2])
		x := float64(v[0]) - h
		w := float64(q[0])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[1]) - h
		w = float64(q[1])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
	}
	if i < len(src) {
		x := float64(src[i]) - h
		w := float64(p[i])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
	}
	return (e + e1) + (f0+f1)*k.step, sp, dp, 0, chk < ceKSpan
}

// ceExpStoreProb is ceExpProb without all, storing the numerators in dst
// (src and p as long as dst).
func ceExpStoreProb(dst, src, p []float32, shift float32) (e, sp, dp float64, ok bool) {
	h := float64(shift)
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src, p = src[:len(dst)], p[:len(dst)]
	var e1 float64
	var chk uint64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		v, q, o := (*[2]float32)(src[i:i+2]), (*[2]float32)(p[i:i+2]), (*[2]float32)(dst[i:i+2])
		x := float64(v[0]) - h
		w := float64(q[0])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		o[0] = float32(y)
		e += y
		x = float64(v[1]) - h
		w = float64(q[1])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[1] = float32(y)
		e1 += y
	}
	if i < len(src) {
		x := float64(src[i]) - h
		w := float64(p[i])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		dst[i] = float32(y)
		e += y
	}
	return e + e1, sp, dp, chk < ceKSpan
}

// scale32Plain is scale32Generic four elements a step (fewer loop
// instructions an element), the same products.
func scale32Plain(s []float32, f float32) {
	i := 0
	for ; i+4 <= len(s); i += 4 {
		v := (*[4]float32)(s[i : i+4])
		v[0], v[1], v[2], v[3] = v[0]*f, v[1]*f, v[2]*f, v[3]*f
	}
	for ; i < len(s); i++ {
		s[i] *= f
	}
}

// scaleSub32Plain is scaleSub32Generic four elements a step, the same
// values: dst[i]·f - (a·p[i] + b), or dst[i]·f - b when p is nil.
func scaleSub32Plain(dst, p []float32, f, a, b float32) {
	i := 0
	if p == nil {
		for ; i+4 <= len(dst); i += 4 {
			v := (*[4]float32)(dst[i : i+4])
			v[0], v[1], v[2], v[3] = v[0]*f-b, v[1]*f-b, v[2]*f-b, v[3]*f-b
		}
		for ; i < len(dst); i++ {
			dst[i] = dst[i]*f - b
		}
		return
	}
	p = p[:len(dst)]
	for ; i+4 <= len(dst); i += 4 {
		v, q := (*[4]float32)(dst[i:i+4]), (*[4]float32)(p[i:i+4])
		v[0], v[1], v[2], v[3] = v[0]*f-(a*q[0]+b), v[1]*f-(a*q[1]+b), v[2]*f-(a*q[2]+b), v[3]*f-(a*q[3]+b)
	}
	for ; i < len(dst); i++ {
		dst[i] = dst[i]*f - (a*p[i] + b)
	}
}

// ceExpStoreSums0 is ceExpStoreSums for a shift of 0, four elements a
// step, the scores' sum in one chain.
func ceExpStoreSums0(dst, src []float32) (e, d float64, ok bool) {
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src = src[:len(dst)]
	var e1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v, o := (*[4]float32)(src[i:i+4]), (*[4]float32)(dst[i:i+4])
		x := float64(v[0])
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		o[0] = float32(y)
		e += y
		x = float64(v[1])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[1] = float32(y)
		e1 += y
		x = float64(v[2])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[2] = float32(y)
		e += y
		x = float64(v[3])
		d += x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[3] = float32(y)
		e1 += y
	}
	for ; i < len(src); i++ {
		x := float64(src[i])
		d += x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y := t + t*((u-(kr-round))*step)
		dst[i] = float32(y)
		e += y
	}
	return e + e1, d, chk < ceKSpan
}

// ceExpProb0 is ceExpProb without numerators, all or shift: four
// elements a step (p as long as src).
func ceExpProb0(src, p []float32) (e, sp, dp float64, ok bool) {
	k := ceExpConst
	inv, round := k.inv, k.round
	p = p[:len(src)]
	var e1, f0, f1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v, q := (*[4]float32)(src[i:i+4]), (*[4]float32)(p[i:i+4])
		x := float64(v[0])
		w := float64(q[0])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[1])
		w = float64(q[1])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
		x = float64(v[2])
		w = float64(q[2])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		x = float64(v[3])
		w = float64(q[3])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
	}
	for ; i < len(src); i++ {
		x := float64(src[i])
		w := float64(p[i])
		sp += w
		dp += w * x
		u := x * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
	}
	return (e + e1) + (f0+f1)*k.step, sp, dp, chk < ceKSpan
}
