package loss

import (
	"fmt"

	"kt/tensor"
)

// MarginRanking is PyTorch's MarginRankingLoss of input1, input2 and a
// target y of ±1: max(0, -y·(x1 - x2) + margin), reduced. The three
// tensors must have the same number of dimensions (a 0-dim target with
// vector inputs is an error) and broadcast; all three get gradients,
// which flow at the kink.
type MarginRanking struct {
	Margin    float64 // PyTorch's default is 0
	Reduction Reduction
}

// NewMarginRanking returns MarginRankingLoss with PyTorch's defaults:
// margin 0, reduction mean.
func NewMarginRanking() MarginRanking { return MarginRanking{Reduction: Mean} }

// Name returns "margin".
func (MarginRanking) Name() string { return "margin" }

// Forward computes the loss of input1, input2 and target.
func (l MarginRanking) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("margin", in, 3, 3); err != nil {
		return nil, err
	}
	x1, x2, y := in[0], in[1], in[2]
	if x1.Dim() != x2.Dim() || x2.Dim() != y.Dim() {
		return nil, fmt.Errorf("margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: %s, input2: %s, target: %s",
			tensor.TorchSize(x1.Shape()), tensor.TorchSize(x2.Shape()), tensor.TorchSize(y.Shape()))
	}
	var shape []int // nil: all three have x1's shape
	if !x1.SameShapeAs(x2) || !y.SameShapeAs(x1) {
		diff, err := tensor.BroadcastShapes(x1.Shape(), x2.Shape())
		if err != nil {
			return nil, err
		}
		if shape, err = tensor.BroadcastShapes(y.Shape(), diff); err != nil {
			return nil, err
		}
	}
	d, err := floatResult("clamp_min_cpu", x1, x2, y)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "ClampMinBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x1, x2, y},
		k32:    kernels[float32]{fwd: marginForward[float32], bwd: marginBackward[float32], p: param[float32]{A: float32(l.Margin)}},
		// r32 rounds x1 - x2 to float32, as PyTorch computes it in the
		// inputs' type before multiplying by a float64 target.
		k64: kernels[float64]{fwd: marginForward[float64], bwd: marginBackward[float64],
			p: param[float64]{A: l.Margin, R32: tensor.ResultType(x1, x2) == tensor.Float32}},
	}
	return e.run(c)
}

func marginForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x1, x2, y := in[0][:len(out)], in[1][:len(out)], in[2][:len(out)]
	for i := range out {
		out[i] = max(-y[i]*round32(x1[i]-x2[i], p.R32)+p.A, 0)
	}
}

func marginBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x1, x2, y := in[0], in[1][:len(in[0])], in[2][:len(in[0])]
	g1, g2, gy := grad[0], grad[1], grad[2]
	for i := range x1 {
		var gi T
		d := round32(x1[i]-x2[i], p.R32)
		if -y[i]*d+p.A >= 0 {
			gi = g.At(i)
		}
		if g1 != nil {
			g1[i] = -y[i] * gi
		}
		if g2 != nil {
			g2[i] = y[i] * gi
		}
		if gy != nil {
			gy[i] = -d * gi
		}
	}
}
