package loss

import (
	"math/rand/v2"
	"testing"

	"kt/internal/losskernel"
	"kt/tensor"
)

// Benchmarks of the class, sequence and distance losses at the sizes of
// PyTorch's reference timings: float32, reduction mean. "fwd" is the
// forward alone (no recording); "fwdbwd" records and runs backward for
// the gradient of every float input.

// rand32 returns a float32 tensor of uniform values in [lo, hi).
func rand32(r *rand.Rand, lo, hi float64, shape ...int) *tensor.Tensor {
	v := make([]float32, numelOf(shape))
	for i := range v {
		v[i] = float32(lo + (hi-lo)*r.Float64())
	}
	t, _ := tensor.Wrap(v, shape...)
	return t
}

// logSoftmax32 normalizes the last dimension of a float32 tensor into
// log-probabilities.
func logSoftmax32(t *tensor.Tensor) *tensor.Tensor {
	c := t.Size(-1)
	v := t.Float32s()
	for i := 0; i < len(v); i += c {
		z := losskernel.LogSumExp(v, i, 1, c)
		for k := i; k < i+c; k++ {
			v[k] = float32(float64(v[k]) - z)
		}
	}
	return t
}

type classBench struct {
	name string
	loss Loss
	in   func(r *rand.Rand) []*tensor.Tensor
}

func classBenches() []classBench {
	idx := func(n, c int) func(r *rand.Rand) []*tensor.Tensor {
		return func(r *rand.Rand) []*tensor.Tensor {
			return []*tensor.Tensor{rand32(r, -3, 3, n, c), randClasses(r, c, n)}
		}
	}
	rows := func(k int, lo, hi float64) func(r *rand.Rand) []*tensor.Tensor {
		return func(r *rand.Rand) []*tensor.Tensor {
			ts := make([]*tensor.Tensor, k)
			for i := range ts {
				ts[i] = rand32(r, lo, hi, 4096, 512)
			}
			return ts
		}
	}
	return []classBench{
		{"ce/4096x1000", NewCrossEntropy(), idx(4096, 1000)},
		{"ce/65536x10", NewCrossEntropy(), idx(65536, 10)},
		{"ce/smooth0.1/4096x1000", CrossEntropy{IgnoreIndex: -100, LabelSmoothing: .1, Reduction: Mean}, idx(4096, 1000)},
		{"ce/prob/4096x1000", NewCrossEntropy(), func(r *rand.Rand) []*tensor.Tensor {
			return []*tensor.Tensor{rand32(r, -3, 3, 4096, 1000), rand32(r, 0, .002, 4096, 1000)}
		}},
		{"nll/4096x1000", NewNLL(), idx(4096, 1000)},
		{"multimargin/4096x1000", NewMultiMargin(), idx(4096, 1000)},
		{"multisoft/4096x1000", NewMultiLabelSoftMargin(), func(r *rand.Rand) []*tensor.Tensor {
			return []*tensor.Tensor{rand32(r, -3, 3, 4096, 1000), rand32(r, 0, 1, 4096, 1000)}
		}},
		{"ctc/T50N16C20S30", NewCTC(), func(r *rand.Rand) []*tensor.Tensor {
			const T, N, C, S = 50, 16, 20, 30
			tg := make([]int64, N*S)
			for i := range tg {
				tg[i] = 1 + int64(r.IntN(C-1))
			}
			il, tl := make([]int64, N), make([]int64, N)
			for b := range N {
				il[b], tl[b] = T, int64(10+r.IntN(S-10+1))
			}
			return []*tensor.Tensor{logSoftmax32(rand32(r, -3, 3, T, N, C)), longs(tg, N, S), longs(il, N), longs(tl, N)}
		}},
		{"triplet/4096x512", NewTripletMargin(), rows(3, -1, 1)},
		{"similar/4096x512", NewCosineSimilarity(), rows(2, -1, 1)},
	}
}

func BenchmarkClassLoss(b *testing.B) {
	for _, cb := range classBenches() {
		ins := cb.in(rand.New(rand.NewPCG(1, 2)))
		b.Run(cb.name+"/fwd", func(b *testing.B) {
			b.ReportAllocs()
			ctx := &tensor.Ctx{NoGrad: true}
			for b.Loop() {
				if _, err := cb.loss.Forward(ctx, ins...); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(cb.name+"/fwdbwd", func(b *testing.B) {
			b.ReportAllocs()
			for _, t := range ins {
				if t.DType().IsFloat() {
					t.SetRequiresGrad(true)
				}
			}
			for b.Loop() {
				for _, t := range ins {
					t.FreeGrad()
				}
				out, err := cb.loss.Forward(nil, ins...)
				if err != nil {
					b.Fatal(err)
				}
				g, _ := tensor.Ones(out.DType(), out.Shape()...)
				if err := tensor.Backward(out, g, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
