package losskernel

import (
	"math"
	"testing"
)

// TestSoftplusTables checks the tables of softplus and σ against
// package math on a dense grid of float32 arguments in [-spMax, spHi),
// interval ends included: a relative error below 2e-8, a third of a float32 unit.
func TestSoftplusTables(t *testing.T) {
	const tol = 2e-8
	var worstP, worstS float64
	for i := -spMax * 8 * 64; i <= spMax*8*64; i++ {
		v := float64(i) / (8 * 64)
		v = min(v, float64(math.Nextafter32(spHi, 0)))
		sp := math.Log1p(math.Exp(-math.Abs(v))) + max(v, 0)
		s := 1 / (1 + math.Exp(-v))
		k, h := SpArg(8 * v)
		if k >= SpRows {
			t.Fatalf("%g is outside the tables", v)
		}
		worstP = max(worstP, math.Abs(SpPoly(&SpTab[k], h)-sp)/sp)
		worstS = max(worstS, math.Abs(SpPoly(&SigTab[k], h)-s)/s)
	}
	t.Logf("worst relative errors: softplus %.3g, σ %.3g", worstP, worstS)
	if worstP > tol || worstS > tol {
		t.Errorf("worst relative errors: softplus %.3g, σ %.3g; want below %g", worstP, worstS, tol)
	}
}
