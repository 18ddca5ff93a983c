package loss

import (
	"math/rand/v2"
	"slices"
	"testing"

	"kt/tensor"
)

// TestRowScratchReuse checks that a forward without gradients, whose
// per-row buffers go back to the pool, never hands out the buffers of a
// recorded forward still waiting for its backward: the backward after
// many unrecorded forwards gives the gradient it gives at once.
func TestRowScratchReuse(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	draw := func() *tensor.Tensor {
		v := make([]float32, 6*5)
		for i := range v {
			v[i] = float32(r.NormFloat64())
		}
		x, _ := tensor.Wrap(v, 6, 5)
		return x
	}
	sign, _ := tensor.Wrap([]float32{1, -1, 1, -1, 1, -1}, 6)
	class, _ := tensor.Wrap([]int64{0, 4, 2, 1, 3, 0}, 6)
	cases := []struct {
		name string
		l    Loss
		n    int            // inputs drawn
		y    *tensor.Tensor // a target following them, if any
	}{
		{"cosineloss", NewCosineEmbedding(), 2, sign},
		{"similar", NewCosineSimilarity(), 2, nil},
		{"pairwise", NewPairwiseDistance(), 2, nil},
		{"triplet", NewTripletMargin(), 3, nil},
		{"triplet swap", TripletMargin{Margin: 1, P: 2, Eps: 1e-6, Swap: true, Reduction: Mean}, 3, nil},
		{"multimargin", NewMultiMargin(), 1, class},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in []*tensor.Tensor
			for range c.n {
				in = append(in, draw())
			}
			if c.y != nil {
				in = append(in, c.y)
			}
			grads := func(interleave bool) []float32 {
				x := in[0].Clone()
				if err := x.SetRequiresGrad(true); err != nil {
					t.Fatal(err)
				}
				args := append([]*tensor.Tensor{x}, in[1:]...)
				out, err := c.l.Forward(nil, args...)
				if err != nil {
					t.Fatal(err)
				}
				if interleave {
					for range 5 {
						other := append([]*tensor.Tensor{draw()}, in[1:]...)
						if _, err := c.l.Forward(&tensor.Ctx{NoGrad: true}, other...); err != nil {
							t.Fatal(err)
						}
					}
				}
				var g *tensor.Tensor
				if out.Numel() != 1 {
					g, _ = tensor.Ones(out.DType(), out.Shape()...)
				}
				if err := tensor.Backward(out, g, false); err != nil {
					t.Fatal(err)
				}
				return slices.Clone(tensor.Data[float32](x.Grad))
			}
			want, got := grads(false), grads(true)
			if !slices.Equal(got, want) {
				t.Errorf("gradient after unrecorded forwards %v, want %v", got, want)
			}
		})
	}
}
