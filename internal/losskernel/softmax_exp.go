package losskernel

import "math"

// The plain-Go passes of the fast cross entropy, in fewer instructions
// an element than softmax_kernel.go's: four or two elements a step, indexed through
// array pointers (no slice arithmetic in the loop), and the table entry
// and its power of two added in one step. With b the bits of the
// rounding sum u + ceRound, whose low bits hold k as softmax_kernel.go
// describes, ceExp's 2**(k>>11) · 2**((k&2047)/2048) has the bits
// ceExpBits[j] + (k>>11)<<52, j = k&2047, which is ceExpAdj[j] + b<<41
// modulo 2**64: b<<41 is k<<41 (ceRound's bits shift out), that is
// (k>>11)<<52 + j<<41, and ceExpAdj[j] is ceExpBits[j] - j<<41. Every
// element ORs its offset from the least rounding sum into chk, as
// softmax_kernel.go's passes do, and the pass reports whether all were in
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
		x0, x1, x2, x3 := float64(v[0]), float64(v[1]), float64(v[2]), float64(v[3])
		d += (x0 + x1) + (x2 + x3) // one addition in the sum's chain a step
		u := x0 * inv
		kr := u + round
		b := math.Float64bits(kr)
		chk |= b - ceKLow
		t := math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		u = x1 * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e1 += t
		f1 += t * (u - (kr - round))
		u = x2 * inv
		kr = u + round
		b = math.Float64bits(kr)
		chk |= b - ceKLow
		t = math.Float64frombits(ceExpAdj[b&2047] + b<<41)
		e += t
		f0 += t * (u - (kr - round))
		u = x3 * inv
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
