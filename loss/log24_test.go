package loss

import (
	"math"
	"testing"

	"kt/internal/losskernel"
	"kt/internal/vmath"
)

// TestLog24Seams checks vmath.Log24To32, vmath.Log1p24To32 and losskernel.LogPick32 within one
// float32 unit of package math where the reduction changes hands: near 1
// (2**-10 below, 2**-9 above, and twice as far), at the midpoints
// between table points, and at the ends of binades; in place as well as
// not.
func TestLog24Seams(t *testing.T) {
	var xs []float32
	for _, c := range []float64{1, 1 - 0x1p-10, 1 + 0x1p-9, 1 - 0x1p-9, 1 + 0x1p-8, 1 - 0x1p-8, 1.5 + 0x1p-8, 2 - 0x1p-8, 2, 0.5, 0x1p-126, 0x1p-149, 3e38} {
		v := float32(c)
		for range 40 {
			v = math.Nextafter32(v, 0)
		}
		for range 80 {
			if v > 0 {
				xs = append(xs, v)
			}
			v = math.Nextafter32(v, float32(math.Inf(1)))
		}
	}
	ulps := func(a, b float32) int64 {
		d := int64(math.Float32bits(a)) - int64(math.Float32bits(b))
		return max(d, -d)
	}
	n := len(xs)
	got := make([]float32, n)
	vmath.Log24To32(got, xs)
	in := append([]float32{}, xs...)
	vmath.Log24To32(in, in)
	for i, x := range xs {
		w := float32(math.Log(float64(x)))
		if ulps(got[i], w) > 1 || in[i] != got[i] {
			t.Errorf("log(%g) = %g (in place %g), want %g", x, got[i], in[i], w)
		}
	}
	neg := make([]float32, n)
	for i, x := range xs {
		neg[i] = x - 1 // exact near 1
	}
	vmath.Log1p24To32(got, neg)
	for i, u := range neg {
		w := float32(math.Log1p(float64(u)))
		if ulps(got[i], w) > 1 {
			t.Errorf("log1p(%g) = %g, want %g", u, got[i], w)
		}
	}
	var px, py []float32
	for _, x := range xs {
		if x <= 1 {
			px = append(px, x, x, 1-x, 1-x)
			py = append(py, 0, 1, 0, 1)
		}
	}
	got = make([]float32, len(px))
	losskernel.LogPick32(got, px, py)
	for i, x := range px {
		w := float32(math.Log(float64(x)))
		if py[i] == 0 {
			w = float32(math.Log1p(-float64(x)))
		}
		if ulps(got[i], w) > 1 && !(math.IsInf(float64(w), -1) && math.IsInf(float64(got[i]), -1)) {
			t.Errorf("logPick(%g, %g) = %g, want %g", x, py[i], got[i], w)
		}
	}
}

// TestBCELogitsPlain checks bcelogits' one-loop chunk kernel without
// weights against its passes with weights of 1: the same bits, the
// exponentials included.
func TestBCELogitsPlain(t *testing.T) {
	for name, c := range kernelCases() {
		x := c[0]
		x = append(x, float32(math.Inf(-1)), 1e-30, -1e-30, 104, -104.5, 200)
		for len(x)%chunk != 0 {
			x = append(x, float32(len(x)%7)-3)
		}
		y := make([]float32, len(x))
		ones := make([]float32, chunk)
		for i := range y {
			y[i] = float32(i%3) / 2
		}
		for i := range ones {
			ones[i] = 1
		}
		for j := 0; j < len(x); j += chunk {
			o, e := make([]float32, chunk), make([]float32, chunk)
			o1, e1 := make([]float32, chunk), make([]float32, chunk)
			losskernel.BCELogitsChunk(o, e, x[j:], y[j:], nil, nil)
			losskernel.BCELogitsChunk(o1, e1, x[j:], y[j:], ones, nil)
			for i := range o {
				same := func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) || a != a && b != b }
				if !same(o[i], o1[i]) || !same(e[i], e1[i]) {
					t.Errorf("%s: x=%g y=%g: loss %g, e %g; with weights %g, %g", name, x[j+i], y[j+i], o[i], e[i], o1[i], e1[i])
				}
			}
		}
	}
}

// TestBCELogitsVectors checks bcelogits' float32 kernels without weights
// (8 lanes a step in the SIMD build) against the same kernels with
// weights of 1, which take the chunked passes: the same bits where every
// |x| is below 80, within two units elsewhere (there the vector kernel
// hands whole vectors to scalar exponentials).
func TestBCELogitsVectors(t *testing.T) {
	for name, c := range kernelCases() {
		x := c[0]
		n := len(x)
		y, ones := make([]float32, n), make([]float32, n)
		for i := range y {
			y[i] = float32(i%3) / 2
			ones[i] = 1
		}
		const g = 0.5
		o, o1 := make([]float32, n), make([]float32, n)
		gx, gx1, gb := make([]float32, n), make([]float32, n), make([]float32, n)
		losskernel.BCELogitsForward32(o, args[float32]{x, y}, param[float32]{})
		losskernel.BCELogitsForward32(o1, args[float32]{x, y, ones}, param[float32]{})
		s := losskernel.BCELogitsFuse32(gx, args[float32]{x, y}, param[float32]{}, g)
		s1 := losskernel.BCELogitsFuse32(gx1, args[float32]{x, y, ones}, param[float32]{}, g)
		losskernel.BCELogitsBackward32(args[float32]{gb}, args[float32]{x, y}, upstream[float32]{S: g}, param[float32]{})
		same := func(a, b float32) bool {
			if name != "table" {
				return near32(a, b)
			}
			return math.Float32bits(a) == math.Float32bits(b) || a != a && b != b
		}
		for i := range o {
			if !same(o[i], o1[i]) || !same(gx[i], gx1[i]) || math.Float32bits(gx[i]) != math.Float32bits(gb[i]) && gx[i] == gx[i] {
				t.Errorf("%s: x=%g y=%g: loss %g, gradient %g (fused), %g; with weights %g, %g", name, x[i], y[i], o[i], gx[i], gb[i], o1[i], gx1[i])
			}
		}
		if name == "table" && s != s1 && math.Abs(s-s1) > 1e-12*math.Abs(s1) {
			t.Errorf("%s: sums %g, with weights %g", name, s, s1)
		}
	}
}

// TestBCEVectors checks bce's float32 kernels without weights (8 lanes a
// step in the SIMD build) against their chunked passes, bit for bit:
// inputs across (0, 1) and at its ends, tiny ones, targets 0 and 1 and a
// few others.
func TestBCEVectors(t *testing.T) {
	var x, y []float32
	for i := range 3000 {
		x = append(x, (float32(i)+0.5)/3000)
		y = append(y, float32(i*7%3%2))
	}
	for _, v := range []float32{0, 1, 1e-30, 0x1p-30, 0x1p-29, 0x1p-28, 1 - 0x1p-24, 0.5, 0x1p-149, 0.25, 0.75, 0.1, 0.9, 0.3, 0.6, 0.01} {
		x = append(x, v, v)
		y = append(y, 0, 1)
	}
	y[100], y[2001] = 0.5, 0.25 // two vectors of the general path
	n := len(x)
	const g = 0.75
	o, o1 := make([]float32, n), make([]float32, n)
	gx, gx1 := make([]float32, n), make([]float32, n)
	losskernel.BCEForward32(o, args[float32]{x, y}, param[float32]{})
	losskernel.BCEChunks(o1, x, y, nil)
	s := losskernel.BCEFuse32(gx, args[float32]{x, y}, param[float32]{}, g)
	s1 := losskernel.BCEFuseChunks(gx1, x, y, nil, g)
	sum := losskernel.BCESum32(args[float32]{x, y}, param[float32]{})
	for i := range o {
		if math.Float32bits(o[i]) != math.Float32bits(o1[i]) || math.Float32bits(gx[i]) != math.Float32bits(gx1[i]) {
			t.Errorf("x=%g y=%g: loss %g, gradient %g; chunked %g, %g", x[i], y[i], o[i], gx[i], o1[i], gx1[i])
		}
	}
	if math.Abs(s-s1) > 1e-12*math.Abs(s1) || math.Abs(sum-s1) > 1e-12*math.Abs(s1) {
		t.Errorf("sums %g (fused), %g, chunked %g", s, sum, s1)
	}
}

// TestInUnit32 checks the branchless range test against the plain one.
func TestInUnit32(t *testing.T) {
	vals := []float32{0, float32(math.Copysign(0, -1)), 1, 0.5, 0x1p-149, math.Nextafter32(1, 2), -0x1p-149, -1, 2,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), -float32(math.NaN()), 1e30}
	for _, v := range vals {
		want := v >= 0 && v <= 1
		if got := inUnit32([]float32{0.5, v, 0.25}); got != want {
			t.Errorf("inUnit32(%g) = %v, want %v", v, got, want)
		}
	}
}

// TestKLVectors checks kl's float32 sum and fuse kernels (8 lanes a step
// in the SIMD build) against their chunked passes: the same gradient
// bits, the same sums to rounding, with zero targets and a vector of
// negative ones among them.
func TestKLVectors(t *testing.T) {
	var x, y []float32
	for i := range 3000 {
		x = append(x, -float32(i%97)/13)
		y = append(y, float32(i%101)/100) // zeros among them
	}
	y = append(y, 0x1p-149, 1e-30, 1, 1e30)
	x = append(x, -1, -2, 0, -0.5)
	y[1000] = -0.5 // a vector the chunked passes take
	const g = 0.25
	gx, gx1 := make([]float32, len(x)), make([]float32, len(x))
	s := losskernel.KLFuse32(gx, args[float32]{x, y}, param[float32]{}, g)
	s1 := losskernel.KLFuseChunks(gx1, x, y, g)
	sum := losskernel.KLSum32(args[float32]{x, y}, param[float32]{})
	for i := range gx {
		if math.Float32bits(gx[i]) != math.Float32bits(gx1[i]) {
			t.Errorf("y=%g: gradient %g, chunked %g", y[i], gx[i], gx1[i])
		}
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) || a != a && b != b }
	if !near(s, s1) || !near(sum, s1) {
		t.Errorf("sums %g (fused), %g, chunked %g", s, sum, s1)
	}
	y[1000] = 0.5 // all vectors in range: finite sums
	s = losskernel.KLFuse32(gx, args[float32]{x, y}, param[float32]{}, g)
	s1 = losskernel.KLFuseChunks(gx1, x, y, g)
	sum = losskernel.KLSum32(args[float32]{x, y}, param[float32]{})
	if !near(s, s1) || !near(sum, s1) || math.IsInf(s1, 0) || s1 != s1 {
		t.Errorf("sums %g (fused), %g, chunked %g", s, sum, s1)
	}
}
