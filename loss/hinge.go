package loss

import (
	"fmt"
	"math"

	"kt/tensor"
)

// Hinge is PyTorch's HingeEmbeddingLoss: x where y = 1, max(0, margin - x)
// where y = -1, reduced. As PyTorch, a target that is neither 1 nor -1
// takes both branches (their sum). Input and target broadcast; the output
// has the input's type and only the input gets a gradient, which flows at
// the kink (margin - x = 0).
type Hinge struct {
	Margin    float64 // PyTorch's default is 1
	Reduction Reduction
}

// NewHinge returns HingeEmbeddingLoss with PyTorch's defaults: margin 1,
// reduction mean.
func NewHinge() Hinge { return Hinge{Margin: 1, Reduction: Mean} }

// Name returns "hinge".
func (Hinge) Name() string { return "hinge" }

// Forward computes the loss of input and target.
func (l Hinge) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("hinge", in, 2, 2); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	shape, err := broadcast(y, x)
	if err != nil {
		return nil, err
	}
	d := x.DType()
	if !d.IsFloat() {
		return nil, fmt.Errorf("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: %s", d.Title())
	}
	e := elementwise{
		node: "HingeEmbeddingLossBackward", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y}, fixed: flags{1: true},
		k32: kernels[float32]{fwd: hingeForward32, bwd: hingeBackward32, sum: hingeSum32, fuse: hingeFuse32,
			p: param[float32]{A: float32(l.Margin)}},
		k64: kernels[float64]{fwd: hingeForward[float64], bwd: hingeBackward[float64], p: param[float64]{A: l.Margin}},
	}
	return e.run(c)
}

func hingeForward[T tensor.Float](out []T, in args[T], p param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		var v T
		if y[i] != 1 {
			v = max(p.A-x[i], 0)
		}
		if y[i] != -1 {
			v += x[i]
		}
		out[i] = v
	}
}

func hingeBackward[T tensor.Float](grad, in args[T], g upstream[T], p param[T]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	for i := range x {
		var d T
		if y[i] != 1 && p.A-x[i] >= 0 {
			d = -1
		}
		if y[i] != -1 {
			d++
		}
		gx[i] = d * g.At(i)
	}
}

// The float32 kernels choose between the branches on the target's value
// without a branch: each term's bits are kept or replaced by +0's by a
// select the compiler makes a conditional move, so a target of random ±1
// costs no mispredictions.

// hinge32 is the loss of x at target y: max(margin-x, 0) unless y is 1,
// plus x unless y is -1.
func hinge32(x, y, margin float32) float32 {
	hb, xb := math.Float32bits(max(margin-x, 0)), math.Float32bits(x)
	if y == 1 {
		hb = 0
	}
	if y == -1 {
		xb = 0
	}
	return math.Float32frombits(hb) + math.Float32frombits(xb)
}

// hingeGrad32 is the derivative of hinge32 with respect to x: -1 where
// the first term is taken and margin-x >= 0, plus 1 where the second is.
func hingeGrad32(x, y, margin float32) float32 {
	var lo, up, hi int32
	if y != 1 {
		lo = 1
	}
	if margin-x >= 0 {
		up = 1
	}
	if y != -1 {
		hi = 1
	}
	return float32(hi - lo&up)
}

func hingeForward32(out []float32, in args[float32], p param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = hinge32(x[i], y[i], p.A)
	}
}

func hingeBackward32(grad, in args[float32], g upstream[float32], p param[float32]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	gx = gx[:len(x)]
	if g.Per == nil {
		for i, v := range x {
			gx[i] = hingeGrad32(v, y[i], p.A) * g.S
		}
		return
	}
	per := g.Per[:len(x)]
	for i, v := range x {
		gx[i] = hingeGrad32(v, y[i], p.A) * per[i]
	}
}

// hingeSum32 is the sum of hinge32 over four accumulators.
func hingeSum32(in args[float32], p param[float32]) float64 {
	x := in[0]
	y, m := in[1][:len(x)], p.A
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		x4, y4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4])
		a += float64(hinge32(x4[0], y4[0], m))
		b += float64(hinge32(x4[1], y4[1], m))
		c += float64(hinge32(x4[2], y4[2], m))
		d += float64(hinge32(x4[3], y4[3], m))
	}
	for ; i < len(x); i++ {
		a += float64(hinge32(x[i], y[i], m))
	}
	return (a + b) + (c + d)
}

// hingeFuse32 is hingeSum32 writing the input's gradient as it goes.
func hingeFuse32(gx []float32, in args[float32], p param[float32], g float32) float64 {
	x := in[0]
	y, gx, m := in[1][:len(x)], gx[:len(x)], p.A
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		x4, y4, g4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4]), (*[4]float32)(gx[i:i+4])
		a += float64(hinge32(x4[0], y4[0], m))
		b += float64(hinge32(x4[1], y4[1], m))
		c += float64(hinge32(x4[2], y4[2], m))
		d += float64(hinge32(x4[3], y4[3], m))
		g4[0] = hingeGrad32(x4[0], y4[0], m) * g
		g4[1] = hingeGrad32(x4[1], y4[1], m) * g
		g4[2] = hingeGrad32(x4[2], y4[2], m) * g
		g4[3] = hingeGrad32(x4[3], y4[3], m) * g
	}
	for ; i < len(x); i++ {
		a += float64(hinge32(x[i], y[i], m))
		gx[i] = hingeGrad32(x[i], y[i], m) * g
	}
	return (a + b) + (c + d)
}
