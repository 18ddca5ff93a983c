package losskernel

import "math"

// The plain-Go passes of the fast cross entropy with probability
// targets (see softmax_exp.go).

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

// ceExpStoreProb is ceExpProb without all, storing the numerators in dst
// (src and p as long as dst).
func ceExpStoreProb(dst, src, p []float32, shift float32) (e, sp, dp float64, ok bool) {
	if shift == 0 {
		return ceExpStoreProb0(dst, src, p)
	}
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

// ceExpStoreProb0 is ceExpStoreProb for a shift of 0, four elements a
// step.
func ceExpStoreProb0(dst, src, p []float32) (e, sp, dp float64, ok bool) {
	k := ceExpConst
	inv, round, step := k.inv, k.round, k.step
	src, p = src[:len(dst)], p[:len(dst)]
	var e1 float64
	var chk uint64
	i := 0
	for ; i+4 <= len(src); i += 4 {
		v, q, o := (*[4]float32)(src[i:i+4]), (*[4]float32)(p[i:i+4]), (*[4]float32)(dst[i:i+4])
		x := float64(v[0])
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
		x = float64(v[1])
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
		x = float64(v[2])
		w = float64(q[2])
		sp += w
		dp += w * x
		u = x * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		y = t + t*((u-(kr-round))*step)
		o[2] = float32(y)
		e += y
		x = float64(v[3])
		w = float64(q[3])
		sp += w
		dp += w * x
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
