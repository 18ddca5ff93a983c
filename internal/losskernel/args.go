package losskernel

import "kt/internal/vmath"

// Float is the float types an elementwise kernel takes.
type Float interface{ ~float32 | ~float64 }

// MaxArgs is the most tensors an elementwise kernel takes.
const MaxArgs = 4

// Args holds the slices an elementwise kernel reads or writes, in the
// loss's input order; absent ones are nil. It is passed by value, so
// slicing it for a chunk allocates nothing.
type Args[T Float] [MaxArgs][]T

// Sub returns the chunk [lo, hi) of every present slice.
func (a Args[T]) Sub(lo, hi int) Args[T] {
	var s Args[T]
	for i, x := range a {
		if x != nil {
			s[i] = x[lo:hi]
		}
	}
	return s
}

// Len returns the length of the present slices.
func (a Args[T]) Len() int {
	for _, x := range a {
		if x != nil {
			return len(x)
		}
	}
	return 0
}

// Upstream is the gradient arriving at a loss's output, seen per element:
// Per[i]*S for reduction none (S is 1), or the one value S (the output
// gradient, divided by the element count for mean) otherwise.
type Upstream[T Float] struct {
	Per []T
	S   T
}

// At returns the upstream gradient of element i.
func (u Upstream[T]) At(i int) T {
	if u.Per != nil {
		return u.Per[i]
	}
	return u.S
}

// Sub returns the upstream gradient of the chunk [lo, hi).
func (u Upstream[T]) Sub(lo, hi int) Upstream[T] {
	if u.Per != nil {
		u.Per = u.Per[lo:hi]
	}
	return u
}

// Param is a loss's scalar options as its kernels see them, in the
// kernels' type. (Kernels are top-level functions that take their options
// as a value rather than closures that capture them: Go does not inline
// generic helpers called from closures inside generic functions.)
type Param[T Float] struct {
	A, B   T    // scalar options, as each loss names them (beta, margin, eps, ...)
	F1, F2 bool // flags, as each loss names them (log_input, full)
	R32    bool // round the input-only subexpressions to float32 (see loss's round32)
}

// Sum64 returns the sum of s accumulated in float64, over four
// independent partial sums so the additions pipeline.
func Sum64[T Float](s []T) float64 {
	var a, b, c, d float64
	i := 0
	for ; i+4 <= len(s); i += 4 {
		a += float64(s[i])
		b += float64(s[i+1])
		c += float64(s[i+2])
		d += float64(s[i+3])
	}
	for ; i < len(s); i++ {
		a += float64(s[i])
	}
	return (a + b) + (c + d)
}

// Part returns s[lo:hi], or nil for a nil s.
func Part[T Float](s []T, lo, hi int) []T {
	if s == nil {
		return nil
	}
	return s[lo:hi]
}

// The elementary functions at precision T, as package loss's reference
// kernels take them: computed in float64 by package vmath and rounded to T.

func exp[T Float](v T) T   { return T(vmath.Exp(float64(v))) }
func log[T Float](v T) T   { return T(vmath.Log(float64(v))) }
func log1p[T Float](v T) T { return T(vmath.Log1p(float64(v))) }
