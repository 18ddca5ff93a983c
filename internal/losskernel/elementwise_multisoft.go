package losskernel

import (
	"math"

	"kt/internal/vmath"
)

// SoftTerms returns log(1 + e**-|v|) and σ(v).
func SoftTerms(v float64) (lp, sig float64) {
	e := vmath.Exp(-math.Abs(v))
	lp = vmath.Log1p(e)
	if v >= 0 {
		return lp, 1 / (1 + e)
	}
	return lp, e / (1 + e)
}

// SoftRow32 returns Σ w·(softplus(x) - y·x) over a float32 row (w nil:
// no weight), softplus from the tables of elementwise_softplus.go; a row with an
// element outside them is summed again with SoftTerms.
func SoftRow32(x, y, w []float32) float64 {
	y = y[:len(x)]
	s := 0.0
	var bad uint64
	if w == nil {
		for k, v := range x {
			j, h := SpArg(float64(v) * 8)
			bad |= j
			s += SpPoly(&SpTab[j&(SpRows-1)], h) - float64(y[k])*float64(v)
		}
	} else {
		w = w[:len(x)]
		for k, v := range x {
			j, h := SpArg(float64(v) * 8)
			bad |= j
			s += (SpPoly(&SpTab[j&(SpRows-1)], h) - float64(y[k])*float64(v)) * float64(w[k])
		}
	}
	if bad < SpRows {
		return s
	}
	s = 0
	for k, v := range x {
		fv := float64(v)
		var e float64
		if j, h := SpArg(fv * 8); j < SpRows {
			e = SpPoly(&SpTab[j], h)
		} else {
			lp, _ := SoftTerms(fv)
			e = max(fv, 0) + lp
		}
		e -= float64(y[k]) * fv
		if w != nil {
			e *= float64(w[k])
		}
		s += e
	}
	return s
}

// SoftGradRow32 writes the input's gradient h·(σ(x) - y), h = gf·w, of a
// float32 row to gx, σ from the tables of elementwise_softplus.go, or SoftTerms
// outside them.
func SoftGradRow32(gx, x, y, w []float32, gf float64) {
	x, y = x[:len(gx)], y[:len(gx)]
	var bad uint64
	if w == nil {
		for k, v := range x {
			j, h := SpArg(float64(v) * 8)
			bad |= j
			gx[k] = float32(gf * (SpPoly(&SigTab[j&(SpRows-1)], h) - float64(y[k])))
		}
	} else {
		w = w[:len(gx)]
		for k, v := range x {
			j, h := SpArg(float64(v) * 8)
			bad |= j
			gx[k] = float32(gf * float64(w[k]) * (SpPoly(&SigTab[j&(SpRows-1)], h) - float64(y[k])))
		}
	}
	if bad < SpRows {
		return
	}
	for k, v := range x {
		fv := float64(v)
		if j, _ := SpArg(fv * 8); j < SpRows {
			continue
		}
		hh := gf
		if w != nil {
			hh *= float64(w[k])
		}
		_, sig := SoftTerms(fv)
		gx[k] = float32(hh * (sig - float64(y[k])))
	}
}
