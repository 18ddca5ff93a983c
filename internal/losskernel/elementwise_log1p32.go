package losskernel

import "math"

// The float32 logarithm log(1+e) for e in [0, 1], as the SIMD build's
// softmargin kernels take it in eight float32 lanes (e there is
// e**-|t|): above 1/2, log(1+e) = ln2 + log(1+f) with f = (e-1)/2 in
// (-1/4, 0]; at or below it f = e, in [0, 1/2]. On f in [-1/4, 1/2],
// log(1+f) = f - f²/2 + f³·P(f), P of degree 7 fitted to
// (log(1+f) - f + f²/2)/f³ by weighted least squares on 400 Chebyshev
// nodes (weights for the relative error of log(1+f)). Evaluated in
// float32 with fused multiply-adds it is within 0.8 float32 units of
// log(1+f); with ln 2 rounded to float32 (ln2Hi, 1.4e-9 off) the whole
// function, as log1pUnit32 computes it, is within 1.5 (TestLog1pUnit32).
const (
	l1p0 = 0.333334565
	l1p1 = -0.250000566
	l1p2 = 0.199904785
	l1p3 = -0.166485265
	l1p4 = 0.144861862
	l1p5 = -0.131552309
	l1p6 = 0.104030967
	l1p7 = -0.0444548354

	// ln2Hi is ln 2 rounded to float32.
	ln2Hi = float32(math.Ln2)
)
