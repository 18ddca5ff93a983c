package ktorch

import (
	"errors"
	"fmt"

	"kt/k"
	"kt/tensor"
)

// lossFn is the k-api's loss: create a module from a name and options,
// rebuild one from its definition, return its definition, or compute.
func (s *Session) lossFn(x k.V) (k.V, error) {
	if name, ok := firstSym(x); ok {
		spec, ok := Lookup(name)
		if !ok {
			return nil, fmt.Errorf("unrecognized loss function: %s", name)
		}
		st, err := s.ParseOptions(spec, x, 1)
		if err != nil {
			return nil, err
		}
		return s.add(&lossObj{st}), nil
	}
	if d, ok := x.(*k.Dict); ok {
		return s.lossFromDict(d)
	}
	if _, o, ok, err := s.lookup(x); ok {
		if err != nil {
			return nil, err
		}
		l, isLoss := o.(*lossObj)
		if !isLoss {
			return nil, fmt.Errorf("loss: unrecognized arg(s)")
		}
		return definition(l.st, s.AllOptions), nil
	}
	l, ok := x.(k.List)
	if !ok || len(l) < 2 {
		return nil, fmt.Errorf("loss: unrecognized arg(s)")
	}
	_, o, isPtr, err := s.lookup(l[0])
	if err != nil {
		return nil, err
	}
	lo, isLoss := o.(*lossObj)
	if !isPtr || !isLoss {
		return nil, fmt.Errorf("loss: unrecognized arg(s)")
	}
	if b, ok := l[1].(k.Bool); ok && len(l) == 2 {
		return definition(lo.st, bool(b)), nil
	}
	return s.calc(lo.st, l[1:])
}

// firstSym finds the loss name that starts a creation call: a symbol, a
// non-empty symbol list, or a general list whose first item is a symbol.
func firstSym(x k.V) (string, bool) {
	switch v := x.(type) {
	case k.Sym:
		return string(v), true
	case k.Syms:
		if len(v) > 0 {
			return v[0], true
		}
	case k.List:
		if len(v) > 0 {
			if s, ok := v[0].(k.Sym); ok {
				return string(s), true
			}
		}
	}
	return "", false
}

// lossFromDict rebuilds a loss from its definition: `module`options!(..).
func (s *Session) lossFromDict(d *k.Dict) (k.V, error) {
	keys, _ := d.Keys.(k.Syms)
	var mod, opts k.V
	for i, key := range keys {
		v := k.At(d.Vals, i)
		switch key {
		case "module":
			mod = v
		case "options":
			opts = v
		}
	}
	name, ok := mod.(k.Sym)
	if !ok {
		return nil, fmt.Errorf("unable to find state attribute: module")
	}
	spec, ok := Lookup(string(name))
	if !ok {
		return nil, fmt.Errorf("unrecognized loss function: %s", name)
	}
	st := Defaults(spec)
	if opts != nil {
		var err error
		if st, err = s.ParseOptions(spec, opts, -1); err != nil {
			return nil, err
		}
	}
	return s.add(&lossObj{st}), nil
}

// calc computes a loss module on 2, 3 or 4 tensors or k arrays: the
// result is always a tensor pointer.
func (s *Session) calc(st *Settings, args k.List) (k.V, error) {
	ts := make([]*tensor.Tensor, 0, len(args))
	for _, a := range args {
		t, _, err := s.tensorOrK(a)
		if errors.Is(err, errStale) {
			return nil, err
		}
		if err != nil || t == nil {
			return nil, fmt.Errorf("loss: unrecognized arg, %s", s.knameOf(a))
		}
		ts = append(ts, t)
	}
	if len(ts) == 1 {
		return nil, fmt.Errorf("loss: no calculation implemented for tensor input")
	}
	// Which counts a loss takes follows from its declaration: at least Min
	// tensors, at most Args.
	spec, n := st.Spec, len(ts)
	switch {
	case n > 4:
		return nil, fmt.Errorf("loss: no calculation implemented for %d tensors", n)
	case n == 2 && spec.Min > 2:
		return nil, fmt.Errorf("%s: loss calculation not implemented for single tensor input & target", spec.Name)
	case n == 3 && (spec.Min > 3 || spec.Args < 3):
		return nil, fmt.Errorf("%s:  loss calculation not implemented for 3 tensors, e.g. input,target,weight  or input1,input2,target", spec.Name)
	case n == 4 && spec.Args < 4:
		// The reference passes a fifth, missing tensor for ctc here (v[4]
		// for v[3]); ctc is given its four tensors.
		return nil, fmt.Errorf("%s: unable to calculate loss given 4 tensors", spec.Name)
	}
	r, err := forward(st, ts)
	if err != nil {
		return nil, err
	}
	return s.add(&tensorObj{r}), nil
}

// functional forms ----------------------------------------------------------

// fnArgs reads the tensors of a functional call (see fnTensors) and its
// options, from item m on of a general list (a simple list has none).
func (s *Session) fnArgs(spec *Spec, a k.V, m int) ([]*tensor.Tensor, bool, *Settings, error) {
	ts, p, err := s.fnTensors(a, m)
	if err != nil {
		return nil, false, nil, err
	}
	st := defaults[spec]
	if l, ok := a.(k.List); ok && len(l) > m {
		if st, err = s.ParseOptions(spec, a, m); err != nil {
			return nil, false, nil, err
		}
	}
	return ts, p, st, nil
}

// fnTensors reads the first m items of a general list (tensor pointers or
// k arrays) or the first m rows of a simple list as tensors; p reports
// whether any was given as a pointer.
func (s *Session) fnTensors(a k.V, m int) ([]*tensor.Tensor, bool, error) {
	if a.Type() > 0 {
		all, err := kput(a)
		if err != nil {
			return nil, false, err
		}
		ts, err := unbind(all)
		if err != nil {
			return nil, false, err
		}
		return ts[:m], false, nil
	}
	l, _ := a.(k.List)
	return s.tensorsOf(l, m)
}

// compute runs a loss and returns its result as the reference's kresult
// does: a pointer when a pointer came in, else a k value.
func (s *Session) compute(st *Settings, ts []*tensor.Tensor, p bool) (k.V, error) {
	r, err := forward(st, ts)
	if err != nil {
		return nil, err
	}
	return s.result(p, r), nil
}

// lossFunc is the functional form of the two-tensor losses:
// f(input;target) or f(input;target;options..).
func (s *Session) lossFunc(name string, a k.V) (k.V, error) {
	spec, _ := Lookup(name)
	t := a.Type()
	if t < 0 || t >= 11 {
		return nil, fmt.Errorf("%s: not implemented for %s", name, s.knameOf(a))
	}
	n := k.Count(a)
	if n < 2 {
		return nil, fmt.Errorf("%s: expects at least 2 args, %d given", name, n)
	}
	if t > 0 && n != 2 {
		return nil, fmt.Errorf("%s: loss expects 2-element arg of input & target, %d value(s) given", name, n)
	}
	ts, p, st, err := s.fnArgs(spec, a, 2)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}

// tensorsOf reads the first n items of a general list as tensors; p
// reports whether any was a pointer.
func (s *Session) tensorsOf(l k.List, n int) ([]*tensor.Tensor, bool, error) {
	ts := make([]*tensor.Tensor, n)
	any := false
	for i := range n {
		t, p, err := s.tensorOrK(l[i])
		if err != nil {
			return nil, false, err
		}
		if t == nil {
			return nil, false, fmt.Errorf("undefined tensor, element[%d]", i)
		}
		ts[i] = t
		any = any || p
	}
	return ts, any, nil
}

// unbind splits a tensor along its first dimension.
func unbind(t *tensor.Tensor) ([]*tensor.Tensor, error) {
	if t.Dim() == 0 {
		return nil, fmt.Errorf("unbind: a 0-dim tensor has no rows")
	}
	v := kget(t)
	n := k.Count(v)
	out := make([]*tensor.Tensor, n)
	for i := range n {
		r, err := kput(k.At(v, i))
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// isOptionArg is the reference's bcearg: a third item that starts bce's
// options rather than being its batch weight.
func isOptionArg(x k.V) bool {
	switch x.(type) {
	case k.Sym, k.Syms, *k.Dict:
		return true
	}
	return isEmpty(x)
}

// bceFn is bce(x;y), bce(x;y;w), bce(x;y;opts..), bce(x;y;w;opts..).
func (s *Session) bceFn(a k.V) (k.V, error) {
	spec, _ := Lookup("bce")
	t := a.Type()
	if t < 0 || t >= 11 {
		return nil, fmt.Errorf("bce: not implemented for %s", s.knameOf(a))
	}
	n := k.Count(a)
	if n < 2 {
		return nil, fmt.Errorf("bce: expects input,target,optional batch weight,optional reduce mode")
	}
	m := n
	if t > 0 {
		if n > 3 {
			return nil, fmt.Errorf("bce: unrecognized args, expecting 2-3 elements for input,target,optional weight")
		}
	} else if m = 2; n > 2 && !isOptionArg(a.(k.List)[2]) {
		m = 3
		if err := weightType("weight", a.(k.List)[2].Type()); err != nil {
			return nil, err // a string is not a batch weight
		}
	}
	ts, p, st, err := s.fnArgs(spec, a, m)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}

// bceLogitFn is bcelogit1 (input;target;[class weight];[reduce]) and
// bcelogit2 (input;target;batch weight;[class weight];[reduce]).
func (s *Session) bceLogitFn(a k.V, batch bool, fn string) (k.V, error) {
	spec, _ := Lookup("bcelogits")
	t := a.Type()
	if t < 0 || t >= 11 {
		return nil, fmt.Errorf("%s: not implemented for %s", fn, s.knameOf(a))
	}
	m, what := 2, " & target"
	if batch {
		m, what = 3, ", target & batch weights"
	}
	if k.Count(a) < m {
		return nil, fmt.Errorf("%s expects at least %d args, input%s", fn, m, what)
	}
	// The options are read first, as the reference reads them.
	st, err := s.ParseOptions(spec, a, m)
	if err != nil {
		return nil, err
	}
	ts, p, err := s.fnTensors(a, m)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}

// marginFn is hinge (input;target;opts..), cosineloss and margin
// (input1;input2;target;opts..).
func (s *Session) marginFn(name string, a k.V) (k.V, error) {
	spec, _ := Lookup(name)
	if a.Type() < 0 || a.Type() > 97 {
		return nil, fmt.Errorf("%s: not implemented for %s", name, s.knameOf(a))
	}
	m, usage := 3, name+" loss expects (input1;input2;target;optional arg(s)..)"
	if name == "hinge" {
		m, usage = 2, "hinge loss expects (input;target;optional arg(s)..)"
	}
	if k.Count(a) < m {
		return nil, fmt.Errorf("%s", usage)
	}
	ts, p, st, err := s.fnArgs(spec, a, m)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}

// tripletFn is triplet(anchor;positive;negative;opts..).
func (s *Session) tripletFn(a k.V) (k.V, error) {
	spec, _ := Lookup("triplet")
	if a.Type() < 0 || a.Type() > 97 {
		return nil, fmt.Errorf("triplet loss not implemented for %s", s.knameOf(a))
	}
	// The reference checks for at least 2 arguments where 3 are needed;
	// here fewer than 3 is the usage error.
	if k.Count(a) < 3 {
		return nil, fmt.Errorf("triplet loss expects (anchor;positive;negative;optional arg(s)..)")
	}
	ts, p, st, err := s.fnArgs(spec, a, 3)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}

// ctcFn is ctc(input;target;input lengths;target lengths;opts..): the
// result is a pointer when the input or the target is one.
func (s *Session) ctcFn(a k.V) (k.V, error) {
	spec, _ := Lookup("ctc")
	l, ok := a.(k.List)
	if !ok {
		// The reference's message reads "cts" here, a slip; it is spelt ctc.
		return nil, fmt.Errorf("ctc loss not implemented for %s", kname(a.Type()))
	}
	if len(l) < 4 {
		return nil, fmt.Errorf("ctc loss expects at least 4 args, (input;target;input lengths;target lengths)")
	}
	ts, _, st, err := s.fnArgs(spec, a, 4)
	if err != nil {
		return nil, err
	}
	_, p1, _ := s.tensorArg(l[0])
	_, p2, _ := s.tensorArg(l[1])
	return s.compute(st, ts, p1 || p2)
}

// distanceFn is pairwise(x1;x2;opts..) and similar(x1;x2;opts..).
func (s *Session) distanceFn(name string, a k.V) (k.V, error) {
	spec, _ := Lookup(name)
	if l, ok := a.(k.List); !ok || len(l) < 2 {
		return nil, fmt.Errorf("%s not implemented for %s", name, s.knameOf(a))
	}
	ts, p, st, err := s.fnArgs(spec, a, 2)
	if err != nil {
		return nil, err
	}
	return s.compute(st, ts, p)
}
