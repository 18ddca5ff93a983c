package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// bceLogitsExpConst holds BCELogitsExp's constants, which it reads into
// locals before its loop so that they stay in registers (the compiler
// reloads a constant from memory at each use): the lower bound of the
// reduction's range, 64/ln2, 1.5·2**52 (adding it rounds a float64 below
// 2**51 to an integer), ln2/64 and the cubic's 1, 1/2 and 1/6.
var bceLogitsExpConst = [7]float64{-104, 64 / math.Ln2, 0x1.8p52, math.Ln2 / 64, 1, 0.5, 1.0 / 6}

// exp2Bits[j] is the bits of vmath.Exp2Tab[j] less j<<46: added to kb<<46,
// where kb = 1.5·2**52 + k holds k in its low 51 bits, it gives the bits
// of 2**(k>>6)·vmath.Exp2Tab[k&63] (k&63's bits and the constant's cancel or
// fall off the top).
var exp2Bits = func() (t [64]uint64) {
	for j := range t {
		t[j] = math.Float64bits(vmath.Exp2Tab[j]) - uint64(j)<<46
	}
	return t
}()

// BCELogitsExp sets e[i] = e**-|x[i]| as vmath.Exp24To32 computes it, bit for
// bit, written for arguments at or below 0 so that more of its steps stay
// in the floating-point registers: -|x| sets the sign bit, and the scale
// 2**(k>>6)·2**((k&63)/64) adds k>>6 to the exponent of exp2Tab's entry,
// both taken from the bits of k + 1.5·2**52 (exp2Bits; the same product:
// the scale is a normal number). Below -104 it gives 0, NaN for NaN.
func BCELogitsExp(e, x []float32) {
	const sign = 1 << 31
	c := &bceLogitsExpConst
	lo, inv, round, ln2, one, half, sixth := c[0], c[1], c[2], c[3], c[4], c[5], c[6]
	x = x[:len(e)]
	for i, v := range x {
		xe := float64(math.Float32frombits(math.Float32bits(v) | sign))
		if !(xe >= lo) {
			e[i] = float32(vmath.ExpSpecial(xe)) // 0, or NaN
			continue
		}
		kr := xe*inv + round
		kb := math.Float64bits(kr) // 1.5·2**52 + k: k's bits below bit 51
		k := kr - round
		r := xe - k*ln2
		p := (one + r) + r*r*(half+r*sixth)
		sc := math.Float64frombits(kb<<46 + exp2Bits[kb&63])
		e[i] = float32(p * sc)
	}
}

// BCELogitsPlain is BCELogitsChunk without weights in one loop: e =
// e**-|x| as vmath.Exp24To32 computes it, log(1 + e) with the sum rounded to
// float32 first as LogOnePlus32 takes it, and the loss from them as
// BCELogitsChunk does, each step rounded to float32 as ATen rounds it.
// It writes e to e.
//
// The steps are vmath.Exp24To32's and log24's, bit for bit, written for the
// ranges they meet here (BCELogitsExp; 1 + e is in [1, 2], so the
// logarithm is vmath.Log12); max(-x, 0) is |x| where x's sign bit is set, 0
// elsewhere (the loss is NaN for a NaN x either way).
func BCELogitsPlain(o, e, x, y []float32) {
	const sign = 1 << 31
	e, x, y = e[:len(o)], x[:len(o)], y[:len(o)]
	// two loops, each with a shorter chain of dependent steps than one
	// would have, so that more elements are in flight
	BCELogitsExp(e, x)
	for i, v := range x {
		b := math.Float32bits(v)
		m := math.Float32frombits(uint32(int32(b)>>31) & (b &^ sign)) // max(-v, 0)
		sp := float32(vmath.Log12(1+e[i])) + m
		o[i] = (1-y[i])*v + sp
	}
}

// bceLogConst holds the constants of vmath.Log12's series, 1, 1/2 and 1/3,
// and bceOne32f float32's 1, which the loops below read into locals so
// that they stay in registers (see bceLogitsExpConst).
var (
	bceLogConst = [3]float64{1, 0.5, 1.0 / 3}
	bceOne32f   = float32(1)
)

// BCELogitsPlainFuse is bceLogitsFuseChunks without weights for up to a
// chunk of elements, in two loops: the exponentials e**-|x| into a
// scratch chunk (BCELogitsExp; the gradient's lines, not yet in the
// cache, are written once, by the second loop), then for each element
// the loss as BCELogitsPlain computes it (vmath.Log12 written out, with its
// constants in registers), added to the sum, and the gradient
// (σ(x) - y)·g over it, σ(x) as sigmoid32 takes it from the same float32
// 1 + e: bit for bit what the chunk's passes write, with one pass over
// the chunk instead of three.
// The softplus term log(1+e) + max(-x, 0) subtracts x where its sign bit
// is set and +0 elsewhere (l - x is l + |x| exactly as l + max(-x, 0)).
func BCELogitsPlainFuse(gx, x, y []float32, g float32) float64 {
	x, y = x[:len(gx)], y[:len(gx)]
	var eb [Chunk]float32
	es := eb[:len(x)]
	BCELogitsExp(es, x)
	c := &bceLogConst
	one, half, third := c[0], c[1], c[2]
	one32 := bceOne32f
	s := 0.0
	for i, v := range x {
		b := math.Float32bits(v)
		e := es[i]
		f := e + one32
		t := &vmath.LogTab12[(math.Float32bits(f)-0x3f800000+1<<14)>>15&511]
		r := float64(f)*t[1] - one
		l := float32(t[0] + r*(one-r*(half-r*third))) // vmath.Log12(f)
		w := y[i]
		s += float64((one32-w)*v + (l - math.Float32frombits(uint32(int32(b)>>31)&b))) // l + max(-v, 0)
		n := math.Float32bits(e)
		if v >= 0 {
			n = 0x3f800000 // 1
		}
		gx[i] = (math.Float32frombits(n)/f - w) * g
	}
	return s
}

// BCELogitsPlainSum is BCELogitsPlain summed, for up to a chunk of
// elements: the exponentials into the scratch e, then the losses, bit for
// bit BCELogitsPlain's (vmath.Log12 written out as in BCELogitsPlainFuse),
// added to the sum as they are made, in BCELogitsPlainFuse's order.
func BCELogitsPlainSum(e, x, y []float32) float64 {
	x, y = x[:len(e)], y[:len(e)]
	BCELogitsExp(e, x)
	c := &bceLogConst
	one, half, third := c[0], c[1], c[2]
	one32 := bceOne32f
	s := 0.0
	for i, v := range x {
		b := math.Float32bits(v)
		f := one32 + e[i]
		t := &vmath.LogTab12[(math.Float32bits(f)-0x3f800000+1<<14)>>15&511]
		r := float64(f)*t[1] - one
		l := float32(t[0] + r*(one-r*(half-r*third)))
		s += float64((one32-y[i])*v + (l - math.Float32frombits(uint32(int32(b)>>31)&b))) // l + max(-v, 0)
	}
	return s
}
