package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// real is the float types a row kernel takes.
type real interface{ float32 | float64 }

// Row kernels of the class losses: the softmax pieces over one contiguous
// row of class scores, in the row's own type. Float32 rows compute each
// exponential to float32 precision and accumulate in float64 (torch
// computes and sums in float32); float64 rows use full-precision
// exponentials.

// RowMax returns the largest element of s (NaN if any is NaN, -Inf if s is
// empty).
func RowMax[T real](s []T) float64 {
	switch v := any(s).(type) {
	case []float32:
		return float64(vmath.Max32(v))
	case []float64:
		return vmath.Max64(v)
	}
	return math.NaN()
}

// RowSumExp returns Σ e**(s[i]-shift).
func RowSumExp[T real](s []T, shift float64) float64 {
	switch v := any(s).(type) {
	case []float32:
		return vmath.SumExp32(v, shift)
	case []float64:
		return vmath.SumExp64(v, shift)
	}
	return math.NaN()
}

// RowExpScale sets dst[i] = e**(src[i]-shift)·scale.
func RowExpScale[T real](dst, src []T, shift, scale float64) {
	switch d := any(dst).(type) {
	case []float32:
		if s, ok := any(src).([]float32); ok {
			vmath.ExpScale32(d, s, shift, scale)
		}
	case []float64:
		if s, ok := any(src).([]float64); ok {
			vmath.ExpScale64(d, s, shift, scale)
		}
	}
}

// RowExpSum sets dst[i] = e**(src[i]-shift) and returns their sum.
func RowExpSum[T real](dst, src []T, shift float64) float64 {
	switch d := any(dst).(type) {
	case []float32:
		if s, ok := any(src).([]float32); ok {
			return vmath.ExpSum32(d, s, shift)
		}
	case []float64:
		if s, ok := any(src).([]float64); ok {
			return vmath.ExpSum64(d, s, shift)
		}
	}
	return math.NaN()
}

// RowScale multiplies s by f in place, in float64.
func RowScale[T real](s []T, f float64) {
	for i, v := range s {
		s[i] = T(float64(v) * f)
	}
}

// RowExp sets dst[i] = e**src[i].
func RowExp[T real](dst, src []T) {
	switch d := any(dst).(type) {
	case []float32:
		if s, ok := any(src).([]float32); ok {
			vmath.ExpTo32(d, s)
		}
	case []float64:
		if s, ok := any(src).([]float64); ok {
			vmath.ExpTo64(d, s)
		}
	}
}

// RowLog1p sets dst[i] = log(1 + src[i]).
func RowLog1p[T real](dst, src []T) {
	switch d := any(dst).(type) {
	case []float32:
		if s, ok := any(src).([]float32); ok {
			vmath.Log1pTo32(d, s)
		}
	case []float64:
		if s, ok := any(src).([]float64); ok {
			vmath.Log1pTo64(d, s)
		}
	}
}

// RowLogSumExp returns log Σ e**s[i] over a contiguous row, with the
// maximum taken out.
func RowLogSumExp[T real](s []T) float64 {
	if v, ok := any(s).([]float32); ok {
		return vmath.LogSumExp32(v)
	}
	m := RowMax(s)
	if math.IsInf(m, 0) {
		// all -Inf, or +Inf present: PyTorch gives NaN or ±Inf the same way
		sum := 0.0
		for _, v := range s {
			sum += math.Exp(float64(v) - m)
		}
		return m + math.Log(sum)
	}
	return m + vmath.Log(RowSumExp(s, m))
}

// LogSumExp returns log Σ_k exp(x[at(k)]) over the c classes of a row
// whose class k is at x[base+k*stride], with the maximum taken out.
func LogSumExp[T real](x []T, base, stride, c int) float64 {
	if stride == 1 {
		return RowLogSumExp(x[base : base+c])
	}
	m := math.Inf(-1)
	for k, i := 0, base; k < c; k, i = k+1, i+stride {
		m = max(m, float64(x[i]))
	}
	if math.IsInf(m, 0) {
		s := 0.0
		for k, i := 0, base; k < c; k, i = k+1, i+stride {
			s += math.Exp(float64(x[i]) - m)
		}
		return m + math.Log(s)
	}
	s := 0.0
	for k, i := 0, base; k < c; k, i = k+1, i+stride {
		s += vmath.Exp(float64(x[i]) - m)
	}
	return m + vmath.Log(s)
}

// LogAddExp returns log(e**a + e**b) without overflow; -Inf when both are.
func LogAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(a, -1) {
		return a
	}
	return a + vmath.Log1p(vmath.Exp(b-a))
}
