package losskernel

import (
	"math"
)

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

// HingeForward32 is hinge's forward on float32, each loss by hinge32.
func HingeForward32(out []float32, in Args[float32], p Param[float32]) {
	x, y := in[0][:len(out)], in[1][:len(out)]
	for i := range out {
		out[i] = hinge32(x[i], y[i], p.A)
	}
}

// HingeBackward32 is hinge's backward on float32, each gradient by
// hingeGrad32.
func HingeBackward32(grad, in Args[float32], g Upstream[float32], p Param[float32]) {
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

// HingeSum32 is the sum of hinge32 over four accumulators.
func HingeSum32(in Args[float32], p Param[float32]) float64 {
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

// HingeFuse32 is HingeSum32 writing the input's gradient as it goes.
func HingeFuse32(gx []float32, in Args[float32], p Param[float32], g float32) float64 {
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
