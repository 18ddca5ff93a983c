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
// whoever runs them.
func TestThreadCounts(t *testing.T) {
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
	cases := []struct {
		name string
		l    Loss
		x    []float32
		y    *tensor.Tensor
	}{
		{"mse", NewMSE(), scores, wrap(other)},
		{"l1", NewL1(), scores, wrap(other)},
		{"smoothl1", NewSmoothL1(), scores, wrap(other)},
		{"huber", NewHuber(), scores, wrap(other)},
		{"bce", NewBCE(), probs, wrap(bits)},
		{"bcelogits", NewBCEWithLogits(), scores, wrap(bits)},
		{"softmargin", NewSoftMargin(), scores, wrap(bits)},
		{"kl", KLDiv{Reduction: BatchMean}, scores, wrap(probs)},
		{"ce", NewCrossEntropy(), scores, cls},
		{"ce smoothing", CrossEntropy{IgnoreIndex: -100, LabelSmoothing: 0.1, Reduction: Mean}, scores, cls},
		{"ce probabilities", NewCrossEntropy(), scores, wrap(probs)},
		{"nll", NewNLL(), scores, cls},
		{"multisoft", NewMultiLabelSoftMargin(), scores, wrap(bits)},
		{"multimargin", NewMultiMargin(), scores, cls},
	}
	old := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(old)
	for _, c := range cases {
		var loss0 float32
		var grad0 []float32
		for k, procs := range []int{1, 2, 4} {
			runtime.GOMAXPROCS(procs)
			x := wrap(c.x)
			if err := x.SetRequiresGrad(true); err != nil {
				t.Fatal(err)
			}
			out, err := c.l.Forward(nil, x, c.y)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := tensor.Backward(out, nil, false); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			loss, grad := tensor.Data[float32](out)[0], tensor.Data[float32](x.Grad)
			if k == 0 {
				loss0, grad0 = loss, slices.Clone(grad)
				continue
			}
			if math.Float32bits(loss) != math.Float32bits(loss0) {
				t.Errorf("%s: loss %v with %d threads, %v with one", c.name, loss, procs, loss0)
			}
			if !slices.Equal(grad, grad0) {
				t.Errorf("%s: gradient differs with %d threads", c.name, procs)
			}
		}
	}
}
