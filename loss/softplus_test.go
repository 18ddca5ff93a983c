package loss

import (
	"math"
	"testing"

	"kt/internal/losskernel"
)

// kernelCases are inputs of the softplus kernels: x and y whose products
// stay in the tables, ones that leave them (the second passes), and
// ones with infinities and NaN.
func kernelCases() map[string][2][]float32 {
	cases := map[string][2][]float32{}
	var xs, ys []float32
	for i := range 4000 {
		xs = append(xs, float32(i-2000)/126)
		ys = append(ys, float32(1-2*(i&1))*float32(1+i%3)/2)
	}
	cases["table"] = [2][]float32{xs, ys}
	add := func(name string, vs ...float32) {
		x, y := append([]float32{}, xs...), append([]float32{}, ys...)
		for _, v := range vs {
			for _, w := range []float32{1, -1, 0.5, -2} {
				x = append(x, v, -v)
				y = append(y, w, w)
			}
		}
		cases[name] = [2][]float32{x, y}
	}
	add("large", 0, -0.0, 1e-30, 7.9375, 8, 15.9, 15.93, 15.9375, 15.99, 16, 16.0625, 16.07, 16.5, 20, 50, 87, 88.5, 88.8, 89, 100, 200)
	add("special", 3, float32(math.Inf(1)), float32(math.NaN()))
	return cases
}

// TestSoftMarginKernels checks the float32 softmargin kernels against
// ATen's formulas (the exponential rounded to float32, the rest in
// float64) within two float32 units, and that sum and fuse agree with
// the forward.
func TestSoftMarginKernels(t *testing.T) {
	for name, c := range kernelCases() {
		xs, ys := c[0], c[1]
		n := len(xs)
		out := make([]float32, n)
		in := args[float32]{xs, ys}
		losskernel.SoftMarginForward32(out, in, param[float32]{})
		const g = 0.25
		gx, gb := make([]float32, n), make([]float32, n)
		s := losskernel.SoftMarginFuse32(gx, in, param[float32]{}, g)
		losskernel.SoftMarginBackward32(args[float32]{gb}, in, upstream[float32]{S: g}, param[float32]{})
		sum := losskernel.SoftMarginSum32(in, param[float32]{})
		want, abs := 0.0, 0.0
		for i := range n {
			tt := -xs[i] * ys[i]
			z := float64(float32(math.Exp(float64(tt)))) // ATen's float32 exponential
			l := float32(math.Log1p(z))
			gr := float32(-float64(ys[i]) * z / (1 + z) * g)
			if !near32(out[i], l) {
				t.Errorf("%s: forward(%g, %g) = %g, want %g", name, xs[i], ys[i], out[i], l)
			}
			if !near32(gx[i], gr) || !near32(gb[i], gr) {
				t.Errorf("%s: gradient(%g, %g) = %g (fused), %g, want %g", name, xs[i], ys[i], gx[i], gb[i], gr)
			}
			want += float64(l)
			abs += math.Abs(float64(l))
		}
		if !sumNear(s, want, abs) || !sumNear(sum, want, abs) {
			t.Errorf("%s: sums %g (fused), %g, want %g", name, s, sum, want)
		}
	}
}

// sumNear reports whether a sum s is want within 1e-7 of abs, the sum of
// the magnitudes of its terms (NaN for NaN, infinities equal).
func sumNear(s, want, abs float64) bool {
	if want != want || math.IsInf(want, 0) {
		return s == want || s != s && want != want
	}
	return math.Abs(s-want) <= 1e-7*abs
}

// near32 reports whether a and b agree within two float32 units (both
// NaN, or equal infinities, count).
func near32(a, b float32) bool {
	if a != a || b != b {
		return a != a && b != b
	}
	if a == b {
		return true
	}
	d := math.Abs(float64(a) - float64(b))
	return d <= 2*ulp32(max(math.Abs(float64(a)), math.Abs(float64(b))))
}

// ulp32 returns the float32 unit in the last place at magnitude v.
func ulp32(v float64) float64 {
	f := float32(v)
	return float64(math.Nextafter32(f, float32(math.Inf(1))) - f)
}

// TestMultiSoftRow32 checks multisoft's float32 row kernels against
// losskernel.SoftTerms, weighted and not, in and outside the tables.
func TestMultiSoftRow32(t *testing.T) {
	for name, c := range kernelCases() {
		x, y := c[0], c[1]
		w := make([]float32, len(x))
		for i := range w {
			w[i] = float32(i%5) / 4
		}
		for _, wr := range [][]float32{nil, w} {
			const gf = 0.75
			gx := make([]float32, len(x))
			s := losskernel.SoftRow32(x, y, wr)
			losskernel.SoftGradRow32(gx, x, y, wr, gf)
			want, abs := 0.0, 0.0
			for i, v := range x {
				fv := float64(v)
				lp, sig := losskernel.SoftTerms(fv)
				e := max(fv, 0) - float64(y[i])*fv + lp
				h := gf
				if wr != nil {
					e *= float64(wr[i])
					h *= float64(wr[i])
				}
				want += e
				abs += math.Abs(e)
				if g := float32(h * (sig - float64(y[i]))); !near32(gx[i], g) {
					t.Errorf("%s: gradient(%g, %g) = %g, want %g", name, v, y[i], gx[i], g)
				}
			}
			if !sumNear(s, want, abs) {
				t.Errorf("%s: row sum %g, want %g", name, s, want)
			}
		}
	}
}

// TestSoftMarginSumRange checks softMarginSum32 against ATen's loss
// computed in float64, on t = -x·y over the tables' whole range in steps
// of 1/64, and on small losses alone (t in (-16, -8)), where an absolute
// error of the logarithm would show: within 1e-8 of the sum of the
// losses' magnitudes (the float32 roundings of the losses cancel; a
// bias of a tenth of a float32 unit would not).
func TestSoftMarginSumRange(t *testing.T) {
	for _, c := range []struct {
		name   string
		lo, hi float32
	}{{"all", -15.98, 15.98}, {"small", -15.98, -8}} {
		var xs, ys []float32
		for v := c.lo; v < c.hi; v += 1.0 / 64 {
			xs, ys = append(xs, v), append(ys, -1) // t = v
		}
		want, abs := 0.0, 0.0
		for _, v := range xs {
			l := math.Log1p(math.Exp(float64(v)))
			want += l
			abs += l
		}
		got := losskernel.SoftMarginSum32(args[float32]{xs, ys}, param[float32]{})
		if math.Abs(got-want) > 1e-8*abs {
			t.Errorf("%s: sum %g, want %g (relative error %.3g)", c.name, got, want, math.Abs(got-want)/abs)
		}
	}
}
