//go:build goexperiment.simd && amd64

package optim

import "simd/archsimd"

// fmaVector reports whether the CPU has the AVX2 and FMA instructions the
// vector loops use; it is fixed at start-up.
var fmaVector = archsimd.X86.AVX2() && archsimd.X86.FMA()

// stepVec32 runs the float32 loop of kind k over the first elements, 8
// lanes a step, with the FMA instruction ATen's AVX2 kernels use, and
// returns how many elements it took (none for momentum's first step,
// which runs once, or on a CPU without AVX2 and FMA). Each kind has its
// own loop, the scalar loops' twins.
func stepVec32(k kind, wd bool, c coef[float32], p, g, b []float32) int {
	if !fmaVector || len(p) < 8 || k == firstMomentum || k == firstNesterov {
		return 0
	}
	g = g[:len(p)]
	if b != nil {
		b = b[:len(p)]
	}
	var sign uint32 // flipped in each gradient
	if c.maximize {
		sign = 1 << 31
	}
	neg := archsimd.BroadcastUint32x8(sign)
	vwd, vmom := archsimd.BroadcastFloat32x8(c.wd), archsimd.BroadcastFloat32x8(c.mom)
	damp, lr := archsimd.BroadcastFloat32x8(c.damp), archsimd.BroadcastFloat32x8(c.lr)
	n := len(p) &^ 7
	switch {
	case k == plainStep && !wd:
		for i := 0; i < n; i += 8 {
			d := archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8()
			lr.MulAdd(d, archsimd.LoadFloat32x8Slice(p[i:])).StoreSlice(p[i:])
		}
	case k == plainStep:
		for i := 0; i < n; i += 8 {
			x := archsimd.LoadFloat32x8Slice(p[i:])
			d := vwd.MulAdd(x, archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8())
			lr.MulAdd(d, x).StoreSlice(p[i:])
		}
	case (k == momentumStep || k == dampenedStep) && !wd:
		for i := 0; i < n; i += 8 {
			d := archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8()
			v := damp.MulAdd(d, archsimd.LoadFloat32x8Slice(b[i:]).Mul(vmom))
			v.StoreSlice(b[i:])
			lr.MulAdd(v, archsimd.LoadFloat32x8Slice(p[i:])).StoreSlice(p[i:])
		}
	case k == momentumStep || k == dampenedStep:
		for i := 0; i < n; i += 8 {
			x := archsimd.LoadFloat32x8Slice(p[i:])
			d := vwd.MulAdd(x, archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8())
			v := damp.MulAdd(d, archsimd.LoadFloat32x8Slice(b[i:]).Mul(vmom))
			v.StoreSlice(b[i:])
			lr.MulAdd(v, x).StoreSlice(p[i:])
		}
	case !wd:
		for i := 0; i < n; i += 8 {
			d := archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8()
			v := damp.MulAdd(d, archsimd.LoadFloat32x8Slice(b[i:]).Mul(vmom))
			v.StoreSlice(b[i:])
			lr.MulAdd(vmom.MulAdd(v, d), archsimd.LoadFloat32x8Slice(p[i:])).StoreSlice(p[i:])
		}
	default:
		for i := 0; i < n; i += 8 {
			x := archsimd.LoadFloat32x8Slice(p[i:])
			d := vwd.MulAdd(x, archsimd.LoadFloat32x8Slice(g[i:]).AsUint32x8().Xor(neg).AsFloat32x8())
			v := damp.MulAdd(d, archsimd.LoadFloat32x8Slice(b[i:]).Mul(vmom))
			v.StoreSlice(b[i:])
			lr.MulAdd(vmom.MulAdd(v, d), x).StoreSlice(p[i:])
		}
	}
	archsimd.ClearAVXUpperBits()
	return n
}
