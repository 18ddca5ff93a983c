package losskernel

import "math"

// The softplus family of the float32 kernels (softmargin, multisoft)
// without a call to an exponential or a logarithm: for t between about
// -16 and 16, the functions
//
//	softplus(t) = log(1 + e**t)
//	σ(t)        = 1/(1 + e**-t)
//
// are degree-4 polynomials on each of the intervals of width 1/8 centred
// on the multiples of 1/8, taken from tables: the Taylor series at the
// interval's centre. Its remainder is below 1e-8 of the value (far out on
// the negative side the derivatives are within a factor e**(1/16) of the
// function itself; elsewhere the value is at least of the order of the
// derivatives), well under a float32 unit. Arguments outside the tables,
// and NaN, take the kernels' exact paths: there e**-|t| is at most
// 1.2e-7, so that the rounding of the float32 exponential ATen computes
// first matters, and there +Inf and NaN appear.

// spMax and spHi bound the tables: they take t from -spMax-1/16, the
// start of the first interval, to spHi, the end of the last one.
const (
	spMax = 16
	spHi  = spMax - 1.0/16
)

// SpRows is the number of table rows: the centres -spMax, ..., spMax-1/8
// in steps of 1/8, a power of two so that the index needs no bounds
// check when masked.
const SpRows = 16 * spMax

// spRow holds one interval's coefficients: a polynomial in h, the
// distance from the interval's centre in units of its width, so that the
// value is c[0] + c[1]·h + h²·(c[2] + c[3]·h + c[4]·h²).
type spRow [5]float64

// SpTab and SigTab are the tables of softplus and σ.
var SpTab, SigTab = spTables()

// spMagic is 1.5·2**52: adding it to a float64 of magnitude below 2**51
// rounds it to an integer, which the low bits of the sum hold.
const spMagic = 0x1.8p52

// spTables builds the tables from the derivatives of softplus,
// polynomials in σ: softplus' = σ and σ' = σ - σ².
func spTables() (sp, sig [SpRows]spRow) {
	const deg = 4
	// d[k] is the k-th derivative of softplus as the coefficients of a
	// polynomial in σ, for k = 1..deg+1.
	var d [deg + 2][]float64
	d[1] = []float64{0, 1}
	for k := 2; k <= deg+1; k++ {
		p := d[k-1]
		q := make([]float64, len(p)+1)
		// p'(σ)·(σ - σ²)
		for j := 1; j < len(p); j++ {
			c := float64(j) * p[j]
			q[j] += c
			q[j+1] -= c
		}
		d[k] = q
	}
	for i := range sp {
		c := float64(i-8*spMax) / 8
		s := 1 / (1 + math.Exp(-c))
		var der [deg + 2]float64
		der[0] = math.Log1p(math.Exp(-math.Abs(c))) + max(c, 0)
		for k := 1; k <= deg+1; k++ {
			v := 0.0
			for j := len(d[k]) - 1; j >= 0; j-- {
				v = v*s + d[k][j]
			}
			der[k] = v
		}
		der[1] = s
		f := 1.0 // k!·8**k
		for k := 0; k <= deg; k++ {
			if k > 0 {
				f *= float64(k) * 8
			}
			sp[i][k] = der[k] / f
			sig[i][k] = der[k+1] / f
		}
	}
	return sp, sig
}

// spBias is spMagic plus the offset of the tables' first centre, -spMax,
// in eighths.
const spBias = spMagic + 8*spMax

// SpArg returns, for m8 = 8·t with t a float32, the table row k of t and
// h, the distance from its centre in eighths, in [-1/2, 1/2]. k is at
// least SpRows when t is outside the tables (below -spMax-1/16 or at
// spHi and above), infinite or NaN: then h is meaningless. The kernels
// mask k to index the tables without a branch and OR the k's together
// to learn, after the loop, whether any element needs the exact path.
func SpArg(m8 float64) (uint64, float64) {
	r := m8 + spBias // rounds m8 to an integer, held in the low bits
	return math.Float64bits(r) - math.Float64bits(spMagic), m8 - (r - spBias)
}

// SpPoly evaluates row c at h.
func SpPoly(c *spRow, h float64) float64 {
	h2 := h * h
	return (c[0] + c[1]*h) + h2*((c[2]+c[3]*h)+h2*c[4])
}

// SoftplusSlow returns ATen's float32 log1p(exp(t)) for t outside the
// tables, or NaN: the exponential rounded to float32 first, so that it
// overflows to +Inf above about 88.72 (and the loss with it).
func SoftplusSlow(t float32) float32 {
	e := [1]float32{t}
	ExpTo32(e[:], e[:])
	Log1pTo32(e[:], e[:])
	return e[0]
}

// ExpSlow returns exp(t) rounded to float32, as the chunked kernels
// compute it.
//
// The kernels' fast loops call neither: a call in a loop makes the
// compiler keep the loop's variables on the stack. They note the
// elements outside the tables and redo them in a second pass.
func ExpSlow(t float32) float32 {
	e := [1]float32{t}
	ExpTo32(e[:], e[:])
	return e[0]
}
