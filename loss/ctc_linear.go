package loss

import (
	"math"

	"kt/internal/vmath"
)

// CTC's recursions in linear space. ATen runs them in log space: every
// cell of α and β takes a log-sum-exp, two exponentials and a logarithm.
// The same sums over paths, taken on probabilities with α rescaled to sum
// to 1 at each time step (as in Graves et al. 2006), take one
// exponential per label and time step and a logarithm per time step.
//
// They are exact where nothing underflows, which the kernels make sure
// of: a sample takes them when the log-probabilities of its time steps
// are finite, those of its labels and blank in [ctcLinLo, ctcLinHi] (so
// that an emission is a normal number and no product overflows), and
// while, at each time step, no α or β other than 0 of the positions that
// can still be on a path falls below ctcLinMin of their sum (ctcScale).
// Else the sample takes the log-space recursions of ctc.go, which give
// ATen's infinities and NaN for infeasible and non-finite samples (-Inf in
// a class the sample does not use gives NaN there). Both agree within
// float64 rounding (TestCTCLinear).
const (
	ctcLinLo  = -300.0
	ctcLinHi  = 30.0
	ctcLinMin = 1e-150
)

// ctcLinRows reports whether sample b's log-probabilities are finite,
// and those of its extended labels ext in [ctcLinLo, ctcLinHi], at each
// of its time steps.
func ctcLinRows[T real](p *ctcPlan, lp []T, b int, ext []int) bool {
	for t := range p.il[b] {
		row := lp[(t*p.n+b)*p.c:][:p.c]
		for _, v := range row {
			if f := float64(v); f-f != 0 { // ±Inf or NaN
				return false
			}
		}
		for _, c := range ext {
			if f := float64(row[c]); !(f >= ctcLinLo && f <= ctcLinHi) {
				return false
			}
		}
	}
	return true
}

// ctcWindow returns the positions [lo, hi) of a sample of w positions and
// tb time steps that can be on a path at time t: reached from the start
// in t steps and able to reach the end in the steps left.
func ctcWindow(w, tb, t int) (int, int) {
	return max(w-2*(tb-t), 0), min(w, 2*t+2)
}

// ctcAlphaLinear fills sample b's α in linear space, each time step's
// positions scaled to sum to 1, with 0 outside the window, records the
// log of each step's scale in p.scale, and returns the negative
// log-likelihood; false when the sample must take the log-space
// recursions (its α is then to be filled again).
func ctcAlphaLinear[T real](p *ctcPlan, lp []T, b int, sc *ctcScratch) (float64, bool) {
	tb, l := p.il[b], p.tl[b]
	if tb == 0 || l == 0 {
		return 0, false
	}
	w := p.labels(b, sc)
	ext, skip := sc.ext[:w], sc.skip[:w]
	if !ctcLinRows(p, lp, b, ext) {
		return 0, false
	}
	la := p.alpha[b*p.t*p.width:]
	scale := p.scale[b*p.t:][:tb]
	logC := 0.0
	for t := range tb {
		row := lp[(t*p.n+b)*p.c:][:p.c]
		cur := la[t*p.width:][:w]
		lo, hi := ctcWindow(w, tb, t)
		if lo >= hi {
			return 0, false // no path: the log recursions give +Inf
		}
		blank := vmath.Exp(float64(row[p.blank]))
		if t == 0 {
			clear(cur)
			for s := lo; s < hi; s++ { // s is 0 or 1
				cur[s] = blank
				if s == 1 {
					cur[s] = vmath.Exp(float64(row[ext[1]]))
				}
			}
		} else {
			prev := la[(t-1)*p.width:][:w]
			clear(cur[:lo])
			for s := lo; s < hi; s++ {
				v := prev[s]
				if s > 0 {
					v += prev[s-1]
				}
				if skip[s] {
					v += prev[s-2]
				}
				e := blank
				if s&1 == 1 {
					e = vmath.Exp(float64(row[ext[s]]))
				}
				cur[s] = v * e
			}
			clear(cur[hi:])
		}
		c, ok := ctcScale(cur[lo:hi])
		if !ok {
			return 0, false
		}
		logC += math.Log(c)
		scale[t] = logC
	}
	last := la[(tb-1)*p.width:][:w]
	return -(logC + math.Log(last[w-1]+last[w-2])), true
}

// ctcScale divides v by its sum and returns the sum; false when the sum
// is not a positive finite number or an element other than 0 falls below
// ctcLinMin of it. A 0 is a position no path takes (one that needs more
// steps because of repeated labels): it stays 0, as its log is -Inf in
// log space. Any other element is a sum of scaled elements of the step
// before (each at least ctcLinMin) times an emission (at least
// e**ctcLinLo, 5e-131): 5e-281 or more, a normal number, so that no zero
// comes from an underflow.
func ctcScale(v []float64) (float64, bool) {
	c, m := 0.0, math.Inf(1)
	for _, x := range v {
		c += x
		if x != 0 {
			m = min(m, x)
		}
	}
	if !(c > 0 && c <= math.MaxFloat64) || !(m >= ctcLinMin*c) {
		return 0, false
	}
	r := 1 / c
	for i := range v {
		v[i] *= r
	}
	return c, true
}

// ctcAlphaToLog turns sample b's linear α, as ctcAlphaLinear leaves it,
// into the log α of ctc.go, for a gradient that takes the log-space
// recursions.
func ctcAlphaToLog(p *ctcPlan, b int) {
	la, w := p.alpha[b*p.t*p.width:], 2*p.tl[b]+1
	for t, lc := range p.scale[b*p.t:][:p.il[b]] {
		row := la[t*p.width:][:w]
		for s, v := range row {
			row[s] = math.Log(v) + lc // 0 gives -Inf
		}
	}
	p.lin[b] = false
}

// ctcGradLinear writes the gradient of sample b's loss (times gr), as
// ctcGrad does, from its linear α, taking β from the end backwards: with
// β'(s) the probability of the rest of the path after the emission at t,
// the occupancy of class c at t is the sum of α(s)β'(s) over its
// positions s, over the same sum over all positions (the likelihood), and
// the gradient exp(lp) minus it. It returns false, when β leaves the
// bounds of ctcScale; the rows it has written are then to be written
// again.
func ctcGradLinear[T real](p *ctcPlan, lp []T, grad []T, sc *ctcScratch, b int, gr float64) bool {
	tb := p.il[b]
	w := p.labels(b, sc)
	ext, skip := sc.ext[:w], sc.skip[:w]
	la := p.alpha[b*p.t*p.width:]
	cur, next := sc.lcab[:w], sc.lin[:w] // β' at t; β at t+1, scaled
	ex, occ := sc.ex, sc.acc
	for t := tb - 1; t >= 0; t-- {
		row := lp[(t*p.n+b)*p.c:][:p.c]
		gt := grad[(t*p.n+b)*p.c:][:p.c]
		for c, v := range row {
			ex[c] = vmath.Exp(float64(v))
		}
		lo, hi := ctcWindow(w, tb, t)
		clear(cur)
		if t == tb-1 {
			cur[w-1], cur[w-2] = 1, 1
		} else {
			for s := lo; s < hi; s++ {
				v := next[s]
				if s+1 < w {
					v += next[s+1]
				}
				if s+2 < w && skip[s+2] {
					v += next[s+2]
				}
				cur[s] = v
			}
		}
		al := la[t*p.width:][:w]
		z := 0.0
		clear(occ)
		for s := lo; s < hi; s++ {
			v := al[s] * cur[s]
			z += v
			occ[ext[s]] += v
		}
		r := 1 / z
		for c, v := range ex {
			gt[c] = T((v - occ[c]*r) * gr)
		}
		if t > 0 {
			clear(next)
			for s := lo; s < hi; s++ {
				next[s] = cur[s] * ex[ext[s]]
			}
			if _, ok := ctcScale(next[lo:hi]); !ok {
				return false
			}
		}
	}
	return true
}
