package losskernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCEExpPasses checks the four-a-step passes of softmax_exp.go against
// softmax_kernel.go's on rows of every length up to 40 and some longer, with
// shifts 0 and not, and with one special score (NaN, ±Inf, a score far
// above or below the shift, the largest float32) at each of a few
// places: the numerators bit for bit, the sums to within their order of
// addition, the range flag equal.
func TestCEExpPasses(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	specials := []float32{0, nan, inf, -inf, 200, -200, 800, -800, math.MaxFloat32, -math.MaxFloat32, 1e-45,
		709.78, -709.78, 709.79, -709.79, 710, -710} // the last six at the edges of the exponentials' range
	near := func(a, b float64) bool {
		if a != a || b != b {
			return a != a && b != b
		}
		return a == b || math.Abs(a-b) <= 1e-13*math.Max(math.Abs(a), math.Abs(b))
	}
	lens := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 40, 257, 1000}
	for _, n := range lens {
		for _, shift := range []float32{0, 1.25, -3} {
			for _, sp := range specials {
				for _, at := range []int{0, n / 2, n - 1} {
					if n == 0 && at != 0 {
						continue
					}
					src, p := make([]float32, n), make([]float32, n)
					for i := range src {
						src[i], p[i] = float32(r.NormFloat64()*3), float32(r.Float64())
					}
					if n > 0 {
						src[at] = sp
					}
					e0, ok0 := sumExpFast(src, shift)
					if e, ok := ceSumExp(src, shift); ok != ok0 || ok && !near(e, e0) {
						t.Errorf("n %d shift %g %g at %d: ceSumExp %g %v, want %g %v", n, shift, sp, at, e, ok, e0, ok0)
					}
					d0 := make([]float32, n)
					e0, ok0 = expSumFast(d0, src, shift)
					d1 := make([]float32, n)
					if e, ok := ceExpStore(d1, src, shift); ok != ok0 || ok && !near(e, e0) {
						t.Errorf("n %d shift %g %g at %d: ceExpStore %g %v, want %g %v", n, shift, sp, at, e, ok, e0, ok0)
					}
					same := func(name string, a, b []float32) {
						for i := range a {
							if math.Float32bits(a[i]) != math.Float32bits(b[i]) && ok0 {
								t.Errorf("n %d shift %g %g at %d: %s numerator %d is %g, want %g", n, shift, sp, at, name, i, b[i], a[i])
							}
						}
					}
					same("ceExpStore", d0, d1)
					for _, dst := range [][]float32{nil, make([]float32, n)} {
						var want []float32
						if dst != nil {
							want = make([]float32, n)
						}
						we, wd, wok := expSumsFast(want, src, shift)
						if e, d, ok := ceExpSums(dst, src, shift); ok != wok || ok && (!near(e, we) || !near(d, wd)) {
							t.Errorf("n %d shift %g %g at %d: ceExpSums %g %g %v, want %g %g %v", n, shift, sp, at, e, d, ok, we, wd, wok)
						}
						same("ceExpSums", want, dst)
						for _, all := range []bool{false, true} {
							if dst != nil {
								want = make([]float32, n)
							}
							we, wsp, wdp, wsx, wok := expProbFast(want, src, p, shift, all)
							e, sp1, dp1, sx1, ok := ceExpProb(dst, src, p, shift, all)
							if ok != wok || ok && (!near(e, we) || !near(sp1, wsp) || !near(dp1, wdp) || !near(sx1, wsx)) {
								t.Errorf("n %d shift %g %g at %d all %v: ceExpProb %g %g %g %g %v, want %g %g %g %g %v",
									n, shift, sp, at, all, e, sp1, dp1, sx1, ok, we, wsp, wdp, wsx, wok)
							}
							same("ceExpProb", want, dst)
						}
					}
				}
			}
		}
	}
}

// TestScalePlain checks the four-a-step scalings against softmax_kernel.go's
// loops bit for bit, on every length up to 21, with and without p, on
// values that include NaN, ±Inf, ±0 and subnormals.
func TestScalePlain(t *testing.T) {
	vals := []float32{1.5, -2.25, float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1)), 0,
		float32(math.Copysign(0, -1)), 1e-45, 3e38, 0.1}
	for n := range 22 {
		src, p := make([]float32, n), make([]float32, n)
		for i := range src {
			src[i], p[i] = vals[i%len(vals)], vals[(i*3+1)%len(vals)]
		}
		for _, f := range []float32{0.3, -1, 0} {
			a, b := append([]float32(nil), src...), append([]float32(nil), src...)
			scale32Generic(a, f)
			scale32Plain(b, f)
			for _, q := range [][]float32{nil, p} {
				c, d := append([]float32(nil), src...), append([]float32(nil), src...)
				scaleSub32Generic(c, q, f, 0.7, -0.2)
				scaleSub32Plain(d, q, f, 0.7, -0.2)
				for i := range c {
					if math.Float32bits(c[i]) != math.Float32bits(d[i]) && !(c[i] != c[i] && d[i] != d[i]) {
						t.Errorf("n %d f %g p %v: scaleSub32Plain[%d] = %g, want %g", n, f, q != nil, i, d[i], c[i])
					}
				}
			}
			for i := range a {
				if math.Float32bits(a[i]) != math.Float32bits(b[i]) && !(a[i] != a[i] && b[i] != b[i]) {
					t.Errorf("n %d f %g: scale32Plain[%d] = %g, want %g", n, f, i, b[i], a[i])
				}
			}
		}
	}
}
