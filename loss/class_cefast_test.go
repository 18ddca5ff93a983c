package loss

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// TestCrossEntropyFast32 checks the float32 fast path of cross entropy
// against the float64 path on the same values: several class counts (one
// row per block and many), rows far below the others of their block, rows
// with -Inf, +Inf and NaN scores, and ignored rows, in every reduction,
// without label smoothing and with, for the loss and the input's gradient.
func TestCrossEntropyFast32(t *testing.T) {
	for _, ls := range []float64{0, .1, 1} {
		for _, c := range []int{1, 3, 7, 10, 100, 1000} {
			for _, red := range []Reduction{None, Mean, Sum} {
				t.Run(fmt.Sprintf("ls%g/c%d/%v", ls, c, red), func(t *testing.T) { ceFastCase(t, ls, c, red) })
			}
		}
	}
}

// ceFastCase is one case of TestCrossEntropyFast32.
func ceFastCase(t *testing.T, ls float64, c int, red Reduction) {
	t.Helper()
	const n = 230
	r := rand.New(rand.NewPCG(uint64(c), 7))
	x64 := randF64(r, -6, 6, n, c)
	xv := x64.Float64s()
	row := func(i int) []float64 { return xv[i*c : i*c+c] }
	for k := range row(5) {
		row(5)[k] -= 120 // far below its block: its own maximum
	}
	row(6)[0] = math.Inf(-1)
	if red == None {
		// non-finite scores in the last block (rows of 7
		// classes and more): the others take the flat pass
		row(220)[0] = math.Inf(-1)
		for k := range row(221) {
			row(221)[k] = math.Inf(-1)
		}
		row(222)[c-1] = math.Inf(1)
		row(223)[0] = math.NaN()
	}
	y := randClasses(r, c, n)
	tg := y.Int64s()
	l := CrossEntropy{IgnoreIndex: -100, LabelSmoothing: ls, Reduction: red}
	if c > 1 {
		tg[11], tg[12], tg[225] = 1, 1, 1 // ignored
		l.IgnoreIndex = 1
	}
	x32 := x64.To(tensor.Float32)
	if !ceFastOK(l, x32, classLayout{n: n, c: c, s: 1}) {
		t.Fatal("not the fast path")
	}
	want, wantG := ceRun(t, l, x64.To(tensor.Float32).To(tensor.Float64), y)
	got, gotG := ceRun(t, l, x32, y)
	sameValues(t, "loss", got, want)
	sameValues(t, "grad", gotG, wantG)
	nog, err := l.Forward(&tensor.Ctx{NoGrad: true}, x32, y)
	if err != nil {
		t.Fatal(err)
	}
	sameValues(t, "loss (no grad)", nog, want)
}

// TestCrossEntropyProbFast32 checks the float32 fast path of cross
// entropy with probability targets against the float64 path: several
// class counts, normalized and unnormalized targets with zeros, rows far
// below the others of their block and rows with non-finite scores, in
// every reduction, with and without label smoothing, for the loss and
// both gradients.
func TestCrossEntropyProbFast32(t *testing.T) {
	for _, ls := range []float64{0, .1} {
		for _, c := range []int{2, 3, 7, 100, 1000} {
			for _, red := range []Reduction{None, Mean, Sum} {
				t.Run(fmt.Sprintf("ls%g/c%d/%v", ls, c, red), func(t *testing.T) {
					const n = 150
					r := rand.New(rand.NewPCG(uint64(c), 11))
					x64 := randF64(r, -6, 6, n, c)
					p64 := randF64(r, 0, 1, n, c)
					xv, pv := x64.Float64s(), p64.Float64s()
					row := func(v []float64, i int) []float64 { return v[i*c : i*c+c] }
					for i := range n {
						if i%3 == 0 {
							continue // unnormalized
						}
						s := 0.0
						for _, v := range row(pv, i) {
							s += v
						}
						for k := range row(pv, i) {
							row(pv, i)[k] /= s
						}
					}
					row(pv, 2)[0] = 0
					for k := range row(xv, 5) {
						row(xv, 5)[k] -= 120
					}
					if red == None {
						row(xv, 140)[0] = math.Inf(-1)
						row(xv, 142)[c-1] = math.Inf(1)
						row(xv, 143)[0] = math.NaN()
					}
					l := CrossEntropy{IgnoreIndex: -100, LabelSmoothing: ls, Reduction: red}
					x32, p32 := x64.To(tensor.Float32), p64.To(tensor.Float32)
					if !ceProbFastOK(l, x32, p32, classLayout{n: n, c: c, s: 1}) {
						t.Fatal("not the fast path")
					}
					want, wantX, wantP := ceProbRun2(t, l, x32.To(tensor.Float64), p32.To(tensor.Float64))
					got, gotX, gotP := ceProbRun2(t, l, x32, p32)
					sameValues(t, "loss", got, want)
					sameValues(t, "grad x", gotX, wantX)
					sameValues(t, "grad target", gotP, wantP)
					nog, err := l.Forward(&tensor.Ctx{NoGrad: true}, x32, p32)
					if err != nil {
						t.Fatal(err)
					}
					sameValues(t, "loss (no grad)", nog, want)
				})
			}
		}
	}
}

// ceProbRun2 runs l on fresh leaf copies of x and p recording, then
// backward with an upstream gradient of ones, and returns the loss and
// both gradients.
func ceProbRun2(t *testing.T, l CrossEntropy, x, p *tensor.Tensor) (out, gx, gp *tensor.Tensor) {
	t.Helper()
	x, p = x.Detach(), p.Detach()
	if err := x.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	if err := p.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	out, err := l.Forward(nil, x, p)
	if err != nil {
		t.Fatal(err)
	}
	g, err := tensor.Ones(out.DType(), out.Shape()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := tensor.Backward(out, g, false); err != nil {
		t.Fatal(err)
	}
	return out, x.Grad, p.Grad
}

// ceRun runs l on a fresh leaf copy of x recording, then backward with
// an upstream gradient of ones, and returns the loss and x's gradient.
func ceRun(t *testing.T, l CrossEntropy, x, y *tensor.Tensor) (out, grad *tensor.Tensor) {
	t.Helper()
	x = x.Detach()
	if err := x.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	out, err := l.Forward(nil, x, y)
	if err != nil {
		t.Fatal(err)
	}
	g, err := tensor.Ones(out.DType(), out.Shape()...)
	if err != nil {
		t.Fatal(err)
	}
	if err := tensor.Backward(out, g, false); err != nil {
		t.Fatal(err)
	}
	return out, x.Grad
}

// sameValues compares got with want at float32's tolerance, infinities
// of the same sign and NaNs matching.
func sameValues(t *testing.T, what string, got, want *tensor.Tensor) {
	t.Helper()
	if got == nil || got.Numel() != want.Numel() {
		t.Fatalf("%s: %v, want %d values", what, got, want.Numel())
	}
	for i := range want.Numel() {
		g, w := got.At(i), want.At(i)
		if g != w && !closeTo(g, w, 2e-5, 1e-6) {
			t.Fatalf("%s[%d] = %g, want %g", what, i, g, w)
		}
	}
}

// TestCrossEntropyProbFast32Graph checks the probability-target fast
// path's backward run twice on a retained graph (the second computes the
// numerators afresh) and with only the target requiring a gradient.
func TestCrossEntropyProbFast32Graph(t *testing.T) {
	const n, c = 40, 100
	r := rand.New(rand.NewPCG(5, 5))
	x32, p32 := randT(r, tensor.Float32, -4, 4, n, c), randT(r, tensor.Float32, 0, .02, n, c)
	l := CrossEntropy{IgnoreIndex: -100, LabelSmoothing: .2, Reduction: Sum}
	_, wantX, wantP := ceProbRun2(t, l, x32.To(tensor.Float64), p32.To(tensor.Float64))

	x, p := x32.Detach(), p32.Detach()
	for _, v := range []*tensor.Tensor{x, p} {
		if err := v.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
	}
	out, err := l.Forward(nil, x, p)
	if err != nil {
		t.Fatal(err)
	}
	first, second := backwardTwice(t, out, nil, x, p)
	for i, g := range [][]*tensor.Tensor{first, second} {
		sameValues(t, fmt.Sprintf("grad x, run %d", i+1), g[0], wantX)
		sameValues(t, fmt.Sprintf("grad target, run %d", i+1), g[1], wantP)
	}

	x, p = x32.Detach(), p32.Detach()
	if err := p.SetRequiresGrad(true); err != nil {
		t.Fatal(err)
	}
	if out, err = l.Forward(nil, x, p); err != nil {
		t.Fatal(err)
	}
	if err := tensor.Backward(out, nil, false); err != nil {
		t.Fatal(err)
	}
	if x.Grad != nil {
		t.Fatal("input got a gradient")
	}
	sameValues(t, "grad target alone", p.Grad, wantP)
}

// TestCrossEntropyFast32Grad checks the gradients the float32 fast path
// makes in its forward (mean and sum reductions) against the float64
// path's: output gradients of 1 and 2.5, a backward run twice on a
// retained graph (the second computes afresh), class indices with
// ignored rows, all rows ignored, and probability targets, with and
// without label smoothing.
func TestCrossEntropyFast32Grad(t *testing.T) {
	for _, ls := range []float64{0, .1} {
		for _, c := range []int{10, 100} {
			for _, red := range []Reduction{Mean, Sum} {
				for _, gv := range []float64{1, 2.5} {
					for _, kind := range []string{"index", "ignored", "prob"} {
						name := fmt.Sprintf("ls%g/c%d/%v/g%g/%s", ls, c, red, gv, kind)
						t.Run(name, func(t *testing.T) { ceFastGradCase(t, ls, c, red, gv, kind) })
					}
				}
			}
		}
	}
}

// ceFastGradCase is one case of TestCrossEntropyFast32Grad.
func ceFastGradCase(t *testing.T, ls float64, c int, red Reduction, gv float64, kind string) {
	t.Helper()
	const n = 150
	r := rand.New(rand.NewPCG(uint64(c), 11))
	x32 := randT(r, tensor.Float32, -6, 6, n, c)
	l := CrossEntropy{IgnoreIndex: -100, LabelSmoothing: ls, Reduction: red}
	var y32, y64 *tensor.Tensor
	switch kind {
	case "prob":
		y32 = randT(r, tensor.Float32, 0, 2.0/float64(c), n, c)
		y64 = y32.To(tensor.Float64)
	default:
		y32 = randClasses(r, c, n)
		y64 = y32
		l.IgnoreIndex = 1
		if kind == "ignored" {
			l.IgnoreIndex = -5
			tg := y32.Int64s()
			for i := range tg {
				tg[i] = -5
			}
		} else {
			y32.Int64s()[3] = 1
		}
	}
	grads := func(x, y *tensor.Tensor) []*tensor.Tensor {
		x = x.Detach()
		if err := x.SetRequiresGrad(true); err != nil {
			t.Fatal(err)
		}
		out, err := l.Forward(nil, x, y)
		if err != nil {
			t.Fatal(err)
		}
		g, err := tensor.Full(out.DType(), gv, out.Shape()...)
		if err != nil {
			t.Fatal(err)
		}
		first, second := backwardTwice(t, out, g, x)
		return []*tensor.Tensor{first[0], second[0]}
	}
	want := grads(x32.To(tensor.Float64), y64)
	got := grads(x32, y32)
	for i := range got {
		sameValues(t, fmt.Sprintf("grad, run %d", i+1), got[i], want[i])
	}
}
