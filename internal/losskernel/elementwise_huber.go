package losskernel

import (
	"math"
)

// HuberSum32 is loss's huberSum on float32, sixteen elements a step: m·(z -
// m/2), z = |d|, m = min(z, delta), is c·(d - c/2) with both signs
// dropped, so it rounds alike, and takes one min where the clamp takes
// two. Four float32 sums take four losses each before they are widened
// into one float64 sum (few live registers, few conversions): the losses
// are never negative, so a float32 sum of four is within 3 float32 units
// (2e-7) of theirs relative, a hundredth of the 2e-5 the results are
// held to.
//
// |d| and the minimum are taken on d's bits, which order as the values
// do for values at or above 0 (a positive delta): a NaN d makes a NaN
// loss whichever minimum it gets, ±Inf +Inf.
func HuberSum32(in Args[float32], p Param[float32]) float64 {
	const sign = 1 << 31
	x := in[0]
	y, delta := in[1][:len(x)], p.A
	db := math.Float32bits(delta)
	a, i := HuberVec(x, y, delta)
	for ; i+16 <= len(x); i += 16 {
		x16, y16 := (*[16]float32)(x[i:i+16]), (*[16]float32)(y[i:i+16])
		var s0, s1, s2, s3 float32
		for k := 0; k < 16; k += 4 {
			// element by element, so that few values are live at once
			u0 := math.Float32bits(x16[k]-y16[k]) &^ sign
			z0, m0 := math.Float32frombits(u0), math.Float32frombits(min(u0, db))
			s0 += m0 * (z0 - 0.5*m0)
			u1 := math.Float32bits(x16[k+1]-y16[k+1]) &^ sign
			z1, m1 := math.Float32frombits(u1), math.Float32frombits(min(u1, db))
			s1 += m1 * (z1 - 0.5*m1)
			u2 := math.Float32bits(x16[k+2]-y16[k+2]) &^ sign
			z2, m2 := math.Float32frombits(u2), math.Float32frombits(min(u2, db))
			s2 += m2 * (z2 - 0.5*m2)
			u3 := math.Float32bits(x16[k+3]-y16[k+3]) &^ sign
			z3, m3 := math.Float32frombits(u3), math.Float32frombits(min(u3, db))
			s3 += m3 * (z3 - 0.5*m3)
		}
		a += (float64(s0) + float64(s1)) + (float64(s2) + float64(s3))
	}
	for ; i < len(x); i++ {
		a += float64(Huber(x[i]-y[i], delta))
	}
	return a
}

// HuberFuse32 is HuberSum32 writing the input's gradient, d clamped to
// [-delta, delta] times g, as it goes. Both come from that clamp c, taken
// on d's bits (min(|d|, delta) with d's sign put back: ±Inf gives
// ±delta, ±0 ±0): the loss is c·(2d - c)/2, twice ATen's 0.5·z·z (z =
// |d| < delta) or delta·(z - delta/2) rounded alike, and the halving is
// taken once, on the sum. A block of sixteen whose sum is not finite (a
// NaN difference, whose clamp here is ±delta; an infinite one; or 2d
// overflowing) is taken again element by element, the losses by huber
// and the gradients by the clamp (a rarely taken, predictable branch),
// so that NaN gives NaN and a finite loss stays finite.
func HuberFuse32(gx []float32, in Args[float32], p Param[float32], g float32) float64 {
	const sign = 1 << 31
	x := in[0]
	y, gx, delta := in[1][:len(x)], gx[:len(x)], p.A
	db := math.Float32bits(delta)
	a, i := HuberFuseVec(gx, x, y, delta, g)
	w := 0.0 // twice the losses of the blocks of sixteen
	for ; i+16 <= len(x); i += 16 {
		x16, y16, g16 := (*[16]float32)(x[i:i+16]), (*[16]float32)(y[i:i+16]), (*[16]float32)(gx[i:i+16])
		var s0, s1, s2, s3 float32
		for k := 0; k < 16; k += 4 {
			// element by element, so that few values are live at once
			d0 := x16[k] - y16[k]
			b0 := math.Float32bits(d0)
			c0 := math.Float32frombits(min(b0&^sign, db) | b0&sign)
			g16[k] = c0 * g
			s0 += c0 * (d0 + d0 - c0)
			d1 := x16[k+1] - y16[k+1]
			b1 := math.Float32bits(d1)
			c1 := math.Float32frombits(min(b1&^sign, db) | b1&sign)
			g16[k+1] = c1 * g
			s1 += c1 * (d1 + d1 - c1)
			d2 := x16[k+2] - y16[k+2]
			b2 := math.Float32bits(d2)
			c2 := math.Float32frombits(min(b2&^sign, db) | b2&sign)
			g16[k+2] = c2 * g
			s2 += c2 * (d2 + d2 - c2)
			d3 := x16[k+3] - y16[k+3]
			b3 := math.Float32bits(d3)
			c3 := math.Float32frombits(min(b3&^sign, db) | b3&sign)
			g16[k+3] = c3 * g
			s3 += c3 * (d3 + d3 - c3)
		}
		if t := (s0 + s1) + (s2 + s3); t-t != 0 {
			for k := range g16 {
				d := x16[k] - y16[k]
				a += float64(Huber(d, delta))
				g16[k] = HuberGrad(d, delta) * g
			}
			continue
		}
		w += (float64(s0) + float64(s1)) + (float64(s2) + float64(s3))
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(Huber(d0, delta))
		gx[i] = HuberGrad(d0, delta) * g
	}
	return a + 0.5*w
}

// Huber is the loss at difference d.
// It is written without a data-dependent branch or an absolute value:
// with c = d clamped to [-delta, delta], c·(d - c/2), which rounds as
// ATen's 0.5·z² (z = |d| < delta) and delta·(z - delta/2) do.
func Huber[T Float](d, delta T) T {
	c := max(min(d, delta), -delta)
	return c * (d - 0.5*c)
}

// HuberGrad is the derivative of the loss at difference d.
// It is d clamped to [-delta, delta], without a branch.
func HuberGrad[T Float](d, delta T) T { return max(min(d, delta), -delta) }
