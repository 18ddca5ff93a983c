package losskernel

import "math"

// The range of a row's sum of exponentials in which the fast cross
// entropy keeps its terms' float32 precision and takes CELog; a row
// whose sum falls outside it is taken again with its own maximum.
const (
	CEMinSum = 0x1p-30
	CEMaxSum = 0x1p64
)

// ceLogTab holds, for j in [0, 256), the centre c of the j-th of 256
// equal parts of [1, 2), 1/c and log c.
var ceLogTab = func() (t [256]struct{ inv, log float64 }) {
	for j := range t {
		c := 1 + (float64(j)+0.5)/256
		t[j].inv, t[j].log = 1/c, math.Log(c)
	}
	return t
}()

// CELog returns the natural logarithm of a row's sum x, a positive normal
// float64 (the callers take it for sums in [CEMinSum, CEMaxSum]), within
// a few units in the last place (2e-15 of it, absolute below 1): x =
// 2**e·m with m in [1, 2); m = c·(1 + r) with c the centre of m's 256th
// of [1, 2), |r| < 2**-9; log x = e·ln2 + log c + log(1 + r), the last
// to degree 4 (the first omitted term, r**5/5, is below 6e-15). Small
// enough to inline, and about a quarter of the time of a logarithm of
// any argument.
func CELog(x float64) float64 {
	b := math.Float64bits(x)
	t := &ceLogTab[(b>>44)&255]
	r := math.Float64frombits(b&(1<<52-1)|1023<<52)*t.inv - 1
	return (float64(int64(b>>52)-1023)*math.Ln2 + t.log) + r*(1+r*(-0.5+r*(1.0/3-r*0.25)))
}
