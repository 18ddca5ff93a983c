package q

import (
	"fmt"

	"kt/internal/stop"
	"kt/k"
)

// returnSig carries :x out of a lambda body.
type returnSig struct{ v k.V }

func (*returnSig) Error() string { return "return" }

// Eval parses and evaluates q source (statements separated by ; or line
// breaks) and returns the value of the last statement.
func (in *Interp) Eval(src string) (v k.V, err error) {
	defer guard(&err)
	defer settle(&v, &err)
	defer stop.Watch(in.Ctx)()
	in.steps, in.depth = 0, 0
	st, err := Parse(src)
	if err != nil {
		return nil, err
	}
	return in.run(st)
}

// guard turns a runtime fault of the interpreter into a q error: the
// session goes on. It is the one recover in the interpreter, at the
// entry points a console or host calls.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = k.Err(fmt.Sprintf("kt: %v", r))
	}
}

// settle ends an evaluation: one that ended without an error ends with
// the one a stop carries, if there is one (a builder that could not
// return its error, stop.Fail, has given back a value that is not the
// answer), and a failure is withdrawn, so that the next evaluation, a
// console line or a client's message, starts afresh.
func settle[T any](out *T, err *error) {
	if *err == nil {
		*err = k.Stopped()
	}
	stop.TakeFailure()
	if *err != nil {
		var zero T
		*out = zero // what a stopped evaluation made is never seen
	}
}

// run evaluates top-level statements.
func (in *Interp) run(st []Statement) (k.V, error) {
	var r k.V = k.Null
	in.trace = nil
	for _, s := range st {
		in.top = s.Spots
		v, err := in.eval(s.Tree, nil)
		if err != nil {
			if ret, ok := err.(*returnSig); ok {
				return ret.v, nil
			}
			return nil, err
		}
		r = v
	}
	return r, nil
}

// runIn evaluates statements in frame fr (a suspended function's).
func (in *Interp) runIn(st []Statement, fr *frame) (k.V, error) {
	var r k.V = k.Null
	for _, s := range st {
		v, err := in.eval(s.Tree, fr)
		if err != nil {
			return nil, err
		}
		r = v
	}
	return r, nil
}

// EvalTree evaluates a parse tree, as q's eval does.
func (in *Interp) EvalTree(t k.V) (k.V, error) {
	if err := k.CheckNest(t); err != nil {
		return nil, err // the parser bounds its trees; eval's come from anywhere
	}
	v, err := in.eval(t, nil)
	if ret, ok := err.(*returnSig); ok {
		return ret.v, nil
	}
	return v, err
}

// eval evaluates a parse tree in a frame (nil at top level).
func (in *Interp) eval(n k.V, fr *frame) (k.V, error) {
	if err := in.step(); err != nil {
		return nil, err
	}
	switch n := n.(type) {
	case k.Sym:
		return in.lookup(string(n), fr)
	case k.Syms:
		if len(n) == 1 {
			return k.Sym(n[0]), nil
		}
		return n, nil
	case k.List:
		return in.evalList(n, fr)
	case hole:
		return k.Null, nil
	case *query:
		return in.query(n, fr)
	case *Lambda:
		if n.NS != in.ns {
			// a lambda belongs to the namespace it is defined in
			c := *n
			c.NS = in.ns
			return &c, nil
		}
	}
	return n, nil
}

// evalList evaluates an application (f;a;b...) or a quoted constant (,x).
func (in *Interp) evalList(n k.List, fr *frame) (k.V, error) {
	switch len(n) {
	case 0:
		return n, nil
	case 1:
		return n[0], nil
	}
	switch h := n[0].(type) {
	case *assign:
		if len(n) != 3 {
			return nil, k.ErrRank
		}
		return in.assign(h, n[1], n[2], fr)
	case *control:
		return in.control(h.name, n[1:], fr)
	case seq:
		var r k.V = k.Null
		for _, s := range n[1:] {
			v, err := in.eval(s, fr)
			if err != nil {
				return nil, err
			}
			r = v
		}
		return r, nil
	case *Verb:
		if h.Glyph == ":" && !h.Monadic && len(n) == 2 {
			v, err := in.eval(n[1], fr)
			if err != nil {
				return nil, err
			}
			return nil, &returnSig{v}
		}
		if h.Glyph == "$" && !h.Monadic && len(n) > 3 {
			return in.cond(n[1:], fr)
		}
	}
	args := make([]k.V, len(n)-1)
	for i := len(n) - 1; i >= 1; i-- {
		if _, ok := n[i].(hole); ok {
			continue // nil: a hole to project over
		}
		v, err := in.eval(n[i], fr)
		if err != nil {
			return nil, err
		}
		args[i-1] = v
	}
	f, err := in.eval(n[0], fr)
	if err != nil {
		return nil, err
	}
	in.site, in.siteFr = &n[0], fr
	r, err := in.apply(f, args)
	if err != nil {
		in.noteError(err, n, fr)
		return in.suspend(err, fr)
	}
	return r, err
}

// cond evaluates $[c;t;c2;t2;...;f] lazily.
func (in *Interp) cond(a []k.V, fr *frame) (k.V, error) {
	for len(a) >= 2 {
		c, err := in.eval(a[0], fr)
		if err != nil {
			return nil, err
		}
		t, err := truth(c)
		if err != nil {
			return nil, err
		}
		if t {
			return in.eval(a[1], fr)
		}
		a = a[2:]
	}
	if len(a) == 1 {
		return in.eval(a[0], fr)
	}
	return k.Null, nil
}

// truth is q's test of a condition: a nonzero atom.
func truth(v k.V) (bool, error) {
	switch v := v.(type) {
	case k.Bool:
		return bool(v), nil
	case k.Byte:
		return v != 0, nil
	case k.Short:
		return v != 0, nil
	case k.Int:
		return v != 0, nil
	case k.Long:
		return v != 0, nil
	case k.Real:
		return v != 0, nil
	case k.Float:
		return v != 0, nil
	case k.Char:
		return v != 0, nil
	}
	return false, k.ErrType
}

// control evaluates if, do, while and a signal.
func (in *Interp) control(name string, a []k.V, fr *frame) (k.V, error) {
	switch name {
	case "'":
		v, err := in.eval(a[0], fr)
		if err != nil {
			return nil, err
		}
		switch v := v.(type) {
		case k.Sym:
			return nil, k.Err(string(v))
		case k.Chars:
			return nil, k.Err(string(v))
		}
		return nil, k.Err("stype")
	case "if":
		c, err := in.eval(a[0], fr)
		if err != nil {
			return nil, err
		}
		t, err := truth(c)
		if err != nil {
			return nil, err
		}
		if t {
			if err := in.block(a[1:], fr); err != nil {
				return nil, err
			}
		}
	case "do":
		c, err := in.eval(a[0], fr)
		if err != nil {
			return nil, err
		}
		times, ok := toInt(c)
		if !ok {
			return nil, k.ErrType
		}
		for i := int64(0); i < times; i++ {
			if err := in.block(a[1:], fr); err != nil {
				return nil, err
			}
		}
	case "while":
		for {
			c, err := in.eval(a[0], fr)
			if err != nil {
				return nil, err
			}
			t, err := truth(c)
			if err != nil {
				return nil, err
			}
			if !t {
				break
			}
			if err := in.block(a[1:], fr); err != nil {
				return nil, err
			}
		}
	}
	return k.Null, nil
}

func (in *Interp) block(a []k.V, fr *frame) error {
	for _, s := range a {
		if _, err := in.eval(s, fr); err != nil {
			return err
		}
	}
	return nil
}

// opAssign is the new value of x op: y: Append for ",", else x op y of
// the type of a simple list x.
func (in *Interp) opAssign(op string, x, y k.V) (k.V, error) {
	if op == "," {
		return in.appendTo(x, y)
	}
	r, err := in.dyad(op, x, y)
	if err != nil {
		return nil, err
	}
	if t := x.Type(); t > 0 && t < k.TTable && r.Type() != t {
		return nil, k.ErrType
	}
	return r, nil
}

// toInt reads an integer atom.
func toInt(v k.V) (int64, bool) {
	switch v := v.(type) {
	case k.Long:
		return int64(v), true
	case k.Int:
		return int64(v), true
	case k.Short:
		return int64(v), true
	case k.Byte:
		return int64(v), true
	case k.Bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// assign evaluates name:v, name::v, name op: v and their indexed forms.
func (in *Interp) assign(a *assign, target, rhs k.V, fr *frame) (k.V, error) {
	v, err := in.eval(rhs, fr)
	if err != nil {
		return nil, err
	}
	switch t := target.(type) {
	case k.Sym:
		name := string(t)
		if a.op != "" {
			old, err := in.lookup(name, fr)
			if err != nil {
				// an undefined name takes the right argument
				in.setVar(name, v, a.global, fr)
				return v, nil
			}
			nv, err := in.opAssign(a.op, old, v)
			if err != nil {
				return nil, err
			}
			v = nv
		}
		in.setVar(name, v, a.global, fr)
		return v, nil
	case k.List:
		name := string(t[0].(k.Sym))
		idx := make([]k.V, len(t)-1)
		for i := len(t) - 1; i >= 1; i-- {
			if _, ok := t[i].(hole); ok {
				idx[i-1] = k.Null
				continue
			}
			x, err := in.eval(t[i], fr)
			if err != nil {
				return nil, err
			}
			idx[i-1] = x
		}
		old, err := in.lookup(name, fr)
		if err != nil {
			return nil, err
		}
		var f k.V
		if a.op != "" {
			f = &Verb{Glyph: a.op}
		}
		nv, err := in.amend(old, idx, f, v, true)
		if err != nil {
			return nil, err
		}
		in.setVar(name, nv, a.global, fr)
		if a.op != "" {
			return in.apply(nv, idx)
		}
		return v, nil
	}
	return nil, k.ErrType
}
