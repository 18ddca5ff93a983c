package vmath

import "math"

// The slice functions. Each writes dst[i] from src[i] for i below the
// shorter length of the two (callers pass equal lengths; nothing beyond
// is touched). dst and src may be the same slice.

// ExpTo32 sets dst[i] = e**src[i], as Exp32.
func ExpTo32(dst, src []float32) {
	dst, src = same(dst, src)
	expTo32(dst, src)
}

// ExpTo64 sets dst[i] = e**src[i], as Exp.
func ExpTo64(dst, src []float64) {
	dst, src = same(dst, src)
	for i, v := range src {
		dst[i] = Exp(v)
	}
}

// LogTo32 sets dst[i] = log src[i], as Log32.
func LogTo32(dst, src []float32) {
	dst, src = same(dst, src)
	logTo32(dst, src)
}

// LogTo64 sets dst[i] = log src[i], as Log.
func LogTo64(dst, src []float64) {
	dst, src = same(dst, src)
	for i, v := range src {
		dst[i] = Log(v)
	}
}

// Log1pTo32 sets dst[i] = log(1 + src[i]), as Log1p32.
func Log1pTo32(dst, src []float32) {
	dst, src = same(dst, src)
	log1pTo32(dst, src)
}

// LogPick32 sets dst[i] = log x[i] where y[i] is not 0, and
// log(1 - x[i]) where y[i] is 0: for slices of one length, bit for bit
// the values LogTo32 gives of x and Log1pTo32 of -x, one logarithm an
// element (a binary cross entropy's, for targets 0 and 1). It writes
// dst[i] for i below the shortest length of the three.
func LogPick32(dst, x, y []float32) {
	dst, x = same(dst, x)
	dst, y = same(dst, y)
	logPick32(dst, x[:len(dst)], y)
}

// Log1pTo64 sets dst[i] = log(1 + src[i]), as Log1p.
func Log1pTo64(dst, src []float64) {
	dst, src = same(dst, src)
	for i, v := range src {
		dst[i] = Log1p(v)
	}
}

// Max32 returns the largest element of s: -Inf for an empty s, and NaN if
// any element is NaN (as torch's max).
func Max32(s []float32) float32 { return max32(s) }

// Max64 returns the largest element of s: -Inf for an empty s, and NaN if
// any element is NaN.
func Max64(s []float64) float64 {
	m := negInf
	for _, v := range s {
		m = max(m, v) // NaN wins, as in torch
	}
	return m
}

// SumExp32 returns Σ e**(s[i]-shift), each term to float32 precision
// (as Exp24) and the sum accumulated in float64: with shift the maximum of
// s, the normalizer of a softmax without overflow.
func SumExp32(s []float32, shift float64) float64 { return sumExp32(s, shift) }

// SumExp64 returns Σ e**(s[i]-shift), as Exp.
func SumExp64(s []float64, shift float64) float64 {
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += Exp(s[i] - shift)
		b += Exp(s[i+1] - shift)
	}
	if i < len(s) {
		a += Exp(s[i] - shift)
	}
	return a + b
}

// ExpScale32 sets dst[i] = e**(src[i]-shift)·scale, computed in float64
// and rounded once: a softmax row times an upstream gradient.
func ExpScale32(dst, src []float32, shift, scale float64) {
	dst, src = same(dst, src)
	expScale32(dst, src, shift, scale)
}

// ExpScale64 sets dst[i] = e**(src[i]-shift)·scale.
func ExpScale64(dst, src []float64, shift, scale float64) {
	dst, src = same(dst, src)
	for i, v := range src {
		dst[i] = Exp(v-shift) * scale
	}
}

// ExpSum32 sets dst[i] = e**(src[i]-shift) (as Exp24, rounded to float32)
// and returns the sum of the unrounded values, accumulated in float64:
// the numerators of a softmax row and their normalizer in one pass.
func ExpSum32(dst, src []float32, shift float64) float64 {
	dst, src = same(dst, src)
	return expSum32(dst, src, shift)
}

// ExpSum64 sets dst[i] = e**(src[i]-shift) and returns their sum.
func ExpSum64(dst, src []float64, shift float64) float64 {
	dst, src = same(dst, src)
	sum := 0.0
	for i, v := range src {
		e := Exp(v - shift)
		dst[i] = e
		sum += e
	}
	return sum
}

// LogSumExp32 returns log Σ e**s[i], with the maximum taken out: each
// term to float32 precision, the sum in float64 and its logarithm as Log.
// It is -Inf for an empty s or all -Inf, NaN if any element is NaN, and
// what the plain formula gives when the maximum is +Inf.
func LogSumExp32(s []float32) float64 {
	if len(s) < 64 {
		return logSumExp32Generic(s)
	}
	m := float64(Max32(s))
	if !(m > negInf && m <= math.MaxFloat32) {
		return logSumExpSpecial(s, m)
	}
	return m + Log(SumExp32(s, m))
}

// same returns dst and src cut to the shorter of their lengths.
func same[T float32 | float64](dst, src []T) ([]T, []T) {
	n := min(len(dst), len(src))
	return dst[:n], src[:n]
}
