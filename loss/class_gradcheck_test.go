package loss

import (
	"math"
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// classGradCase is one finite-difference check: a loss, how to make its
// inputs, and which of them to differentiate.
type classGradCase struct {
	name string
	loss Loss
	in   func(r *rand.Rand) []*tensor.Tensor
	diff []bool
	// softmax is set for CTC, whose gradient is the one through a
	// log_softmax: the true gradient plus exp(lp) times the sample's
	// upstream gradient, at every time step within the input length.
	softmax bool
}

// randF64 returns a float64 tensor of uniform values in [lo, hi).
func randF64(r *rand.Rand, lo, hi float64, shape ...int) *tensor.Tensor {
	v := make([]float64, numelOf(shape))
	for i := range v {
		v[i] = lo + (hi-lo)*r.Float64()
	}
	t, _ := tensor.Wrap(v, shape...)
	return t
}

// longs returns an int64 tensor.
func longs(v []int64, shape ...int) *tensor.Tensor {
	t, _ := tensor.New(v, shape...)
	return t
}

// randClasses returns n class indices below c, as an int64 tensor.
func randClasses(r *rand.Rand, c int, shape ...int) *tensor.Tensor {
	v := make([]int64, numelOf(shape))
	for i := range v {
		v[i] = int64(r.IntN(c))
	}
	return longs(v, shape...)
}

func classGradCases() []classGradCase {
	w5 := tensor.Vector(.5, 2, 1, .3, 1.5)
	w4 := tensor.Vector(.5, 2, 1, .3)
	idx45 := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -2, 2, 4, 5), longs([]int64{0, 3, 1, 4}, 4)}
	}
	kdim := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -2, 2, 2, 4, 3), longs([]int64{0, 1, 3, 2, 1, 1}, 2, 3)}
	}
	prob := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -2, 2, 4, 5), randF64(r, 0, 1, 4, 5)}
	}
	ce := func(w *tensor.Tensor, ignore int64, ls float64) func(Reduction) Loss {
		return func(red Reduction) Loss { return CrossEntropy{w, ignore, ls, red} }
	}
	var cases []classGradCase
	add := func(name string, mk func(Reduction) Loss, in func(*rand.Rand) []*tensor.Tensor, diff ...bool) {
		for _, red := range []Reduction{None, Mean, Sum} {
			cases = append(cases, classGradCase{name: name + "/" + red.String(), loss: mk(red), in: in, diff: diff})
		}
	}
	add("ce/index", ce(nil, -100, 0), idx45, true, false)
	add("ce/index/weight/smooth", ce(w5, -100, .2), idx45, true, false)
	add("ce/index/ignore/smooth", ce(nil, 1, .1), kdim, true, false)
	add("ce/kdim/weight", ce(w4, -100, 0), kdim, true, false)
	add("ce/prob", ce(nil, -100, 0), prob, true, true)
	add("ce/prob/weight/smooth", ce(w5, -100, .3), prob, true, true)
	add("nll", func(red Reduction) Loss { return NLL{nil, -100, red} }, idx45, true, false)
	add("nll/weight/ignore", func(red Reduction) Loss { return NLL{w4, 2, red} }, kdim, true, false)
	add("multimargin/p1", func(red Reduction) Loss { return MultiMargin{1, 1, nil, red} }, idx45, true, false)
	add("multimargin/p2/weight", func(red Reduction) Loss { return MultiMargin{2, .7, w5, red} }, idx45, true, false)
	add("multilabel", func(red Reduction) Loss { return MultiLabelMargin{red} }, func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -1, 1, 3, 4), longs([]int64{3, 0, -1, 1, 2, -1, 0, 0, 1, 2, 3, 0}, 3, 4)}
	}, true, false)
	add("multisoft", func(red Reduction) Loss { return MultiLabelSoftMargin{nil, red} }, func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -3, 3, 3, 4), randF64(r, 0, 1, 3, 4)}
	}, true, true)
	add("multisoft/weight", func(red Reduction) Loss { return MultiLabelSoftMargin{w4, red} }, func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -3, 3, 3, 4), randF64(r, 0, 1, 3, 4)}
	}, true, true)
	ctcIn := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -3, 0, 6, 2, 4), longs([]int64{1, 2, 2, 3, 1, 0}, 2, 3),
			longs([]int64{6, 5}, 2), longs([]int64{3, 2}, 2)}
	}
	addCTC := func(name string, mk func(Reduction) Loss, in func(*rand.Rand) []*tensor.Tensor) {
		add(name, mk, in, true, false, false, false)
		for i := len(cases) - 3; i < len(cases); i++ {
			cases[i].softmax = true
		}
	}
	addCTC("ctc", func(red Reduction) Loss { return CTC{0, false, red} }, ctcIn)
	addCTC("ctc/blank3/concat", func(red Reduction) Loss { return CTC{3, true, red} }, func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -3, 0, 5, 2, 4), longs([]int64{1, 1, 0, 2}, 4),
			longs([]int64{5, 4}, 2), longs([]int64{2, 2}, 2)}
	})
	cosIn := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -1, 1, 4, 3), randF64(r, -1, 1, 4, 3), tensor.Vector(1.0, -1, 1, -1)}
	}
	add("cosineloss", func(red Reduction) Loss { return CosineEmbedding{0, red} }, cosIn, true, true, false)
	add("cosineloss/margin", func(red Reduction) Loss { return CosineEmbedding{-.4, red} }, cosIn, true, true, false)
	pair := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -1, 1, 4, 3), randF64(r, -1, 1, 4, 3)}
	}
	for _, p := range []float64{2, 1, 3, .5, -1, math.Inf(1), math.Inf(-1)} {
		cases = append(cases, classGradCase{name: "pairwise", loss: PairwiseDistance{p, 1e-6, false}, in: pair, diff: []bool{true, true}})
	}
	cases = append(cases,
		classGradCase{name: "pairwise/broadcast/keepdim", loss: PairwiseDistance{2, .1, true}, in: func(r *rand.Rand) []*tensor.Tensor {
			return []*tensor.Tensor{randF64(r, -1, 1, 4, 3), randF64(r, -1, 1, 3)}
		}, diff: []bool{true, true}},
		classGradCase{name: "similar/dim1", loss: CosineSimilarity{1, 1e-8}, in: pair, diff: []bool{true, true}},
		classGradCase{name: "similar/dim0/eps", loss: CosineSimilarity{0, .9}, in: pair, diff: []bool{true, true}},
		classGradCase{name: "similar/kdim/broadcast", loss: CosineSimilarity{-2, 1e-8}, in: func(r *rand.Rand) []*tensor.Tensor {
			return []*tensor.Tensor{randF64(r, -1, 1, 2, 3, 2), randF64(r, -1, 1, 3, 2)}
		}, diff: []bool{true, true}},
	)
	trip := func(r *rand.Rand) []*tensor.Tensor {
		return []*tensor.Tensor{randF64(r, -1, 1, 4, 3), randF64(r, -1, 1, 4, 3), randF64(r, -1, 1, 4, 3)}
	}
	add("triplet", func(red Reduction) Loss { return TripletMargin{1, 2, 1e-6, false, red} }, trip, true, true, true)
	add("triplet/p1/swap", func(red Reduction) Loss { return TripletMargin{.5, 1, 1e-6, true, red} }, trip, true, true, true)
	add("triplet/p3/swap", func(red Reduction) Loss { return TripletMargin{2, 3, .1, true, red} }, trip, true, true, true)
	return cases
}

// TestClassGradCheck compares the analytic gradients of the class,
// sequence and distance losses with central finite differences in
// float64, for a random upstream gradient.
func TestClassGradCheck(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for _, gc := range classGradCases() {
		t.Run(gc.name, func(t *testing.T) {
			ins := gc.in(r)
			for i, d := range gc.diff {
				if d {
					if err := ins[i].SetRequiresGrad(true); err != nil {
						t.Fatal(err)
					}
				}
			}
			out, err := gc.loss.Forward(nil, ins...)
			if err != nil {
				t.Fatal(err)
			}
			g, _ := tensor.Randn(r, tensor.Float64, out.Shape()...)
			if err := tensor.Backward(out, g, false); err != nil {
				t.Fatal(err)
			}
			f := func() float64 {
				o, err := gc.loss.Forward(&tensor.Ctx{NoGrad: true}, ins...)
				if err != nil {
					t.Fatal(err)
				}
				s := 0.0
				for i, v := range o.Float64s() {
					s += v * g.Float64s()[i]
				}
				return s
			}
			var extra []float64 // what the gradient adds to the true one
			if gc.softmax {
				extra = ctcSoftmaxTerm(gc.loss.(CTC), ins, g)
			}
			const h = 1e-6
			for k, d := range gc.diff {
				if !d {
					continue
				}
				if ins[k].Grad == nil {
					t.Fatalf("input %d: no gradient", k)
				}
				x, got := ins[k].Float64s(), ins[k].Grad.Float64s()
				for i := range x {
					v := x[i]
					x[i] = v + h
					fp := f()
					x[i] = v - h
					fm := f()
					x[i] = v
					want := (fp - fm) / (2 * h)
					if extra != nil {
						want += extra[i]
					}
					if math.Abs(got[i]-want) > 1e-5+1e-5*math.Abs(want) {
						t.Errorf("input %d, element %d: grad %v, finite difference %v", k, i, got[i], want)
					}
				}
			}
		})
	}
}

// ctcSoftmaxTerm returns exp(lp)·g_b at the time steps t < input_length_b
// of log_probs (T,N,C), g_b being sample b's upstream gradient.
func ctcSoftmaxTerm(l CTC, ins []*tensor.Tensor, g *tensor.Tensor) []float64 {
	lp := ins[0]
	T, N, C := lp.Size(0), lp.Size(1), lp.Size(2)
	out := make([]float64, lp.Numel())
	for b := range N {
		gb := g.At(0)
		switch l.Reduction {
		case None:
			gb = g.At(b)
		case Mean:
			gb /= float64(N) * max(ins[3].At(b), 1)
		}
		for t := range min(int(ins[2].At(b)), T) {
			for c := range C {
				i := (t*N+b)*C + c
				out[i] = math.Exp(lp.At(i)) * gb
			}
		}
	}
	return out
}
