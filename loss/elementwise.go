package loss

import (
	"kt/internal/losskernel"
	"kt/internal/par"
	"kt/internal/stop"
	"kt/tensor"
)

// real is the set of storage types of float tensors, which the
// plumbing reaches with tensor.Data; kernels are generic over the wider
// tensor.Float.
type real interface{ float32 | float64 }

// elementwise is the plan of a loss computed element by element over
// inputs broadcast to one shape, then reduced: everything but the loss's
// own two loops. A loss checks its inputs and options, fills one in and
// calls run.
//
// The plan lives on the caller's stack: run copies what the backward
// needs into a node only when it records, so a call that does not record
// allocates nothing but its output.
type elementwise struct {
	node      string       // grad_fn name, e.g. "MseLossBackward0"
	reduction Reduction    // None, Mean, Sum (or BatchMean, if batch != 0)
	batch     int          // divisor of BatchMean: size of the input's first dimension (-1: an empty batch)
	dtype     tensor.DType // type computed in (Float32 or Float64)
	shape     []int        // shape every input is broadcast to (see broadcast); nil: inputs[0]'s
	inputs    tensors      // the tensors in kernel order; nil for an absent one
	fixed     flags        // whether input k has no gradient (a target, a weight)
	out       tensor.DType // type of the output, when castOut (PyTorch casts to it)
	castOut   bool         // whether the output is cast to out
	sameTypes bool         // the backward refuses inputs of mixed types, as ATen's does
	k32       kernels[float32]
	k64       kernels[float64]
}

// tensors are a loss's inputs in kernel order, nil for an absent one. An
// array rather than a slice: the plan holds no slice of its own, so
// what it lends the backward cannot make it escape.
type tensors [maxArgs]*tensor.Tensor

// flags are a per-input property of a loss's inputs.
type flags [maxArgs]bool

// list returns the inputs up to the last present one.
func (ts *tensors) list() []*tensor.Tensor {
	n := len(ts)
	for n > 0 && ts[n-1] == nil {
		n--
	}
	return append([]*tensor.Tensor(nil), ts[:n]...)
}

// broadcast returns the shape the present tensors of ts broadcast to,
// aligning trailing dimensions (PyTorch's message if they do not), or nil
// when they all have the shape of ts[0], which is then the shape.
func broadcast(ts ...*tensor.Tensor) ([]int, error) {
	same := true
	for _, t := range ts[1:] {
		if t != nil && !t.SameShapeAs(ts[0]) {
			same = false
		}
	}
	if same {
		return nil, nil
	}
	shapes := make([][]int, 0, len(ts))
	for _, t := range ts {
		if t != nil {
			shapes = append(shapes, t.Shape())
		}
	}
	return tensor.BroadcastShapes(shapes...)
}

// run computes the loss and records its node.
func (e *elementwise) run(c *tensor.Ctx) (*tensor.Tensor, error) {
	if err := e.reduction.check(e.batch != 0); err != nil {
		return nil, err
	}
	if e.dtype == tensor.Float32 {
		return runT(c, e, &e.k32)
	}
	return runT(c, e, &e.k64)
}

// numel returns the number of elements of the broadcast shape.
func (e *elementwise) numel() int {
	if e.shape == nil {
		return e.inputs[0].Numel()
	}
	n := 1
	for _, s := range e.shape {
		n *= s
	}
	return n
}

// alloc returns a tensor of the broadcast shape (nil: like's) whose
// elements are unset, and its storage (see tensor.Alloc).
func alloc[T real](shape []int, like *tensor.Tensor) (*tensor.Tensor, []T, error) {
	if shape == nil {
		return tensor.AllocLike[T](like)
	}
	return tensor.Alloc[T](shape...)
}

// prepare returns the elements of t as type d, broadcast to shape (nil:
// t's own). A tensor of type d and of that shape is read in place.
func prepare[T real](t *tensor.Tensor, d tensor.DType, shape []int) ([]T, error) {
	if t.DType() == d && shape == nil {
		return tensor.Data[T](t), nil
	}
	t = t.To(d)
	if shape != nil {
		var err error
		if t, err = t.Expand(shape...); err != nil {
			return nil, err
		}
	}
	return tensor.Data[T](t), nil
}

func runT[T real](c *tensor.Ctx, e *elementwise, k *kernels[T]) (*tensor.Tensor, error) {
	var in args[T]
	for i, t := range e.inputs {
		if t == nil {
			continue
		}
		s, err := prepare[T](t, e.dtype, e.shape)
		if err != nil {
			return nil, err
		}
		in[i] = s
	}
	n := e.numel()
	var pre []T // the input's gradient for an upstream gradient of 1, when fused
	var preT *tensor.Tensor
	if e.fusable(c, k.fuse != nil) {
		var err error
		if preT, pre, err = tensor.AllocLike[T](e.inputs[0]); err != nil {
			return nil, err
		}
	}
	out, div, err := forward(e, k, in, n, pre)
	if err != nil {
		return nil, err
	}
	if e.castOut && e.out != e.dtype {
		// The output is PyTorch's: cast to its type. The node's
		// gradient arrives in that type and is cast back in backward.
		cast := out.To(e.out)
		out.Free()
		out = cast
	}
	if !c.GradEnabled() || !tensor.AnyRequiresGrad(e.inputs[:]...) {
		return out, nil
	}
	nd := &node[T]{
		reduction: e.reduction, dtype: e.dtype, sameTypes: e.sameTypes,
		inputs: e.inputs.list(),
		k:      *k, in: in, n: n, div: div, pre: preT,
	}
	if e.shape != nil {
		nd.shape = append([]int(nil), e.shape...)
	}
	for i, t := range e.inputs {
		nd.need[i] = t != nil && t.RequiresGrad() && !e.fixed[i]
	}
	c.Record(out, e.node, nd.inputs, nd.backward)
	if preT != nil {
		// freed without a backward (a loss only looked at), the gradient
		// the forward wrote goes back to the cache for the next forward
		out.OnFree(func() {
			if nd.pre != nil {
				nd.pre.Free()
				nd.pre = nil
			}
		})
	}
	return out, nil
}

// fusable reports whether the forward computes the input's gradient as
// it goes (see kernels.fuse): the loss has a fused kernel (has), it
// records, it reduces, its inputs are not broadcast, and the input is the
// only one that gets a gradient. A backward with an upstream gradient of
// 1, the usual one, then finds the gradient made, one pass over memory
// saved; any other reruns the backward kernel into the same buffer.
func (e *elementwise) fusable(c *tensor.Ctx, has bool) bool {
	if !has || e.reduction == None || e.shape != nil || !c.GradEnabled() {
		return false
	}
	for i, t := range e.inputs {
		need := t != nil && t.RequiresGrad() && !e.fixed[i]
		if need != (i == 0) {
			return false
		}
	}
	return e.inputs[0].DType() == e.dtype
}

// divisor returns the divisor of the reduction: the element count n for
// Mean, the batch size for BatchMean, 1 for None and Sum.
func (e *elementwise) divisor(n int) float64 {
	switch e.reduction {
	case Mean:
		return float64(n)
	case BatchMean:
		return float64(max(e.batch, 0)) // an empty batch: 0/0, PyTorch's NaN
	}
	return 1
}

// forward runs the forward kernel over n elements and reduces. It returns
// the output and the divisor of the reduction (1 for None and Sum). With
// pre (reductions only), the fused kernel also writes to it the input's
// gradient for an upstream gradient of 1.
func forward[T real](e *elementwise, k *kernels[T], in args[T], n int, pre []T) (*tensor.Tensor, float64, error) {
	if e.reduction == None {
		out, o, err := alloc[T](e.shape, e.inputs[0])
		if err != nil {
			return nil, 1, err
		}
		if n < par.Grain {
			k.fwd(o, in, k.p)
		} else {
			kc := *k // a copy, so the closure does not make the plan escape
			par.For(n, func(lo, hi int) {
				if !stop.Requested() {
					kc.fwd(o[lo:hi], in.Sub(lo, hi), kc.p)
				}
			})
			if stop.Requested() { // interrupted: the output is never seen
				out.Free()
				return nil, 1, stop.Err
			}
		}
		return out, 1, nil
	}
	div := e.divisor(n)
	g := T(1 / div) // the upstream gradient per element, as backward works it out for 1
	var s float64
	if n < par.Grain {
		for lo := 0; lo < n; lo += par.Block {
			hi := min(lo+par.Block, n)
			s += blockSum(*k, in.Sub(lo, hi), losskernel.Part(pre, lo, hi), g)
		}
	} else {
		kc := *k
		s = par.Sum(n, func(lo, hi int) float64 {
			if stop.Requested() {
				return 0
			}
			return blockSum(kc, in.Sub(lo, hi), losskernel.Part(pre, lo, hi), g)
		})
		if stop.Requested() {
			return nil, 1, stop.Err
		}
	}
	v := T(s)
	if div != 1 {
		v /= T(div) // as PyTorch: the sum in the tensor's type, then the division
	}
	return tensor.Scalar(v), div, nil
}

// blockSum returns the sum of the forward kernel's values over one block
// of par.Block elements or fewer: the fused sum kernel's, or the forward
// kernel's values summed through a scratch chunk. With gx, the fuse
// kernel's, which also writes the input's gradient for the upstream
// gradient g.
func blockSum[T real](k kernels[T], in args[T], gx []T, g T) float64 {
	if gx != nil {
		return k.fuse(gx, in, k.p, g)
	}
	if k.sum != nil {
		return k.sum(in, k.p)
	}
	buf := scratch[T]()
	n := in.Len()
	s := 0.0
	for j := 0; j < n; j += chunk {
		m := min(chunk, n-j)
		k.fwd(buf[:m], in.Sub(j, j+m), k.p)
		s += losskernel.Sum64(buf[:m])
	}
	release(buf)
	return s
}

// node is what a recorded loss keeps for its backward.
type node[T real] struct {
	reduction Reduction
	dtype     tensor.DType
	shape     []int // the broadcast shape; nil: inputs[0]'s
	inputs    []*tensor.Tensor
	need      [maxArgs]bool // whether input k gets a gradient
	sameTypes bool
	k         kernels[T]
	in        args[T]
	n         int
	div       float64
	pre       *tensor.Tensor // the input's gradient made by the forward (see fusable); nil once used
}

// backward allocates the gradients the inputs need, runs the backward
// kernel, and sums each gradient back to its input's shape and type.
func (nd *node[T]) backward(g *tensor.Tensor) ([]*tensor.Tensor, error) {
	if nd.sameTypes {
		if err := sameTypes(nd.inputs, nd.dtype); err != nil {
			return nil, err
		}
	}
	n := nd.n
	var up upstream[T]
	gs := tensor.Data[T](g.To(nd.dtype))
	if nd.reduction == None {
		up.Per = gs
		if len(gs) != n {
			return nil, tensor.ErrShape
		}
	} else if len(gs) == 1 {
		up.S = T(float64(gs[0]) / nd.div)
	}
	var grad args[T]
	var gts [maxArgs]*tensor.Tensor
	pre := nd.pre
	nd.pre = nil // the gradient goes to its caller, who may change it
	for i := range nd.inputs {
		if !nd.need[i] {
			continue
		}
		if i == 0 && pre != nil {
			gts[i], grad[i] = pre, tensor.Data[T](pre) // the backward kernel overwrites every element
			continue
		}
		var err error
		if gts[i], grad[i], err = alloc[T](nd.shape, nd.inputs[0]); err != nil {
			return nil, err
		}
	}
	k, in := &nd.k, nd.in
	switch {
	case pre != nil && up.Per == nil && len(gs) == 1 && gs[0] == 1:
		// made by the forward
	case n < par.Grain:
		k.bwd(grad, in, up, k.p)
	default:
		par.For(n, func(lo, hi int) { k.bwd(grad.Sub(lo, hi), in.Sub(lo, hi), up.Sub(lo, hi), k.p) })
	}
	res := make([]*tensor.Tensor, len(nd.inputs))
	for i, t := range nd.inputs {
		gt := gts[i]
		if gt == nil {
			continue
		}
		var err error
		if res[i], err = sumGrad(gt, t); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// sameTypes returns PyTorch's error for a backward kernel given tensors
// of mixed types: the gradient of the first input, the inputs, and the
// output gradient (of type d) must all have the first input's type.
func sameTypes(inputs []*tensor.Tensor, d tensor.DType) error {
	want := inputs[0].DType()
	for _, t := range inputs {
		if t != nil && t.DType() != want {
			return dtypeMismatch(t.DType(), want)
		}
	}
	if d != want {
		return dtypeMismatch(d, want)
	}
	return nil
}
