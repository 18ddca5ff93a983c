package loss

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"kt/tensor"
)

// TestThreadCounts checks that losses large enough to be split across
// goroutines give the same bits, loss and gradient, with one, two and
// four threads: sums add fixed blocks in order and ranges are disjoint,
// whoever runs them. Each run frees its output and gradient, and the
// cache is not poisoned, so the next run writes over the storage the last
// one left: a kernel that skipped an element would show it.
func TestThreadCounts(t *testing.T) {
	defer tensor.PoisonCache(tensor.PoisonCache(false))
	r := rand.New(rand.NewPCG(5, 6))
	const rows, cols = 400, 500 // 200000 elements, past par.Grain
	normal := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(r.NormFloat64())
		}
		return v
	}
	probs := normal(rows * cols)
	bits := normal(rows * cols)
	for i := range probs {
		probs[i] = float32(1 / (1 + math.Exp(-float64(probs[i]))))
		bits[i] = float32(r.IntN(2))
	}
	classes := make([]int64, rows)
	for i := range classes {
		classes[i] = int64(r.IntN(cols))
	}
	wrap := func(v []float32) *tensor.Tensor { x, _ := tensor.Wrap(slices.Clone(v), rows, cols); return x }
	cls, _ := tensor.Wrap(classes, rows)
	scores, other := normal(rows*cols), normal(rows*cols)
	signs := normal(rows * cols)
	for i := range signs {
		signs[i] = float32(2*r.IntN(2) - 1)
	}
	rowSigns := signs[:rows]
	ys, _ := tensor.Wrap(slices.Clone(rowSigns), rows)
	flat := func(v []float32) *tensor.Tensor { x, _ := tensor.Wrap(slices.Clone(v), rows*cols); return x }
	cases := []struct {
		name string
		l    Loss
		x    []float32
		y    *tensor.Tensor
		more []*tensor.Tensor // inputs after y
	}{
		{"mse", NewMSE(), scores, wrap(other), nil},
		{"l1", NewL1(), scores, wrap(other), nil},
		{"smoothl1", NewSmoothL1(), scores, wrap(other), nil},
		{"huber", NewHuber(), scores, wrap(other), nil},
		{"bce", NewBCE(), probs, wrap(bits), nil},
		{"bcelogits", NewBCEWithLogits(), scores, wrap(bits), nil},
		{"softmargin", NewSoftMargin(), scores, wrap(bits), nil},
		{"kl", KLDiv{Reduction: BatchMean}, scores, wrap(probs), nil},
		{"ce", NewCrossEntropy(), scores, cls, nil},
		{"ce smoothing", CrossEntropy{IgnoreIndex: -100, LabelSmoothing: 0.1, Reduction: Mean}, scores, cls, nil},
		{"ce probabilities", NewCrossEntropy(), scores, wrap(probs), nil},
		{"nll", NewNLL(), scores, cls, nil},
		{"multisoft", NewMultiLabelSoftMargin(), scores, wrap(bits), nil},
		{"multimargin", NewMultiMargin(), scores, cls, nil},
		{"poisson", NewPoissonNLL(), scores, wrap(probs), nil},
		{"hinge", NewHinge(), scores, wrap(signs), nil},
		{"margin", NewMarginRanking(), scores, wrap(other), []*tensor.Tensor{wrap(signs)}},
		{"triplet", NewTripletMargin(), scores, wrap(other), []*tensor.Tensor{wrap(probs)}},
		{"triplet swap", TripletMargin{Margin: 1, P: 2, Eps: 1e-6, Swap: true, Reduction: Mean}, scores, wrap(other), []*tensor.Tensor{wrap(probs)}},
		{"cosineloss", NewCosineEmbedding(), scores, wrap(other), []*tensor.Tensor{ys}},
		{"similar", NewCosineSimilarity(), scores, wrap(other), nil},
		{"pairwise", NewPairwiseDistance(), scores, wrap(other), nil},
		{"mse flat", NewMSE(), scores[:rows*cols], flat(other), nil},
	}
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, c := range cases {
		var out0, grad0 []float32
		for k, procs := range []int{1, 2, 4, 1} {
			runtime.GOMAXPROCS(procs)
			scribble(rows*cols, float32(1000+k))
			x := wrap(c.x)
			if c.name == "mse flat" {
				x = flat(c.x)
			}
			if err := x.SetRequiresGrad(true); err != nil {
				t.Fatal(err)
			}
			out, err := c.l.Forward(nil, append([]*tensor.Tensor{x, c.y}, c.more...)...)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			var g *tensor.Tensor // ones for a loss without reduction
			if out.Numel() != 1 {
				g, _ = tensor.Ones(out.DType(), out.Shape()...)
			}
			if err := tensor.Backward(out, g, false); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			loss, grad := tensor.Data[float32](out), tensor.Data[float32](x.Grad)
			if k == 0 {
				out0, grad0 = slices.Clone(loss), slices.Clone(grad)
			}
			if !slices.EqualFunc(loss, out0, sameBits) {
				t.Errorf("%s: loss differs with %d threads (run %d)", c.name, procs, k)
			}
			if !slices.EqualFunc(grad, grad0, sameBits) {
				t.Errorf("%s: gradient differs with %d threads (run %d)", c.name, procs, k)
			}
			x.FreeGrad()
			out.Free()
		}
	}
}

// scribble leaves junk v in the cached storage of n float32s that the
// next Allocs of that size take.
func scribble(n int, v float32) {
	var ts []*tensor.Tensor
	for range 3 {
		t, s, _ := tensor.Alloc[float32](n)
		for i := range s {
			s[i] = v
		}
		ts = append(ts, t)
	}
	for _, t := range ts {
		t.Free()
	}
}

// sameBits reports whether two float32s have the same bits, or are both
// NaN.
func sameBits(a, b float32) bool {
	return math.Float32bits(a) == math.Float32bits(b) || a != a && b != b
}

// TestThreadCountsCTC is TestThreadCounts for ctc (a batch of 64, whose
// per-sample work splits across goroutines) and multilabel margin.
func TestThreadCountsCTC(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const T, N, C, S = 50, 64, 20, 30
	lp := make([]float32, T*N*C)
	for i := range lp {
		lp[i] = float32(r.NormFloat64()) - 3
	}
	tg, il, tl := make([]int64, N*S), make([]int64, N), make([]int64, N)
	for i := range tg {
		tg[i] = 1 + int64(r.IntN(C-1))
	}
	for i := range il {
		il[i], tl[i] = T-int64(r.IntN(5)), S-int64(r.IntN(10))
	}
	const rows, cols = 300, 300 // multilabel margin: 90000 elements
	ml := make([]float32, rows*cols)
	for i := range ml {
		ml[i] = float32(r.NormFloat64())
	}
	mt := make([]int64, rows*cols)
	for i := range rows {
		k := r.IntN(cols)
		for j := range cols {
			mt[i*cols+j] = -1
			if j < k {
				mt[i*cols+j] = int64(r.IntN(cols))
			}
		}
	}
	cases := []struct {
		name  string
		l     Loss
		x     func() *tensor.Tensor
		other []*tensor.Tensor
	}{
		{"ctc", NewCTC(), func() *tensor.Tensor { x, _ := tensor.Wrap(slices.Clone(lp), T, N, C); return x }, []*tensor.Tensor{
			must(tensor.Wrap(tg, N, S)), must(tensor.Wrap(il, N)), must(tensor.Wrap(tl, N))}},
		{"multilabel", NewMultiLabelMargin(), func() *tensor.Tensor { x, _ := tensor.Wrap(slices.Clone(ml), rows, cols); return x },
			[]*tensor.Tensor{must(tensor.Wrap(mt, rows, cols))}},
	}
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, c := range cases {
		var out0, grad0 []float32
		for k, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			x := c.x()
			if err := x.SetRequiresGrad(true); err != nil {
				t.Fatal(err)
			}
			out, err := c.l.Forward(nil, append([]*tensor.Tensor{x}, c.other...)...)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := tensor.Backward(out, nil, false); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			loss, grad := tensor.Data[float32](out), tensor.Data[float32](x.Grad)
			if k == 0 {
				if v := float64(loss[0]); math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("%s: loss %v, want a finite one to compare", c.name, v)
				}
				out0, grad0 = slices.Clone(loss), slices.Clone(grad)
				continue
			}
			if !slices.EqualFunc(loss, out0, sameBits) || !slices.EqualFunc(grad, grad0, sameBits) {
				t.Errorf("%s: loss or gradient differs with %d threads", c.name, procs)
			}
		}
	}
}

// must returns t, panicking on an error of a test's own construction.
func must(t *tensor.Tensor, err error) *tensor.Tensor {
	if err != nil {
		panic(err)
	}
	return t
}
