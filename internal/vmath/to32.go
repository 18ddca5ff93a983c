package vmath

import "math"

// Logarithms to float32 precision for the float32 kernels: a relative
// error below 4e-9 in float64 (a sixteenth of a float32 unit), so that
// rounded to float32 they are within one unit of the exact value, with no division and no branch for a
// positive finite argument. The argument 2**e·m is split by the nearest
// of the points c = 1 + j/256 to its mantissa, m/c - 1 = r in
// [-2**-9, 2**-9] and log(1+r) a cubic; a mantissa within 2**-9 below 2
// counts as c = 1 of the next binade (so every v within 2**-10 below 1
// and 2**-9 above it has e = 0 and c = 1), so that near 1 the reduction
// is exact (r = m - 1) and a result near 0 keeps its precision.

// LogTab holds log c and 1/c for c = 1 + j/256, side by side.
var LogTab = func() (t [256][2]float64) {
	for j := range t {
		c := 1 + float64(j)/256
		t[j] = [2]float64{math.Log(c), 1 / c}
	}
	return t
}()

// Log1pSeries returns log(1+r) for |r| <= 2**-9, within 2e-9 of it
// relative (the first omitted term, r**4/4, is below r·2**-29).
func Log1pSeries(r float64) float64 {
	return r * (1 - r*(0.5-r*(1.0/3)))
}

// LogSplit returns e·ln2 + log c and r, the parts of log v for a positive
// normal finite float64 v: log v = e·ln2 + log c + Log1pSeries(r).
func LogSplit(v float64) (float64, float64) {
	b := math.Float64bits(v)
	b2 := b + 1<<43 // rounds the mantissa to the nearest 256th
	c := &LogTab[b2>>44&255]
	m := math.Float64frombits(b - b2&(0x7ff<<52) + 1023<<52) // v/2**e
	return float64(int64(b2>>52)-1023)*math.Ln2 + c[0], m*c[1] - 1
}

// LogTab12 holds LogTab's entries for the points c = 1 + j/256, j < 256,
// and at j = 256 log 2 and 1/2, for Log12.
var LogTab12 = func() (t [512][2]float64) {
	copy(t[:256], LogTab[:])
	t[256] = [2]float64{math.Ln2, 0.5}
	return t
}()

// Log12 returns log f for a float32 f in [1, 2], as log24 computes it,
// bit for bit, from f's own bits: in [1, 2] the exponent is 0, and a
// mantissa within 2**-9 below 2 takes the point c = 2 (log24's c = 1 of
// the next binade: the same log 2 and the same r = f/2 - 1). NaN gives
// NaN; any other f outside [1, 2] a wrong value.
func Log12(f float32) float64 {
	c := &LogTab12[(math.Float32bits(f)-0x3f800000+1<<14)>>15&511]
	return c[0] + Log1pSeries(float64(f)*c[1]-1)
}

// log24 returns log v for a float64 v, to float32 precision; zero,
// negative, subnormal, infinite and NaN arguments are left to math.Log.
func log24(v float64) float64 {
	if !(v >= 0x1p-1022 && v <= math.MaxFloat64) {
		return math.Log(v)
	}
	k, r := LogSplit(v)
	return k + Log1pSeries(r)
}

// LogSpecial returns math.Log(x) for x at or below 0, +Inf or NaN.
func LogSpecial(x float64) float64 {
	switch {
	case x == 0:
		return math.Inf(-1)
	case x < 0:
		return math.NaN()
	}
	return x // +Inf or NaN
}

// logBad reports whether a float32 is not a positive finite number (a
// float32 is never subnormal in float64): 0, negative, +Inf or NaN.
func logBad(v float32) bool { return math.Float32bits(v)-1 >= 0x7f7fffff }

// Log24To32 sets dst[i] = log src[i], as log24, rounded to float32. The
// loop makes no call (the compiler would keep its variables on the stack
// across one): arguments at or below 0, +Inf and NaN take LogSpecial,
// inlined.
func Log24To32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		if logBad(v) {
			dst[i] = float32(LogSpecial(float64(v)))
			continue
		}
		k, r := LogSplit(float64(v))
		dst[i] = float32(k + Log1pSeries(r))
	}
}

// negZero is -0.
var negZero = math.Copysign(0, -1)

// log1pBad reports whether log(1+u) is not a finite number's logarithm:
// u at or below -1, +Inf or NaN.
func log1pBad(u float32) bool { return !(u > -1 && u <= math.MaxFloat32) }

// Log1p24To32 sets dst[i] = log(1 + src[i]) to float32 precision: log24
// of 1 + src[i], exact in float64 for |src[i]| from 2**-10, and below
// it the series of src[i] itself (which keeps ±0 and tiny values), as
// the reduction would take it with r = src[i]; special cases as
// Log24To32.
func Log1p24To32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		if log1pBad(v) {
			dst[i] = float32(LogSpecial(1 + float64(v)))
			continue
		}
		u := float64(v)
		k, r := LogSplit(1 + u)
		if math.Abs(u) < 0x1p-10 {
			// k is 0 (1+u is within 2**-10 of 1); -0 adds nothing,
			// so that log1p(-0) is -0
			k, r = negZero, u
		}
		dst[i] = float32(k + Log1pSeries(r))
	}
}

// Exp24To32 sets dst[i] = e**src[i] to float32 precision, rounded to
// float32, as vmath.ExpTo32's scalar loop computes it (reduction to
// k·ln2/64 + r, a table entry and a cubic), with its special cases taken
// without a call: above 89 +Inf, below -104 0 (as float32 rounds e**x
// there), NaN itself. The loop then keeps its index in a register.
func Exp24To32(dst, src []float32) {
	const (
		round = 0x1.8p52 // adding it rounds a float64 below 2**51 to an integer
		inv   = 64 / math.Ln2
	)
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		if !(x >= -104 && x <= 89) {
			dst[i] = float32(ExpSpecial(x))
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		sc := math.Float64frombits(math.Float64bits(Exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		dst[i] = float32(p * sc)
	}
}

// ExpSpecial returns e**x rounded to float32 for x outside [-104, 89]:
// +Inf above, 0 below, NaN for NaN.
func ExpSpecial(x float64) float64 {
	switch {
	case x > 0:
		return math.Inf(1)
	case x < 0:
		return 0
	}
	return x
}
