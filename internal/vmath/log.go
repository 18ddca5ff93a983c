package vmath

import "math"

// Coefficients of the minimax polynomial R(z) ≈ (log(1+f) - 2s)/s with
// s = f/(2+f), z = s², on the reduced range of Log (as in fdlibm's log).
const (
	lg1 = 6.666666666666735130e-01
	lg2 = 3.999999999940941908e-01
	lg3 = 2.857142874366239149e-01
	lg4 = 2.222219843214978396e-01
	lg5 = 1.818357216161805012e-01
	lg6 = 1.531383769920937332e-01
	lg7 = 1.479819860511658591e-01
)

// Log returns the natural logarithm of x with an error of about one unit
// in the last place. Zero, negative, subnormal, infinite and NaN
// arguments are left to math.Log.
func Log(x float64) float64 {
	if !(x >= 0x1p-1022 && x <= math.MaxFloat64) {
		return math.Log(x)
	}
	// x = 2**e · m with m in [√½, √2).
	b := math.Float64bits(x)
	e := int64(b>>52) - 1023
	b = b&(1<<52-1) | 1023<<52  // m in [1, 2)
	if b > 0x3ff6a09e667f3bcd { // m > √2: halve it
		b -= 1 << 52
		e++
	}
	f := math.Float64frombits(b) - 1
	return logReduced(f, float64(e))
}

// logReduced returns e·ln2 + log(1+f) for f in [√½-1, √2-1].
func logReduced(f, e float64) float64 {
	s := f / (2 + f)
	z := s * s
	w := z * z
	t1 := w * (lg2 + w*(lg4+w*lg6))
	t2 := z * (lg1 + w*(lg3+w*(lg5+w*lg7)))
	r := t2 + t1
	hfsq := 0.5 * f * f
	return e*ln2hi - ((hfsq - (s*(hfsq+r) + e*ln2lo)) - f)
}

// Log1p returns log(1+x), accurate for x near 0, with an error of about
// one unit in the last place. Arguments at or below -1, infinite and NaN
// ones are left to math.Log1p.
func Log1p(x float64) float64 {
	if !(x > -1 && x <= 0x1p1000) || x == 0 {
		return math.Log1p(x) // and ±0, whose sign the sum below loses
	}
	u := 1 + x
	// log1p(x) = log(u) + log(1 + c/u) where c = x - (u-1) is what the
	// rounding of 1+x lost; log(1 + c/u) ≈ c/u.
	c := (x - (u - 1)) / u
	return Log(u) + c
}

// Log32 returns the natural logarithm of a float32, within one unit in
// the last place, with the special cases of math.Log.
func Log32(x float32) float32 { return float32(Log(float64(x))) }

// Log1p32 returns log(1+x) for a float32, within one unit in the last
// place, with the special cases of math.Log1p.
func Log1p32(x float32) float32 { return float32(Log1p(float64(x))) }
