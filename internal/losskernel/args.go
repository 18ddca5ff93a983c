package losskernel

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
