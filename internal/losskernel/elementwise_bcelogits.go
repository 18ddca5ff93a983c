package losskernel

import (
	"math"
)

// BCELogitsForward32 is loss's bceLogitsForward on float32, a chunk at a time
// (BCELogitsChunk), its exponentials kept in a scratch chunk.
func BCELogitsForward32(out []float32, in Args[float32], _ Param[float32]) {
	x, y, w, pw := in[0][:len(out)], in[1][:len(out)], in[2], in[3]
	if w == nil && pw == nil {
		var e [8]float32
		for {
			_, n, more := BCELogitsVec(out, nil, nil, x, y, 0, false)
			out, x, y = out[n:], x[n:], y[n:]
			if !more {
				break
			}
			BCELogitsChunk(out[:8], e[:], x, y, nil, nil)
			out, x, y = out[8:], x[8:], y[8:]
		}
	}
	var e [Chunk]float32
	for j := 0; j < len(out); j += Chunk {
		o := out[j:min(j+Chunk, len(out))]
		BCELogitsChunk(o, e[:len(o)], x[j:], y[j:], Part(w, j, j+len(o)), Part(pw, j, j+len(o)))
	}
}

// BCELogitsChunk writes the losses of up to a chunk of elements to o and
// e^-|x| to e (as long as o; x and y at least as long, w and pw nil or as
// long). One of ATen's two exponentials is e^0 = 1 (m is 0 or -x), so
// the softplus term is log(1 + e^-|x|) + m, each step rounded to float32
// as ATen rounds it.
func BCELogitsChunk(o, e, x, y, w, pw []float32) {
	if w == nil && pw == nil && PlainLogits {
		BCELogitsPlain(o, e, x, y)
		return
	}
	e, x, y = e[:len(o)], x[:len(o)], y[:len(o)]
	for i, v := range x {
		e[i] = -Abs32(v)
	}
	ExpTo32(e, e)
	LogOnePlus32(o, e)
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

// BCELogitsBackward32 is BCELogitsBackward on float32 without
// pos_weight: the input's gradient (σ(x) - y)·w·g from the exponentials
// e^-|x|, which go through the gradient's own chunk first (sigmoid32),
// and the target's -x·w·g. With pos_weight it takes the scalar kernel.
func BCELogitsBackward32(grad, in Args[float32], g Upstream[float32], p Param[float32]) {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx := grad[0]
	if w != nil || pw != nil || gx == nil {
		bceLogitsBackChunks(grad, in, g, p)
		return
	}
	gx = gx[:len(x)]
	g0 := g
	for {
		_, n, more := BCELogitsVec(nil, gx, g.Per, x, y, g.S, false)
		x, y, gx, g = x[n:], y[n:], gx[n:], g.Sub(n, len(x))
		if !more {
			break
		}
		bceLogitsBackChunks(Args[float32]{gx[:8]}, Args[float32]{x[:8], y[:8]}, g.Sub(0, 8), p)
		x, y, gx, g = x[8:], y[8:], gx[8:], g.Sub(8, len(x))
	}
	bceLogitsBackChunks(Args[float32]{gx}, Args[float32]{x, y}, g, p)
	if grad[1] != nil {
		bceLogitsBackChunks(Args[float32]{nil, grad[1]}, in, g0, p)
	}
}

// bceLogitsBackChunks is BCELogitsBackward32 a chunk at a time.
func bceLogitsBackChunks(grad, in Args[float32], g Upstream[float32], p Param[float32]) {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx, gy := grad[0], grad[1]
	if pw != nil {
		BCELogitsBackward(grad, in, g, p)
		return
	}
	for j := 0; j < len(x); j += Chunk {
		k := min(Chunk, len(x)-j)
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
			o[i] = -Abs32(v)
		}
		ExpTo32(o, o)
		for i, v := range xs {
			gi := u.At(i)
			if w != nil {
				gi *= w[j+i]
			}
			o[i] = (sigmoid32(v, o[i]) - ys[i]) * gi
		}
	}
}

// BCELogitsFuse32 is BCELogitsForward32 summed, writing the input's
// gradient as BCELogitsBackward32 does from the same exponentials, which
// it keeps in the gradient's chunk. Without weights, whole vectors go to
// BCELogitsVec first (in the SIMD build), as in BCELogitsForward32 and
// BCELogitsBackward32. With pos_weight, it runs the two
// kernels one after the other.
func BCELogitsFuse32(gx []float32, in Args[float32], p Param[float32], g float32) float64 {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx = gx[:len(x)]
	if w != nil || pw != nil {
		return bceLogitsFuseChunks(gx, in, p, g)
	}
	s := 0.0
	for {
		sv, n, more := BCELogitsVec(nil, gx, nil, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += bceLogitsFuseChunks(gx[:8], Args[float32]{x[:8], y[:8]}, p, g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + bceLogitsFuseChunks(gx, Args[float32]{x, y}, p, g)
}

// bceLogitsFuseChunks is BCELogitsFuse32 a chunk at a time.
func bceLogitsFuseChunks(gx []float32, in Args[float32], p Param[float32], g float32) float64 {
	x, y, w, pw := in[0], in[1][:len(in[0])], in[2], in[3]
	gx = gx[:len(x)]
	s := 0.0
	if w == nil && pw == nil && PlainLogits {
		// the same bits as the passes below, in one pass a chunk
		for j := 0; j < len(x); j += Chunk {
			k := min(Chunk, len(x)-j)
			s += BCELogitsPlainFuse(gx[j:j+k], x[j:j+k], y[j:j+k], g)
		}
		return s
	}
	var buf [Chunk]float32
	for j := 0; j < len(x); j += Chunk {
		e := gx[j:min(j+Chunk, len(x))]
		k := len(e)
		o, ws, pws := buf[:k], Part(w, j, j+k), Part(pw, j, j+k)
		BCELogitsChunk(o, e, x[j:], y[j:], ws, pws)
		s += Sum64(o)
		xs, ys := x[j:j+k], y[j:j+k]
		if pws != nil {
			BCELogitsBackward(Args[float32]{e}, Args[float32]{xs, ys, ws, pws}, Upstream[float32]{S: g}, p)
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

// BCELogitsSum32 is BCELogitsForward32 summed in float64: without
// weights, BCELogitsVec's sums of whole vectors (in the SIMD build),
// and the forward through a scratch chunk for the rest.
func BCELogitsSum32(in Args[float32], p Param[float32]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	s := 0.0
	if in[2] == nil && in[3] == nil {
		for {
			sv, n, more := BCELogitsVec(nil, nil, nil, x, y, 0, true)
			s += sv
			x, y = x[n:], y[n:]
			if !more || len(x) < 8 {
				break
			}
			// a vector beyond the vector kernel's range: through the
			// forward below
			var o [8]float32
			BCELogitsForward32(o[:], Args[float32]{x[:8], y[:8]}, p)
			s += Sum64(o[:])
			x, y = x[8:], y[8:]
		}
		in = Args[float32]{x, y}
		if PlainLogits {
			// BCELogitsPlain, summed as it goes
			var e [Chunk]float32
			for j := 0; j < len(x); j += Chunk {
				k := min(Chunk, len(x)-j)
				s += BCELogitsPlainSum(e[:k], x[j:j+k], y[j:j+k])
			}
			return s
		}
	}
	var buf [Chunk]float32
	for j := 0; j < len(x); j += Chunk {
		o := buf[:min(Chunk, len(x)-j)]
		BCELogitsForward32(o, in.Sub(j, j+len(o)), p)
		s += Sum64(o)
	}
	return s
}

// BCELogitsBackward: d/dx = (p·y + 1 - y)·σ(x) - p·y; d/dy = -x, or with
// pos_weight log σ(-x) - p·log σ(x).
func BCELogitsBackward[T Float](grad, in Args[T], g Upstream[T], _ Param[T]) {
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
func logSigmoid[T Float](v T) T {
	m := max(-v, 0)
	return -(m + log(exp(-m)+exp(-v-m)))
}
