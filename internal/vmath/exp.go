package vmath

import "math"

const (
	ln2hi = 6.93147180369123816490e-01 // ln 2 to 32 bits: k·ln2hi/64 is exact for |k| < 2**21
	ln2lo = 1.90821492927058770002e-10 // ln 2 - ln2hi
	// round is 1.5·2**52: adding it to a float64 of magnitude below 2**51
	// rounds it to an integer (ties to even).
	round = 0x1.8p52
	// inv is 64/ln 2: x·inv is the number of 64ths of a binade in e**x.
	inv = 64 / math.Ln2
)

// Exp2Tab[j] is 2**(j/64), correctly rounded.
var Exp2Tab = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

// The exponentials reduce x to k·ln2/64 + r with |r| <= ln2/128, so that
// e**x = 2**(k>>6) · 2**((k&63)/64) · e**r: a power of two put into the
// exponent bits, a table entry, and a short polynomial.

// Exp returns e**x with an error below two units in the last place.
// Arguments outside [-708, 709] (including ±Inf and NaN) are left to
// math.Exp, which handles overflow, subnormal results and the special
// cases.
func Exp(x float64) float64 {
	if !(x >= -708 && x <= 709) {
		return math.Exp(x)
	}
	k := (x*inv + round) - round
	r := (x - k*(ln2hi/64)) - k*(ln2lo/64)
	// e**r to degree 5: the first omitted term is below 4e-17 of it.
	r2 := r * r
	p := (1 + r) + r2*((0.5+r*(1.0/6))+r2*(1.0/24+r*(1.0/120)))
	return p * scale(int64(k))
}

// scale returns 2**(k/64) from the table and the exponent bits, for k
// whose binade k>>6 is a normal float64 exponent.
func scale(k int64) float64 {
	return math.Float64frombits(math.Float64bits(Exp2Tab[k&63]) + uint64(k>>6)<<52)
}

// Exp24 returns e**x to the precision of a float32 (a relative error
// below 1e-9), as a float64: rounded to float32 it is within one unit of
// the exact value, and a float32 overflow or underflow happens only in
// that rounding. Arguments outside [-104, 89], where a float32 result is
// 0 or +Inf, and NaN are left to math.Exp.
func Exp24(x float64) float64 {
	if !(x >= -104 && x <= 89) {
		return math.Exp(x)
	}
	k := (x*inv + round) - round
	r := x - k*(math.Ln2/64)
	// e**r to degree 3: the first omitted term is below 4e-11.
	p := (1 + r) + r*r*(0.5+r*(1.0/6))
	return p * scale(int64(k))
}

// Exp32 returns e**x for a float32, within one unit in the last place,
// with float32 overflow to +Inf, subnormal results and the special cases
// as math.Exp gives them.
func Exp32(x float32) float32 { return float32(Exp24(float64(x))) }
