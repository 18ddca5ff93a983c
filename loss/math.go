package loss

import (
	"fmt"
	"math"

	"kt/internal/vmath"
	"kt/tensor"
)

// The elementary functions at precision T: computed in float64 by
// package vmath (within a couple of float64 units of package math's, whose
// special cases they keep) and rounded to T, so a float32 overflow gives
// +Inf as it does in PyTorch's float32 kernels.

func exp[T tensor.Float](v T) T   { return T(vmath.Exp(float64(v))) }
func log[T tensor.Float](v T) T   { return T(vmath.Log(float64(v))) }
func log1p[T tensor.Float](v T) T { return T(vmath.Log1p(float64(v))) }

// round32 rounds v to float32 when r is set: a subexpression PyTorch
// computes in float32 before promoting to float64.
func round32[T tensor.Float](v T, r bool) T {
	if r {
		return T(float32(v))
	}
	return v
}

// weightShape checks that a weight of shape w broadcasts to shape without
// growing it, with PyTorch's messages.
func weightShape(shape, w []int) error {
	b, err := tensor.BroadcastShapes(shape, w)
	if err != nil {
		return err
	}
	if !tensor.SameShape(b, shape) {
		return fmt.Errorf("output with shape %s doesn't match the broadcast shape %s", tensor.SizeString(shape), tensor.SizeString(b))
	}
	return nil
}

// Logarithms to float32 precision for the float32 kernels: a relative
// error below 1e-9 in float64, so that rounded to float32 they are within
// one unit of the exact value, with no division. (vmath's slice forms
// are accurate to a float64 and divide.) The argument's mantissa m is
// split by its top seven bits j into c = 1 + j/128 and r = m/c - 1 in
// [0, 2**-7), and log(1+r) is a short series; the first table entry is
// c = 1, so r is exact there. Within 2**-7 of 1, the series is taken of
// v - 1 itself, so that a result near 0 keeps its precision.

// logTab holds log c and 1/c for c = 1 + j/128, side by side.
var logTab = func() (t [128][2]float64) {
	for j := range t {
		c := 1 + float64(j)/128
		t[j] = [2]float64{math.Log(c), 1 / c}
	}
	return t
}()

// log1pSeries returns log(1+r) for |r| < 2**-7, within 7e-10 of it.
func log1pSeries(r float64) float64 {
	return r * (1 - r*(0.5-r*(1.0/3-r*0.25)))
}

// log24 returns log v for a float64 v, to float32 precision; zero,
// negative, subnormal, infinite and NaN arguments are left to math.Log.
func log24(v float64) float64 {
	if !(v >= 0x1p-1022 && v <= math.MaxFloat64) {
		return math.Log(v)
	}
	if r := v - 1; math.Abs(r) < 0x1p-7 { // v - 1 is exact
		return log1pSeries(r) // no cancellation against e·ln2 near 1
	}
	b := math.Float64bits(v)
	e := float64(int64(b>>52) - 1023)
	c := &logTab[b>>45&127]
	m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
	return e*math.Ln2 + c[0] + log1pSeries(m*c[1]-1)
}

// logSpecial returns math.Log(x) for x at or below 0, +Inf or NaN.
func logSpecial(x float64) float64 {
	switch {
	case x == 0:
		return math.Inf(-1)
	case x < 0:
		return math.NaN()
	}
	return x // +Inf or NaN
}

// log24To32 sets dst[i] = log src[i], as log24, rounded to float32.
// The loop spells out log24's body (over the inlining budget), and
// arguments at or below 0, +Inf and NaN (a float32 is never subnormal in
// float64) take logSpecial, so it makes no call and keeps its index in a
// register.
func log24To32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		r := x - 1
		switch {
		case !(x > 0 && x <= math.MaxFloat64):
			dst[i] = float32(logSpecial(x))
		case math.Abs(r) < 0x1p-7:
			dst[i] = float32(log1pSeries(r))
		default:
			b := math.Float64bits(x)
			e := float64(int64(b>>52) - 1023)
			c := &logTab[b>>45&127]
			m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
			dst[i] = float32(e*math.Ln2 + c[0] + log1pSeries(m*c[1]-1))
		}
	}
}

// log1p24To32 sets dst[i] = log(1 + src[i]) to float32 precision: the
// series itself for |src[i]| < 2**-7 (which keeps ±0), else log24 of
// 1 + src[i], exact in float64 for such a float32, with its special
// cases as log24To32.
func log1p24To32(dst, src []float32) {
	src = src[:len(dst)]
	for i, v := range src {
		u := float64(v)
		x := 1 + u
		switch {
		case math.Abs(u) < 0x1p-7:
			dst[i] = float32(log1pSeries(u))
		case !(x > 0 && x <= math.MaxFloat64):
			dst[i] = float32(logSpecial(x))
		default:
			b := math.Float64bits(x)
			e := float64(int64(b>>52) - 1023)
			c := &logTab[b>>45&127]
			m := math.Float64frombits(b&(1<<52-1) | 1023<<52)
			dst[i] = float32(e*math.Ln2 + c[0] + log1pSeries(m*c[1]-1))
		}
	}
}

// exp2Tab[j] is 2**(j/64), correctly rounded.
var exp2Tab = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

// exp24To32 sets dst[i] = e**src[i] to float32 precision, rounded to
// float32, as vmath.ExpTo32's scalar loop computes it (reduction to
// k·ln2/64 + r, a table entry and a cubic), with its special cases taken
// without a call: above 89 +Inf, below -104 0 (as float32 rounds e**x
// there), NaN itself. The loop then keeps its index in a register.
func exp24To32(dst, src []float32) {
	const (
		round = 0x1.8p52 // adding it rounds a float64 below 2**51 to an integer
		inv   = 64 / math.Ln2
	)
	src = src[:len(dst)]
	for i, v := range src {
		x := float64(v)
		if !(x >= -104 && x <= 89) {
			dst[i] = float32(expSpecial(x))
			continue
		}
		k := (x*inv + round) - round
		r := x - k*(math.Ln2/64)
		p := (1 + r) + r*r*(0.5+r*(1.0/6))
		ki := int64(k)
		sc := math.Float64frombits(math.Float64bits(exp2Tab[ki&63]) + uint64(ki>>6)<<52)
		dst[i] = float32(p * sc)
	}
}

// expSpecial returns e**x rounded to float32 for x outside [-104, 89]:
// +Inf above, 0 below, NaN for NaN.
func expSpecial(x float64) float64 {
	switch {
	case x > 0:
		return math.Inf(1)
	case x < 0:
		return 0
	}
	return x
}
