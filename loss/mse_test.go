package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
	"kt/internal/par"
	"kt/internal/vmath"
	"kt/tensor"
)

func f32(t *testing.T, data []float32, shape ...int) *tensor.Tensor {
	t.Helper()
	x, err := tensor.New(data, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func requireGrad(t *testing.T, xs ...*tensor.Tensor) {
	t.Helper()
	for _, x := range xs {
		if err := x.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
	}
}

func close32(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if d := math.Abs(float64(a[i] - b[i])); d > 1e-6+2e-5*math.Abs(float64(b[i])) {
			return false
		}
	}
	return true
}

// The loss document's examples of MSELoss, checked against PyTorch 1.13.
func TestMSE(t *testing.T) {
	tests := []struct {
		red  Reduction
		x, y []float32
		want []float32
		gx   []float32 // gradient of x for an upstream gradient of ones
	}{
		{None, []float32{1, 2, 3}, []float32{0, 2, 4}, []float32{1, 0, 1}, []float32{2, 0, -2}},
		{Sum, []float32{1, 2, 3}, []float32{0, 2, 4}, []float32{2}, []float32{2, 0, -2}},
		{Mean, []float32{1, 2, 3}, []float32{0, 2, 4}, []float32{0.6666667}, []float32{0.6666667, 0, -0.6666667}},
		{Mean, []float32{.5, 2, 5}, []float32{1, 2, 3}, []float32{1.416667}, []float32{-1.0 / 3, 0, 4.0 / 3}},
	}
	for _, tt := range tests {
		x, y := tensor.Vector(tt.x...), tensor.Vector(tt.y...)
		requireGrad(t, x, y)
		z, err := MSE{tt.red}.Forward(nil, x, y)
		if err != nil {
			t.Fatal(err)
		}
		if got := z.Float32s(); !close32(got, tt.want) {
			t.Errorf("mse %v(%v, %v) = %v, want %v", tt.red, tt.x, tt.y, got, tt.want)
		}
		if z.GradFn() == nil || z.GradFn().Name != "MseLossBackward0" {
			t.Errorf("mse %v: grad_fn %v", tt.red, z.GradFn())
		}
		var g *tensor.Tensor
		if tt.red == None {
			g, _ = tensor.Ones(tensor.Float32, 3)
		}
		if err := tensor.Backward(z, g, false); err != nil {
			t.Fatal(err)
		}
		if got := x.Grad.Float32s(); !close32(got, tt.gx) {
			t.Errorf("mse %v: grad x = %v, want %v", tt.red, got, tt.gx)
		}
		neg := make([]float32, len(tt.gx))
		for i, v := range tt.gx {
			neg[i] = -v
		}
		if got := y.Grad.Float32s(); !close32(got, neg) {
			t.Errorf("mse %v: grad y = %v, want %v", tt.red, got, neg)
		}
	}
}

// TestSmallCallAllocs checks the fast path of small same-shape inputs: a
// forward that does not record allocates only its output (the tensor and
// its elements), whatever the loss, and a broadcast one only a little more.
func TestSmallCallAllocs(t *testing.T) {
	x := f32(t, []float32{.1, .5, .9}, 3)
	y := f32(t, []float32{0, 1, 1}, 3)
	s := f32(t, []float32{1}, 1)
	ctx := &tensor.Ctx{NoGrad: true}
	cases := []struct {
		name string
		l    Loss
		in   []*tensor.Tensor
		max  float64
	}{
		{"mse", NewMSE(), []*tensor.Tensor{x, y}, 2},
		{"mse/none", MSE{Reduction: None}, []*tensor.Tensor{x, y}, 2},
		{"l1", NewL1(), []*tensor.Tensor{x, y}, 2},
		{"smoothl1", NewSmoothL1(), []*tensor.Tensor{x, y}, 2},
		{"huber", NewHuber(), []*tensor.Tensor{x, y}, 2},
		{"bce", NewBCE(), []*tensor.Tensor{x, y}, 2},
		{"bcelogits", NewBCEWithLogits(), []*tensor.Tensor{x, y}, 2},
		{"softmargin", NewSoftMargin(), []*tensor.Tensor{x, y}, 2},
		{"hinge", NewHinge(), []*tensor.Tensor{x, y}, 2},
		{"kl", NewKLDiv(), []*tensor.Tensor{x, y}, 2},
		{"poissonloss", NewPoissonNLL(), []*tensor.Tensor{x, y}, 2},
		{"margin", NewMarginRanking(), []*tensor.Tensor{x, y, y}, 2},
		{"mse/broadcast", NewMSE(), []*tensor.Tensor{x, s}, 8},
	}
	for _, c := range cases {
		var err error
		n := testing.AllocsPerRun(50, func() { _, err = c.l.Forward(ctx, c.in...) })
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if n > c.max {
			t.Errorf("%s: %v allocations a call, want at most %v", c.name, n, c.max)
		}
	}
}

// TestLog24 checks the float32-precision logarithms against package math
// over a sweep of float32 arguments: within one unit in the last place of
// the correctly rounded float32, and the special cases exactly.
func TestLog24(t *testing.T) {
	var xs []float32
	for b := uint32(0); b < 0x7f800000; b += 0x3f1 {
		xs = append(xs, math.Float32frombits(b))
	}
	xs = append(xs, 0, 1, 2, .5, 1-0x1p-24, 1+0x1p-23, float32(math.Inf(1)), float32(math.NaN()), -1)
	got := make([]float32, len(xs))
	ulps := func(a, b float32) int64 {
		d := int64(math.Float32bits(a)) - int64(math.Float32bits(b))
		return max(d, -d)
	}
	check := func(name string, want func(float64) float64, xs []float32) {
		for i, x := range xs {
			w := float32(want(float64(x)))
			g := got[i]
			if w != g && !(w != w && g != g) && (math.IsInf(float64(w), 0) || ulps(g, w) > 1) {
				t.Errorf("%s(%g) = %g, want %g", name, x, g, w)
			}
		}
	}
	vmath.Log24To32(got, xs)
	check("log", math.Log, xs)
	neg := make([]float32, len(xs))
	for i, x := range xs {
		neg[i] = -x * 0x1p-100 // small negatives, down to -1 and below
		if x < 1e30 {
			neg[i] = -x / 1e30
		}
	}
	for _, s := range [][]float32{xs, neg, {-1, -.5, -0x1p-8, -0x1p-7, 0x1p-7, float32(math.Copysign(0, -1)), -2}} {
		got = got[:len(s)]
		vmath.Log1p24To32(got, s)
		check("log1p", math.Log1p, s)
		got = got[:cap(got)]
	}
	if g := make([]float32, 1); true {
		vmath.Log1p24To32(g, []float32{float32(math.Copysign(0, -1))})
		if !math.Signbit(float64(g[0])) {
			t.Errorf("log1p(-0) = %g, want -0", g[0])
		}
	}
}

// TestFusedGradient checks the forwards that compute the input's gradient
// as they go (kernels.fuse): the loss and the gradient must be those of
// the separate forward and backward, bit for bit, for an upstream
// gradient of 1 (made in the forward) and of 2.5 (the backward kernel
// rerun), at sizes within one block, across blocks, and split across
// workers.
func TestFusedGradient(t *testing.T) {
	cases := []struct {
		name string
		l    Loss
		x, y domain
		w    []domain // a third input, the weight
	}{
		{"mse", NewMSE(), domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"mse/sum", MSE{Sum}, domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"l1", NewL1(), domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"smoothl1", NewSmoothL1(), domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"smoothl1/beta.3", SmoothL1{Beta: .3, Reduction: Mean}, domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"smoothl1/beta0", SmoothL1{Beta: 0, Reduction: Mean}, domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"huber", NewHuber(), domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"huber/delta.7", Huber{Delta: .7, Reduction: Sum}, domain{lo: -2, hi: 2}, domain{lo: -2, hi: 2}, nil},
		{"softmargin", NewSoftMargin(), domain{lo: -3, hi: 3}, domain{sign: true}, nil},
		{"hinge", NewHinge(), domain{lo: -3, hi: 3}, domain{sign: true}, nil},
		{"hinge/soft", Hinge{Margin: .5, Reduction: Sum}, domain{lo: -3, hi: 3}, domain{lo: -1, hi: 1}, nil},
		{"kl", KLDiv{Reduction: BatchMean}, domain{lo: -5, hi: 0}, domain{lo: 0, hi: 1}, nil},
		{"bce", NewBCE(), domain{lo: 0, hi: 1}, domain{lo: 0, hi: 1}, nil},
		{"bce/weight", NewBCE(), domain{lo: 0, hi: 1}, domain{lo: 0, hi: 1}, []domain{{lo: 0, hi: 2}}},
		{"bcelogits", NewBCEWithLogits(), domain{lo: -20, hi: 20}, domain{lo: 0, hi: 1}, nil},
		{"bcelogits/weight", NewBCEWithLogits(), domain{lo: -20, hi: 20}, domain{lo: 0, hi: 1}, []domain{{lo: 0, hi: 2}}},
		{"bcelogits/pos_weight", BCEWithLogits{PosWeight: tensor.Scalar(float32(1.5)), Reduction: Mean},
			domain{lo: -5, hi: 5}, domain{lo: 0, hi: 1}, nil},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, c := range cases {
		for _, n := range []int{1, 7, 3*par.Block + 5, par.Grain + 77} {
			x32 := c.x.draw32(r, n)
			y32 := c.y.draw32(r, n)
			var rest []*tensor.Tensor
			for _, d := range c.w {
				rest = append(rest, d.draw32(r, n))
			}
			run := func(both bool, g float32) (loss float32, gx []float32) {
				x, y := x32.Detach(), y32.Detach()
				requireGrad(t, x)
				if both {
					requireGrad(t, y)
				}
				z, err := c.l.Forward(nil, append([]*tensor.Tensor{x, y}, rest...)...)
				if err != nil {
					t.Fatal(err)
				}
				if err := tensor.Backward(z, tensor.Scalar(g), false); err != nil {
					t.Fatal(err)
				}
				return z.Float32s()[0], x.Grad.Float32s()
			}
			for _, g := range []float32{1, 2.5} {
				l1, g1 := run(false, g)
				l2, g2 := run(true, g)
				if math.Float32bits(l1) != math.Float32bits(l2) {
					t.Errorf("%s n=%d: loss %v fused, %v apart", c.name, n, l1, l2)
				}
				for i := range g2 {
					if math.Float32bits(g1[i]) != math.Float32bits(g2[i]) {
						t.Errorf("%s n=%d g=%v: grad[%d] %v fused, %v apart", c.name, n, g, i, g1[i], g2[i])
						break
					}
				}
			}
		}
	}
}

// draw32 returns n values of the domain as a float32 vector.
func (d domain) draw32(r *rand.Rand, n int) *tensor.Tensor {
	d.shape = []int{n}
	return d.draw(r).To(tensor.Float32)
}

// TestBCEBinary checks BCE's kernel for targets all 0 or 1, one logarithm
// an element, against the general one, two: the same bits, zeros' signs
// included, at the ends of [0, 1] and between.
func TestBCEBinary(t *testing.T) {
	xs := []float32{0, 1, 0x1p-149, 0x1p-126, 1e-30, 1e-8, 0x1p-8, 0x1p-7, .25, .5, .75, 1 - 0x1p-7, 1 - 0x1p-8, 1 - 0x1p-24, .9999}
	r := rand.New(rand.NewPCG(5, 6))
	for len(xs) < 2*chunk+3 {
		xs = append(xs, r.Float32())
	}
	n := len(xs)
	for _, wt := range []bool{false, true} {
		for _, yv := range []float32{0, 1, -1} { // -1: random 0 or 1
			y, w := make([]float32, n), []float32(nil)
			for i := range y {
				y[i] = yv
				if yv < 0 {
					y[i] = float32(r.IntN(2))
				}
			}
			if wt {
				w = make([]float32, n)
				for i := range w {
					w[i] = 2 * r.Float32()
				}
				w[0], w[1] = 0, -1
			}
			for lo := 0; lo < n; lo += chunk {
				hi := min(lo+chunk, n)
				got, want := make([]float32, hi-lo), make([]float32, hi-lo)
				losskernel.BCEBinary32(got, xs[lo:hi], y[lo:hi], losskernel.Part(w, lo, hi))
				losskernel.BCEGeneral32(want, xs[lo:hi], y[lo:hi], losskernel.Part(w, lo, hi))
				for i := range got {
					if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
						t.Errorf("x=%g y=%g weighted %v: %g, want %g", xs[lo+i], y[lo+i], wt, got[i], want[i])
					}
				}
			}
		}
	}
}

func TestBinary(t *testing.T) {
	nan := float32(math.NaN())
	for _, c := range []struct {
		y    []float32
		want bool
	}{
		{nil, true},
		{[]float32{0, 1, 1, 0, float32(math.Copysign(0, -1))}, true},
		{[]float32{0, 1, .5}, false},
		{[]float32{0, 0x1p-149}, false},
		{[]float32{1 - 0x1p-24, 1}, false},
		{[]float32{1 + 0x1p-23}, false},
		{[]float32{-1}, false},
		{[]float32{2}, false},
		{[]float32{float32(math.Inf(1))}, false},
		{[]float32{0, nan}, false},
	} {
		if got := losskernel.BinaryTargets(c.y); got != c.want {
			t.Errorf("binary(%v) = %v, want %v", c.y, got, c.want)
		}
	}
}

// TestHinge32 checks the branch-free float32 kernels of hinge against the
// generic ones, bit for bit, at targets ±1, others and NaN, and inputs at
// and around the margin.
func TestHinge32(t *testing.T) {
	nan := float32(math.NaN())
	var x, y []float32
	for _, yv := range []float32{1, -1, 0, 2, -.5, nan} {
		for _, xv := range []float32{-3, -1, 0, float32(math.Copysign(0, -1)), .5, 1, 1 - 0x1p-24, 1 + 0x1p-23, 2, nan} {
			x, y = append(x, xv), append(y, yv)
		}
	}
	p := param[float32]{A: 1}
	in := args[float32]{x, y}
	got, want := make([]float32, len(x)), make([]float32, len(x))
	same := func(what string) {
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Errorf("%s x=%g y=%g: %g, want %g", what, x[i], y[i], got[i], want[i])
			}
		}
	}
	losskernel.HingeForward32(got, in, p)
	hingeForward(want, in, p)
	same("loss")
	for _, g := range []upstream[float32]{{S: .25}, {Per: x}} {
		losskernel.HingeBackward32(args[float32]{got}, in, g, p)
		hingeBackward(args[float32]{want}, in, g, p)
		same("grad")
	}
}

// TestExp24 checks the float32 exponential loop against vmath's scalar
// form, bit for bit, over a sweep of float32 arguments and the special
// cases.
func TestExp24(t *testing.T) {
	var xs []float32
	for b := uint32(0); b < 0x7f800000; b += 0x3f1 {
		v := math.Float32frombits(b)
		xs = append(xs, v, -v)
	}
	inf := float32(math.Inf(1))
	xs = append(xs, 0, 88.7, 88.73, 89, 89.01, -87.3, -103.9, -104, -104.01, inf, -inf, float32(math.NaN()))
	got := make([]float32, len(xs))
	vmath.Exp24To32(got, xs)
	for i, x := range xs {
		want := vmath.Exp32(x)
		if math.Float32bits(got[i]) != math.Float32bits(want) && !(got[i] != got[i] && want != want) {
			t.Errorf("exp(%g) = %g, want %g", x, got[i], want)
		}
	}
}

// TestLogOnePlus checks log(1 + e) with the sum rounded to float32 first,
// for e in [0, 1] as bcelogits gives it, against vmath.Log24To32 of the rounded
// sum: within one unit in the last place (the same bits in the scalar
// build).
func TestLogOnePlus(t *testing.T) {
	var e []float32
	for b := uint32(0); b <= 0x3f800000; b += 0x1f3 {
		e = append(e, math.Float32frombits(b))
	}
	e = append(e, 1, 0x1p-24, 0x1p-23, 1-0x1p-24)
	got, want := make([]float32, len(e)), make([]float32, len(e))
	losskernel.LogOnePlus32(got, e)
	for i, v := range e {
		want[i] = 1 + v
	}
	vmath.Log24To32(want, want)
	for i := range e {
		d := int64(math.Float32bits(got[i])) - int64(math.Float32bits(want[i]))
		if d > 1 || d < -1 {
			t.Errorf("log(1+%g) = %g, want %g", e[i], got[i], want[i])
		}
	}
}

// TestArithKernels32 checks the float32 sum and fuse kernels of mse,
// huber and smoothl1 (vector lanes in the SIMD build, and their scalar
// tails) against the element kernels: the sum within 1e-6 relative of
// the float64 sum of the element losses, NaN where one is NaN, and the
// fused gradient bit for bit the backward kernel's.
func TestArithKernels32(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	type kern struct {
		name string
		k    kernels[float32]
	}
	ks := []kern{
		{"mse", kernels[float32]{fwd: mseForward[float32], bwd: mseBackward[float32], sum: losskernel.MSESum32, fuse: losskernel.MSEFuse32}},
		{"huber1", kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: losskernel.HuberSum32, fuse: losskernel.HuberFuse32, p: param[float32]{A: 1}}},
		{"huber0.3", kernels[float32]{fwd: huberForward[float32], bwd: huberBackward[float32], sum: losskernel.HuberSum32, fuse: losskernel.HuberFuse32, p: param[float32]{A: 0.3}}},
		{"smoothl1_1", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](1)}},
		{"smoothl1_0.5", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](0.5)}},
		{"smoothl1_0.3", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: smoothL1Param[float32](0.3)}},
		{"smoothl1_0", kernels[float32]{fwd: smoothL1Forward[float32], bwd: smoothL1Backward[float32], sum: losskernel.SmoothL1Sum32, fuse: losskernel.SmoothL1Fuse32, p: param[float32]{}}},
	}
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{5, 37, 1003} {
		for _, special := range []bool{false, true} {
			x, y := make([]float32, n), make([]float32, n)
			for i := range x {
				x[i], y[i] = float32(r.NormFloat64()), float32(r.NormFloat64())
			}
			if special {
				x[0], x[n/2], y[n/3], y[n-1] = inf, -inf, nan, nan
				x[1], y[1] = 0, float32(math.Copysign(0, -1))
				x[2] = y[2]
			}
			in := args[float32]{x, y}
			for _, k := range ks {
				if msg := checkSumFuse(k.k, in, 0.25); msg != "" {
					t.Errorf("%s n=%d special=%v: %s", k.name, n, special, msg)
				}
			}
		}
	}
}

// TestForwardFreedGivesBack records reduced losses whose forward writes
// the input's gradient ahead, frees them without a backward (a loss only
// looked at), and checks that the gradient's storage went back to the
// cache for the next forward rather than to the garbage collector.
func TestForwardFreedGivesBack(t *testing.T) {
	const n = 1 << 16
	old := tensor.SetCacheLimit(0)
	tensor.SetCacheLimit(old)
	t.Cleanup(func() { tensor.SetCacheLimit(0); tensor.SetCacheLimit(old) })
	for _, l := range []Loss{NewMSE(), NewL1(), NewHuber(), NewSmoothL1()} {
		x, y := make([]float32, n), make([]float32, n)
		for i := range x {
			x[i], y[i] = float32(i%7), float32(i%5)
		}
		xt, _ := tensor.Wrap(x, n)
		yt, _ := tensor.Wrap(y, n)
		if err := xt.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
		tensor.SetCacheLimit(0) // empty
		tensor.SetCacheLimit(old)
		before := tensor.CachedBytes()
		z, err := l.Forward(nil, xt, yt)
		if err != nil {
			t.Fatal(err)
		}
		z.Free()
		if got := tensor.CachedBytes() - before; got < 4*n {
			t.Errorf("%s: %d bytes given back to the cache, want the gradient's %d", l.Name(), got, 4*n)
		}
		if xt.Grad != nil {
			t.Errorf("%s: a forward without a backward left a gradient", l.Name())
		}
	}
}
