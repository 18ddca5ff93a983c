package loss

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"kt/tensor"
)

// Checks of the fast paths at sizes that split across goroutines, against
// plain float64 formulas written out here, in both float types.

// closeTo reports whether got is within rtol·|want| + atol of want (NaN
// matching NaN).
func closeTo(got, want, rtol, atol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= rtol*math.Abs(want)+atol
}

// checkValues compares a tensor's values with want.
func checkValues(t *testing.T, what string, got *tensor.Tensor, want []float64, rtol, atol float64) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s: no tensor", what)
	}
	if got.Numel() != len(want) {
		t.Fatalf("%s: %d values, want %d", what, got.Numel(), len(want))
	}
	for i, w := range want {
		if g := got.At(i); !closeTo(g, w, rtol, atol) {
			t.Fatalf("%s[%d] = %g, want %g", what, i, g, w)
		}
	}
}

// tolOf returns the relative and absolute tolerances for dtype d.
func tolOf(d tensor.DType) (rtol, atol float64) {
	if d == tensor.Float32 {
		return 2e-5, 1e-7
	}
	return 1e-12, 1e-15
}

// randT returns a tensor of dtype d with uniform values in [lo, hi).
func randT(r *rand.Rand, d tensor.DType, lo, hi float64, shape ...int) *tensor.Tensor {
	return randF64(r, lo, hi, shape...).To(d)
}

// backwardTwice runs backward through out twice on a retained graph with
// upstream gradient g, and returns the gradients of ins after each run.
func backwardTwice(t *testing.T, out, g *tensor.Tensor, ins ...*tensor.Tensor) (first, second []*tensor.Tensor) {
	t.Helper()
	for _, in := range ins {
		in.Grad = nil
	}
	if err := tensor.Backward(out, g, true); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		first = append(first, in.Grad)
		in.Grad = nil
	}
	if err := tensor.Backward(out, g, true); err != nil {
		t.Fatal(err)
	}
	for _, in := range ins {
		second = append(second, in.Grad)
	}
	return first, second
}

func TestCrossEntropyLarge(t *testing.T) {
	const n, c = 300, 401 // more elements than one goroutine takes
	for _, d := range []tensor.DType{tensor.Float32, tensor.Float64} {
		r := rand.New(rand.NewPCG(3, uint64(d)))
		x := randT(r, d, -8, 8, n, c)
		y := randClasses(r, c, n)
		tg := y.Int64s()
		tg[7] = 5 // an ignored row
		xv := values(x)
		want, grad := make([]float64, n), make([]float64, n*c)
		gup := make([]float64, n) // upstream gradient of reduction none
		for i := range n {
			row := xv[i*c : i*c+c]
			m := math.Inf(-1)
			for _, v := range row {
				m = max(m, v)
			}
			s := 0.0
			for _, v := range row {
				s += math.Exp(v - m)
			}
			gup[i] = float64(i%5) - 2
			if tg[i] == 5 {
				continue
			}
			want[i] = m + math.Log(s) - row[tg[i]]
			for k, v := range row {
				grad[i*c+k] = math.Exp(v-m) / s * gup[i]
			}
			grad[i*c+int(tg[i])] -= gup[i]
		}
		rtol, atol := tolOf(d)
		x.SetRequiresGrad(true)
		l := CrossEntropy{IgnoreIndex: 5, Reduction: None}
		out, err := l.Forward(nil, x, y)
		if err != nil {
			t.Fatal(err)
		}
		checkValues(t, d.String()+" loss", out, want, rtol, atol)
		g, _ := tensor.Wrap(gup, n)
		first, second := backwardTwice(t, out, g.To(d), x)
		checkValues(t, d.String()+" grad", first[0], grad, rtol, atol)
		checkValues(t, d.String()+" grad (second backward)", second[0], grad, rtol, atol)
		// the forward without recording gives the same losses
		out2, err := l.Forward(&tensor.Ctx{NoGrad: true}, x, y)
		if err != nil {
			t.Fatal(err)
		}
		checkValues(t, d.String()+" loss (no grad)", out2, want, rtol, atol)
	}
}

func TestMultiLabelSoftMarginLarge(t *testing.T) {
	const n, c = 200, 333
	for _, d := range []tensor.DType{tensor.Float32, tensor.Float64} {
		r := rand.New(rand.NewPCG(4, uint64(d)))
		x := randT(r, d, -30, 30, n, c)
		y := randT(r, d, 0, 1, n, c)
		xv, yv := values(x), values(y)
		xv[5], xv[6] = 0, -100 // σ at 0, and e**-|x| far below 1
		x, _ = tensor.Wrap(append([]float64(nil), xv...), n, c)
		x = x.To(d)
		xv = values(x)
		want := make([]float64, n)
		gx, gy := make([]float64, n*c), make([]float64, n*c)
		gup := make([]float64, n)
		for i := range n {
			gup[i] = float64(i%7) - 3
			s := 0.0
			for k := range c {
				v, t := xv[i*c+k], yv[i*c+k]
				s += max(v, 0) - t*v + math.Log1p(math.Exp(-math.Abs(v)))
				gx[i*c+k] = gup[i] / c * (1/(1+math.Exp(-v)) - t)
				gy[i*c+k] = -gup[i] / c * v
			}
			want[i] = s / c
		}
		rtol, atol := tolOf(d)
		x.SetRequiresGrad(true)
		y.SetRequiresGrad(true)
		out, err := MultiLabelSoftMargin{Reduction: None}.Forward(nil, x, y)
		if err != nil {
			t.Fatal(err)
		}
		checkValues(t, d.String()+" loss", out, want, rtol, atol)
		g, _ := tensor.Wrap(gup, n)
		first, second := backwardTwice(t, out, g.To(d), x, y)
		for i, gs := range [][]*tensor.Tensor{first, second} {
			checkValues(t, fmt.Sprintf("%v grad x (backward %d)", d, i), gs[0], gx, rtol, atol)
			checkValues(t, fmt.Sprintf("%v grad y (backward %d)", d, i), gs[1], gy, rtol, atol)
		}
	}
}

// TestNLLSum checks nll's gather in blocks of rows: the same bits with
// one, two and four threads, within float64 rounding of a plain loop,
// and the first bad target's error from a late block.
func TestNLLSum(t *testing.T) {
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	r := rand.New(rand.NewPCG(9, 9))
	const c = 5
	for _, rows := range []int{0, 1, 255, 257, 2047, 2048, 5000, 9001} {
		x := make([]float32, rows*c)
		for i := range x {
			x[i] = float32(r.NormFloat64()) * 1e4
		}
		tgt := make([]int64, rows)
		want, wn := 0.0, 0.0
		for i := range tgt {
			tgt[i] = int64(r.IntN(c))
			if i%97 == 3 {
				tgt[i] = -100
				continue
			}
			want -= float64(x[i*c+int(tgt[i])])
			wn++
		}
		var first float64
		for k, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			got, n, err := nllSum(x, tgt, c, -100)
			if err != nil || n != wn || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Fatalf("rows %d, %d threads: %g %g %v, want %g %g", rows, procs, got, n, err, want, wn)
			}
			if k == 0 {
				first = got
			} else if math.Float64bits(got) != math.Float64bits(first) {
				t.Errorf("rows %d: %d threads give %g, one gives %g", rows, procs, got, first)
			}
			if rows > 0 {
				bad := append([]int64(nil), tgt...)
				bad[rows-1], bad[rows/2] = c, -1
				if _, _, err := nllSum(x, bad, c, -100); err == nil || err.Error() != checkTargets(bad, c, -100).Error() {
					t.Fatalf("rows %d: bad targets give %v", rows, err)
				}
			}
		}
	}
}

// TestNLLGather checks nll's four-row gather against a plain loop: row
// counts around multiples of four, ignored rows at every place (the
// gather goes row by row after one), and an out-of-range target giving
// the first bad target's error.
func TestNLLGather(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	const c = 7
	for rows := range 13 {
		x := make([]float32, rows*c)
		for i := range x {
			x[i] = float32(r.NormFloat64())
		}
		for ign := -1; ign < rows; ign++ {
			tgt := make([]int64, rows)
			for i := range tgt {
				tgt[i] = int64(r.IntN(c))
			}
			if ign >= 0 {
				tgt[ign] = -100
			}
			var want, n float64
			for i, v := range tgt {
				if v != -100 {
					want -= float64(x[i*c+int(v)])
					n++
				}
			}
			got, gn, err := nllGather(x, tgt, c, -100)
			if err != nil || gn != n || math.Abs(got-want) > 1e-12 {
				t.Fatalf("rows %d ignored %d: %g %g %v, want %g %g", rows, ign, got, gn, err, want, n)
			}
			if rows > 0 {
				bad := append([]int64(nil), tgt...)
				bad[rows-1] = c
				if _, _, err := nllGather(x, bad, c, -100); err == nil || err.Error() != checkTargets(bad, c, -100).Error() {
					t.Fatalf("rows %d: bad target gives %v", rows, err)
				}
			}
		}
	}
}
