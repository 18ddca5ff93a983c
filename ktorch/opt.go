package ktorch

import (
	"fmt"

	"kt/k"
	"kt/optim"
	"kt/tensor"
)

// optObj is an optimizer and the parameters it updates.
type optObj struct {
	st     *Settings
	params []*tensor.Tensor
	ids    []int64 // the pointers the parameters were given by
	sgd    *optim.SGD
}

func (*optObj) class() string { return "optimizer" }

// settings is the optimizer's options dictionary.
func (o *optObj) settings(all bool) *k.Dict { return o.st.Dict(all) }

// sgdHelp is help`optimizer, for the one optimizer there is.
func sgdHelp() *k.Table {
	return &k.Table{Cols: k.Syms{"optimizer", "pytorch", "options"},
		Data: k.List{k.Syms{SGD.Name}, k.List{k.Chars(SGD.PyTorch)}, k.List{Defaults(SGD).Dict(true)}}}
}

// optFn is opt(`sgd;parameters;options..): make an optimizer; opt o
// returns its definition.
func (s *Session) optFn(x k.V) (k.V, error) {
	if _, o, ok, err := s.lookup(x); ok {
		if err != nil {
			return nil, err
		}
		op, isOpt := o.(*optObj)
		if !isOpt {
			return nil, fmt.Errorf("opt: not implemented for %s", o.class())
		}
		return op.definition(s.AllOptions), nil
	}
	name, ok := firstSym(x)
	if !ok {
		return nil, fmt.Errorf("opt: unrecognized arg(s)")
	}
	if name != SGD.Name {
		return nil, fmt.Errorf("unrecognized optimizer: %s", name)
	}
	op := &optObj{}
	off := 1
	if l, ok := x.(k.List); ok && len(l) > 1 {
		ts, ids, err := s.params(l[1])
		if err != nil {
			return nil, err
		}
		op.params, op.ids, off = ts, ids, 2
	}
	st, err := s.ParseOptions(SGD, x, off)
	if err != nil {
		return nil, err
	}
	op.st = st
	sgd, err := optim.NewSGD(op.params, optim.SGDOptions{
		LR: st.Float("lr"), Momentum: st.Float("momentum"), Dampening: st.Float("dampening"),
		WeightDecay: st.Float("decay"), Nesterov: st.Flag("nesterov"),
	})
	if err != nil {
		return nil, err
	}
	op.sgd = sgd
	return s.add(op), nil
}

// params reads the parameters of an optimizer: a tensor pointer or a list
// of them, with the pointers' numbers.
func (s *Session) params(x k.V) ([]*tensor.Tensor, []int64, error) {
	one := k.List{x}
	l, ok := x.(k.List)
	if isPointer(x) || !ok {
		l = one
	}
	ts := make([]*tensor.Tensor, 0, len(l))
	ids := make([]int64, 0, len(l))
	for _, y := range l {
		t, ok, err := s.tensorArg(y)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			return nil, nil, fmt.Errorf("opt: parameters expected as tensor pointer(s), given %s", s.knameOf(y))
		}
		id, _, _, _ := s.lookup(y)
		ts, ids = append(ts, t), append(ids, id)
	}
	return ts, ids, nil
}

// definition is opt o: the optimizer's name, its options by parameter
// group (one group here) and a table of its parameters.
func (o *optObj) definition(all bool) *k.Dict {
	n := len(o.params)
	group, ptr, size := make(k.Longs, n), make(k.Longs, n), make(k.List, n)
	blank := make(k.Syms, n)
	for i, t := range o.params {
		ptr[i] = o.ids[i]
		sh := t.Shape()
		dims := make(k.Longs, len(sh))
		for j, v := range sh {
			dims[j] = int64(v)
		}
		size[i] = dims
	}
	return &k.Dict{Keys: k.Syms{"optimizer", "options", "parms"}, Vals: k.List{
		k.Sym(SGD.Name),
		k.List{o.settings(all)}, // one parameter group, as a list of its options
		&k.Table{Cols: k.Syms{"parmgroup", "pointer", "module", "name", "size"}, Data: k.List{group, ptr, blank, blank, size}},
	}}
}

// step applies one optimizer step.
func (s *Session) step(x k.V) (k.V, error) {
	_, o, ok, err := s.lookup(x)
	if err != nil {
		return nil, err
	}
	op, isOpt := o.(*optObj)
	if !ok || !isOpt {
		return nil, fmt.Errorf("step: not implemented for %s", s.knameOf(x))
	}
	return k.Null, op.sgd.Step()
}
