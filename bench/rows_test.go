package bench

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"

	"kt/loss"
	"kt/tensor"
)

// A row is one line of the reference table: a loss at a shape, float32,
// reduction mean (batchmean for KL). torch_bench.py defines the same rows
// with the same ids and the same distributions of values.
type row struct {
	id    string    // op_shape, shared with torch_bench.py
	loss  loss.Loss // nil for the memory-copy reference
	dims  []int     // the sizes the row is timed at
	small []int     // smaller sizes of the same layout, for TestRows
	grads []int     // inputs that get a gradient in fwdbwd; none: fwd only
	build func(g gen, d []int) *inputs
}

// rows returns every row of the reference table, in its order.
func rows() []row {
	input := []int{0}
	return []row{
		{id: "copy_1e7", dims: []int{1e7}, small: []int{100}, build: normals(1)},
		{id: "mse_1e6", loss: loss.NewMSE(), dims: []int{1e6}, small: []int{100}, grads: input, build: normals(2)},
		{id: "mse_1e7", loss: loss.NewMSE(), dims: []int{1e7}, small: []int{100}, grads: input, build: normals(2)},
		{id: "l1_1e7", loss: loss.NewL1(), dims: []int{1e7}, small: []int{100}, grads: input, build: normals(2)},
		{id: "smoothl1_1e7", loss: loss.NewSmoothL1(), dims: []int{1e7}, small: []int{100}, grads: input, build: normals(2)},
		{id: "huber_1e7", loss: loss.NewHuber(), dims: []int{1e7}, small: []int{100}, grads: input, build: normals(2)},
		{id: "bce_1e7", loss: loss.NewBCE(), dims: []int{1e7}, small: []int{100}, grads: input, build: probsBits},
		{id: "bcelogits_1e7", loss: loss.NewBCEWithLogits(), dims: []int{1e7}, small: []int{100}, grads: input, build: logitsBits},
		{id: "softmargin_1e7", loss: loss.NewSoftMargin(), dims: []int{1e7}, small: []int{100}, grads: input, build: logitsSigns},
		{id: "kl-batchmean_1e7", loss: loss.KLDiv{Reduction: loss.BatchMean}, dims: []int{1e4, 1000}, small: []int{4, 1000}, grads: input, build: logProbsProbs},
		{id: "ce_4096x1000", loss: loss.NewCrossEntropy(), dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: scoresClasses(false)},
		{id: "ce_65536x10", loss: loss.NewCrossEntropy(), dims: []int{65536, 10}, small: []int{8, 10}, grads: input, build: scoresClasses(false)},
		{id: "ce-smooth0.1_4096x1000", loss: loss.CrossEntropy{IgnoreIndex: -100, LabelSmoothing: .1, Reduction: loss.Mean},
			dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: scoresClasses(false)},
		{id: "ce-prob_4096x1000", loss: loss.NewCrossEntropy(), dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: scoresProbs},
		{id: "nll_4096x1000", loss: loss.NewNLL(), dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: scoresClasses(true)},
		{id: "multimargin-p1_4096x1000", loss: loss.NewMultiMargin(), dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: scoresClasses(false)},
		{id: "multisoft_4096x1000", loss: loss.NewMultiLabelSoftMargin(), dims: []int{4096, 1000}, small: []int{8, 1000}, grads: input, build: logitsBits},
		{id: "ctc_T50N16C20S30", loss: loss.NewCTC(), dims: []int{50, 16, 20, 30}, small: []int{50, 16, 20, 30}, grads: input, build: ctcInputs},
		{id: "triplet_4096x512", loss: loss.NewTripletMargin(), dims: []int{4096, 512}, small: []int{8, 512}, grads: []int{0, 1, 2}, build: normals(3)},
		{id: "cosine_4096x512", loss: loss.NewCosineSimilarity(), dims: []int{4096, 512}, small: []int{8, 512}, grads: []int{0, 1}, build: normals(2)},
	}
}

// seed returns the seed of a row's random draws, fixed by its id.
func seed(id string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

// gen draws seeded random values.
type gen struct{ r *rand.Rand }

func newGen(s uint64) gen { return gen{rand.New(rand.NewPCG(s, 0x6b74))} }

// normal returns n standard normal values.
func (g gen) normal(n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(g.r.NormFloat64())
	}
	return v
}

// bits returns n values 0 or 1 with equal chance.
func (g gen) bits(n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(g.r.IntN(2))
	}
	return v
}

// classes returns n class indices uniform in [lo, c).
func (g gen) classes(lo, c, n int) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = int64(lo + g.r.IntN(c-lo))
	}
	return v
}

// sigmoid maps v into (0, 1) in place.
func sigmoid(v []float32) []float32 {
	for i, x := range v {
		v[i] = float32(1 / (1 + math.Exp(-float64(x))))
	}
	return v
}

// logSoftmax normalizes each run of c values of v into log-probabilities,
// in place.
func logSoftmax(v []float32, c int) []float32 {
	for lo := 0; lo+c <= len(v); lo += c {
		r := v[lo : lo+c]
		m := math.Inf(-1)
		for _, x := range r {
			m = max(m, float64(x))
		}
		s := 0.0
		for _, x := range r {
			s += math.Exp(float64(x) - m)
		}
		z := m + math.Log(s)
		for i, x := range r {
			r[i] = float32(float64(x) - z)
		}
	}
	return v
}

// softmax normalizes each run of c values of v into probabilities, in
// place.
func softmax(v []float32, c int) []float32 {
	logSoftmax(v, c)
	for i, x := range v {
		v[i] = float32(math.Exp(float64(x)))
	}
	return v
}

// inputs collects a row's tensors, keeping the first error.
type inputs struct {
	ts  []*tensor.Tensor
	err error
}

func (in *inputs) add(t *tensor.Tensor, err error) *inputs {
	if in.err == nil {
		in.err = err
	}
	in.ts = append(in.ts, t)
	return in
}

func (in *inputs) float(v []float32, shape ...int) *inputs { return in.add(tensor.Wrap(v, shape...)) }

func (in *inputs) long(v []int64, shape ...int) *inputs { return in.add(tensor.Wrap(v, shape...)) }

// make returns a row's inputs at sizes d, drawn from the row's seed.
func (r row) make(d []int) ([]*tensor.Tensor, error) {
	in := r.build(newGen(seed(r.id)), d)
	if in.err != nil {
		return nil, fmt.Errorf("%s: %w", r.id, in.err)
	}
	return in.ts, nil
}

func numel(d []int) int {
	n := 1
	for _, s := range d {
		n *= s
	}
	return n
}

// normals gives k standard normal tensors of shape d.
func normals(k int) func(g gen, d []int) *inputs {
	return func(g gen, d []int) *inputs {
		in := &inputs{}
		for range k {
			in.float(g.normal(numel(d)), d...)
		}
		return in
	}
}

// probsBits gives probabilities (the sigmoid of normals) and 0/1 targets.
func probsBits(g gen, d []int) *inputs {
	n := numel(d)
	return (&inputs{}).float(sigmoid(g.normal(n)), d...).float(g.bits(n), d...)
}

// logitsBits gives normal logits and 0/1 targets.
func logitsBits(g gen, d []int) *inputs {
	n := numel(d)
	return (&inputs{}).float(g.normal(n), d...).float(g.bits(n), d...)
}

// logitsSigns gives normal logits and -1/1 targets.
func logitsSigns(g gen, d []int) *inputs {
	n := numel(d)
	y := g.bits(n)
	for i, b := range y {
		y[i] = 2*b - 1
	}
	return (&inputs{}).float(g.normal(n), d...).float(y, d...)
}

// logProbsProbs gives rows of log-probabilities and rows of probabilities
// (the log-softmax and softmax of normals) of shape (N, C).
func logProbsProbs(g gen, d []int) *inputs {
	n, c := numel(d), d[len(d)-1]
	return (&inputs{}).float(logSoftmax(g.normal(n), c), d...).float(softmax(g.normal(n), c), d...)
}

// scoresClasses gives normal scores (N, C), their log-softmax if logp,
// and N class indices.
func scoresClasses(logp bool) func(g gen, d []int) *inputs {
	return func(g gen, d []int) *inputs {
		n, c := d[0], d[1]
		x := g.normal(n * c)
		if logp {
			logSoftmax(x, c)
		}
		return (&inputs{}).float(x, n, c).long(g.classes(0, c, n), n)
	}
}

// scoresProbs gives normal scores (N, C) and target probabilities (the
// softmax of normals).
func scoresProbs(g gen, d []int) *inputs {
	n := numel(d)
	return (&inputs{}).float(g.normal(n), d...).float(softmax(g.normal(n), d[1]), d...)
}

// ctcInputs gives CTC's log-probabilities (T, N, C), padded targets (N, S)
// of classes 1..C-1 (0 is the blank), input lengths T and target lengths
// S.
func ctcInputs(g gen, d []int) *inputs {
	t, n, c, s := d[0], d[1], d[2], d[3]
	il, tl := make([]int64, n), make([]int64, n)
	for i := range n {
		il[i], tl[i] = int64(t), int64(s)
	}
	return (&inputs{}).float(logSoftmax(g.normal(t*n*c), c), t, n, c).
		long(g.classes(1, c, n*s), n, s).long(il, n).long(tl, n)
}
