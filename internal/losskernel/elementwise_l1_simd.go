//go:build goexperiment.simd && amd64

package losskernel

import (
	"simd/archsimd"

	"kt/internal/vmath"
)

// signBit keeps only a float32 lane's sign bit (absMask, its
// complement, is elementwise_simd.go's).
const signBit = 1 << 31

// L1Vec sums |x-y| over the first elements of x and y, 8 lanes a step;
// it returns the sum and how many elements it took.
func L1Vec(x, y []float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y = y[:len(x)]
	abs := archsimd.BroadcastUint32x8(absMask)
	var a0, a1, b0, b1 archsimd.Float64x4
	i := 0
	for ; i+16 <= len(x); i += 16 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		e := archsimd.LoadFloat32x8Slice(x[i+8:]).Sub(archsimd.LoadFloat32x8Slice(y[i+8:]))
		a0, a1 = vmath.AddWide(a0, a1, d.AsUint32x8().And(abs).AsFloat32x8())
		b0, b1 = vmath.AddWide(b0, b1, e.AsUint32x8().And(abs).AsFloat32x8())
	}
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		a0, a1 = vmath.AddWide(a0, a1, d.AsUint32x8().And(abs).AsFloat32x8())
	}
	s := vmath.SumLanes(a0.Add(b0), a1.Add(b1))
	archsimd.ClearAVXUpperBits()
	return s, i
}

// L1FuseVec is L1Vec writing sign(x-y)·g to gx as it goes: ±g, and 0·g
// where the difference is 0 or NaN, as ATen's sign gives them.
func L1FuseVec(gx, x, y []float32, g float32) (float64, int) {
	if !arithVector || len(x) < vecMin {
		return 0, 0
	}
	y, gx = y[:len(x)], gx[:len(x)]
	abs, sgn := archsimd.BroadcastUint32x8(absMask), archsimd.BroadcastUint32x8(signBit)
	one := archsimd.BroadcastFloat32x8(1).AsUint32x8()
	zero, gv := archsimd.BroadcastFloat32x8(0), archsimd.BroadcastFloat32x8(g)
	zg := zero.Mul(gv)
	var a0, a1 archsimd.Float64x4
	i := 0
	for ; i+8 <= len(x); i += 8 {
		d := archsimd.LoadFloat32x8Slice(x[i:]).Sub(archsimd.LoadFloat32x8Slice(y[i:]))
		bits := d.AsUint32x8()
		a0, a1 = vmath.AddWide(a0, a1, bits.And(abs).AsFloat32x8())
		v := bits.And(sgn).Or(one).AsFloat32x8().Mul(gv)
		plain := d.Equal(d).And(d.NotEqual(zero)) // neither NaN nor ±0
		v.Merge(zg, plain).StoreSlice(gx[i:])
	}
	r := vmath.SumLanes(a0, a1)
	archsimd.ClearAVXUpperBits()
	return r, i
}
