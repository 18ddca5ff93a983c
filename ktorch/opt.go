package ktorch

import (
	"fmt"

	"kt/k"
	"kt/optim"
	"kt/tensor"
)

// sgdSpec declares SGD's options as ktorch names them, in order.
var sgdSpec = []Option{dbl("lr", 0.01), dbl("momentum", 0), dbl("dampening", 0), dbl("decay", 0), boo("nesterov", false)}

// optObj is an optimizer and the parameters it updates.
type optObj struct {
	vals   []k.V // option values, in sgdSpec order
	params []*tensor.Tensor
	sgd    *optim.SGD
}

func (*optObj) class() string { return "optimizer" }

// settings is the optimizer's options dictionary.
func (o *optObj) settings(all bool) *k.Dict {
	var names []string
	var vals []k.V
	for i, op := range sgdSpec {
		if all || o.vals[i] != op.Default {
			names = append(names, op.Name)
			vals = append(vals, o.vals[i])
		}
	}
	return resolveDict(names, vals)
}

// sgdHelp is help`optimizer, for the one optimizer there is.
func sgdHelp() *k.Table {
	o := &optObj{vals: sgdDefaults()}
	return &k.Table{Cols: k.Syms{"optimizer", "pytorch", "options"},
		Data: k.List{k.Syms{"sgd"}, k.List{k.Chars("torch.optim.SGD")}, k.List{o.settings(true)}}}
}

func sgdDefaults() []k.V {
	v := make([]k.V, len(sgdSpec))
	for i, o := range sgdSpec {
		v[i] = o.Default
	}
	return v
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
		return &k.Dict{Keys: k.Syms{"optimizer", "options"}, Vals: k.List{k.Sym("sgd"), op.settings(s.AllOptions)}}, nil
	}
	name, ok := firstSym(x)
	if !ok {
		return nil, fmt.Errorf("opt: unrecognized arg(s)")
	}
	if name != "sgd" {
		return nil, fmt.Errorf("unrecognized optimizer: %s", name)
	}
	op := &optObj{vals: sgdDefaults()}
	off := 1
	if l, ok := x.(k.List); ok && len(l) > 1 {
		ts, err := s.params(l[1])
		if err != nil {
			return nil, err
		}
		op.params = ts
		off = 2
	}
	if err := s.parseOpt(op, x, off); err != nil {
		return nil, err
	}
	sgd, err := optim.NewSGD(op.params, op.options())
	if err != nil {
		return nil, err
	}
	op.sgd = sgd
	return s.add(op), nil
}

// params reads the parameters of an optimizer: a tensor pointer or a list of them.
func (s *Session) params(x k.V) ([]*tensor.Tensor, error) {
	if t, ok, err := s.tensorArg(x); ok || err != nil {
		return []*tensor.Tensor{t}, err
	}
	l, ok := x.(k.List)
	if !ok {
		return nil, fmt.Errorf("opt: parameters expected as tensor pointer(s), given %s", s.knameOf(x))
	}
	var ts []*tensor.Tensor
	for _, y := range l {
		t, ok, err := s.tensorArg(y)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("opt: parameters expected as tensor pointer(s), given %s", s.knameOf(y))
		}
		ts = append(ts, t)
	}
	return ts, nil
}

// parseOpt reads SGD's options: positional, then name-value pairs.
func (s *Session) parseOpt(op *optObj, x k.V, off int) error {
	n, pr, err := argc(x, off)
	if err != nil {
		return err
	}
	set := func(j int, v k.V, name string) error {
		o := sgdSpec[j]
		switch o.Kind {
		case Double:
			switch f := v.(type) {
			case k.Float:
				op.vals[j] = f
			case k.Long:
				op.vals[j] = k.Float(f)
			default:
				return fmt.Errorf("sgd %s: expected double, given %s", name, kname(v.Type()))
			}
		case Bool:
			b, ok := v.(k.Bool)
			if !ok {
				return fmt.Errorf("sgd %s: expected boolean scalar, given %s", name, kname(v.Type()))
			}
			op.vals[j] = b
		}
		return nil
	}
	for j := 0; j < n; j++ {
		if j >= len(sgdSpec) {
			return fmt.Errorf("sgd: expecting up to %d positional args, %d given", len(sgdSpec), n)
		}
		v := kindexAny(x, off+j)
		if err := set(j, v, sgdSpec[j].Name); err != nil {
			return err
		}
	}
	for {
		a, ok, err := pr.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		j := -1
		for i, o := range sgdSpec {
			if o.Name == a.name {
				j = i
			}
		}
		if j < 0 {
			return fmt.Errorf("unrecognized option: %s", a.name)
		}
		if err := set(j, a.v, a.name); err != nil {
			return err
		}
	}
}

// options are the optimizer's settings for the engine.
func (o *optObj) options() optim.SGDOptions {
	f := func(i int) float64 { return float64(o.vals[i].(k.Float)) }
	return optim.SGDOptions{LR: f(0), Momentum: f(1), Dampening: f(2), WeightDecay: f(3), Nesterov: bool(o.vals[4].(k.Bool))}
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
