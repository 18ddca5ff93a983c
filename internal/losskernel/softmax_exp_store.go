package losskernel

import "math"

// The plain-Go passes of the fast cross entropy that store the
// numerators (see softmax_exp.go).

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
