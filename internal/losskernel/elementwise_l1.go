package losskernel

import (
	"math"
)

// Abs32 returns |v|, clearing the sign bit.
func Abs32(v float32) float32 { return math.Float32frombits(math.Float32bits(v) &^ (1 << 31)) }

// L1Sum32 is loss's l1Sum on float32, four elements a step.
func L1Sum32(in Args[float32], _ Param[float32]) float64 {
	x := in[0]
	y := in[1][:len(x)]
	var b, c, d float64
	a, i := L1Vec(x, y)
	for ; i+4 <= len(x); i += 4 {
		x4, y4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4])
		a += float64(Abs32(x4[0] - y4[0]))
		b += float64(Abs32(x4[1] - y4[1]))
		c += float64(Abs32(x4[2] - y4[2]))
		d += float64(Abs32(x4[3] - y4[3]))
	}
	for ; i < len(x); i++ {
		a += float64(Abs32(x[i] - y[i]))
	}
	return (a + b) + (c + d)
}

// L1Fuse32 is L1Sum32 writing the input's gradient sign(x-y)·g as it
// goes.
func L1Fuse32(gx []float32, in Args[float32], _ Param[float32], g float32) float64 {
	x := in[0]
	y, gx := in[1][:len(x)], gx[:len(x)]
	var b, c, d float64
	a, i := L1FuseVec(gx, x, y, g)
	gb, zb := math.Float32bits(g), math.Float32bits(0*g)
	for ; i+4 <= len(x); i += 4 {
		x4, y4, g4 := (*[4]float32)(x[i:i+4]), (*[4]float32)(y[i:i+4]), (*[4]float32)(gx[i:i+4])
		d0, d1, d2, d3 := x4[0]-y4[0], x4[1]-y4[1], x4[2]-y4[2], x4[3]-y4[3]
		a += float64(Abs32(d0))
		b += float64(Abs32(d1))
		c += float64(Abs32(d2))
		d += float64(Abs32(d3))
		g4[0] = signScale32(d0, gb, zb)
		g4[1] = signScale32(d1, gb, zb)
		g4[2] = signScale32(d2, gb, zb)
		g4[3] = signScale32(d3, gb, zb)
	}
	for ; i < len(x); i++ {
		d0 := x[i] - y[i]
		a += float64(Abs32(d0))
		gx[i] = signScale32(d0, gb, zb)
	}
	return (a + b) + (c + d)
}

// signScale32 returns sign(d)·g from the bits gb of g and zb of 0·g,
// without a branch on d: ±g by d's sign, and 0·g for ±0 and NaN, as
// sign(d)·g gives them.
func signScale32(d float32, gb, zb uint32) float32 {
	b := math.Float32bits(d)
	r := gb ^ b&(1<<31)
	if m := b &^ (1 << 31); m == 0 || m > 0x7f800000 {
		r = zb
	}
	return math.Float32frombits(r)
}
