package loss

import "math"

// Float32 kernels of the fast cross entropy, in plain Go; ce_kernel_simd.go
// and ce_kernel_scalar.go choose between these and vector forms.

// The exponential of the fast cross entropy, in plain Go: e**d for d =
// x - shift, the difference taken in float64 (exact for float32 x and
// shift), to float32 precision. d = (k + f)·ln2/256 with k an integer and
// |f| <= 1/2; e**d = 2**(k>>8) · 2**((k&255)/256) · e**r with r =
// d - k·ln2/256, |r| <= ln2/512, e**r to degree 2 (the first omitted term
// is below 5e-10 of it) and the power of two put into the exponent bits of
// a table entry. Each element is an independent chain of a dozen floating
// point operations, with no conversion between floats and integers: k's
// bits are read from the rounding sum itself. d is clamped to [ceLow,
// ceHigh] (NaN passes through and stays NaN), so that the power of two
// stays a normal float64: the callers check a row's sum and take out of
// range rows again with their own maximum.

// ceExpTab holds 2**(j/256) for j in [0, 256).
var ceExpTab = func() (t [256]float64) {
	for j := range t {
		t[j] = math.Exp2(float64(j) / 256)
	}
	return t
}()

const (
	ceInv   = 256 / math.Ln2
	ceRound = 0x1.8p52 // adding it rounds a float64 below 2**51 to an integer
	ceLn2   = math.Ln2 / 256
	ceLow   = -104.0 // e**ceLow is below half the least float32
	ceHigh  = 100.0  // far above any sum a caller takes
)

// ceExp returns e**d to float32 precision for d in [ceLow, ceHigh] (and
// NaN for NaN).
func ceExp(d float64) float64 {
	if d < ceLow {
		d = ceLow
	}
	if d > ceHigh {
		d = ceHigh
	}
	kr := d*ceInv + ceRound
	r := d - (kr-ceRound)*ceLn2
	b := math.Float64bits(kr) // ceRound's bits plus k
	return (1 + r*(1+r*0.5)) * math.Float64frombits(math.Float64bits(ceExpTab[b&255])+(b>>8)<<52)
}

// expShiftSum32Generic sets dst[i] = e**(src[i]-shift) and returns the
// sum of the values, accumulated in float64.
func expShiftSum32Generic(dst, src []float32, shift float32) float64 {
	src = src[:len(dst)]
	h := float64(shift)
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		e0 := ceExp(float64(src[i]) - h)
		e1 := ceExp(float64(src[i+1]) - h)
		dst[i], dst[i+1] = float32(e0), float32(e1)
		s0 += e0
		s1 += e1
	}
	if i < len(src) {
		e := ceExp(float64(src[i]) - h)
		dst[i] = float32(e)
		s0 += e
	}
	return s0 + s1
}

// sumExpShift32Generic returns the sum of e**(src[i]-shift) in float64.
func sumExpShift32Generic(src []float32, shift float32) float64 {
	h := float64(shift)
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		s0 += ceExp(float64(src[i]) - h)
		s1 += ceExp(float64(src[i+1]) - h)
	}
	if i < len(src) {
		s0 += ceExp(float64(src[i]) - h)
	}
	return s0 + s1
}

// expShiftSums32Generic is expShiftSum32Generic that also returns the
// sum of the differences src[i]-shift. A nil dst takes the sums alone.
func expShiftSums32Generic(dst, src []float32, shift float32) (e, d float64) {
	if dst != nil {
		src = src[:len(dst)]
	}
	h := float64(shift)
	var s0, s1, d0, d1 float64
	i := 0
	for ; i+2 <= len(src); i += 2 {
		x0, x1 := float64(src[i])-h, float64(src[i+1])-h
		e0, e1 := ceExp(x0), ceExp(x1)
		if dst != nil {
			dst[i], dst[i+1] = float32(e0), float32(e1)
		}
		s0 += e0
		s1 += e1
		d0 += x0
		d1 += x1
	}
	if i < len(src) {
		x := float64(src[i]) - h
		e := ceExp(x)
		if dst != nil {
			dst[i] = float32(e)
		}
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

// sumShift32Generic returns the sum of s[i]-h, each difference exact in
// float64, accumulated in float64.
func sumShift32Generic(s []float32, h float32) float64 {
	hf := float64(h)
	var a, b float64
	i := 0
	for ; i+2 <= len(s); i += 2 {
		a += float64(s[i]) - hf
		b += float64(s[i+1]) - hf
	}
	if i < len(s) {
		a += float64(s[i]) - hf
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
// all is set, of s[i]-h (exact in float64), accumulated in float64 in two
// chains each; s is at least as long as p.
func probSums32Generic(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	s = s[:len(p)]
	hf := float64(h)
	var sp1, dp1, sx1 float64
	i := 0
	for ; i+2 <= len(p); i += 2 {
		v0, v1 := float64(p[i]), float64(p[i+1])
		d0, d1 := float64(s[i])-hf, float64(s[i+1])-hf
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
		d := float64(s[i]) - hf
		sp += float64(p[i])
		dp += float64(p[i]) * d
		if all {
			sx += d
		}
	}
	return sp + sp1, dp + dp1, sx + sx1
}
