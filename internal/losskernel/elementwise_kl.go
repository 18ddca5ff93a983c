package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// KLForward32 is loss's klForward on float32, the logarithms a chunk at a time
// to float32 precision (LogTo32).
func KLForward32(out []float32, in Args[float32], _ Param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for j := 0; j < len(out); j += Chunk {
		o := out[j:min(j+Chunk, len(out))]
		xs, ys := x[j:j+len(o)], y[j:j+len(o)]
		LogTo32(o, ys)
		for i := KLVec(o, ys, xs); i < len(o); i++ {
			v := ys[i]
			var xl float32 // xlogy: 0 where y is 0
			if v != 0 {
				xl = v * o[i]
			}
			o[i] = xl - v*xs[i]
		}
	}
}

// KLFuse32 is KLForward32 summed, writing the input's gradient -y·g as it
// goes: in plain Go one loop (KLFusePlain); in the SIMD build whole
// vectors with KLFuseVec first, then a chunk at a time.
func KLFuse32(gx []float32, in Args[float32], _ Param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	if KLPlain {
		return KLFusePlain(gx, x, y, g)
	}
	s := 0.0
	for {
		sv, n, more := KLFuseVec(nil, gx, x, y, g, true)
		s += sv
		x, y, gx = x[n:], y[n:], gx[n:]
		if !more {
			break
		}
		s += KLFuseChunks(gx[:8], x[:8], y[:8], g)
		x, y, gx = x[8:], y[8:], gx[8:]
	}
	return s + KLFuseChunks(gx, x, y, g)
}

// KLFuseChunks is KLFuse32 a chunk at a time.
func KLFuseChunks(gx, x, y []float32, g float32) float64 {
	y, gx = y[:len(x)], gx[:len(x)]
	var buf [Chunk]float32
	s := 0.0
	for j := 0; j < len(x); j += Chunk {
		ys := y[j:min(j+Chunk, len(x))]
		xs, o, gs := x[j:j+len(ys)], buf[:len(ys)], gx[j:j+len(ys)]
		KLForward32(o, Args[float32]{xs, ys}, Param[float32]{})
		s += Sum64(o)
		for i := NegScaleVec(gs, ys, g); i < len(ys); i++ {
			gs[i] = -ys[i] * g
		}
	}
	return s
}

// KLSum32 is KLForward32 summed in float64: in plain Go one loop
// (KLSumPlain); in the SIMD build whole vectors with KLFuseVec first,
// then the forward through a scratch chunk.
func KLSum32(in Args[float32], p Param[float32]) float64 {
	x, y := in[0], in[1][:len(in[0])]
	if KLPlain {
		return KLSumPlain(x, y)
	}
	s := 0.0
	for {
		sv, n, more := KLFuseVec(nil, nil, x, y, 0, true)
		s += sv
		x, y = x[n:], y[n:]
		if !more {
			break
		}
		var o [8]float32
		KLForward32(o[:], Args[float32]{x[:8], y[:8]}, p)
		s += Sum64(o[:])
		x, y = x[8:], y[8:]
	}
	var buf [Chunk]float32
	for j := 0; j < len(x); j += Chunk {
		o := buf[:min(Chunk, len(x)-j)]
		KLForward32(o, Args[float32]{x[j:], y[j:]}, p)
		s += Sum64(o)
	}
	return s
}

// KLFusePlain is KLFuse32 in one loop: each element's term y·log y -
// y·x, its float64 sum and the gradient -y·g as it goes, with no scratch
// chunk and no further pass (plain Go's form, see KLPlain). The terms
// are KLForward32's bit for bit: the logarithm is log24To32's, taken on
// y's float32 bits as described below, inline (a call would put the
// loop's variables on the stack), and y·log y is 0 where y is 0; a y
// that is not a positive normal finite float32 takes klTermOdd.
func KLFusePlain(gx, x, y []float32, g float32) float64 {
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

// KLSumPlain is KLSum32 in one loop (see KLFusePlain).
func KLSumPlain(x, y []float32) float64 {
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

// klTermOdd is KLForward32's term y·log y - y·x for a y that is not a
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
