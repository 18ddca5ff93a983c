package losskernel

import (
	"math"
)

// BCEForward32 is loss's bceForward on float32, a chunk at a time: with targets
// all 0 or 1, BCEBinary32; else log x and log1p(-x) to float32 precision
// (LogTo32, Log1pTo32), rounded to float32 as ATen's kernel computes
// them (BCEGeneral32).
func BCEForward32(out []float32, in Args[float32], _ Param[float32]) {
	x, y, w := in[0][:len(out)], in[1][:len(out)], in[2]
	if w == nil {
		for {
			_, n, more := BCEVec(out, nil, x, y, 0, false)
			out, x, y = out[n:], x[n:], y[n:]
			if !more {
				break
			}
			BCEChunks(out[:8], x[:8], y[:8], nil)
			out, x, y = out[8:], x[8:], y[8:]
		}
	}
	BCEChunks(out, x, y, w)
}

// BCEChunks is BCEForward32 a chunk at a time.
func BCEChunks(out, x, y, w []float32) {
	for j := 0; j < len(out); j += Chunk {
		o := out[j:min(j+Chunk, len(out))]
		xs, ys, ws := x[j:j+len(o)], y[j:j+len(o)], Part(w, j, j+len(o))
		if BinaryTargets(ys) {
			BCEBinary32(o, xs, ys, ws)
		} else {
			BCEGeneral32(o, xs, ys, ws)
		}
	}
}

// BCEGeneral32 writes to o the losses of up to a chunk of elements.
func BCEGeneral32(o, x, y, w []float32) {
	x, y = x[:len(o)], y[:len(o)]
	var lx [Chunk]float32
	l := lx[:len(o)]
	LogTo32(l, x)
	for i, v := range x {
		o[i] = -v
	}
	Log1pTo32(o, o)
	for i := range o {
		v := (y[i]-1)*max(o[i], -100) - y[i]*max(l[i], -100)
		if w != nil {
			v *= w[i]
		}
		o[i] = v
	}
}

// BinaryTargets reports whether every element of y is 0 or 1, without a branch
// an element: v·(v-1) is ±0 for those alone (NaN for NaN; a subnormal v
// gives -v, not 0).
func BinaryTargets(y []float32) bool {
	var acc uint32
	for _, v := range y {
		acc |= math.Float32bits(v * (v - 1))
	}
	return acc&^(1<<31) == 0
}

// BCEBinary32 is BCEForward32 on a chunk whose targets are all 0 or 1,
// with one logarithm an element where ATen takes two: where y is 1 the
// loss is -max(log x, -100), where y is 0 -max(log1p(-x), -100), the
// other term being 0·(a finite number). LogPick32 takes the one
// logarithm, bit for bit as LogTo32 and Log1pTo32 do. The sign of a zero
// loss is ATen's: (y-1)·(-0).
func BCEBinary32(o, x, y, w []float32) {
	x, y = x[:len(o)], y[:len(o)]
	LogPick32(o, x, y)
	nz := NegZero32
	for i, l := range o {
		o[i] = (y[i]-1)*nz - max(l, -100)
	}
	if w != nil {
		w = w[:len(o)]
		for i, v := range w {
			o[i] *= v
		}
	}
}

// BCEFuse32 is BCEForward32 summed, writing the input's gradient
// (x-y)/max((1-x)·x, eps)·w·g as it goes.
func BCEFuse32(gx []float32, in Args[float32], _ Param[float32], g float32) float64 {
	x := in[0]
	y, w, gx := in[1][:len(x)], in[2], gx[:len(x)]
	s := 0.0
	if w == nil {
		for {
			sv, n, more := BCEVec(nil, gx, x, y, g, true)
			s += sv
			x, y, gx = x[n:], y[n:], gx[n:]
			if !more {
				break
			}
			s += BCEFuseChunks(gx[:8], x[:8], y[:8], nil, g)
			x, y, gx = x[8:], y[8:], gx[8:]
		}
	}
	return s + BCEFuseChunks(gx, x, y, w, g)
}

// BCEFuseChunks is BCEFuse32 a chunk at a time: without weights in the
// default build, BCEPickFuse's one loop; else the forward's passes into
// a scratch chunk, then the gradient's.
func BCEFuseChunks(gx, x, y, w []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	var buf [Chunk]float32
	s := 0.0
	for j := 0; j < len(x); j += Chunk {
		gs := gx[j:min(j+Chunk, len(x))]
		k := len(gs)
		xs, ys, o := x[j:j+k], y[j:j+k], buf[:k]
		var ws []float32
		if w != nil {
			ws = w[j : j+k]
		}
		if ws == nil && PlainBCE {
			if v, ok := BCEPickFuse(gs, xs, ys, g); ok {
				s += v
				continue
			}
		}
		BCEChunks(o, xs, ys, ws)
		s += Sum64(o)
		i0 := BCEGradVec(gs, xs, ys, ws, g)
		if ws == nil {
			for i := i0; i < k; i++ {
				v := xs[i]
				gs[i] = (v - ys[i]) / max((1-v)*v, BCEEps) * g
			}
			continue
		}
		ws = ws[:k]
		for i := i0; i < k; i++ {
			v := xs[i]
			gs[i] = (v - ys[i]) / max((1-v)*v, BCEEps) * (g * ws[i])
		}
	}
	return s
}

// BCESum32 is BCEForward32 summed in float64: without weights, BCEVec's
// sums of whole vectors (in the SIMD build), BCEPickSum's of chunks (in
// the default build), and the forward through a scratch chunk for the
// rest.
func BCESum32(in Args[float32], _ Param[float32]) float64 {
	x, y, w := in[0], in[1][:len(in[0])], in[2]
	s := 0.0
	if w == nil {
		for {
			sv, n, more := BCEVec(nil, nil, x, y, 0, true)
			s += sv
			x, y = x[n:], y[n:]
			if !more {
				break
			}
			var o [8]float32
			BCEChunks(o[:], x[:8], y[:8], nil)
			s += Sum64(o[:])
			x, y = x[8:], y[8:]
		}
	}
	var buf [Chunk]float32
	for j := 0; j < len(x); j += Chunk {
		o := buf[:min(Chunk, len(x)-j)]
		if w == nil && PlainBCE {
			if v, ok := BCEPickSum(x[j:j+len(o)], y[j:j+len(o)]); ok {
				s += v
				continue
			}
		}
		BCEChunks(o, x[j:], y[j:], Part(w, j, j+len(o)))
		s += Sum64(o)
	}
	return s
}
