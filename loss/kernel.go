package loss

import (
	"sync"

	"kt/internal/losskernel"
	"kt/tensor"
)

// maxArgs is the most tensors an elementwise kernel takes.
const maxArgs = losskernel.MaxArgs

// The slices, upstream gradient and options an elementwise kernel sees
// are package losskernel's, where the float32 kernels live.
type (
	args[T tensor.Float]     = losskernel.Args[T]
	upstream[T tensor.Float] = losskernel.Upstream[T]
	param[T tensor.Float]    = losskernel.Param[T]
)

// kernels are the two loops of an elementwise loss on one float type.
//
// fwd writes the loss of element i to out[i], reading in[k][i]; out and
// every present in[k] have the same length.
//
// bwd writes the gradient of element i with respect to input k to
// grad[k][i] for every grad[k] that is not nil (the plumbing allocates
// only those the caller needs), given the upstream gradient g.At(i).
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
