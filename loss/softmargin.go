package loss

import (
	"kt/internal/losskernel"
	"kt/tensor"
)

// SoftMargin is PyTorch's SoftMarginLoss: log(1 + e^(-y·x)), reduced.
// Input and target broadcast to the input's shape; the output has the
// input's type and only the input gets a gradient. In float32, y·x = -100
// overflows: the loss is inf and the gradient NaN, as in PyTorch.
type SoftMargin struct {
	Reduction Reduction
}

// NewSoftMargin returns SoftMarginLoss with PyTorch's default reduction,
// mean.
func NewSoftMargin() SoftMargin { return SoftMargin{Reduction: Mean} }

// Name returns "softmargin".
func (SoftMargin) Name() string { return "softmargin" }

// Forward computes the loss of input and target.
func (l SoftMargin) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	x, y, shape, err := pair("softmargin", in)
	if err != nil {
		return nil, err
	}
	d := x.DType()
	if r := tensor.ResultType(x, y); !d.IsFloat() || !r.IsFloat() {
		return nil, castError(tensor.Float32, d)
	}
	if shape != nil {
		if err := weightShape(x.Shape(), y.Shape()); err != nil {
			return nil, err
		}
	}
	e := elementwise{
		node: "SoftMarginLossBackward0", reduction: l.Reduction, dtype: d, shape: shape,
		inputs: tensors{x, y}, fixed: flags{1: true},
		k32: kernels[float32]{fwd: softMarginForward32, bwd: softMarginBackward32, sum: softMarginSum32, fuse: softMarginFuse32},
		k64: kernels[float64]{fwd: softMarginForward[float64], bwd: softMarginBackward[float64]},
	}
	return e.run(c)
}

func softMarginForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = log1p(exp(-x[i] * y[i]))
	}
}

// softMarginBackward: with z = e^(-y·x), d/dx = -y·z/(1+z).
func softMarginBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	for i := range x {
		z := exp(-y[i] * x[i])
		gx[i] = -(y[i] * z) / (1 + z) * g.At(i)
	}
}

// The float32 kernels follow ATen's rounding: t = -x·y in float32, then
// log1p(exp(t)) and, for the gradient, -y·z/(1+z) with z = exp(t). In
// the tables' range they take the tables of losskernel (elementwise_softplus.go), softplus(t) and
// z/(1+z) = σ(t), within a unit of float32 of those values; beyond it
// (where the float32 rounding of z shows, and +Inf and NaN appear) they
// compute z as ATen does, in a second pass. The fuse and backward
// kernels take whole vectors of elements in the tables' range with
// losskernel.SoftMarginVec first, in the SIMD build on a CPU with AVX2 and FMA.

// softMarginForward32 is softMarginForward on float32.
func softMarginForward32(out []float32, in args[float32], _ param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	var bad uint64
	for i := range out {
		k, h := losskernel.SpArg(float64(x[i]*y[i]) * -8)
		bad |= k
		out[i] = float32(losskernel.SpPoly(&losskernel.SpTab[k&(losskernel.SpRows-1)], h))
	}
	if bad < losskernel.SpRows {
		return
	}
	for i := range out {
		if k, _ := losskernel.SpArg(float64(x[i]*y[i]) * -8); k >= losskernel.SpRows {
			out[i] = losskernel.SoftplusSlow(-x[i] * y[i])
		}
	}
}

// softMarginSum32 is softMarginForward32 summed in float64: whole
// vectors through losskernel.SoftMarginVec (in the SIMD build), the rest on the
// tables.
func softMarginSum32(in args[float32], _ param[float32]) float64 {
	x := in[0]
	y := in[1][:len(x)]
	s := 0.0
	for {
		sv, n, more := losskernel.SoftMarginSumVec(x, y)
		s += sv
		x, y = x[n:], y[n:]
		if !more {
			break
		}
		s += softMarginSumTable(x[:8], y[:8])
		x, y = x[8:], y[8:]
	}
	return s + softMarginSumTable(x, y)
}

// softMarginSumTable is softMarginSum32 on the tables alone.
func softMarginSumTable(x, y []float32) float64 {
	y = y[:len(x)]
	var s0, s1 float64
	var bad uint64
	i := 0
	for ; i+2 <= len(x); i += 2 {
		k, h := losskernel.SpArg(float64(x[i]*y[i]) * -8)
		j, u := losskernel.SpArg(float64(x[i+1]*y[i+1]) * -8)
		bad |= k | j
		s0 += losskernel.SpPoly(&losskernel.SpTab[k&(losskernel.SpRows-1)], h)
		s1 += losskernel.SpPoly(&losskernel.SpTab[j&(losskernel.SpRows-1)], u)
	}
	if i < len(x) {
		k, h := losskernel.SpArg(float64(x[i]*y[i]) * -8)
		bad |= k
		s0 += losskernel.SpPoly(&losskernel.SpTab[k&(losskernel.SpRows-1)], h)
	}
	if bad < losskernel.SpRows {
		return s0 + s1
	}
	s := 0.0
	for i, v := range x {
		k, h := losskernel.SpArg(float64(v*y[i]) * -8)
		if k < losskernel.SpRows {
			s += losskernel.SpPoly(&losskernel.SpTab[k], h)
		} else {
			s += float64(losskernel.SoftplusSlow(-v * y[i]))
		}
	}
	return s
}

// softMarginFuse32 is softMarginSum32 writing the input's gradient
// -y·σ(t)·g as it goes.
func softMarginFuse32(gx []float32, in args[float32], _ param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	s := 0.0
	for {
		sv, n, more := losskernel.SoftMarginVec(gx, nil, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += softMarginFuseTable(gx[:8], x[:8], y[:8], g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + softMarginFuseTable(gx, x, y, g)
}

// softMarginFuseTable is softMarginFuse32 on the tables alone.
func softMarginFuseTable(gx, x, y []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	ng := -float64(g)
	var s, s1 float64
	var bad uint64
	i := 0
	for ; i+2 <= len(x); i += 2 { // two independent elements a step
		w, w1 := y[i], y[i+1]
		k, h := losskernel.SpArg(float64(x[i]*w) * -8)
		k1, h1 := losskernel.SpArg(float64(x[i+1]*w1) * -8)
		bad |= k | k1
		k &= losskernel.SpRows - 1
		k1 &= losskernel.SpRows - 1
		s += losskernel.SpPoly(&losskernel.SpTab[k], h)
		s1 += losskernel.SpPoly(&losskernel.SpTab[k1], h1)
		gx[i] = float32(float64(w) * losskernel.SpPoly(&losskernel.SigTab[k], h) * ng)
		gx[i+1] = float32(float64(w1) * losskernel.SpPoly(&losskernel.SigTab[k1], h1) * ng)
	}
	if i < len(x) {
		w := y[i]
		k, h := losskernel.SpArg(float64(x[i]*w) * -8)
		bad |= k
		k &= losskernel.SpRows - 1
		s += losskernel.SpPoly(&losskernel.SpTab[k], h)
		gx[i] = float32(float64(w) * losskernel.SpPoly(&losskernel.SigTab[k], h) * ng)
	}
	if bad < losskernel.SpRows {
		return s + s1
	}
	s = 0
	for i, v := range x {
		k, h := losskernel.SpArg(float64(v*y[i]) * -8)
		if k < losskernel.SpRows {
			s += losskernel.SpPoly(&losskernel.SpTab[k], h)
			continue
		}
		t := -v * y[i]
		s += float64(losskernel.SoftplusSlow(t))
		z := losskernel.ExpSlow(t)
		gx[i] = -(y[i] * z) / (1 + z) * g
	}
	return s
}

// softMarginBackward32 is softMarginBackward on float32.
func softMarginBackward32(grad, in args[float32], g upstream[float32], _ param[float32]) {
	x, y, gx := in[0], in[1][:len(in[0])], grad[0]
	if gx == nil {
		return
	}
	gx = gx[:len(x)]
	for {
		_, n, more := losskernel.SoftMarginVec(gx, g.Per, x, y, g.S, false)
		x, y, gx, g = x[n:], y[n:], gx[n:], g.Sub(n, len(x))
		if !more {
			break
		}
		softMarginBackTable(gx[:8], x[:8], y[:8], g.Sub(0, 8))
		x, y, gx, g = x[8:], y[8:], gx[8:], g.Sub(8, len(x))
	}
	softMarginBackTable(gx, x, y, g)
}

// softMarginBackTable is softMarginBackward32 on the tables alone.
func softMarginBackTable(gx, x, y []float32, g upstream[float32]) {
	y, gx = y[:len(x)], gx[:len(x)]
	var bad uint64
	for i, v := range x {
		w := y[i]
		k, h := losskernel.SpArg(float64(v*w) * -8)
		bad |= k
		gx[i] = float32(-float64(w) * losskernel.SpPoly(&losskernel.SigTab[k&(losskernel.SpRows-1)], h) * float64(g.At(i)))
	}
	if bad < losskernel.SpRows {
		return
	}
	for i, v := range x {
		if k, _ := losskernel.SpArg(float64(v*y[i]) * -8); k >= losskernel.SpRows {
			z := losskernel.ExpSlow(-v * y[i])
			gx[i] = -(y[i] * z) / (1 + z) * g.At(i)
		}
	}
}
