package vmath

import "math"

// LogSumExp3 returns log(e**a + e**b + e**c) to within a few units in the
// last place: -Inf when all three are -Inf, NaN when any is NaN, +Inf
// when any is +Inf. It is the step of a log-space recursion such as CTC's,
// so its exponentials and logarithm are written out here rather than
// called.
func LogSumExp3(a, b, c float64) float64 {
	m := max(a, b, c)
	if !(m > math.Inf(-1) && m < math.Inf(1)) {
		// all -Inf, or an infinity or NaN: the sum of the plain
		// exponentials gives IEEE's answer
		if m == math.Inf(-1) {
			return m
		}
		return m + math.Log(math.Exp(a-m)+math.Exp(b-m)+math.Exp(c-m))
	}
	// s = Σ e**(v-m), in [1, 3]. Each exponential is Exp's, but with
	// ln2/64 in one constant (the error, k·2**-63 relative, is at most
	// 1e-17 of the maximum's term 1 for any argument) and arguments below
	// -708 taken as -708: e**-708 is negligible beside that 1.
	s := 0.0
	for _, v := range [3]float64{a, b, c} {
		x := max(v-m, -708)
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		r2 := r * r
		p := (1 + r) + r2*((0.5+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
		ki := int64(k)
		s += p * math.Float64frombits(math.Float64bits(Exp2Tab[ki&63])+uint64(ki>>6)<<52)
	}
	// log s, as Log's body for s in [1, 3]
	bits := math.Float64bits(s)
	mb := bits&(1<<52-1) | 1023<<52
	big := uint64(int64(sqrt2bits-mb) >> 63) // all ones when the mantissa is above √2
	mb -= 1 << 52 & big
	e := float64(int64(bits>>52) - 1023 - int64(big))
	f := math.Float64frombits(mb) - 1
	sr := f / (2 + f)
	z := sr * sr
	w := z * z
	r := z*(lg1+w*(lg3+w*(lg5+w*lg7))) + w*(lg2+w*(lg4+w*lg6))
	hfsq := 0.5 * f * f
	return m + (e*ln2hi - ((hfsq - (sr*(hfsq+r) + e*ln2lo)) - f))
}

// LogSumExp2 returns log(e**a + e**b) as LogSumExp3 does for two terms:
// one exponential and one logarithm.
func LogSumExp2(a, b float64) float64 {
	m := max(a, b)
	if !(m > math.Inf(-1) && m < math.Inf(1)) {
		if m == math.Inf(-1) {
			return m
		}
		return m + math.Log(math.Exp(a-m)+math.Exp(b-m))
	}
	x := max(min(a, b)-m, -708) // as in LogSumExp3
	k := (x*inv + round) - round
	r := x - k*(math.Ln2/64)
	r2 := r * r
	p := (1 + r) + r2*((0.5+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
	ki := int64(k)
	s := 1 + p*math.Float64frombits(math.Float64bits(Exp2Tab[ki&63])+uint64(ki>>6)<<52) // in [1, 2]
	bits := math.Float64bits(s)
	mb := bits&(1<<52-1) | 1023<<52
	big := uint64(int64(sqrt2bits-mb) >> 63)
	mb -= 1 << 52 & big
	e := float64(int64(bits>>52) - 1023 - int64(big))
	f := math.Float64frombits(mb) - 1
	sr := f / (2 + f)
	z := sr * sr
	w := z * z
	rr := z*(lg1+w*(lg3+w*(lg5+w*lg7))) + w*(lg2+w*(lg4+w*lg6))
	hfsq := 0.5 * f * f
	return m + (e*ln2hi - ((hfsq - (sr*(hfsq+rr) + e*ln2lo)) - f))
}
