package loss

import (
	"fmt"
	"math"

	"kt/internal/losskernel"
	"kt/tensor"
)

// BCEWithLogits is PyTorch's BCEWithLogitsLoss on logits x and targets y:
// -w·(p·y·log σ(x) + (1-y)·log(1-σ(x))), computed stably, reduced.
// PosWeight (PyTorch's pos_weight, ktorch's class weight option) weighs
// the positive term; Forward's optional third tensor is the per-element
// weight (PyTorch's weight, ktorch's batch weight). Both broadcast to the
// input. Input and target have the same shape; both get gradients.
type BCEWithLogits struct {
	PosWeight *tensor.Tensor // nil: none
	Reduction Reduction
}

// NewBCEWithLogits returns BCEWithLogitsLoss with PyTorch's defaults: no
// pos_weight, reduction mean.
func NewBCEWithLogits() BCEWithLogits { return BCEWithLogits{Reduction: Mean} }

// Name returns "bcelogits".
func (BCEWithLogits) Name() string { return "bcelogits" }

// Forward computes the loss of input, target and the optional weight.
func (l BCEWithLogits) Forward(c *tensor.Ctx, in ...*tensor.Tensor) (*tensor.Tensor, error) {
	if err := arity("bcelogits", in, 2, 3); err != nil {
		return nil, err
	}
	x, y := in[0], in[1]
	var w *tensor.Tensor
	if len(in) == 3 {
		w = in[2]
	}
	if !y.SameShapeAs(x) {
		return nil, fmt.Errorf("Target size (%s) must be the same as input size (%s)", tensor.TorchSize(y.Shape()), tensor.TorchSize(x.Shape()))
	}
	var shape []int // nil: every tensor has the input's shape
	pw := l.PosWeight
	if (pw != nil && !pw.SameShapeAs(x)) || (w != nil && !w.SameShapeAs(x)) {
		shape = x.Shape()
	}
	if pw != nil && shape != nil {
		// ATen computes (pos_weight - 1)·target first.
		if _, err := tensor.BroadcastShapes(pw.Shape(), shape); err != nil {
			return nil, err
		}
		if err := weightShape(shape, pw.Shape()); err != nil {
			return nil, err
		}
	}
	if w != nil && shape != nil {
		if err := weightShape(shape, w.Shape()); err != nil {
			return nil, err
		}
	}
	d := tensor.ResultType(x, y, w, pw)
	out := y.DType() // PyTorch computes in place in a tensor of the target's type
	if !d.IsFloat() || !out.IsFloat() {
		return nil, castError(tensor.Float32, out)
	}
	e := elementwise{
		node: "BinaryCrossEntropyWithLogitsBackward0", reduction: l.Reduction, dtype: d, shape: shape, out: out, castOut: true,
		inputs: tensors{x, y, w, pw}, fixed: flags{2: true, 3: true},
		k32: kernels[float32]{fwd: bceLogitsForward32, bwd: bceLogitsBackward32, sum: bceLogitsSum32, fuse: bceLogitsFuse32},
		k64: kernels[float64]{fwd: bceLogitsForward[float64], bwd: bceLogitsBackward[float64]},
	}
	if d == tensor.Float64 && x.DType() == tensor.Float32 && y.DType() == tensor.Float32 {
		// A float64 weight promotes the arithmetic, but ATen still works out
		// the softplus term and (1-y)·x on the float32 input, rounding each
		// step; only the weighting is in float64.
		e.k64.fwd = bceLogitsForwardMixed
	}
	return e.run(c)
}

// bceLogitsForward follows ATen: with m = max(-x, 0),
// (1-y)·x + lw·(log(e^-m + e^(-x-m)) + m), lw = 1 + (p-1)·y.
func bceLogitsForward[T tensor.Float](out []T, in args[T], _ param[T]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	for i := range out {
		m := max(-x[i], 0)
		sp := log(exp(-m)+exp(-x[i]-m)) + m
		if pw != nil {
			sp *= (pw[i]-1)*y[i] + 1
		}
		v := (1-y[i])*x[i] + sp
		if w != nil {
			v *= w[i]
		}
		out[i] = v
	}
}

// bceLogitsForwardMixed is bceLogitsForward for float32 input and target
// with a float64 weight: the terms ATen computes on the input's own type
// are rounded to float32 as it rounds them.
func bceLogitsForwardMixed(out []float64, in args[float64], _ param[float64]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	for i := range out {
		xi, yi := float32(x[i]), float32(y[i])
		m := max(-xi, 0)
		sp := float64(log(exp(-m)+exp(-xi-m)) + m)
		lw := 1.0
		if pw != nil {
			lw = (pw[i]-1)*y[i] + 1
		}
		v := float64(float32(float64((1-yi)*xi) + lw*sp))
		if w != nil {
			v *= w[i]
		}
		out[i] = v
	}
}

// bceLogitsBackward: d/dx = (p·y + 1 - y)·σ(x) - p·y; d/dy = -x, or with
// pos_weight log σ(-x) - p·log σ(x).
func bceLogitsBackward[T tensor.Float](grad, in args[T], g upstream[T], _ param[T]) {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx, gy := grad[0], grad[1]
	for i := range x {
		gi := g.At(i)
		if w != nil {
			gi *= w[i]
		}
		if gx != nil {
			s := 1 / (1 + exp(-x[i]))
			if pw != nil {
				t := pw[i] * y[i]
				gx[i] = ((t+1-y[i])*s - t) * gi
			} else {
				gx[i] = (s - y[i]) * gi
			}
		}
		if gy != nil {
			if pw != nil {
				gy[i] = (logSigmoid(-x[i]) - logSigmoid(x[i])*pw[i]) * gi
			} else {
				gy[i] = -x[i] * gi
			}
		}
	}
}

// logSigmoid returns log σ(v) = -log(1 + e^-v), computed stably.
func logSigmoid[T tensor.Float](v T) T {
	m := max(-v, 0)
	return -(m + log(exp(-m)+exp(-v-m)))
}

// bceLogitsForward32 is bceLogitsForward on float32, a chunk at a time
// (bceLogitsChunk), its exponentials kept in a scratch chunk.
func bceLogitsForward32(out []float32, in args[float32], _ param[float32]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	if w == nil && pw == nil {
		var e [8]float32
		for {
			_, n, more := losskernel.BCELogitsVec(out, nil, nil, x, y, 0, false)
			out, x, y = out[n:], x[n:], y[n:]
			if !more {
				break
			}
			bceLogitsChunk(out[:8], e[:], x, y, nil, nil)
			out, x, y = out[8:], x[8:], y[8:]
		}
	}
	var e [chunk]float32
	for j := 0; j < len(out); j += chunk {
		o := out[j:min(j+chunk, len(out))]
		bceLogitsChunk(o, e[:len(o)], x[j:], y[j:], part(w, j, j+len(o)), part(pw, j, j+len(o)))
	}
}

// bceLogitsChunk writes the losses of up to a chunk of elements to o and
// e^-|x| to e (as long as o; x and y at least as long, w and pw nil or as
// long). One of ATen's two exponentials is e^0 = 1 (m is 0 or -x), so
// the softplus term is log(1 + e^-|x|) + m, each step rounded to float32
// as ATen rounds it.
func bceLogitsChunk(o, e, x, y, w, pw []float32) {
	if w == nil && pw == nil && losskernel.PlainLogits {
		losskernel.BCELogitsPlain(o, e, x, y)
		return
	}
	e, x, y = e[:len(o)], x[:len(o)], y[:len(o)]
	for i, v := range x {
		e[i] = -losskernel.Abs32(v)
	}
	losskernel.ExpTo32(e, e)
	losskernel.LogOnePlus32(o, e)
	for i, v := range x {
		sp := o[i] + max(-v, 0)
		if pw != nil {
			sp *= (pw[i]-1)*y[i] + 1
		}
		l := (1-y[i])*v + sp
		if w != nil {
			l *= w[i]
		}
		o[i] = l
	}
}

// sigmoid32 returns σ(x) given e = e^-|x|: 1/(1+e) for x >= 0 and
// e/(1+e) below, the numerator chosen without a branch.
func sigmoid32(x, e float32) float32 {
	n := math.Float32bits(e)
	if x >= 0 {
		n = 0x3f800000 // 1
	}
	return math.Float32frombits(n) / (1 + e)
}

// bceLogitsBackward32 is bceLogitsBackward on float32 without
// pos_weight: the input's gradient (σ(x) - y)·w·g from the exponentials
// e^-|x|, which go through the gradient's own chunk first (sigmoid32),
// and the target's -x·w·g. With pos_weight it takes the scalar kernel.
func bceLogitsBackward32(grad, in args[float32], g upstream[float32], p param[float32]) {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx := grad[0]
	if w != nil || pw != nil || gx == nil {
		bceLogitsBackChunks(grad, in, g, p)
		return
	}
	gx = gx[:len(x)]
	g0 := g
	for {
		_, n, more := losskernel.BCELogitsVec(nil, gx, g.Per, x, y, g.S, false)
		x, y, gx, g = x[n:], y[n:], gx[n:], g.Sub(n, len(x))
		if !more {
			break
		}
		bceLogitsBackChunks(args[float32]{gx[:8]}, args[float32]{x[:8], y[:8]}, g.Sub(0, 8), p)
		x, y, gx, g = x[8:], y[8:], gx[8:], g.Sub(8, len(x))
	}
	bceLogitsBackChunks(args[float32]{gx}, args[float32]{x, y}, g, p)
	if grad[1] != nil {
		bceLogitsBackChunks(args[float32]{nil, grad[1]}, in, g0, p)
	}
}

// bceLogitsBackChunks is bceLogitsBackward32 a chunk at a time.
func bceLogitsBackChunks(grad, in args[float32], g upstream[float32], p param[float32]) {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx, gy := grad[0], grad[1]
	if pw != nil {
		bceLogitsBackward(grad, in, g, p)
		return
	}
	for j := 0; j < len(x); j += chunk {
		k := min(chunk, len(x)-j)
		xs, ys, u := x[j:j+k], y[j:j+k], g.Sub(j, j+k)
		if gy != nil {
			o := gy[j : j+k]
			for i, v := range xs {
				gi := u.At(i)
				if w != nil {
					gi *= w[j+i]
				}
				o[i] = -v * gi
			}
		}
		if gx == nil {
			continue
		}
		o := gx[j : j+k]
		for i, v := range xs {
			o[i] = -losskernel.Abs32(v)
		}
		losskernel.ExpTo32(o, o)
		for i, v := range xs {
			gi := u.At(i)
			if w != nil {
				gi *= w[j+i]
			}
			o[i] = (sigmoid32(v, o[i]) - ys[i]) * gi
		}
	}
}

// bceLogitsFuse32 is bceLogitsForward32 summed, writing the input's
// gradient as bceLogitsBackward32 does from the same exponentials, which
// it keeps in the gradient's chunk. Without weights, whole vectors go to
// losskernel.BCELogitsVec first (in the SIMD build), as in bceLogitsForward32 and
// bceLogitsBackward32. With pos_weight, it runs the two
// kernels one after the other.
func bceLogitsFuse32(gx []float32, in args[float32], p param[float32], g float32) float64 {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx = gx[:len(x)]
	if w != nil || pw != nil {
		return bceLogitsFuseChunks(gx, in, p, g)
	}
	s := 0.0
	for {
		sv, n, more := losskernel.BCELogitsVec(nil, gx, nil, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += bceLogitsFuseChunks(gx[:8], args[float32]{x[:8], y[:8]}, p, g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + bceLogitsFuseChunks(gx, args[float32]{x, y}, p, g)
}

// bceLogitsFuseChunks is bceLogitsFuse32 a chunk at a time.
func bceLogitsFuseChunks(gx []float32, in args[float32], p param[float32], g float32) float64 {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx = gx[:len(x)]
	s := 0.0
	if w == nil && pw == nil && losskernel.PlainLogits {
		// the same bits as the passes below, in one pass a chunk
		for j := 0; j < len(x); j += chunk {
			k := min(chunk, len(x)-j)
			s += losskernel.BCELogitsPlainFuse(gx[j:j+k], x[j:j+k], y[j:j+k], g)
		}
		return s
	}
	var buf [chunk]float32
	for j := 0; j < len(x); j += chunk {
		e := gx[j:min(j+chunk, len(x))]
		k := len(e)
		o, ws, pws := buf[:k], part(w, j, j+k), part(pw, j, j+k)
		bceLogitsChunk(o, e, x[j:], y[j:], ws, pws)
		s += sum64(o)
		xs, ys := x[j:j+k], y[j:j+k]
		if pws != nil {
			bceLogitsBackward(args[float32]{e}, args[float32]{xs, ys, ws, pws}, upstream[float32]{S: g}, p)
			continue
		}
		for i, v := range xs {
			gi := g
			if ws != nil {
				gi *= ws[i]
			}
			e[i] = (sigmoid32(v, e[i]) - ys[i]) * gi
		}
	}
	return s
}

// bceLogitsSum32 is bceLogitsForward32 summed in float64: without
// weights, losskernel.BCELogitsVec's sums of whole vectors (in the SIMD build),
// and the forward through a scratch chunk for the rest.
func bceLogitsSum32(in args[float32], p param[float32]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	s := 0.0
	if in[2] == nil && in[3] == nil {
		for {
			sv, n, more := losskernel.BCELogitsVec(nil, nil, nil, x, y, 0, true)
			s += sv
			x, y = x[n:], y[n:]
			if !more || len(x) < 8 {
				break
			}
			// a vector beyond the vector kernel's range: through the
			// forward below
			var o [8]float32
			bceLogitsForward32(o[:], args[float32]{x[:8], y[:8]}, p)
			s += sum64(o[:])
			x, y = x[8:], y[8:]
		}
		in = args[float32]{x, y}
		if losskernel.PlainLogits {
			// losskernel.BCELogitsPlain, summed as it goes
			var e [chunk]float32
			for j := 0; j < len(x); j += chunk {
				k := min(chunk, len(x)-j)
				s += losskernel.BCELogitsPlainSum(e[:k], x[j:j+k], y[j:j+k])
			}
			return s
		}
	}
	var buf [chunk]float32
	for j := 0; j < len(x); j += chunk {
		o := buf[:min(chunk, len(x)-j)]
		bceLogitsForward32(o, in.Sub(j, j+len(o)), p)
		s += sum64(o)
	}
	return s
}
