package vmath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps64 returns the distance between got and want in units in the last
// place of want (0 when both are the same special value).
func ulps64(got, want float64) float64 {
	if got == want || (got != got && want != want) {
		return 0
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) || got != got || want != want {
		return math.Inf(1)
	}
	ulp := math.Nextafter(math.Abs(want), math.Inf(1)) - math.Abs(want)
	return math.Abs(got-want) / ulp
}

// ulps32 is ulps64 for float32 results, against a float64 reference
// rounded to float32.
func ulps32(got float32, want float64) float64 {
	w := float32(want)
	if got == w || (got != got && w != w) {
		return 0
	}
	if math.IsInf(float64(w), 0) || math.IsInf(float64(got), 0) || got != got || w != w {
		return math.Inf(1)
	}
	a := float32(math.Abs(float64(w)))
	ulp := float64(math.Nextafter32(a, float32(math.Inf(1))) - a)
	return math.Abs(float64(got)-want) / ulp
}

var specials = []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 1, -1,
	5e-324, -5e-324, 2.2250738585072014e-308, math.MaxFloat64, -math.MaxFloat64, 1e-300, -1e-300,
	709, 709.78, 710, -708, -708.5, -745.1, -746, 88.72, 88.73, -87.33, -103.97, -104, -150, 89, 89.1}

func TestSpecialCases(t *testing.T) {
	for _, x := range specials {
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"Exp", Exp(x), math.Exp(x)},
			{"Log", Log(x), math.Log(x)},
			{"Log1p", Log1p(x), math.Log1p(x)},
		} {
			if u := ulps64(c.got, c.want); u > 2 {
				t.Errorf("%s(%g) = %g, want %g", c.name, x, c.got, c.want)
			}
		}
		f := float32(x)
		for _, c := range []struct {
			name string
			got  float32
			want float64
		}{
			{"Exp32", Exp32(f), math.Exp(float64(f))},
			{"Exp24", float32(Exp24(float64(f))), math.Exp(float64(f))},
			{"Log32", Log32(f), math.Log(float64(f))},
			{"Log1p32", Log1p32(f), math.Log1p(float64(f))},
		} {
			if u := ulps32(c.got, c.want); u > 1 {
				t.Errorf("%s(%g) = %g, want %g", c.name, f, c.got, float32(c.want))
			}
		}
	}
	// Signed zeros and exact values.
	if v := Log1p(math.Copysign(0, -1)); v != 0 || !math.Signbit(v) {
		t.Errorf("Log1p(-0) = %g, want -0", v)
	}
	if Exp(0) != 1 || Exp32(0) != 1 || Log(1) != 0 || Log32(1) != 0 {
		t.Error("Exp(0) or Log(1) is not exact")
	}
}

// sweep64 calls f on n points spread evenly over [lo, hi].
func sweep64(lo, hi float64, n int, f func(x float64)) {
	for i := range n + 1 {
		f(lo + (hi-lo)*float64(i)/float64(n))
	}
}

func TestAccuracy64(t *testing.T) {
	n := 400000
	if testing.Short() {
		n = 40000
	}
	cases := []struct {
		name   string
		f, ref func(float64) float64
		lo, hi float64
		tol    float64
	}{
		{"Exp", Exp, math.Exp, -745.2, 709.9, 3},
		{"Exp/small", Exp, math.Exp, -1, 1, 3},
		{"Log", Log, math.Log, 1e-10, 1e10, 1},
		{"Log/near1", Log, math.Log, 0.5, 2, 1},
		{"Log1p", Log1p, math.Log1p, -0.999999, 10, 1.5},
		{"Log1p/small", Log1p, math.Log1p, -1e-3, 1e-3, 1.5},
	}
	for _, c := range cases {
		worst, at := 0.0, 0.0
		sweep64(c.lo, c.hi, n, func(x float64) {
			if u := ulps64(c.f(x), c.ref(x)); u > worst {
				worst, at = u, x
			}
		})
		if worst > c.tol {
			t.Errorf("%s: %.2f ulps at %g (tolerance %g)", c.name, worst, at, c.tol)
		}
	}
	// Log over every binade, subnormals included.
	for x := 5e-324; x < math.MaxFloat64/3; x *= 2.999 {
		if u := ulps64(Log(x), math.Log(x)); u > 1 {
			t.Fatalf("Log(%g): %.2f ulps", x, u)
		}
	}
}

// TestAccuracy32 checks the float32 functions on a dense sweep of float32
// arguments: every 509th bit pattern of each range, both signs.
func TestAccuracy32(t *testing.T) {
	step := uint32(509)
	if testing.Short() {
		step = 4093
	}
	cases := []struct {
		name string
		f    func(float32) float32
		ref  func(float64) float64
	}{
		{"Exp32", Exp32, math.Exp},
		{"Exp24", func(x float32) float32 { return float32(Exp24(float64(x))) }, math.Exp},
		{"Log32", Log32, math.Log},
		{"Log1p32", Log1p32, math.Log1p},
		{"LogTo32", func(x float32) float32 { d := []float32{x}; LogTo32(d, d); return d[0] }, math.Log},
		{"Log1pTo32", func(x float32) float32 { d := []float32{x}; Log1pTo32(d, d); return d[0] }, math.Log1p},
		{"ExpTo32", func(x float32) float32 { d := []float32{x}; ExpTo32(d, d); return d[0] }, math.Exp},
	}
	for _, c := range cases {
		worst, at := 0.0, float32(0)
		for b := uint32(0); b < 0x7f800000; b += step {
			for _, x := range []float32{math.Float32frombits(b), -math.Float32frombits(b)} {
				if u := ulps32(c.f(x), c.ref(float64(x))); u > worst {
					worst, at = u, x
				}
			}
		}
		if worst > 1 {
			t.Errorf("%s: %.2f ulps at %g", c.name, worst, at)
		}
	}
}

func TestSlices(t *testing.T) {
	var src32 []float32
	for _, x := range specials {
		src32 = append(src32, float32(x))
	}
	for i := range 200 {
		src32 = append(src32, float32(i)*0.37-20)
	}
	src64 := make([]float64, len(src32))
	for i, v := range src32 {
		src64[i] = float64(v)
	}
	// every length up to the full slice, so vector bodies and tails both run
	for n := range len(src32) + 1 {
		s32, s64 := src32[:n], src64[:n]
		d32, d64 := make([]float32, n), make([]float64, n)
		check32 := func(name string, f func(float32) float32) {
			t.Helper()
			for i, v := range s32 {
				if u := ulps32(d32[i], float64(f(v))); u > 1 {
					t.Fatalf("%s n=%d: element %d (%g) = %g, want %g", name, n, i, v, d32[i], f(v))
				}
			}
		}
		check64 := func(name string, f func(float64) float64) {
			t.Helper()
			for i, v := range s64 {
				if d64[i] != f(v) && !(d64[i] != d64[i] && f(v) != f(v)) {
					t.Fatalf("%s n=%d: element %d (%g) = %g, want %g", name, n, i, v, d64[i], f(v))
				}
			}
		}
		ExpTo32(d32, s32)
		check32("ExpTo32", Exp32)
		LogTo32(d32, s32)
		check32("LogTo32", Log32)
		Log1pTo32(d32, s32)
		check32("Log1pTo32", Log1p32)
		ExpScale32(d32, s32, 3, 0.5)
		check32("ExpScale32", func(x float32) float32 { return float32(Exp24(float64(x)-3) * 0.5) })
		sum := ExpSum32(d32, s32, 3)
		check32("ExpSum32", func(x float32) float32 { return float32(Exp24(float64(x) - 3)) })
		checkSum(t, "ExpSum32", n, sum, s64, 3)
		sum = ExpSum64(d64, s64, 3)
		check64("ExpSum64", func(x float64) float64 { return Exp(x - 3) })
		checkSum(t, "ExpSum64", n, sum, s64, 3)
		ExpTo64(d64, s64)
		check64("ExpTo64", Exp)
		LogTo64(d64, s64)
		check64("LogTo64", Log)
		Log1pTo64(d64, s64)
		check64("Log1pTo64", Log1p)
		ExpScale64(d64, s64, 3, 0.5)
		check64("ExpScale64", func(x float64) float64 { return Exp(x-3) * 0.5 })

		// reductions, against plain loops
		m32, m64 := float32(math.Inf(-1)), math.Inf(-1)
		nan := false
		for i := range s32 {
			m32, m64 = max(m32, s32[i]), max(m64, s64[i])
			nan = nan || s64[i] != s64[i]
		}
		if g := Max32(s32); g != m32 && !(nan && g != g) {
			t.Fatalf("Max32 n=%d = %g, want %g", n, g, m32)
		}
		if g := Max64(s64); g != m64 && !(nan && g != g) {
			t.Fatalf("Max64 n=%d = %g, want %g", n, g, m64)
		}
		checkSum(t, "SumExp32", n, SumExp32(s32, 5), s64, 5)
		checkLogSumExp(t, n, s32)
		checkSum(t, "SumExp64", n, SumExp64(s64, 5), s64, 5)
	}
	// finite rows of every length, short (scalar) and long (vector)
	finite := src32[len(specials):]
	for n := range len(finite) + 1 {
		checkLogSumExp(t, n, finite[:n])
		checkLogSumExp(t, n, finite[len(finite)-n:])
	}
	// a NaN anywhere makes Max NaN
	s := []float32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	for i := range s {
		c := append([]float32(nil), s...)
		c[i] = float32(math.NaN())
		if g := Max32(c); g == g {
			t.Fatalf("Max32 with NaN at %d = %g", i, g)
		}
	}
}

// checkLogSumExp checks LogSumExp32 against the plain formula in float64
// with math's functions.
func checkLogSumExp(t *testing.T, n int, s []float32) {
	t.Helper()
	m := math.Inf(-1)
	for _, v := range s {
		m = max(m, float64(v))
	}
	want := m
	if !math.IsInf(m, 0) && m == m {
		sum := 0.0
		for _, v := range s {
			sum += math.Exp(float64(v) - m)
		}
		want = m + math.Log(sum)
	} else if m == math.Inf(1) {
		sum := 0.0
		for _, v := range s {
			sum += math.Exp(float64(v) - m)
		}
		want = m + math.Log(sum)
	}
	got := LogSumExp32(s)
	if !(math.Abs(got-want) <= 2e-7*max(1, math.Abs(want))) && !(got != got && want != want) && got != want {
		t.Fatalf("LogSumExp32 n=%d = %g, want %g", n, got, want)
	}
}

// checkSum checks got against Σ e**(s[i]-shift) from math.Exp.
func checkSum(t *testing.T, name string, n int, got float64, s []float64, shift float64) {
	t.Helper()
	want := 0.0
	for _, v := range s {
		want += math.Exp(v - shift)
	}
	if !(math.Abs(got-want) <= 1e-7*math.Abs(want)) && !(got != got && want != want) && got != want {
		t.Fatalf("%s n=%d = %g, want %g", name, n, got, want)
	}
}

func BenchmarkExp32(b *testing.B) {
	src, dst := make([]float32, 4096), make([]float32, 4096)
	for i := range src {
		src[i] = float32(i%200) * -0.05
	}
	for b.Loop() {
		ExpTo32(dst, src)
	}
}

func BenchmarkSumExp32(b *testing.B) {
	src := make([]float32, 4096)
	for i := range src {
		src[i] = float32(i%200) * -0.05
	}
	for b.Loop() {
		SumExp32(src, 0)
	}
}

func BenchmarkExp(b *testing.B) {
	src, dst := make([]float64, 4096), make([]float64, 4096)
	for i := range src {
		src[i] = float64(i%200) * -0.05
	}
	for b.Loop() {
		ExpTo64(dst, src)
	}
}

func BenchmarkLog(b *testing.B) {
	src, dst := make([]float64, 4096), make([]float64, 4096)
	for i := range src {
		src[i] = float64(i%200)*0.05 + 0.01
	}
	for b.Loop() {
		LogTo64(dst, src)
	}
}

func TestLogSumExp3(t *testing.T) {
	inf := math.Inf(1)
	ref := func(a, b, c float64) float64 {
		m := max(a, b, c)
		if math.IsInf(m, -1) {
			return m
		}
		return m + math.Log(math.Exp(a-m)+math.Exp(b-m)+math.Exp(c-m))
	}
	vals := []float64{-inf, inf, math.NaN(), 0, -1e-300, 1, -3.5, 2.25, -700, -750, 700, -1e6, 1e6, -0.5}
	for _, a := range vals {
		for _, b := range vals {
			for _, c := range vals {
				got, want := LogSumExp3(a, b, c), ref(a, b, c)
				if u := ulps64(got, want); u > 3 && !(math.Abs(got-want) < 1e-15) {
					t.Errorf("LogSumExp3(%g, %g, %g) = %g, want %g", a, b, c, got, want)
				}
				got, want = LogSumExp2(a, b), ref(a, b, math.Inf(-1))
				if u := ulps64(got, want); u > 3 && !(math.Abs(got-want) < 1e-15) {
					t.Errorf("LogSumExp2(%g, %g) = %g, want %g", a, b, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		a, b, c := r.NormFloat64()*20, r.NormFloat64()*20, r.NormFloat64()*20
		got, want := LogSumExp3(a, b, c), ref(a, b, c)
		if math.Abs(got-want) > 4e-16*max(1, math.Abs(want)) {
			t.Fatalf("LogSumExp3(%g, %g, %g) = %g, want %g", a, b, c, got, want)
		}
		got, want = LogSumExp2(a, b), ref(a, b, math.Inf(-1))
		if math.Abs(got-want) > 4e-16*max(1, math.Abs(want)) {
			t.Fatalf("LogSumExp2(%g, %g) = %g, want %g", a, b, got, want)
		}
	}
}

// TestAccuracy32Slices checks the float32 slice functions, whose vector
// forms run only on long slices, on a sweep of every 2039th bit pattern
// of each sign, the signs in runs so that whole vectors of positive (and
// of negative) arguments take the vector forms.
func TestAccuracy32Slices(t *testing.T) {
	var src []float32
	for _, sign := range []float32{1, -1} {
		for b := uint32(0); b < 0x7f800000; b += 2039 {
			src = append(src, sign*math.Float32frombits(b))
		}
	}
	src = append(src, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), -1, 88.72, -103.9)
	dst := make([]float32, len(src))
	for _, c := range []struct {
		name string
		f    func(dst, src []float32)
		ref  func(float64) float64
	}{
		{"ExpTo32", ExpTo32, math.Exp},
		{"LogTo32", LogTo32, math.Log},
		{"Log1pTo32", Log1pTo32, math.Log1p},
	} {
		c.f(dst, src)
		for i, x := range src {
			if u := ulps32(dst[i], c.ref(float64(x))); u > 1 {
				t.Errorf("%s(%g) = %g, want %g (%.2f ulps)", c.name, x, dst[i], float32(c.ref(float64(x))), u)
				break
			}
		}
	}
}

// TestShortSlices checks that the slice functions work on the common
// length of dst and src, touching nothing beyond it.
func TestShortSlices(t *testing.T) {
	for _, n := range []int{3, 100} {
		src32, src64 := make([]float32, n), make([]float64, n)
		d32, d64 := make([]float32, n+2), make([]float64, n+2)
		d32[n], d32[n+1], d64[n], d64[n+1] = 7, 7, 7, 7
		for _, f := range []func(a, b []float32){ExpTo32, LogTo32, Log1pTo32} {
			f(d32, src32)
			f(src32[:1], d32) // dst shorter
		}
		ExpScale32(d32, src32, 0, 1)
		ExpSum32(d32, src32, 0)
		for _, f := range []func(a, b []float64){ExpTo64, LogTo64, Log1pTo64} {
			f(d64, src64)
			f(src64[:1], d64)
		}
		ExpScale64(d64, src64, 0, 1)
		ExpSum64(d64, src64, 0)
		if d32[n] != 7 || d32[n+1] != 7 || d64[n] != 7 || d64[n+1] != 7 {
			t.Fatalf("n=%d: elements past src were written", n)
		}
	}
}

// TestLogPick32 checks LogPick32 against LogTo32 of x and Log1pTo32 of -x,
// bit for bit, on slices of every length up to a few vectors (in runs of
// arguments in (0, 1), so that whole vectors take the vector form, with
// the special arguments among them) and on a sweep of [0, 1].
func TestLogPick32(t *testing.T) {
	var x []float32
	for i := range 300 {
		x = append(x, float32(i)/300+0x1p-10)
	}
	for i, v := range []float32{0, 1, float32(math.Copysign(0, -1)), 1.5, -0.5, float32(math.NaN()), float32(math.Inf(1)), 0x1p-149, 0x1p-30, 1 - 0x1p-24} {
		x[15+28*i] = v
	}
	for b := uint32(0); b <= 0x3f800000; b += 4099 {
		x = append(x, math.Float32frombits(b))
	}
	y := make([]float32, len(x))
	for i := range y {
		y[i] = []float32{0, 1, 1, 0, 0, 2, 1, 0, 1}[i%9]
	}
	check := func(x, y []float32) {
		t.Helper()
		n := len(x)
		got, lx, l1p, neg := make([]float32, n), make([]float32, n), make([]float32, n), make([]float32, n)
		for i, v := range x {
			neg[i] = -v
		}
		LogPick32(got, x, y)
		LogTo32(lx, x)
		Log1pTo32(l1p, neg)
		for i := range got {
			want := lx[i]
			if y[i] == 0 {
				want = l1p[i]
			}
			if math.Float32bits(got[i]) != math.Float32bits(want) && !(got[i] != got[i] && want != want) {
				t.Fatalf("n=%d: x=%g y=%g: %g, want %g", n, x[i], y[i], got[i], want)
			}
		}
	}
	for n := range 300 {
		check(x[:n], y[:n])
		check(x[300-n:300], y[300-n:300])
	}
	check(x, y)
	// all targets 1, and all 0
	for _, tv := range []float32{0, 1} {
		for i := range y {
			y[i] = tv
		}
		check(x, y)
	}
	// shorter y: nothing past it is written
	d := []float32{7, 7, 7}
	LogPick32(d, []float32{0.5, 0.5, 0.5}, []float32{1})
	if d[1] != 7 || d[2] != 7 {
		t.Fatalf("LogPick32 wrote past the shortest slice: %v", d)
	}
}
