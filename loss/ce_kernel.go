package loss

import (
	"math"

	"kt/internal/vmath"
)

// Float32 kernels of the fast cross entropy, in plain Go; ce_kernel_simd.go
// and ce_kernel_scalar.go choose between these and vector forms.

// ceExpTab holds 2**(j/64) for j in [0, 64).
var ceExpTab = func() (t [64]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 64)
	}
	return t
}()

const (
	ceInv   = 64 / math.Ln2
	ceRound = 0x1.8p52 // adding and subtracting it rounds to an integer
	ceLn2   = math.Ln2 / 64
	ceLow   = -104.0 // e**ceLow is below half the least float32
)

// ceExp returns e**d for d <= 0 to float32 precision (the relative error
// of 2**(k/64)·p(r) with |r| <= ln2/128 and p of degree 3 is below 4e-11),
// or 0 for d below ceLow.
func ceExp(d float64) float64 {
	if d < ceLow {
		d = ceLow
	}
	k := (d*ceInv + ceRound) - ceRound
	r := d - k*ceLn2
	p := (1 + r) + r*r*(0.5+r*(1.0/6))
	ki := int64(k)
	return p * math.Float64frombits(math.Float64bits(ceExpTab[ki&63])+uint64(ki>>6)<<52)
}

// expShiftSum32Generic sets dst[i] = e**(src[i]-shift) for src[i] <= shift
// (the difference rounded to float32, as torch takes it) and returns the
// sum of the values, accumulated in float64.
func expShiftSum32Generic(dst, src []float32, shift float32) float64 {
	src = src[:len(dst)]
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		e0 := ceExp(float64(src[i] - shift))
		e1 := ceExp(float64(src[i+1] - shift))
		dst[i], dst[i+1] = float32(e0), float32(e1)
		s0 += e0
		s1 += e1
	}
	if i < len(src) {
		e := ceExp(float64(src[i] - shift))
		dst[i] = float32(e)
		s0 += e
	}
	return s0 + s1
}

// expShiftSums32Generic is expShiftSum32Generic that also returns the
// sum of the differences src[i]-shift.
func expShiftSums32Generic(dst, src []float32, shift float32) (e, d float64) {
	src = src[:len(dst)]
	var s0, s1, d0, d1 float64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		x0, x1 := float64(src[i]-shift), float64(src[i+1]-shift)
		e0, e1 := ceExp(x0), ceExp(x1)
		dst[i], dst[i+1] = float32(e0), float32(e1)
		s0 += e0
		s1 += e1
		d0 += x0
		d1 += x1
	}
	if i < len(src) {
		x := float64(src[i] - shift)
		e := ceExp(x)
		dst[i] = float32(e)
		s0 += e
		d0 += x
	}
	return s0 + s1, d0 + d1
}

// sum32Generic returns the sum of s in float64.
func sum32Generic(s []float32) float64 {
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i])
		b += float64(s[i+1])
	}
	if i < len(s) {
		a += float64(s[i])
	}
	return a + b
}

// scale32Generic multiplies s by f in place.
func scale32Generic(s []float32, f float32) {
	for i := range s {
		s[i] *= f
	}
}

// sumShift32Generic returns the sum of s[i]-h, each difference rounded to
// float32, accumulated in float64.
func sumShift32Generic(s []float32, h float32) float64 {
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i] - h)
		b += float64(s[i+1] - h)
	}
	if i < len(s) {
		a += float64(s[i] - h)
	}
	return a + b
}

// scaleSub32Generic sets dst[i] = dst[i]·f - (a·p[i] + b), or
// dst[i]·f - b when p is nil; p is at least as long as dst.
func scaleSub32Generic(dst, p []float32, f, a, b float32) {
	if p == nil {
		for i, v := range dst {
			dst[i] = v*f - b
		}
		return
	}
	p = p[:len(dst)]
	for i, v := range dst {
		dst[i] = v*f - (a*p[i] + b)
	}
}

// probSums32Generic returns the sums of p[i], of p[i]·(s[i]-h) and, when
// all is set, of s[i]-h, accumulated in float64 in two chains each; s is
// at least as long as p.
func probSums32Generic(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	s = s[:len(p)]
	var sp1, dp1, sx1 float64
	i := 0
	for ; i+2 <= len(p); i += 2 {
		v0, v1 := float64(p[i]), float64(p[i+1])
		d0, d1 := float64(s[i]-h), float64(s[i+1]-h)
		sp += v0
		sp1 += v1
		dp += v0 * d0
		dp1 += v1 * d1
		if all {
			sx += d0
			sx1 += d1
		}
	}
	if i < len(p) {
		d := float64(s[i] - h)
		sp += float64(p[i])
		dp += float64(p[i]) * d
		if all {
			sx += d
		}
	}
	return sp + sp1, dp + dp1, sx + sx1
}

// blockMax32Generic returns the largest element of s as vmath.Max32 does
// (-Inf for an empty s, NaN if any element is NaN), the sign of a zero
// maximum aside. It compares in four independent chains and checks
// s[i]-s[i], NaN only for non-finite elements, along the way; a slice
// holding one of those goes to vmath.Max32.
func blockMax32Generic(s []float32) float32 {
	m0, m1, m2, m3 := float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	var chk float32
	i := 0
	for ; i+4 <= len(s); i += 4 {
		v0, v1, v2, v3 := s[i], s[i+1], s[i+2], s[i+3]
		if v0 > m0 {
			m0 = v0
		}
		if v1 > m1 {
			m1 = v1
		}
		if v2 > m2 {
			m2 = v2
		}
		if v3 > m3 {
			m3 = v3
		}
		chk += (v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3)
	}
	for ; i < len(s); i++ {
		if s[i] > m0 {
			m0 = s[i]
		}
		chk += s[i] - s[i]
	}
	if chk != 0 {
		return vmath.Max32(s)
	}
	return max(max(m0, m1), max(m2, m3))
}
