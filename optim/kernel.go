package optim

import (
	"math"
	"unsafe"

	"kt/internal/par"
	"kt/tensor"
)

// ATen's SGD is a chain of tensor operations, each rounded to the
// parameter's dtype, and every add with a scale (add(x, alpha=a)) is one
// fused multiply-add: self + a·x rounded once, as its AVX2 kernels and
// their scalar tails compute it. The loops here keep those roundings in
// that order, one pass over memory for the whole step.

// coef holds a step's scalars cast to T, as ATen casts them.
type coef[T tensor.Float] struct {
	wd, mom, damp, lr T    // weight decay, momentum, 1 - dampening, -lr
	maximize          bool // the gradients' signs flipped
}

// newCoef casts o's scalars to T.
func newCoef[T tensor.Float](o SGDOptions) coef[T] {
	return coef[T]{wd: T(o.WeightDecay), mom: T(o.Momentum), damp: T(1 - o.Dampening), lr: T(-o.LR), maximize: o.Maximize}
}

// kind is the shape of a step's loop.
type kind uint8

const (
	plainStep     kind = iota // no momentum: p += -lr·d
	firstMomentum             // momentum's first step: the buffer starts as d
	firstNesterov             // the same with Nesterov's update
	momentumStep              // b = momentum·b + d; p += -lr·b
	dampenedStep              // b = momentum·b + (1-dampening)·d; p += -lr·b
	nesterovStep              // as momentum, then p += -lr·(d + momentum·b)
)

// loopKind returns the loop of a step with options o; first says the
// momentum buffer has not been set yet.
func loopKind(o SGDOptions, first bool) kind {
	switch {
	case o.Momentum == 0:
		return plainStep
	case first && o.Nesterov:
		return firstNesterov
	case first:
		return firstMomentum
	case o.Nesterov:
		return nesterovStep
	case o.Dampening != 0:
		return dampenedStep
	}
	return momentumStep
}

// step updates p (and the momentum buffer b, nil for plain) from the
// gradient g, split across threads for large tensors. wd says the weight
// decay is not zero.
func step[T tensor.Float](k kind, wd bool, c coef[T], p, g, b []T) {
	g = g[:len(p)]
	if b != nil {
		b = b[:len(p)]
	}
	par.For(len(p), func(lo, hi int) {
		var bs []T
		if b != nil {
			bs = b[lo:hi]
		}
		stepRange(k, wd, c, p[lo:hi], g[lo:hi], bs)
	})
}

// stepRange runs one range of a step: the vector loop first, where the
// build has one, then the scalar loop of the same kind on what is left.
func stepRange[T tensor.Float](k kind, wd bool, c coef[T], p, g, b []T) {
	i := stepVec(k, wd, c, p, g, b)
	p, g = p[i:], g[i:]
	if b != nil {
		b = b[i:]
	}
	if k == firstMomentum || k == firstNesterov {
		stepRef(wd, c, p, g, b, true, k == firstNesterov)
		return
	}
	for i := 0; i < len(p); i++ {
		switch {
		case k == plainStep && !wd:
			i = plainLoop(c, p, g, i)
		case k == plainStep:
			i = plainDecayLoop(c, p, g, i)
		case k == momentumStep && !wd:
			i = momentumLoop(c, p, g, b, i)
		case k == momentumStep:
			i = momentumDecayLoop(c, p, g, b, i)
		case k == dampenedStep && !wd:
			i = dampenedLoop(c, p, g, b, i)
		case k == dampenedStep:
			i = dampenedDecayLoop(c, p, g, b, i)
		case !wd:
			i = nesterovLoop(c, p, g, b, i)
		default:
			i = nesterovDecayLoop(c, p, g, b, i)
		}
		if i < len(p) {
			var bi []T
			if b != nil {
				bi = b[i : i+1]
			}
			stepRef(wd, c, p[i:i+1], g[i:i+1], bi, false, k == nesterovStep)
		}
	}
}

// stepVec runs the vector form of a loop over the first elements, where
// the build has one, and returns how many it took.
func stepVec[T tensor.Float](k kind, wd bool, c coef[T], p, g, b []T) int {
	if unsafe.Sizeof(c.wd) != 4 {
		return 0
	}
	return stepVec32(k, wd, *(*coef[float32])(unsafe.Pointer(&c)), f32(p), f32(g), f32(b))
}

// f32 returns s as the []float32 it is when T is float32.
func f32[T tensor.Float](s []T) []float32 {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*float32)(unsafe.Pointer(&s[0])), len(s))
}

// stepRef is the step in PyTorch's words, one element at a time with the
// options tested in the loop (momentum when b is not nil; first says b is
// not yet set): the reference the fused loops are tested against, and
// the loop of momentum's first step.
func stepRef[T tensor.Float](wd bool, c coef[T], p, g, b []T, first, nest bool) {
	for i := range p {
		d := flip(g[i], c.maximize) // d = -grad with maximize
		if wd {
			d = fma(c.wd, p[i], d) // d = d.add(p, alpha=weight_decay)
		}
		if b != nil {
			if first {
				b[i] = d // b = clone(d)
			} else {
				b[i] = fma(c.damp, d, T(b[i]*c.mom)) // b.mul_(momentum).add_(d, alpha=1-dampening)
			}
			if nest {
				d = fma(c.mom, b[i], d) // d = d.add(b, alpha=momentum)
			} else {
				d = b[i]
			}
		}
		p[i] = fma(c.lr, d, p[i]) // p.add_(d, alpha=-lr)
	}
}

// The fused loops, one for each kind of later step with and without
// weight decay: stepRef with its tests taken out of the loop. Each runs
// from element i and returns where it stopped: at the end, or at an
// element whose float32 sums fmaFast cannot round alone, which stepRange
// hands to stepRef (the loops make no call, so they keep their values in
// registers).

func plainLoop[T tensor.Float](c coef[T], p, g []T, i int) int {
	g = g[:len(p)]
	for ; i < len(p); i++ {
		v, ok := fmaFast(c.lr, flip(g[i], c.maximize), p[i])
		if !ok {
			break
		}
		p[i] = v
	}
	return i
}

func plainDecayLoop[T tensor.Float](c coef[T], p, g []T, i int) int {
	g = g[:len(p)]
	for ; i < len(p); i++ {
		x := p[i]
		d, ok1 := fmaFast(c.wd, x, flip(g[i], c.maximize))
		v, ok2 := fmaFast(c.lr, d, x)
		if !ok1 || !ok2 {
			break
		}
		p[i] = v
	}
	return i
}

func momentumLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		m := T(b[i]*c.mom) + flip(g[i], c.maximize) // 1-dampening is 1
		v, ok := fmaFast(c.lr, m, p[i])
		if !ok {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

func momentumDecayLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		x := p[i]
		d, ok1 := fmaFast(c.wd, x, flip(g[i], c.maximize))
		m := T(b[i]*c.mom) + d
		v, ok2 := fmaFast(c.lr, m, x)
		if !ok1 || !ok2 {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

func dampenedLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		m, ok1 := fmaFast(c.damp, flip(g[i], c.maximize), T(b[i]*c.mom))
		v, ok2 := fmaFast(c.lr, m, p[i])
		if !ok1 || !ok2 {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

func dampenedDecayLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		x := p[i]
		d, ok1 := fmaFast(c.wd, x, flip(g[i], c.maximize))
		m, ok2 := fmaFast(c.damp, d, T(b[i]*c.mom))
		v, ok3 := fmaFast(c.lr, m, x)
		if !ok1 || !ok2 || !ok3 {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

func nesterovLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		d := flip(g[i], c.maximize)
		m := T(b[i]*c.mom) + d // Nesterov has no dampening
		e, ok1 := fmaFast(c.mom, m, d)
		v, ok2 := fmaFast(c.lr, e, p[i])
		if !ok1 || !ok2 {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

func nesterovDecayLoop[T tensor.Float](c coef[T], p, g, b []T, i int) int {
	g, b = g[:len(p)], b[:len(p)]
	for ; i < len(p); i++ {
		x := p[i]
		d, ok1 := fmaFast(c.wd, x, flip(g[i], c.maximize))
		m := T(b[i]*c.mom) + d
		e, ok2 := fmaFast(c.mom, m, d)
		v, ok3 := fmaFast(c.lr, e, x)
		if !ok1 || !ok2 || !ok3 {
			break
		}
		p[i], b[i] = v, m
	}
	return i
}

// flip returns -v with maximize (NaN's sign flipped, as ATen's neg flips
// it), else v. A branch the same for every element costs less here than
// flipping the sign bit in an integer register.
func flip[T tensor.Float](v T, maximize bool) T {
	if maximize {
		return -v
	}
	return v
}

// fma returns a·x + c rounded once to T.
func fma[T tensor.Float](a, x, c T) T {
	v, exact := fmaFast(a, x, c)
	if !exact {
		v = T(roundOdd(float64(a)*float64(x), float64(c)))
	}
	return v
}

// fmaFast returns a·x + c rounded once to T, unless exact is false, when
// the caller must take fma. For float32, the product of two float32s is
// exact in float64, so the float64 sum s is rounded once; rounding s
// again to float32 gives the correctly rounded result unless s fell
// exactly halfway between two float32s (the low 29 bits of its fraction
// are 1 then zeros) or below float32's normal range, and the sum was
// inexact: then s may be a tie the exact sum is not on.
func fmaFast[T tensor.Float](a, x, c T) (v T, exact bool) {
	if unsafe.Sizeof(a) == 8 {
		return T(math.FMA(float64(a), float64(x), float64(c))), true
	}
	p, q := float64(a)*float64(x), float64(c)
	s := p + q
	b, t := math.Float64bits(s), s-p
	// (p-(s-t))+(q-t) is Knuth's two-sum: the error of s
	return T(s), b&(1<<29-1) != 1<<28 && b<<1 >= (1023-126)<<53 || (p-(s-t))+(q-t) == 0
}

// roundOdd returns p + q rounded to float64 by rounding to odd: when the
// sum is inexact, the neighbour whose last bit is odd, so that its
// rounding to float32 (29 bits coarser) is the exact sum's.
//
//go:noinline
func roundOdd(p, q float64) float64 {
	s := p + q
	t := s - p
	e := (p - (s - t)) + (q - t) // Knuth's two-sum: s + e = p + q exactly
	if e == 0 || math.IsInf(s, 0) || math.IsNaN(e) {
		return s
	}
	b := math.Float64bits(s)
	if (e > 0) == (s > 0) {
		b |= 1 // the exact sum is further from 0 than s
	} else {
		b = (b - 1) | 1
	}
	return math.Float64frombits(b)
}
