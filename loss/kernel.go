package loss

import (
	"sync"

	"kt/internal/losskernel"
	"kt/tensor"
)

// maxArgs is the most tensors an elementwise kernel takes.
const maxArgs = 4

// args holds the slices an elementwise kernel reads or writes, in the
// loss's input order; absent ones are nil. It is passed by value, so
// slicing it for a chunk allocates nothing.
type args[T tensor.Float] [maxArgs][]T

// sub returns the chunk [lo, hi) of every present slice.
func (a args[T]) sub(lo, hi int) args[T] {
	var s args[T]
	for i, x := range a {
		if x != nil {
			s[i] = x[lo:hi]
		}
	}
	return s
}

// len returns the length of the present slices.
func (a args[T]) len() int {
	for _, x := range a {
		if x != nil {
			return len(x)
		}
	}
	return 0
}

// upstream is the gradient arriving at a loss's output, seen per element:
// per[i]*s for reduction none (s is 1), or the one value s (the output
// gradient, divided by the element count for mean) otherwise.
type upstream[T tensor.Float] struct {
	per []T
	s   T
}

// at returns the upstream gradient of element i.
func (u upstream[T]) at(i int) T {
	if u.per != nil {
		return u.per[i]
	}
	return u.s
}

func (u upstream[T]) sub(lo, hi int) upstream[T] {
	if u.per != nil {
		u.per = u.per[lo:hi]
	}
	return u
}

// kernels are the two loops of an elementwise loss on one float type.
//
// fwd writes the loss of element i to out[i], reading in[k][i]; out and
// every present in[k] have the same length.
//
// bwd writes the gradient of element i with respect to input k to
// grad[k][i] for every grad[k] that is not nil (the plumbing allocates
// only those the caller needs), given the upstream gradient g.at(i).
//
// sum, optional, is fwd fused with the float64 summation of its values:
// it returns the sum of the losses of its elements. Hot losses provide it
// to skip the scratch buffer.
//
// fuse, optional, is sum fused with bwd for the input alone and a scalar
// upstream gradient g: it returns what sum returns and writes to gx[i]
// exactly what bwd would write to grad[0][i] given g. A recorded forward
// whose backward will want the input's gradient alone calls it instead
// of sum (see elementwise.fusable), so the backward need not read the
// inputs again.
//
// p holds the loss's scalar options; the plumbing passes it to each call.
type kernels[T tensor.Float] struct {
	fwd  func(out []T, in args[T], p param[T])
	bwd  func(grad args[T], in args[T], g upstream[T], p param[T])
	sum  func(in args[T], p param[T]) float64
	fuse func(gx []T, in args[T], p param[T], g T) float64
	p    param[T]
}

// param is a loss's scalar options as its kernels see them, in the
// kernels' type. (Kernels are top-level functions that take their options
// as a value rather than closures that capture them: Go does not inline
// generic helpers called from closures inside generic functions.)
type param[T tensor.Float] struct {
	a, b   T    // scalar options, as each loss names them (beta, margin, eps, ...)
	f1, f2 bool // flags, as each loss names them (log_input, full)
	r32    bool // round the input-only subexpressions to float32 (see round32)
}

// chunk is the length of the scratch buffer a reduced forward writes
// element losses to before summing them: small enough to stay in L1.
const chunk = losskernel.Chunk

var (
	pool32 = sync.Pool{New: func() any { return new([chunk]float32) }}
	pool64 = sync.Pool{New: func() any { return new([chunk]float64) }}
)

// scratch returns a chunk buffer from the pool, and the function that
// returns it.
func scratch[T tensor.Float]() []T {
	var z T
	switch any(z).(type) {
	case float32:
		if b, ok := pool32.Get().(*[chunk]float32); ok {
			if s, ok := any(b[:]).([]T); ok {
				return s
			}
		}
	case float64:
		if b, ok := pool64.Get().(*[chunk]float64); ok {
			if s, ok := any(b[:]).([]T); ok {
				return s
			}
		}
	}
	return make([]T, chunk)
}

func release[T tensor.Float](s []T) {
	switch b := any(s).(type) {
	case []float32:
		pool32.Put((*[chunk]float32)(b))
	case []float64:
		pool64.Put((*[chunk]float64)(b))
	}
}

// sum64 returns the sum of s accumulated in float64, over four
// independent partial sums so the additions pipeline.
func sum64[T tensor.Float](s []T) float64 {
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
