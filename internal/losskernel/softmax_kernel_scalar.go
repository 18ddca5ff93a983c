//go:build !(goexperiment.simd && amd64)

package losskernel

import "math"

// ExpShiftSum32 sets dst[i] = e**(src[i]-shift) and returns their sum, in
// float64 (see ceExp for the range the exponentials keep).
func ExpShiftSum32(dst, src []float32, shift float32) float64 {
	return expShiftSum32Generic(dst, src, shift)
}

// Sum32 returns the sum of s in float64.
func Sum32(s []float32) float64 { return sum32Generic(s) }

// Scale32 multiplies s by f in place.
func Scale32(s []float32, f float32) { scale32Plain(s, f) }

// SumShift32 returns the sum of s[i]-h in float64.
func SumShift32(s []float32, h float32) float64 { return sumShift32Generic(s, h) }

// ScaleSub32 sets dst[i] = dst[i]·f - (a·p[i] + b) (p nil: dst[i]·f - b).
func ScaleSub32(dst, p []float32, f, a, b float32) { scaleSub32Plain(dst, p, f, a, b) }

// ProbSums32 returns the sums of p[i], of p[i]·(s[i]-h) and, when all is
// set, of s[i]-h, in float64.
func ProbSums32(p, s []float32, h float32, all bool) (sp, dp, sx float64) {
	return probSums32Generic(p, s, h, all)
}

// sumExpShift32 returns the sum of e**(src[i]-shift), in float64.
func sumExpShift32(src []float32, shift float32) float64 {
	return sumExpShift32Generic(src, shift)
}

// BlockShift32 returns the shift of a block of scores s (not empty): its
// first score, or 0 when that is within ±16, which spares the passes a
// subtraction an element (hint, the largest score of the block before, is
// for the vector forms). The plain-Go exponentials take the differences
// exactly, so any shift that keeps a row's sum in range gives float32
// precision, and a pass for the maximum would cost a third of the
// exponentials' time.
func BlockShift32(s []float32, hint float32) float32 {
	if g := s[0]; !(g >= -16 && g <= 16) {
		return g
	}
	return 0
}

// CEExpPass returns the sum of e**(src[i]-g) in float64, storing the
// exponentials in dst unless it is nil, and g itself for the block's
// largest score, which plain Go does not look for; when sx is not nil it
// sets *sx to the sum of src[i]-g, in the same pass. The sum is NaN when
// some difference is out of the exponentials' range (or NaN): the caller
// then takes every row of the block on its own.
func CEExpPass(dst, src []float32, g float32, sx *float64) (float64, float32) {
	var e float64
	var ok bool
	switch {
	case sx != nil:
		e, *sx, ok = ceExpSums(dst, src, g)
	case dst == nil:
		e, ok = ceSumExp(src, g)
	default:
		e, ok = ceExpStore(dst, src, g)
	}
	if !ok {
		return math.NaN(), g
	}
	return e, g
}

// CEProbPass is CEExpPass for one row with probability target p that
// also returns the row's Σp, Σp·(x-g) and, when all is set, Σ(x-g) (see
// ProbSums32), taken in the same pass; fused reports that it ran (the
// vector forms leave those sums to their own pass).
func CEProbPass(dst, src, p []float32, g float32, all bool) (e float64, sums [3]float64, fused bool) {
	var ok bool
	e, sums[0], sums[1], sums[2], ok = ceExpProb(dst, src, p, g, all)
	if !ok {
		e = math.NaN()
	}
	return e, sums, true
}

// CEShiftOK reports whether a block shifted by g whose largest score is
// top keeps float32 precision: in plain Go, with exact differences, any
// shift that keeps the sums in range does.
func CEShiftOK(g, top float32) bool { return true }

// ceVector reports whether the vector kernels run: never in plain Go.
const ceVector = false
