package loss

import "math"

// bceLogitsExpConst holds bceLogitsExp's constants, which it reads into
// locals before its loop so that they stay in registers (the compiler
// reloads a constant from memory at each use): the lower bound of the
// reduction's range, 64/ln2, 1.5·2**52 (adding it rounds a float64 below
// 2**51 to an integer), ln2/64 and the cubic's 1, 1/2 and 1/6.
var bceLogitsExpConst = [7]float64{-104, 64 / math.Ln2, 0x1.8p52, math.Ln2 / 64, 1, 0.5, 1.0 / 6}

// bceLogitsExp sets e[i] = e**-|x[i]| as exp24To32 computes it, bit for
// bit, written for arguments at or below 0 so that more of its steps stay
// in the floating-point registers: -|x| sets the sign bit, and the scale
// 2**(k>>6)·2**((k&63)/64) adds k>>6 to the exponent of exp2Tab's entry,
// both taken from the bits of k + 1.5·2**52, whose low 51 bits hold k
// (the same product: the scale is a normal number). Below -104 it gives
// 0, NaN for NaN.
func bceLogitsExp(e, x []float32) {
	const sign = 1 << 31
	c := &bceLogitsExpConst
	lo, inv, round, ln2, one, half, sixth := c[0], c[1], c[2], c[3], c[4], c[5], c[6]
	x = x[:len(e)]
	for i, v := range x {
		xe := float64(math.Float32frombits(math.Float32bits(v) | sign))
		if !(xe >= lo) {
			e[i] = float32(expSpecial(xe)) // 0, or NaN
			continue
		}
		kr := xe*inv + round
		kb := math.Float64bits(kr) // 1.5·2**52 + k: k's bits below bit 51
		k := kr - round
		r := xe - k*ln2
		p := (one + r) + r*r*(half+r*sixth)
		sc := math.Float64frombits(math.Float64bits(exp2Tab[kb&63]) + (kb&^63)<<46) // (k>>6)<<52
		e[i] = float32(p * sc)
	}
}

// bceLogitsPlain is bceLogitsChunk without weights in one loop: e =
// e**-|x| as exp24To32 computes it, log(1 + e) with the sum rounded to
// float32 first as logOnePlus32 takes it, and the loss from them as
// bceLogitsChunk does, each step rounded to float32 as ATen rounds it.
// It writes e to e.
//
// The steps are exp24To32's and log24's, bit for bit, written for the
// ranges they meet here (bceLogitsExp; 1 + e is in [1, 2], so the
// logarithm is log12); max(-x, 0) is |x| where x's sign bit is set, 0
// elsewhere (the loss is NaN for a NaN x either way).
func bceLogitsPlain(o, e, x, y []float32) {
	const sign = 1 << 31
	e, x, y = e[:len(o)], x[:len(o)], y[:len(o)]
	// two loops, each with a shorter chain of dependent steps than one
	// would have, so that more elements are in flight
	bceLogitsExp(e, x)
	for i, v := range x {
		b := math.Float32bits(v)
		m := math.Float32frombits(uint32(int32(b)>>31) & (b &^ sign)) // max(-v, 0)
		sp := float32(log12(1+e[i])) + m
		o[i] = (1-y[i])*v + sp
	}
}

// bceLogitsPlainFuse is bceLogitsFuseChunks without weights for up to a
// chunk of elements, in two loops: the exponentials e**-|x| into gx
// (bceLogitsExp), then for each element the loss as bceLogitsPlain
// computes it, added to the sum, and the gradient (σ(x) - y)·g over it,
// σ(x) as sigmoid32 takes it from the same float32 1 + e: bit for bit
// what the chunk's passes write, with one pass over the chunk instead of
// three.
func bceLogitsPlainFuse(gx, x, y []float32, g float32) float64 {
	const sign = 1 << 31
	x, y = x[:len(gx)], y[:len(gx)]
	bceLogitsExp(gx, x)
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(x); i += 2 {
		// two elements a step, into two sums
		v0, v1 := x[i], x[i+1]
		b0, b1 := math.Float32bits(v0), math.Float32bits(v1)
		e0, e1 := gx[i], gx[i+1]
		f0, f1 := 1+e0, 1+e1
		l0 := (1-y[i])*v0 + (float32(log12(f0)) + math.Float32frombits(uint32(int32(b0)>>31)&(b0&^sign)))
		l1 := (1-y[i+1])*v1 + (float32(log12(f1)) + math.Float32frombits(uint32(int32(b1)>>31)&(b1&^sign)))
		s0 += float64(l0)
		s1 += float64(l1)
		n0, n1 := math.Float32bits(e0), math.Float32bits(e1)
		if v0 >= 0 {
			n0 = 0x3f800000 // 1
		}
		if v1 >= 0 {
			n1 = 0x3f800000
		}
		gx[i] = (math.Float32frombits(n0)/f0 - y[i]) * g
		gx[i+1] = (math.Float32frombits(n1)/f1 - y[i+1]) * g
	}
	for ; i < len(x); i++ {
		v, e := x[i], gx[i]
		b := math.Float32bits(v)
		s0 += float64((1-y[i])*v + (float32(log12(1+e)) + math.Float32frombits(uint32(int32(b)>>31)&(b&^sign))))
		gx[i] = (sigmoid32(v, e) - y[i]) * g
	}
	return s0 + s1
}

// bceLogitsPlainSum is bceLogitsPlain summed, for up to a chunk of
// elements: the exponentials into the scratch e, then the losses, bit for
// bit bceLogitsPlain's, added to two float64 sums as they are made.
func bceLogitsPlainSum(e, x, y []float32) float64 {
	const sign = 1 << 31
	x, y = x[:len(e)], y[:len(e)]
	bceLogitsExp(e, x)
	var s0, s1 float64
	i := 0
	for ; i+2 <= len(x); i += 2 {
		v0, v1 := x[i], x[i+1]
		b0, b1 := math.Float32bits(v0), math.Float32bits(v1)
		s0 += float64((1-y[i])*v0 + (float32(log12(1+e[i])) + math.Float32frombits(uint32(int32(b0)>>31)&(b0&^sign))))
		s1 += float64((1-y[i+1])*v1 + (float32(log12(1+e[i+1])) + math.Float32frombits(uint32(int32(b1)>>31)&(b1&^sign))))
	}
	for ; i < len(x); i++ {
		v := x[i]
		b := math.Float32bits(v)
		s0 += float64((1-y[i])*v + (float32(log12(1+e[i])) + math.Float32frombits(uint32(int32(b)>>31)&(b&^sign))))
	}
	return s0 + s1
}
