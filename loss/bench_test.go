package loss

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"kt/tensor"
)

// Benchmarks at the sizes of PyTorch's reference timings: float32, mean.
// "fwd" is the forward alone (no recording); "fwdbwd" records and runs
// backward for the input's gradient. BenchmarkCopy is the memory
// reference: copying the same number of float32 values.

func benchInputs(n int, lo, hi float64, sign bool) *tensor.Tensor {
	r := rand.New(rand.NewPCG(uint64(n), 1))
	v := make([]float32, n)
	for i := range v {
		if sign {
			v[i] = float32(2*r.IntN(2) - 1)
		} else {
			v[i] = float32(lo + (hi-lo)*r.Float64())
		}
	}
	t, _ := tensor.Wrap(v, n)
	return t
}

type benchLoss struct {
	name   string
	l      Loss
	x, y   [2]float64 // ranges of input and target
	ySign  bool
	shapeK int // if > 0, reshape to (n/shapeK, shapeK)
}

var benchLosses = []benchLoss{
	{name: "mse", l: NewMSE(), x: [2]float64{-2, 2}, y: [2]float64{-2, 2}},
	{name: "l1", l: NewL1(), x: [2]float64{-2, 2}, y: [2]float64{-2, 2}},
	{name: "smoothl1", l: NewSmoothL1(), x: [2]float64{-2, 2}, y: [2]float64{-2, 2}},
	{name: "huber", l: NewHuber(), x: [2]float64{-2, 2}, y: [2]float64{-2, 2}},
	{name: "bce", l: NewBCE(), x: [2]float64{.01, .99}, y: [2]float64{0, 1}},
	{name: "bcelogits", l: NewBCEWithLogits(), x: [2]float64{-3, 3}, y: [2]float64{0, 1}},
	{name: "softmargin", l: NewSoftMargin(), x: [2]float64{-3, 3}, ySign: true},
	{name: "hinge", l: NewHinge(), x: [2]float64{-3, 3}, ySign: true},
	{name: "kl", l: KLDiv{Reduction: BatchMean}, x: [2]float64{-3, 0}, y: [2]float64{0, 1}, shapeK: 1000},
	{name: "poissonloss", l: NewPoissonNLL(), x: [2]float64{-2, 2}, y: [2]float64{0, 4}},
	{name: "margin", l: NewMarginRanking(), x: [2]float64{-2, 2}, y: [2]float64{-2, 2}},
}

func (bl benchLoss) inputs(n int) []*tensor.Tensor {
	x := benchInputs(n, bl.x[0], bl.x[1], false)
	y := benchInputs(n, bl.y[0], bl.y[1], bl.ySign)
	if bl.shapeK > 0 {
		x, _ = x.Reshape(-1, bl.shapeK)
		y, _ = y.Reshape(-1, bl.shapeK)
	}
	if bl.name == "margin" {
		return []*tensor.Tensor{x, y, benchInputs(n, 0, 0, true)}
	}
	return []*tensor.Tensor{x, y}
}

func BenchmarkLoss(b *testing.B) {
	for _, n := range []int{1e6, 1e7} {
		for _, bl := range benchLosses {
			b.Run(fmt.Sprintf("%s/%.0e/fwd", bl.name, float64(n)), func(b *testing.B) {
				ins := bl.inputs(n)
				b.ReportAllocs()
				b.SetBytes(int64(4 * n * len(ins)))
				ctx := &tensor.Ctx{NoGrad: true}
				for b.Loop() {
					if _, err := bl.l.Forward(ctx, ins...); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/%.0e/fwdbwd", bl.name, float64(n)), func(b *testing.B) {
				ins := bl.inputs(n)
				b.ReportAllocs()
				xg := ins[0].Detach()
				xg.SetRequiresGrad(true)
				in := append([]*tensor.Tensor{xg}, ins[1:]...)
				for b.Loop() {
					z, err := bl.l.Forward(nil, in...)
					if err != nil {
						b.Fatal(err)
					}
					xg.FreeGrad()
					if err := tensor.Backward(z, nil, false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkCopy copies 1e7 float32 values into a fresh slice, the memory
// reference of PyTorch's table (a fresh allocation, as a loss's gradient
// is).
func BenchmarkCopy(b *testing.B) {
	x := benchInputs(1e7, 0, 1, false).Float32s()
	b.ReportAllocs()
	b.SetBytes(4e7)
	for b.Loop() {
		y := make([]float32, len(x))
		copy(y, x)
	}
}
