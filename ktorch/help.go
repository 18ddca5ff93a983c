package ktorch

import (
	"fmt"

	"kt/k"
)

// helpKeys are the columns of help`loss and the keys of help`ce.
var helpKeys = k.Syms{"module", "pytorch", "forward", "result", "n", "args", "options"}

// argSyms is the list of forward argument types of a loss.
func argSyms(s *Spec) k.Syms {
	a := make(k.Syms, s.Args)
	for i := range a {
		a[i] = "tensor"
	}
	return a
}

// helpTable is help`loss: one row a loss, with its default options.
func helpTable() *k.Table {
	n := len(Specs)
	mod := make(k.Syms, n)
	pyt := make(k.List, n)
	fwd := make(k.Bools, n)
	res := make(k.Syms, n)
	min := make(k.Longs, n)
	args := make(k.List, n)
	opts := make(k.List, n)
	for i, s := range Specs {
		mod[i] = s.Name
		pyt[i] = k.Chars(s.PyTorch)
		fwd[i] = true
		res[i] = "tensor"
		min[i] = int64(s.Min)
		args[i] = argSyms(s)
		opts[i] = Defaults(s).Dict(true)
	}
	return &k.Table{Cols: append(k.Syms(nil), helpKeys...), Data: k.List{mod, pyt, fwd, res, min, args, opts}}
}

// helpRow is help`ce: a dictionary of a loss's attributes and the options given.
func helpRow(s *Spec, opts *k.Dict) *k.Dict {
	return &k.Dict{Keys: append(k.Syms(nil), helpKeys...), Vals: k.List{
		k.Sym(s.Name), k.Chars(s.PyTorch), k.Bool(true), k.Sym("tensor"), k.Long(s.Min), argSyms(s), opts,
	}}
}

// freeHelp is help`free: what each form of free's argument frees. An
// empty list frees every object, as in ktorch, so an empty list computed
// by accident (a select that finds nothing) does it too.
func freeHelp() *k.Dict {
	return &k.Dict{
		Keys: k.Syms{"free p", "free(p;q..)", "free d", "free()"},
		Vals: k.List{
			k.Chars("frees the object of pointer p; using p afterwards is 'stale pointer"),
			k.Chars("frees each object of a list of pointers"),
			k.Chars("frees each object of a dictionary of pointers"),
			k.Chars("frees EVERY object of the session: any empty list does, even one computed"),
		},
	}
}

// helpTopics is help with an empty argument: the topics there are.
func helpTopics() *k.Dict {
	return &k.Dict{
		Keys: k.Syms{"loss", "optimizer", "free"},
		Vals: k.List{
			k.Chars("loss types, module options & forward args"),
			k.Chars("optimizer types & options"),
			k.Chars("freeing objects, and what free() frees"),
		},
	}
}

// help answers help (h true) and options (h false): a loss name, the loss
// topic, or a loss module.
func (s *Session) help(x k.V, h bool) (k.V, error) {
	fn := "options"
	if h {
		fn = "help"
	}
	if isEmpty(x) || x == k.V(k.Sym("")) {
		if h {
			return helpTopics(), nil
		}
		return nil, fmt.Errorf("options: not implemented for tensor options")
	}
	if sym, ok := x.(k.Sym); ok {
		switch sym {
		case "loss":
			return helpTable(), nil
		case "optimizer":
			return sgdHelp(), nil
		case "free":
			if h {
				return freeHelp(), nil
			}
		}
		spec, ok := Lookup(string(sym))
		if !ok {
			return nil, fmt.Errorf("%s: help topic, `%s", fn, sym)
		}
		d := Defaults(spec).Dict(true)
		if h {
			return helpRow(spec, d), nil
		}
		return d, nil
	}
	_, o, ok, err := s.lookup(x)
	if err != nil {
		return nil, err
	}
	if ok {
		switch v := o.(type) {
		case *lossObj:
			d := v.st.Dict(s.AllOptions)
			if h {
				return helpRow(v.st.Spec, d), nil
			}
			return d, nil
		case *optObj:
			return v.settings(s.AllOptions), nil
		}
		return nil, fmt.Errorf("%s: not implemented for %s", fn, o.class())
	}
	return nil, fmt.Errorf("%s: unrecognized arg(s), expecting empty arg, name or object, given %s", fn, kname(x.Type()))
}

// setting reads or sets the session's settings (only alloptions is kept).
func (s *Session) setting(x k.V) (k.V, error) {
	if isEmpty(x) {
		return &k.Dict{Keys: k.Syms{"alloptions"}, Vals: k.List{k.Bool(s.AllOptions)}}, nil
	}
	if sym, ok := x.(k.Sym); ok {
		if sym != "alloptions" {
			return nil, fmt.Errorf("unrecognized setting: %s", sym)
		}
		return k.Bool(s.AllOptions), nil
	}
	if sym, ok := symAt(x, 0); ok && k.Count(x) == 2 {
		if sym != "alloptions" {
			return nil, fmt.Errorf("unrecognized setting: %s", sym)
		}
		if b, ok := boolAt(x, 1); ok {
			s.AllOptions = b
			return k.Null, nil
		}
		y, _ := item(x, 1)
		if y == nil {
			if l, ok := x.(k.Syms); ok {
				y = k.Sym(l[1])
			}
		}
		return nil, fmt.Errorf("unable to change setting: %s with value %s", sym, str1(y))
	}
	return nil, fmt.Errorf("setting: unrecognized arg(s), expecting empty arg or sym, (sym;bool) or (sym;long)")
}

// definition is loss l: the module's name and its options.
func definition(st *Settings, all bool) *k.Dict {
	return &k.Dict{Keys: k.Syms{"module", "options"}, Vals: k.List{k.Sym(st.Spec.Name), st.Dict(all)}}
}
