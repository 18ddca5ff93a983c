package loss

import "math"

// Fast elementary functions for the inner loops of the class losses
// (softmax, log-sigmoid, CTC's log-sum-exp). They agree with package math
// to within a few units in the last place of a float64, special cases
// included, and avoid its slower general paths.

const (
	log2e = 1.44269504088896338700e+00
	ln2hi = 6.93147180369123816490e-01
	ln2lo = 1.90821492927058770002e-10
)

// expf returns e**x with a relative error below 3e-16 for x in
// [-708, 709]; outside that range (and for ±Inf and NaN) it is math.Exp.
func expf(x float64) float64 {
	if !(x >= -708 && x <= 709) {
		return math.Exp(x)
	}
	k := math.Floor(x*log2e + 0.5)
	r := x - k*ln2hi - k*ln2lo // |r| <= ln2/2
	// Taylor series of e**r to degree 12, by Horner's rule.
	p := 1.0 / 479001600
	p = p*r + 1.0/39916800
	p = p*r + 1.0/3628800
	p = p*r + 1.0/362880
	p = p*r + 1.0/40320
	p = p*r + 1.0/5040
	p = p*r + 1.0/720
	p = p*r + 1.0/120
	p = p*r + 1.0/24
	p = p*r + 1.0/6
	p = p*r + 0.5
	p = p*r + 1
	p = p*r + 1
	return p * math.Float64frombits(uint64(int64(k)+1023)<<52)
}

// log1pf returns log(1+u) for u in [0, 1] (the range of e**-|x|), with a
// relative error of a few ulps; other u are left to math.Log1p.
func log1pf(u float64) float64 {
	if !(u >= 0 && u <= 1) {
		return math.Log1p(u)
	}
	// log(1+u) = 2 atanh(s) with s = u/(2+u), or, above √2-1, ln 2 plus
	// 2 atanh(s) with s = (u-1)/(u+3); either way |s| <= 0.1716.
	var s, off float64
	if u > 0.41421356237309503 {
		s, off = (u-1)/(u+3), math.Ln2
	} else {
		s = u / (2 + u)
	}
	z := s * s
	p := 2.0 / 21
	p = p*z + 2.0/19
	p = p*z + 2.0/17
	p = p*z + 2.0/15
	p = p*z + 2.0/13
	p = p*z + 2.0/11
	p = p*z + 2.0/9
	p = p*z + 2.0/7
	p = p*z + 2.0/5
	p = p*z + 2.0/3
	p = p*z + 2
	return off + s*p
}

// logAddExp returns log(e**a + e**b) without overflow; -Inf when both are.
func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(a, -1) {
		return a
	}
	return a + log1pf(expf(b-a))
}
