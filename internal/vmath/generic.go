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
		s := math.Float64frombits(math.Float64bits(exp2tab[ki&63]) + uint64(ki>>6)<<52)
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
		s := math.Float64frombits(math.Float64bits(exp2tab[ki&63]) + uint64(ki>>6)<<52)
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
		s := math.Float64frombits(math.Float64bits(exp2tab[ki&63]) + uint64(ki>>6)<<52)
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
		s := math.Float64frombits(math.Float64bits(exp2tab[ki&63]) + uint64(ki>>6)<<52)
		e := p * s
		dst[i] = float32(e)
		sum += e
	}
	return sum
}
