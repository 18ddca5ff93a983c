package losskernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCEExpKernels checks the fast cross entropy's exponential kernels,
// vector forms and plain Go, on slices of every length up to 300 (vector
// bodies and tails) of scores below shifts, whose differences are exact
// in float32 (the vector forms round them there, as torch does): each
// stored e**(x-shift) within 4e-7 of math.Exp's, the sums within 1e-6,
// the sums of differences, -Inf counting for nothing, a NaN anywhere
// making the sum NaN and, in plain Go, which takes any shift, an
// infinity or a score far above the shift making it exceed CEMaxSum; the
// unchecked plain-Go passes the same, reporting NaN and infinite scores
// out of their range.
func TestCEExpKernels(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for n := range 301 {
		// multiples of 2**-16, whose differences are exact in float32
		src := make([]float32, n)
		for i := range src {
			src[i] = float32(r.IntN(80<<16)-80<<16) / (1 << 16)
		}
		shift := float32(r.IntN(4<<16)) / (1 << 16)
		var want, wantD float64
		for _, v := range src {
			want += math.Exp(float64(v) - float64(shift))
			wantD += float64(v) - float64(shift)
		}
		for _, f := range []func(dst, src []float32, shift float32) float64{ExpShiftSum32, expShiftSum32Generic} {
			dst := make([]float32, n)
			got := f(dst, src, shift)
			if !closeTo(got, want, 1e-6, 0) {
				t.Fatalf("n %d: sum %g, want %g", n, got, want)
			}
			for i, v := range src {
				w := math.Exp(float64(v) - float64(shift))
				if !closeTo(float64(dst[i]), w, 4e-7, 0) {
					t.Fatalf("n %d: e**(%g - %g) = %g, want %g", n, v, shift, dst[i], w)
				}
			}
		}
		for _, f := range []func(src []float32, shift float32) float64{sumExpShift32, sumExpShift32Generic} {
			if got := f(src, shift); !closeTo(got, want, 1e-6, 0) {
				t.Fatalf("n %d: sum only %g, want %g", n, got, want)
			}
		}
		want0 := 0.0 // shift 0, which sumExpFast0 takes
		for _, v := range src {
			want0 += math.Exp(float64(v))
		}
		if e0, ok0 := sumExpFast(src, 0); !ok0 || !closeTo(e0, want0, 1e-6, 1e-300) {
			t.Fatalf("n %d: sum with no shift %g %v, want %g", n, e0, ok0, want0)
		}
		fast := make([]float32, n)
		e1, ok1 := sumExpFast(src, shift)
		e2, ok2 := expSumFast(fast, src, shift)
		e3, d3, ok3 := expSumsFast(nil, src, shift)
		if !ok1 || !ok2 || !ok3 || !closeTo(e1, want, 1e-6, 0) || !closeTo(e2, want, 1e-6, 0) ||
			!closeTo(e3, want, 1e-6, 0) || !closeTo(d3, wantD, 1e-6, 1e-3) {
			t.Fatalf("n %d: fast sums %g %v, %g %v, %g %g %v, want %g %g", n, e1, ok1, e2, ok2, e3, d3, ok3, want, wantD)
		}
		pr := make([]float32, n)
		for i := range pr {
			pr[i] = float32(r.Float64())
		}
		wsp, wdp, wsx := probSums32Generic(pr, src, shift, true)
		for _, dst := range [][]float32{nil, make([]float32, n)} {
			e4, sp4, dp4, sx4, ok4 := expProbFast(dst, src, pr, shift, true)
			if !ok4 || !closeTo(e4, want, 1e-6, 0) || !closeTo(sp4, wsp, 1e-12, 0) || !closeTo(dp4, wdp, 1e-12, 1e-9) || !closeTo(sx4, wsx, 1e-12, 1e-9) {
				t.Fatalf("n %d: probability sums %g %g %g %g %v, want %g %g %g %g", n, e4, sp4, dp4, sx4, ok4, want, wsp, wdp, wsx)
			}
		}
		for i, v := range src {
			if w := math.Exp(float64(v) - float64(shift)); !closeTo(float64(fast[i]), w, 4e-7, 0) {
				t.Fatalf("n %d: fast e**(%g - %g) = %g, want %g", n, v, shift, fast[i], w)
			}
		}
		if e, d, ok := expSumsFast(make([]float32, n), src, shift); !ok || !closeTo(e, want, 1e-6, 0) || !closeTo(d, wantD, 1e-6, 1e-3) {
			t.Fatalf("n %d: sums %g %g %v, want %g %g", n, e, d, ok, want, wantD)
		}
		if n == 0 {
			continue
		}
		for _, special := range []float32{nan, inf, -inf, 200} {
			at := r.IntN(n)
			s := append([]float32(nil), src...)
			s[at] = special
			rest := 0.0 // the sum without s[at]
			for i, v := range s {
				if i != at {
					rest += math.Exp(float64(v) - float64(shift))
				}
			}
			sums := []float64{sumExpShift32Generic(s, shift), expShiftSum32Generic(make([]float32, n), s, shift)}
			if special <= 0 || special != special {
				// the vector forms take differences <= 0 only
				sums = append(sums, sumExpShift32(s, shift), ExpShiftSum32(make([]float32, n), s, shift))
			}
			if _, ok := sumExpFast(s, shift); ok && (special != 200) {
				t.Fatalf("n %d: %g at %d is in the fast range", n, special, at)
			}
			if e, ok := sumExpFast(s, shift); special == 200 && (!ok || !(e > CEMaxSum)) {
				t.Fatalf("n %d: 200 at %d gives %g %v", n, at, e, ok)
			}
			for _, v := range sums {
				switch {
				case special != special && v == v:
					t.Fatalf("n %d: NaN at %d gives %g", n, at, v)
				case special > 88 && !(v > CEMaxSum):
					t.Fatalf("n %d: %g at %d gives %g", n, special, at, v)
				case special < 0 && !closeTo(v, rest, 1e-6, 1e-30):
					t.Fatalf("n %d: -Inf at %d gives %g, want %g", n, at, v, rest)
				}
			}
		}
	}
}

// TestBlockShift32 checks a block's shift on slices of every length up
// to 80 with a NaN, an infinity or neither at each place: with no hint,
// in the SIMD build the maximum or NaN when a NaN is present, in plain Go
// the first score or 0 when that is within ±16; a finite hint itself in
// the SIMD build.
func TestBlockShift32(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	for n := 1; n <= 80; n++ {
		for _, special := range []float32{0, nan, inf, -inf} {
			for at := range n {
				s := make([]float32, n)
				for i := range s {
					s[i] = float32((i*7)%13) - 3.5
				}
				if special != 0 {
					s[at] = special
				}
				hinted := float32(1.25)
				if !ceVector {
					hinted = s[0]
					if s[0] >= -16 && s[0] <= 16 {
						hinted = 0
					}
				}
				if h := BlockShift32(s, 1.25); h != hinted && !(h != h && hinted != hinted) {
					t.Fatalf("shift of %v with a hint = %g, want %g", s, h, hinted)
				}
				got := BlockShift32(s, float32(math.NaN()))
				want := hinted
				if ceVector {
					want = float32(math.Inf(-1))
					for _, v := range s {
						if v > want || v != v {
							want = v
						}
					}
				}
				if got != want && !(got != got && want != want) {
					t.Fatalf("shift of %v = %g, want %g", s, got, want)
				}
			}
		}
	}
}

// TestCELog checks the row sums' logarithm against math.Log over
// [CEMinSum, CEMaxSum]: random arguments, powers of two and their
// neighbours, within 1e-14 of it (absolute below 1).
func TestCELog(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	check := func(x float64) {
		if got, want := CELog(x), math.Log(x); math.Abs(got-want) > 1e-14*max(1, math.Abs(want)) {
			t.Fatalf("CELog(%g) = %.17g, want %.17g", x, got, want)
		}
	}
	for range 100000 {
		check(math.Exp2(r.Float64()*94 - 30))
	}
	for e := -30; e <= 64; e++ {
		x := math.Exp2(float64(e))
		check(x)
		check(math.Nextafter(x, 0))
		check(math.Nextafter(x, math.Inf(1)))
	}
}

// closeTo reports whether got is within rtol·|want| + atol of want (NaN
// matches NaN only).
func closeTo(got, want, rtol, atol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= rtol*math.Abs(want)+atol
}
