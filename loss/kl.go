package loss

import (
	"errors"
	"math"

	"kt/internal/losskernel"
	"kt/internal/vmath"
	"kt/tensor"
)

// KLDiv is PyTorch's KLDivLoss of log-probabilities x and target y:
// y·(log y - x), where y = 0 contributes 0 (xlogy), or with LogTarget
// e^y·(y - x). Reduction may be BatchMean, the sum divided by the size of
// the input's first dimension (mean divides by the element count, which
// PyTorch warns is not the KL divergence). Input and target broadcast;
// both get gradients, the target's being NaN where it is 0, as PyTorch's.
type KLDiv struct {
	LogTarget bool
	Reduction Reduction
}

// NewKLDiv returns KLDivLoss with PyTorch's defaults: log_target false,
// reduction mean.
func NewKLDiv() KLDiv { return KLDiv{Reduction: Mean} }

// Name returns "kl".
func (KLDiv) Name() string { return "kl" }

// Forward computes the loss of input and target.
func (l KLDiv) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("kl", in, 2, 2); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	if !x.DType().IsFloat() || !y.DType().IsFloat() {
		return nil, errors.New("kl_div: Integral inputs not supported.")
	}
	shape, err := broadcast(y, x)
	if err != nil {
		return nil, err
	}
	e := elementwise{
		node: "KlDivBackward0", reduction: l.Reduction, dtype: tensor.ResultType(x, y), shape: shape,
		inputs: tensors{x, y},
	}
	if l.Reduction == BatchMean {
		e.batch = 1
		if x.Dim() > 0 {
			e.batch = x.Size(0)
		}
		if e.batch == 0 {
			e.batch = -1 // the divisor is 0: PyTorch's NaN
		}
	}
	if l.LogTarget {
		e.k32 = kernels[float32]{fwd: klLogForward[float32], bwd: klLogBackward[float32]}
		e.k64 = kernels[float64]{fwd: klLogForward[float64], bwd: klLogBackward[float64]}
	} else {
		e.k32 = kernels[float32]{fwd: klForward32, bwd: klBackward[float32], sum: klSum32, fuse: klFuse32}
		e.k64 = kernels[float64]{fwd: klForward[float64], bwd: klBackward[float64]}
	}
	return e.run(c)
}

// xlogy returns y·log y, 0 where y is 0 (NaN stays NaN).
func xlogy[T tensor.Float](y T) T {
	if y == 0 {
		return 0
	}
	return y * log(y)
}

func klForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = xlogy(y[i]) - y[i]*x[i]
	}
}

// klBackward: d/dx = -y; d/dy = log y + y/y - x (the autograd of xlogy(y,
// y): NaN at y = 0).
func klBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		if gx != nil {
			gx[i] = -y[i] * gi
		}
		if gy != nil {
			var lg T
			if y[i] != 0 {
				lg = log(y[i])
			}
			gy[i] = lg*gi + y[i]/y[i]*gi - x[i]*gi
		}
	}
}

func klLogForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = exp(y[i]) * (y[i] - x[i])
	}
}

// klLogBackward: d/dx = -e^y; d/dy = e^y·(y - x) + e^y.
func klLogBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y := in[0], in[1][:len(in[0])]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		ey := exp(y[i])
		if gx != nil {
			gx[i] = -ey * gi
		}
		if gy != nil {
			gy[i] = ey*gi*(y[i]-x[i]) + ey*gi
		}
	}
}

// klForward32 is klForward on float32, the logarithms a chunk at a time
// to float32 precision (losskernel.LogTo32).
func klForward32(out []float32, in args[float32], _ param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for j := 0; j < len(out); j += chunk {
		o := out[j:min(j+chunk, len(out))]
		xs, ys := x[j:j+len(o)], y[j:j+len(o)]
		losskernel.LogTo32(o, ys)
		for i := losskernel.KLVec(o, ys, xs); i < len(o); i++ {
			v := ys[i]
			var xl float32 // xlogy: 0 where y is 0
			if v != 0 {
				xl = v * o[i]
			}
			o[i] = xl - v*xs[i]
		}
	}
}

// klFuse32 is klForward32 summed, writing the input's gradient -y·g as it
// goes: in plain Go one loop (klFusePlain); in the SIMD build whole
// vectors with losskernel.KLFuseVec first, then a chunk at a time.
func klFuse32(gx []float32, in args[float32], _ param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	if losskernel.KLPlain {
		return klFusePlain(gx, x, y, g)
	}
	s := 0.0
	for {
		sv, n, more := losskernel.KLFuseVec(nil, gx, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += klFuseChunks(gx[:8], x[:8], y[:8], g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + klFuseChunks(gx, x, y, g)
}

// klFuseChunks is klFuse32 a chunk at a time.
func klFuseChunks(gx, x, y []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	var buf [chunk]float32
	s := 0.0
	for j := 0; j < len(x); j += chunk {
		ys := y[j:min(j+chunk, len(x))]
		xs, o, gs := x[j:j+len(ys)], buf[:len(ys)], gx[j:j+len(ys)]
		klForward32(o, args[float32]{xs, ys}, param[float32]{})
		s += sum64(o)
		for i := losskernel.NegScaleVec(gs, ys, g); i < len(ys); i++ {
			gs[i] = -ys[i] * g
		}
	}
	return s
}

// klSum32 is klForward32 summed in float64: in plain Go one loop
// (klSumPlain); in the SIMD build whole vectors with losskernel.KLFuseVec first,
// then the forward through a scratch chunk.
func klSum32(in args[float32], p param[float32]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	if losskernel.KLPlain {
		return klSumPlain(x, y)
	}
	s := 0.0
	for {
		sv, n, more := losskernel.KLFuseVec(nil, nil, x, y, 0, true)
		s += sv
		x, y = x[n:], y[n:]
		if !more {
			break
		}
		var o [8]float32
		klForward32(o[:], args[float32]{x[:8], y[:8]}, p)
		s += sum64(o[:])
		x, y = x[8:], y[8:]
	}
	var buf [chunk]float32
	for j := 0; j < len(x); j += chunk {
		o := buf[:min(chunk, len(x)-j)]
		klForward32(o, args[float32]{x[j:], y[j:]}, p)
		s += sum64(o)
	}
	return s
}

// klFusePlain is klFuse32 in one loop: each element's term y·log y -
// y·x, its float64 sum and the gradient -y·g as it goes, with no scratch
// chunk and no further pass (plain Go's form, see losskernel.KLPlain). The terms
// are klForward32's bit for bit: the logarithm is log24To32's, taken on
// y's float32 bits as described below, inline (a call would put the
// loop's variables on the stack), and y·log y is 0 where y is 0; a y
// that is not a positive normal finite float32 takes klTermOdd.
func klFusePlain(gx, x, y []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	c := klConst
	ng := -g
	var s float64
	for i, v := range y {
		var t float32
		if b := math.Float32bits(v); b-0x800000 < 0x7f000000 {
			b2 := b + 1<<14
			e := &vmath.LogTab[b2>>15&255]
			r := float64(math.Float32frombits(b-b2&0x7f800000+0x3f800000))*e[1] - c.one
			t = v*float32((logExp2[b2>>23&255]+e[0])+r*(c.one-r*(c.half-r*c.third))) - v*x[i]
		} else {
			t = klTermOdd(x[i], v)
		}
		s += float64(t)
		gx[i] = v * ng
	}
	return s
}

// klSumPlain is klSum32 in one loop (see klFusePlain).
func klSumPlain(x, y []float32) float64 {
	y = y[:len(x)]
	c := klConst
	var s float64
	for i, v := range y {
		var t float32
		if b := math.Float32bits(v); b-0x800000 < 0x7f000000 {
			b2 := b + 1<<14
			e := &vmath.LogTab[b2>>15&255]
			r := float64(math.Float32frombits(b-b2&0x7f800000+0x3f800000))*e[1] - c.one
			t = v*float32((logExp2[b2>>23&255]+e[0])+r*(c.one-r*(c.half-r*c.third))) - v*x[i]
		} else {
			t = klTermOdd(x[i], v)
		}
		s += float64(t)
	}
	return s
}

// The one-loop kernels take log y for a positive normal finite float32
// y = 2**e·m from its bits as logSplit does from the float64's: b + 2**14
// rounds the mantissa to the nearest 256th (carrying into the exponent),
// whose top 8 bits index logTab; the mantissa with the exponent cleared
// is m, exact in float32; e·ln2 comes from logExp2, as logSplit's
// float64(e)·ln2 rounds it. The series' constants are variables
// (klConst), which the loops keep in registers.

// logExp2[e] is (e-127)·ln2, the logarithm of a float32's power of two
// for its biased exponent e.
var logExp2 = func() (t [256]float64) {
	for e := range t {
		t[e] = float64(e-127) * math.Ln2
	}
	return t
}()

// klConst holds log1pSeries' constants.
var klConst = struct{ one, half, third float64 }{1, 0.5, 1.0 / 3}

// klTermOdd is klForward32's term y·log y - y·x for a y that is not a
// positive normal finite float32: subnormal (through logSplit, as
// log24To32), zero (0 - y·x), negative, +Inf or NaN (vmath.LogSpecial).
func klTermOdd(x, y float32) float32 {
	var xl float32
	switch {
	case y > 0 && y <= math.MaxFloat32:
		k, r := vmath.LogSplit(float64(y))
		xl = y * float32(k+vmath.Log1pSeries(r))
	case y != 0:
		xl = y * float32(vmath.LogSpecial(float64(y)))
	}
	return xl - y*x
}
