package ktorch

import (
	"fmt"
	"slices"

	"kt/k"
	"kt/tensor"
)

// dtypeSyms are the tensor types by the names ktorch gives them.
var dtypeSyms = map[string]tensor.DType{
	"bool": tensor.Bool, "byte": tensor.Uint8, "char": tensor.Int8, "short": tensor.Int16,
	"int": tensor.Int32, "long": tensor.Int64, "float": tensor.Float32, "double": tensor.Float64,
}

// tensorOptions are the settings a tensor can be made with: its type and
// whether it requires a gradient. Devices other than the CPU do not exist here.
type tensorOptions struct {
	dtype    tensor.DType
	hasDType bool
	grad     bool
}

// parseTensorOptions reads a symbol or symbol list of tensor options; ok is
// false when x is not symbols.
func parseTensorOptions(x k.V) (tensorOptions, bool, error) {
	var o tensorOptions
	var syms []string
	switch v := x.(type) {
	case k.Sym:
		syms = []string{string(v)}
	case k.Syms:
		syms = v
	default:
		return o, false, nil
	}
	for _, s := range syms {
		if d, ok := dtypeSyms[s]; ok {
			o.dtype, o.hasDType = d, true
			continue
		}
		switch s {
		case "grad":
			o.grad = true
		case "nograd", "cpu", "strided", "unpinned", "contiguous":
		default:
			return o, true, fmt.Errorf("unrecognized tensor option: `%s", s)
		}
	}
	return o, true, nil
}

// apply converts a new tensor to the options' type and sets its gradient flag.
func (o tensorOptions) apply(t *tensor.Tensor) (*tensor.Tensor, error) {
	if o.hasDType && t.DType() != o.dtype {
		t = t.To(o.dtype)
	}
	if o.grad {
		if err := t.SetRequiresGrad(true); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// creation modes of tensor(`mode; size; ..)
var tensorModes = map[string]bool{"empty": true, "zeros": true, "ones": true, "full": true, "rand": true, "randn": true, "arange": true}

// tensorFn is the k-api's tensor: make a tensor from a k value (with
// options), from a creation mode, or read one back as a k value.
func (s *Session) tensorFn(x k.V) (k.V, error) {
	if _, o, ok, err := s.lookup(x); ok {
		if err != nil {
			return nil, err
		}
		t, isT := o.(*tensorObj)
		if !isT {
			return nil, fmt.Errorf("tensor not implemented for %s", o.class())
		}
		return kget(t.t), nil
	}
	if y, ok := item(x, 0); ok {
		if _, o, ok, err := s.lookup(y); ok {
			if err != nil {
				return nil, err
			}
			t, isT := o.(*tensorObj)
			if !isT {
				return nil, fmt.Errorf("tensor not implemented for %s", o.class())
			}
			if k.Count(x) == 1 {
				return kget(t.t), nil
			}
			return nil, fmt.Errorf("tensor: indexing a tensor is not implemented")
		}
		if m, ok := y.(k.Sym); ok {
			if !tensorModes[string(m)] {
				return nil, fmt.Errorf("unrecognized tensor creation mode: %s", m)
			}
			return s.tensorMode(x.(k.List), string(m))
		}
	}
	var opts tensorOptions
	v := x
	if l, ok := x.(k.List); ok && len(l) == 2 && !isPointer(l) {
		o, isOpt, err := parseTensorOptions(l[1])
		if err != nil {
			return nil, err
		}
		if isOpt {
			opts, v = o, l[0]
		}
	}
	t, err := kput(v)
	if err != nil {
		return nil, err
	}
	if t == nil {
		return nil, fmt.Errorf("tensor: undefined tensor")
	}
	if t, err = opts.apply(t); err != nil {
		return nil, err
	}
	return s.add(&tensorObj{t}), nil
}

// tensorMode makes a tensor by a creation mode: (`randn; 3 5; `double`grad).
func (s *Session) tensorMode(x k.List, mode string) (k.V, error) {
	args := x[1:]
	var opts tensorOptions
	if len(args) > 0 {
		o, isOpt, err := parseTensorOptions(args[len(args)-1])
		if err != nil {
			return nil, err
		}
		if isOpt {
			opts = o
			args = args[:len(args)-1]
		}
	}
	d := tensor.Float32
	if opts.hasDType {
		d = opts.dtype
	}
	bad := fmt.Errorf("unrecognized argument(s) for tensor creation mode: %s", mode)
	var t *tensor.Tensor
	var err error
	if mode == "arange" {
		var r []float64
		for _, a := range args {
			f, ok := numAtom(a)
			if !ok {
				return nil, bad
			}
			r = append(r, f)
		}
		if !opts.hasDType {
			d = tensor.Int64
			for _, a := range args {
				if _, isLong := a.(k.Long); !isLong {
					d = tensor.Float32
				}
			}
		}
		switch len(r) {
		case 1:
			t, err = tensor.Arange(d, 0, r[0], 1)
		case 2:
			t, err = tensor.Arange(d, r[0], r[1], 1)
		case 3:
			t, err = tensor.Arange(d, r[0], r[1], r[2])
		default:
			return nil, bad
		}
	} else {
		want := 1
		if mode == "full" {
			want = 2
		}
		if len(args) != want {
			return nil, bad
		}
		shape, ok := sizes(args[0])
		if !ok {
			return nil, bad
		}
		switch mode {
		case "empty", "zeros":
			t, err = tensor.Zeros(d, shape...)
		case "ones":
			t, err = tensor.Ones(d, shape...)
		case "full":
			f, ok := numAtom(args[1])
			if !ok {
				return nil, bad
			}
			if !opts.hasDType {
				d = fullType(args[1])
			}
			t, err = tensor.Full(d, f, shape...)
		case "rand":
			t, err = tensor.Rand(s.rng, d, shape...)
		case "randn":
			t, err = tensor.Randn(s.rng, d, shape...)
		}
	}
	if err != nil {
		return nil, err
	}
	if t, err = opts.apply(t); err != nil {
		return nil, err
	}
	return s.add(&tensorObj{t}), nil
}

// fullType is the type torch.full infers from its fill value.
func fullType(v k.V) tensor.DType {
	switch v.(type) {
	case k.Long, k.Int, k.Short:
		return tensor.Int64
	case k.Bool:
		return tensor.Bool
	case k.Float:
		return tensor.Float32
	}
	return tensor.Float32
}

// numAtom reads a numeric atom as a float64.
func numAtom(v k.V) (float64, bool) {
	switch n := v.(type) {
	case k.Long:
		return float64(n), true
	case k.Int:
		return float64(n), true
	case k.Short:
		return float64(n), true
	case k.Float:
		return float64(n), true
	case k.Real:
		return float64(n), true
	case k.Bool:
		if n {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// sizes reads a long atom or long list as a shape.
func sizes(v k.V) ([]int, bool) {
	switch n := v.(type) {
	case k.Long:
		return []int{int(n)}, true
	case k.Longs:
		s := make([]int, len(n))
		for i, j := range n {
			s[i] = int(j)
		}
		return s, true
	}
	return nil, false
}

// tensorOrK returns the tensor an argument points to, or a tensor made of
// the k value; p reports whether it was a pointer.
func (s *Session) tensorOrK(x k.V) (t *tensor.Tensor, p bool, err error) {
	t, p, err = s.tensorArg(x)
	if err != nil || p {
		return t, p, err
	}
	if _, o, ok, _ := s.lookup(x); ok {
		return nil, false, fmt.Errorf("expecting tensor, given %s", o.class())
	}
	t, err = kput(x)
	return t, false, err
}

// result returns a computed tensor as a new pointer when any argument was
// a pointer, else as a k value (the reference's kresult), freeing the
// tensor, which nothing else holds.
func (s *Session) result(p bool, t *tensor.Tensor) k.V {
	if p {
		return s.add(&tensorObj{t})
	}
	v := kget(t)
	t.Free()
	return v
}

// free releases an object, a list or dictionary of objects, or all objects.
func (s *Session) free(x k.V) (k.V, error) {
	if isEmpty(x) {
		for id := range s.objs {
			s.drop(id)
		}
		return k.Null, nil
	}
	if id, _, ok, err := s.lookup(x); ok {
		if err != nil {
			return nil, err
		}
		s.drop(id)
		return k.Null, nil
	}
	vals := x
	var keys k.Syms
	if d, ok := x.(*k.Dict); ok {
		vals = d.Vals
		keys, _ = d.Keys.(k.Syms)
	}
	l, ok := vals.(k.List)
	if !ok {
		return nil, fmt.Errorf("free: expecting pytorch object or list/dictionary of objects, given %s", kname(x.Type()))
	}
	where := func(i int) string {
		if keys != nil && i < len(keys) {
			return fmt.Sprintf("key[`%s] of given dictionary", keys[i])
		}
		return fmt.Sprintf("element[%d] of given list", i)
	}
	for i, y := range l {
		if !isPointer(y) {
			if keys != nil && i < len(keys) {
				return nil, fmt.Errorf("free: expecting pytorch object but dictionary key[`%s] is %s", keys[i], kname(y.Type()))
			}
			return nil, fmt.Errorf("free: expecting pytorch object but element[%d] is %s", i, kname(y.Type()))
		}
		if _, _, _, err := s.lookup(y); err != nil {
			return nil, fmt.Errorf("free: stale pointer, %s", where(i))
		}
	}
	for _, y := range l {
		id, _, _, _ := s.lookup(y)
		s.drop(id)
	}
	return k.Null, nil
}

// drop removes object id. A tensor that no other object holds (as an
// optimizer holds its parameters) is freed, its storage going back to
// the engine's cache.
func (s *Session) drop(id int64) {
	o := s.objs[id]
	delete(s.objs, id)
	t, ok := o.(*tensorObj)
	if !ok {
		return
	}
	for _, other := range s.objs {
		switch v := other.(type) {
		case *tensorObj:
			if v.t == t.t {
				return
			}
		case *optObj:
			if slices.Contains(v.params, t.t) {
				return
			}
		}
	}
	t.t.Free()
}

// returnFn gives the k value of a tensor and frees it.
func (s *Session) returnFn(x k.V) (k.V, error) {
	id, o, ok, err := s.lookup(x)
	if err != nil {
		return nil, fmt.Errorf("return: %v", err)
	}
	t, isT := o.(*tensorObj)
	if !ok || !isT {
		return nil, fmt.Errorf("return: expecting tensor, vector or dictionary, given %s", s.knameOf(x))
	}
	v := kget(t.t)
	s.drop(id)
	return v, nil
}

// use re-points tensor x to the tensor y points to (freeing y's pointer)
// or to a tensor made of the k value y.
func (s *Session) use(x, y k.V) (k.V, error) {
	_, o, ok, err := s.lookup(x)
	if err != nil {
		return nil, fmt.Errorf("use: %v", err)
	}
	g, isT := o.(*tensorObj)
	if !ok || !isT {
		return nil, fmt.Errorf("use: 1st arg must be tensor, vector or dictionary")
	}
	idy, oy, isPtr, err := s.lookup(y)
	if err != nil {
		return nil, fmt.Errorf("use: %v", err)
	}
	if isPtr {
		h, isT := oy.(*tensorObj)
		if !isT {
			return nil, fmt.Errorf("use: unable to re-assign tensor to given %s", oy.class())
		}
		if h != g {
			g.t = h.t
			delete(s.objs, idy)
		}
		return k.Null, nil
	}
	t, err := kput(y)
	if err != nil {
		return nil, err
	}
	g.t = t
	return k.Null, nil
}

// backward runs the backward calculation from a tensor: backward t,
// backward(t;`retain), backward(t;grad) or backward(t;grad;`retain).
func (s *Session) backward(x k.V) (k.V, error) {
	if t, ok, err := s.tensorArg(x); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return k.Null, tensor.Backward(t, nil, false)
	}
	l, ok := x.(k.List)
	if !ok || len(l) == 0 {
		return nil, fmt.Errorf("backward: expects tensor or model as 1st arg, e.g. backward(tensor) or backward(model;inputs;targets)")
	}
	t, ok, err := s.tensorArg(l[0])
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("backward: expects tensor or model as 1st arg, e.g. backward(tensor) or backward(model;inputs;targets)")
	}
	n, retain := len(l), false
	if m, isSym := l[n-1].(k.Sym); isSym && n > 1 {
		switch m {
		case "free":
		case "retain", "create", "createfree":
			retain = m != "createfree"
		default:
			return nil, fmt.Errorf("unrecognized setting for backprop: %s, expecting one of: free,retain,create or createfree", m)
		}
		n--
	}
	switch n {
	case 1:
		return k.Null, tensor.Backward(t, nil, retain)
	case 2:
		g, _, err := s.tensorOrK(l[1])
		if err != nil {
			return nil, err
		}
		if g.Dim() == 0 && t.Dim() > 0 {
			if g, err = g.Expand(t.Shape()...); err != nil {
				return nil, err
			}
		}
		return k.Null, tensor.Backward(t, g, retain)
	}
	return nil, fmt.Errorf("backward: unexpected arg(s), expecting (t;s), (t;g) or (t;g;s) with t-tensor, g-tensor, s-sym, e.g. `retain")
}

// grad returns a tensor's gradient as a k value, :: when it has none.
func (s *Session) grad(x k.V) (k.V, error) {
	t, ok, err := s.tensorArg(x)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("unexpected arg(s) for gradient, expecting tensor (enlist to return gradient ptr)")
	}
	return kget(t.Grad), nil
}

// resetGrad zeroes (zerograd) or removes (nograd) the gradients of a
// tensor or of an optimizer's parameters.
func (s *Session) resetGrad(x k.V, none bool, fn string) (k.V, error) {
	_, o, ok, err := s.lookup(x)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s: not implemented for %s", fn, kname(x.Type()))
	}
	var ts []*tensor.Tensor
	switch v := o.(type) {
	case *tensorObj:
		ts = []*tensor.Tensor{v.t}
	case *optObj:
		ts = v.params
	default:
		return nil, fmt.Errorf("%s: not implemented for %s", fn, o.class())
	}
	for _, t := range ts {
		if none {
			t.FreeGrad()
		} else {
			t.ZeroGrad()
		}
	}
	return k.Null, nil
}

// expand expands an array or tensor to a size (-1 keeps a dimension).
func (s *Session) expand(x k.V) (k.V, error) {
	l, ok := x.(k.List)
	usage := fmt.Errorf("expand expects (input array/tensor; size) or (input array/tensor; tensor w'size to match)")
	if !ok || len(l) != 2 {
		return nil, usage
	}
	t, p, err := s.tensorOrK(l[0])
	if err != nil {
		return nil, err
	}
	var shape []int
	if u, ok, err := s.tensorArg(l[1]); ok || err != nil {
		if err != nil {
			return nil, err
		}
		shape = u.Shape()
	} else if shape, ok = sizes(l[1]); !ok {
		return nil, usage
	}
	r, err := t.Expand(shape...)
	if err != nil {
		return nil, err
	}
	return s.result(p, r), nil
}
