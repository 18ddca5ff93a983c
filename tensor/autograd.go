package tensor

import (
	"errors"
	"fmt"

	"kt/internal/stop"
)

// ErrFreedGraph is returned by Backward through a graph whose saved
// values were freed by an earlier Backward without retain.
var ErrFreedGraph = errors.New("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")

// BackwardFunc computes the gradients of an operation's inputs from the
// gradient of its output (same shape and dtype as the output). It returns
// one entry per input, in order: nil for an input that needs no gradient
// (see (*Tensor).RequiresGrad), otherwise a fresh tensor of that input's
// shape that nothing else holds: Backward owns it, and frees it once it is
// added into another gradient. (Returning the output gradient itself is
// allowed; Backward copies it.)
type BackwardFunc func(grad *Tensor) ([]*Tensor, error)

// Node is one recorded operation of the tape: the grad_fn of the tensor
// it made.
type Node struct {
	// Name is the operation's name as PyTorch's grad_fn shows it, e.g.
	// "MseLossBackward0".
	Name     string
	inputs   []*Tensor
	backward BackwardFunc
	freed    bool
	// held shares the counted storage of the inputs and the output, which
	// the backward may read, until the graph is freed: a Free of one of
	// them in between does not hand its storage to another tensor.
	held []*Tensor
	// release, if set, gives back what the operation saved for its
	// backward beyond held (see OnFree).
	release func()
}

// Ctx carries the settings of a computation. The nil *Ctx is the default:
// operations record onto the tape.
type Ctx struct {
	// NoGrad turns recording off, as PyTorch's torch.no_grad: results
	// have no history and do not require grad.
	NoGrad bool
}

// GradEnabled reports whether operations under c record.
func (c *Ctx) GradEnabled() bool { return c == nil || !c.NoGrad }

// Record makes out the result of a recorded operation named name on
// inputs, when c records and at least one input requires grad. It reports
// whether it recorded. Operations call it once their output is computed.
func (c *Ctx) Record(out *Tensor, name string, inputs []*Tensor, backward BackwardFunc) bool {
	if !c.GradEnabled() || !AnyRequiresGrad(inputs...) {
		return false
	}
	n := &Node{Name: name, inputs: inputs, backward: backward}
	for _, t := range inputs {
		n.hold(t)
	}
	n.hold(out)
	out.node = n
	out.requiresGrad = false
	return true
}

// hold keeps a reference to t's storage, if it is counted, until the node
// is freed.
func (n *Node) hold(t *Tensor) {
	if t != nil && t.blk != nil {
		n.held = append(n.held, t.Detach())
	}
}

// free drops the node's saved values: its backward and the storage it
// held.
func (n *Node) free() {
	n.freed = true
	n.backward = nil
	for _, t := range n.held {
		t.Free()
	}
	n.held = nil
	if f := n.release; f != nil {
		n.release = nil
		f()
	}
}

// OnFree sets f to run once, when the saved values of the operation that
// made t are freed: by a Backward through it without retain, or by
// t.Free before any. An operation that saves storage of its own for its
// backward (a gradient its forward wrote ahead) gives it back in f, so
// that a result freed without a backward, as a validation loss is, leaves
// that storage to the cache rather than to the garbage collector. It
// does nothing for a tensor without history.
func (t *Tensor) OnFree(f func()) {
	if t.node != nil {
		t.node.release = f
	}
}

// AnyRequiresGrad reports whether any of ts (nil entries allowed)
// requires grad.
func AnyRequiresGrad(ts ...*Tensor) bool {
	for _, t := range ts {
		if t != nil && t.RequiresGrad() {
			return true
		}
	}
	return false
}

// RequiresGrad reports whether gradients flow to t: a leaf marked with
// SetRequiresGrad, or the result of a recorded operation.
func (t *Tensor) RequiresGrad() bool { return t.requiresGrad || t.node != nil }

// IsLeaf reports whether t was not made by a recorded operation.
func (t *Tensor) IsLeaf() bool { return t.node == nil }

// GradFn returns the node that made t, or nil for a leaf.
func (t *Tensor) GradFn() *Node { return t.node }

// SetRequiresGrad marks a leaf as requiring (or not) a gradient. Only
// float tensors can require gradients, and only leaves can change.
func (t *Tensor) SetRequiresGrad(b bool) error {
	if t.node != nil {
		if b {
			return nil
		}
		return errors.New("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
	}
	if b && !t.dtype.IsFloat() {
		return errors.New("only Tensors of floating point and complex dtype can require gradients")
	}
	t.requiresGrad = b
	return nil
}

// Detach returns a tensor sharing t's storage, with no history, that does
// not require grad.
func (t *Tensor) Detach() *Tensor {
	d := header(t.dtype, t.shape)
	d.shareStorage(t)
	return d
}

// ZeroGrad sets every element of t's Grad to zero, keeping the tensor (as
// PyTorch 1.13's zero_grad with set_to_none=False). A nil Grad stays nil.
func (t *Tensor) ZeroGrad() {
	if t.Grad != nil {
		t.Grad.fill(0)
	}
}

// Backward computes the gradient of t with respect to every leaf that
// requires grad and adds it to the leaf's Grad. grad is the gradient of t
// itself (same shape); nil means ones, allowed only for a one-element t.
// Unless retain is true, the graph's saved values are freed, and a second
// Backward through it is an error (ErrFreedGraph).
func Backward(t, grad *Tensor, retain bool) error {
	if !t.RequiresGrad() {
		return errors.New("element 0 of tensors does not require grad and does not have a grad_fn")
	}
	if grad == nil {
		if t.Numel() != 1 {
			return errors.New("grad can be implicitly created only for scalar outputs")
		}
		grad, _ = Ones(t.dtype, t.shape...)
	} else {
		if !SameShape(grad.shape, t.shape) {
			return fmt.Errorf("Mismatch in shape: grad_output[0] has a shape of %s and output[0] has a shape of %s.", TorchSize(grad.shape), TorchSize(t.shape))
		}
		if !grad.dtype.IsFloat() {
			return fmt.Errorf("Expected a floating point gradient, got %v", grad.dtype.Title())
		}
		grad = grad.To(t.dtype).Detach()
	}
	if t.node == nil {
		return accumulate(t, grad.Clone())
	}
	order := topo(t.node)
	for _, n := range order {
		if n.freed {
			return ErrFreedGraph
		}
	}
	// The gradients the loop makes are its own: once added into another
	// (or found to need none), their storage goes back to the cache. The
	// leaves' gradients wait in leaves until the whole graph has run, so
	// that an error or an interrupt (stop.Requested, heeded between
	// nodes) leaves every Grad as it was: a backward pass happens whole
	// or not at all.
	grads := map[*Node]*Tensor{t.node: grad}
	var leaves []leafGrad
	fail := func(err error) error {
		for _, g := range grads {
			g.Free()
		}
		for _, l := range leaves {
			l.g.Free()
		}
		return err
	}
	for _, n := range order {
		g := grads[n]
		delete(grads, n)
		if g == nil {
			continue
		}
		if stop.Requested() {
			g.Free()
			return fail(stop.Err)
		}
		gs, err := n.backward(g)
		if err != nil {
			g.Free()
			return fail(err)
		}
		gs = distinct(gs, g)
		for i, gi := range gs {
			if gi == nil {
				continue
			}
			var in *Tensor
			if i < len(n.inputs) {
				in = n.inputs[i]
			}
			if in == nil || !in.RequiresGrad() {
				gi.Free()
				continue
			}
			if !SameShape(gi.shape, in.shape) {
				g.Free()
				return fail(fmt.Errorf("Function %s returned an invalid gradient at index %d - got %s but expected shape compatible with %s", n.Name, i, SizeString(gi.shape), SizeString(in.shape)))
			}
			if c := gi.To(in.dtype); c != gi {
				gi.Free()
				gi = c
			}
			if in.node == nil {
				leaves = append(leaves, leafGrad{in, gi})
				continue
			}
			if prev := grads[in.node]; prev != nil {
				addInto(prev, gi)
				gi.Free()
			} else {
				grads[in.node] = gi
			}
		}
		g.Free()
	}
	for _, l := range leaves {
		if l.leaf.requiresGrad && l.leaf.Grad != nil && !SameShape(l.leaf.Grad.shape, l.g.shape) {
			return fail(fmt.Errorf("%w: gradient %s does not match %s", ErrShape, SizeString(l.g.shape), SizeString(l.leaf.Grad.shape)))
		}
	}
	for _, l := range leaves {
		if err := accumulate(l.leaf, l.g); err != nil {
			return err // checked above: not reached
		}
	}
	if !retain {
		for _, n := range order {
			n.free()
		}
	}
	return nil
}

// leafGrad is a gradient g the backward pass owns, for a leaf.
type leafGrad struct{ leaf, g *Tensor }

// distinct returns gs with every entry that is g, or repeats an earlier
// entry, replaced by a copy, so that each gradient the loop takes has one
// owner.
func distinct(gs []*Tensor, g *Tensor) []*Tensor {
	for i, gi := range gs {
		if gi == nil {
			continue
		}
		dup := gi == g
		for _, prev := range gs[:i] {
			dup = dup || prev == gi
		}
		if dup {
			gs[i] = gi.Clone()
		}
	}
	return gs
}

// accumulate adds g, a gradient the caller owns, into leaf's Grad: g
// becomes the Grad if there is none yet, else it is added and freed.
func accumulate(leaf, g *Tensor) error {
	if !leaf.requiresGrad {
		g.Free()
		return nil
	}
	if c := g.To(leaf.dtype); c != g {
		g.Free()
		g = c
	}
	if leaf.Grad == nil {
		leaf.Grad = g
		return nil
	}
	if !SameShape(leaf.Grad.shape, g.shape) {
		return fmt.Errorf("%w: gradient %s does not match %s", ErrShape, SizeString(g.shape), SizeString(leaf.Grad.shape))
	}
	addInto(leaf.Grad, g)
	g.Free()
	return nil
}

// addInto adds src into dst elementwise (same shape and float dtype).
func addInto(dst, src *Tensor) {
	src = src.To(dst.dtype)
	switch d := dst.raw().(type) {
	case []float32:
		addSlice(d, src.Float32s())
	case []float64:
		addSlice(d, src.Float64s())
	}
}

func addSlice[T Float](d, s []T) {
	s = s[:len(d)]
	for i := range d {
		d[i] += s[i]
	}
}

// topo returns the nodes reachable from root, each after every node that
// consumes its output (reverse topological order, root first).
func topo(root *Node) []*Node {
	var post []*Node
	seen := map[*Node]bool{root: true}
	type frame struct {
		n *Node
		i int
	}
	stack := []frame{{root, 0}}
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		if f.i < len(f.n.inputs) {
			in := f.n.inputs[f.i]
			f.i++
			if in != nil && in.node != nil && !seen[in.node] {
				seen[in.node] = true
				stack = append(stack, frame{in.node, 0})
			}
			continue
		}
		post = append(post, f.n)
		stack = stack[:len(stack)-1]
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}
