package vmath

import "math"

var negInf = math.Inf(-1)

// The scalar loops behind the slice functions. Go does not inline Exp24
// (it is over the inlining budget), so the loops spell out its body (and
// scale's): the
// range check, then the reduction and polynomial, with no call in the
// common case. The vector forms fall back to these loops on a CPU without
// AVX2 and for the tails of their slices.

func expTo32Generic(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		if !(x >= -104 && x <= 89) {
			dst[i] = float32(math.Exp(x))
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		s := math.Float64frombits(math.Float64bits(Exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		dst[i] = float32(p * s)
	}
}

func max32Generic(s []float32) float32 {
	m := float32(negInf)
	for _, v := range s {
		m = max(m, v) // NaN wins, as in torch
	}
	return m
}

func sumExp32Generic(s []float32, shift float64) float64 {
	sum := 0.0
	for _, v := range s {
		x := float64(v) - shift
		if !(x >= -104 && x <= 89) {
			sum += math.Exp(x)
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		s := math.Float64frombits(math.Float64bits(Exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		sum += p * s
	}
	return sum
}

func expScale32Generic(dst, src []float32, shift, scale float64) {
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v) - shift
		if !(x >= -104 && x <= 89) {
			dst[i] = float32(math.Exp(x) * scale)
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		s := math.Float64frombits(math.Float64bits(Exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		dst[i] = float32(p * s * scale)
	}
}

func expSum32Generic(dst, src []float32, shift float64) float64 {
	src = src[:len(dst)]
	sum := 0.0
	for i, v := range src {
		x := float64(v) - shift
		if !(x >= -104 && x <= 89) {
			e := math.Exp(x)
			dst[i] = float32(e)
			sum += e
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		s := math.Float64frombits(math.Float64bits(Exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		e := p * s
		dst[i] = float32(e)
		sum += e
	}
	return sum
}

// sqrt2bits is the bit pattern of √2: mantissas above it are halved, so
// that the reduced argument of the logarithm lies in [√½, √2).
const sqrt2bits = 0x3ff6a09e667f3bcd

func logTo32Generic(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		if !(x >= 0x1p-1022 && x <= math.MaxFloat64) {
			dst[i] = float32(math.Log(x))
			continue
		}
		// Log's body, with the halving of m done without a branch.
		b := math.Float64bits(x)
		m := b&(1<<52-1) | 1023<<52
		big := uint64(int64(sqrt2bits-m) >> 63) // all ones when m > √2
		m -= 1 << 52 & big
		e := float64(int64(b>>52) - 1023 - int64(big))
		f := math.Float64frombits(m) - 1
		sr := f / (2 + f)
		z := sr * sr
		w := z * z
		r := z*(lg1+w*(lg3+w*(lg5+w*lg7))) + w*(lg2+w*(lg4+w*lg6))
		hfsq := 0.5 * f * f
		dst[i] = float32(e*ln2hi - ((hfsq - (sr*(hfsq+r) + e*ln2lo)) - f))
	}
}

func log1pTo32Generic(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		if !(x > -1 && x <= math.MaxFloat32) || math.Abs(x) < 0x1p-29 {
			// the special cases; and below 2**-29, log1p(x) rounds to x
			// (which keeps the sign of zero)
			if x != 0 && math.Abs(x) < 0x1p-29 {
				dst[i] = v
			} else {
				dst[i] = float32(math.Log1p(x))
			}
			continue
		}
		// 1+x is exact in float64 for a float32 x of at least 2**-29.
		b := math.Float64bits(1 + x)
		m := b&(1<<52-1) | 1023<<52
		big := uint64(int64(sqrt2bits-m) >> 63)
		m -= 1 << 52 & big
		e := float64(int64(b>>52) - 1023 - int64(big))
		f := math.Float64frombits(m) - 1
		sr := f / (2 + f)
		z := sr * sr
		w := z * z
		r := z*(lg1+w*(lg3+w*(lg5+w*lg7))) + w*(lg2+w*(lg4+w*lg6))
		hfsq := 0.5 * f * f
		dst[i] = float32(e*ln2hi - ((hfsq - (sr*(hfsq+r) + e*ln2lo)) - f))
	}
}

// logSumExp32Generic is LogSumExp32 in one function: the maximum, the sum
// of exponentials and the logarithm inline, for short rows where calls
// would cost as much as the arithmetic.
func logSumExp32Generic(s []float32) float64 {
	m := float32(negInf)
	for _, v := range s {
		m = max(m, v)
	}
	shift := float64(m)
	if !(shift > negInf && shift <= math.MaxFloat32) {
		return logSumExpSpecial(s, shift)
	}
	sum := 0.0
	for _, v := range s {
		x := float64(v) - shift
		if !(x >= -104) {
			sum += math.Exp(x)
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		sum += p * math.Float64frombits(math.Float64bits(Exp2Tab[ki&63])+uint64(ki>>6)<<52)
	}
	// log sum, sum in [1, len(s)]: Log's body
	b := math.Float64bits(sum)
	mb := b&(1<<52-1) | 1023<<52
	big := uint64(int64(sqrt2bits-mb) >> 63)
	mb -= 1 << 52 & big
	e := float64(int64(b>>52) - 1023 - int64(big))
	f := math.Float64frombits(mb) - 1
	sr := f / (2 + f)
	z := sr * sr
	w := z * z
	rr := z*(lg1+w*(lg3+w*(lg5+w*lg7))) + w*(lg2+w*(lg4+w*lg6))
	hfsq := 0.5 * f * f
	return shift + (e*ln2hi - ((hfsq - (sr*(hfsq+rr) + e*ln2lo)) - f))
}

// logSumExpSpecial is LogSumExp32 for a maximum that is not finite: NaN
// for NaN, and otherwise IEEE's answer from the plain formula (all -Inf
// gives -Inf; +Inf gives +Inf, or NaN beside another +Inf... as torch).
func logSumExpSpecial(s []float32, m float64) float64 {
	if m != m {
		return m
	}
	sum := 0.0
	for _, v := range s {
		sum += math.Exp(float64(v) - m)
	}
	return m + math.Log(sum)
}

func logPick32Generic(dst, x, y []float32) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i, v := range x {
		if y[i] != 0 {
			logTo32Generic(dst[i:i+1], x[i:i+1])
			continue
		}
		n := [1]float32{-v}
		log1pTo32Generic(dst[i:i+1], n[:])
	}
}
