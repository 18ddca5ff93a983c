package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
	"kt/internal/par"
	"kt/tensor"
)

// bcePickInputs returns inputs in [0, 1] with the special ones among
// random ones: both ends, -0, subnormals about the -100 clamp
// (26·2**-149 clamps, 27·2**-149 does not), and tiny and near-1 values
// where log1p(-x) and the reduction change hands.
func bcePickInputs() []float32 {
	xs := []float32{0, losskernel.NegZero32, 1, 0x1p-149, 26 * 0x1p-149, 27 * 0x1p-149, 0x1p-126, 1e-30, 0x1p-31, 0x1p-30,
		0x1p-29, 0x1p-25, 0x1p-24, 0x1p-10, math.Nextafter32(0x1p-10, 0), 0x1p-9, 0.5, math.Nextafter32(0.5, 0),
		1 - 0x1p-24, 1 - 0x1p-10, 1 - 0x1p-9, 0.25, 0.75, 0.1, 0.9, 1e-7, 1 - 1e-7}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		z := r.NormFloat64() * 4
		xs = append(xs, float32(1/(1+math.Exp(-z))))
	}
	return xs
}

// same32 reports whether two float32s have the same bits, or are both NaN.
func same32(a, b float32) bool {
	return math.Float32bits(a) == math.Float32bits(b) || a != a && b != b
}

// TestBCEPickElements checks the one-loop kernels element by element on
// special inputs and targets 0, -0 and 1: the loss in float64, rounded
// to float32, as bceBinary32 makes it; within two float32 units of the
// generic float64 kernel's; the fused gradient bit for bit bceBackward's;
// the checks passed.
func TestBCEPickElements(t *testing.T) {
	const g = float32(0.37)
	for _, x := range bcePickInputs() {
		for _, y := range []float32{0, losskernel.NegZero32, 1} {
			xs, ys := []float32{x}, []float32{y}
			s, ok := losskernel.BCEPickSum(xs, ys)
			gx := []float32{0}
			sf, okf := losskernel.BCEPickFuse(gx, xs, ys, g)
			if !ok || !okf {
				t.Errorf("x=%g y=%g: checks failed (%v, %v)", x, y, ok, okf)
				continue
			}
			o := []float32{0}
			losskernel.BCEBinary32(o, xs, ys, nil)
			if float32(s) != o[0] || sf != s {
				t.Errorf("x=%g y=%g: loss %g (fused %g), want %g", x, y, s, sf, o[0])
			}
			o64 := []float64{0}
			bceForward[float64](o64, args[float64]{{float64(x)}, {float64(y)}}, param[float64]{})
			want := float32(o64[0])
			if d := int64(math.Float32bits(float32(s))) - int64(math.Float32bits(want)); (d > 2 || d < -2) && !(s == 0 && want == 0) {
				t.Errorf("x=%g y=%g: loss %g, float64 kernel's %g", x, y, s, want)
			}
			wg := []float32{0}
			bceBackward[float32](args[float32]{wg}, args[float32]{xs, ys}, upstream[float32]{S: g}, param[float32]{})
			if !same32(gx[0], wg[0]) {
				t.Errorf("x=%g y=%g: gradient %g, want %g", x, y, gx[0], wg[0])
			}
		}
	}
}

// TestBCEPickChecks checks the one-loop kernels' checks, with one
// target not 0 or 1 or one input outside [0, 1] wherever it is in the
// chunk: a bad input makes the sum NaN and the gradient still the
// backward's; a bad target fails the check, and the kernels' callers
// then give the chunk's passes' results.
func TestBCEPickChecks(t *testing.T) {
	nan, inf := float32(math.NaN()), float32(math.Inf(1))
	badY := []float32{0.5, nan, -nan, inf, -inf, -1, 2, 0x1p-149, -0x1p-149, 1 - 0x1p-24, 1 + 0x1p-23, 0.25}
	badX := []float32{nan, -nan, inf, -inf, -0x1p-149, -0x1p-60, -1, 1 + 0x1p-23, 2, 3e38}
	xs := bcePickInputs()[:37]
	n := len(xs)
	const g = 0.5
	k32 := kernels[float32]{fwd: losskernel.BCEForward32, bwd: bceBackward[float32], sum: losskernel.BCESum32, fuse: losskernel.BCEFuse32}
	for _, at := range []int{0, 1, n / 2, n - 1} {
		for k := range len(badX) + len(badY) {
			for _, y0 := range []float32{0, 1} {
				x, y := append([]float32{}, xs...), make([]float32, n)
				for i := range y {
					y[i] = float32(i % 2)
				}
				if k < len(badX) {
					x[at], y[at] = badX[k], y0
				} else {
					y[at] = badY[k-len(badX)]
				}
				s, ok := losskernel.BCEPickSum(x, y)
				gx := make([]float32, n)
				sf, okf := losskernel.BCEPickFuse(gx, x, y, g)
				if k < len(badX) {
					if !ok || !okf || s == s || sf == sf {
						t.Errorf("x=%g y=%g at %d: sums %v, %v (checks %v, %v), want NaN", x[at], y[at], at, s, sf, ok, okf)
					}
					wg := make([]float32, n)
					bceBackward[float32](args[float32]{wg}, args[float32]{x, y}, upstream[float32]{S: g}, param[float32]{})
					for i := range wg {
						if !same32(gx[i], wg[i]) {
							t.Errorf("x=%g y=%g at %d: gradient %d is %g, want %g", x[at], y[at], at, i, gx[i], wg[i])
						}
					}
					if s := losskernel.BCESum32(args[float32]{x, y}, param[float32]{}); losskernel.PlainBCE && s == s {
						t.Errorf("x=%g y=%g at %d: bceSum32 %v, want NaN", x[at], y[at], at, s)
					}
					continue
				}
				if ok || okf {
					t.Errorf("x=%g y=%g at %d: checks passed (%v, %v)", x[at], y[at], at, ok, okf)
				}
				if msg := checkSumFuse(k32, args[float32]{x, y}, g); msg != "" {
					t.Errorf("x=%g y=%g at %d: %s", x[at], y[at], at, msg)
				}
			}
		}
	}
}

// TestBCERange checks BCE's range check, which in the default build
// waits for a NaN loss when the kernels are the one-loop ones: an input
// outside [0, 1] anywhere is PyTorch's error, with and without the fused
// gradient (no gradients, the input's, both the input's and the target's),
// for each reduction, at sizes below and above par.Grain; a NaN
// target with inputs in range is a NaN loss.
func TestBCERange(t *testing.T) {
	const msg = "all elements of input should be between 0 and 1"
	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{1, 9, 3*chunk + 1, par.Grain + 5} {
		x, y := make([]float32, n), make([]float32, n)
		for i := range x {
			x[i], y[i] = r.Float32(), float32(r.IntN(2))
		}
		for _, red := range []Reduction{Mean, Sum, None} {
			for _, at := range []int{0, n / 2, n - 1} {
				for _, bad := range []float32{-0x1p-149, 1 + 0x1p-23, float32(math.NaN()), float32(math.Inf(-1))} {
					for grad := range 3 { // none, the input's, both
						xb := append([]float32{}, x...)
						xb[at] = bad
						xt, _ := tensor.Wrap(xb, n)
						yt, _ := tensor.Wrap(append([]float32{}, y...), n)
						if grad > 0 {
							requireGrad(t, xt)
						}
						if grad > 1 {
							requireGrad(t, yt)
						}
						if _, err := (BCE{Reduction: red}).Forward(nil, xt, yt); err == nil || err.Error() != msg {
							t.Errorf("n=%d %v x[%d]=%g grads %d: error %v", n, red, at, bad, grad, err)
						}
					}
				}
				yb := append([]float32{}, y...)
				yb[at] = float32(math.NaN())
				xt, _ := tensor.Wrap(append([]float32{}, x...), n)
				yt, _ := tensor.Wrap(yb, n)
				if red == None {
					continue
				}
				out, err := (BCE{Reduction: red}).Forward(nil, xt, yt)
				if err != nil || out.Float32s()[0] == out.Float32s()[0] {
					t.Errorf("n=%d %v y[%d] NaN: %v, %v; want NaN", n, red, at, out, err)
				}
			}
		}
	}
}

// TestBCEPickSums checks bce's float32 sum and fused kernels without
// weights, which take the one-loop kernels a chunk at a time, on several
// chunks of special and random inputs with targets 0 and 1, some chunks
// failing the checks: against the generic float64 kernel's sum, within
// 1e-6; the sum and fused sum alike to 1e-12; the gradient bit for bit
// the backward's.
func TestBCEPickSums(t *testing.T) {
	xs := bcePickInputs()
	r := rand.New(rand.NewPCG(9, 10))
	n := 3*chunk + 17
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = xs[r.IntN(len(xs))], float32(r.IntN(2))
	}
	for _, bad := range []bool{false, true} {
		if bad {
			y[chunk+5] = 0.5
		}
		x64, y64 := make([]float64, n), make([]float64, n)
		for i := range x {
			x64[i], y64[i] = float64(x[i]), float64(y[i])
		}
		o := make([]float64, n)
		bceForward[float64](o, args[float64]{x64, y64}, param[float64]{})
		want := 0.0
		for _, v := range o {
			want += v
		}
		in := args[float32]{x, y}
		s := losskernel.BCESum32(in, param[float32]{})
		gx := make([]float32, n)
		sf := losskernel.BCEFuse32(gx, in, param[float32]{}, 0.25)
		if math.Abs(s-want) > 1e-6*want || math.Abs(sf-s) > 1e-12*s {
			t.Errorf("bad=%v: sum %v, fused %v, float64 kernel's %v", bad, s, sf, want)
		}
		k32 := kernels[float32]{fwd: losskernel.BCEForward32, bwd: bceBackward[float32], sum: losskernel.BCESum32, fuse: losskernel.BCEFuse32}
		if msg := checkSumFuse(k32, in, 0.25); msg != "" {
			t.Errorf("bad=%v: %s", bad, msg)
		}
	}
}
