package q

import (
	"io"
	"strings"

	"kt/k"
	"kt/prim"
)

// evalKeywords are the keywords that need the evaluator: they apply
// functions, evaluate text or touch the session.
func (in *Interp) evalKeywords() map[string]*Keyword {
	iter := func(name, glyph string) *Keyword {
		return &Keyword{Name: name, Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.apply(&Derived{Glyph: glyph, F: a[0]}, a[1:])
		}}
	}
	unary := func(name string, f func(in *Interp, x k.V) (k.V, error)) *Keyword {
		return &Keyword{Name: name, Rank: 1, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 1 {
				return nil, k.ErrRank
			}
			return f(in, a[0])
		}}
	}
	kw := map[string]*Keyword{
		"rand": unary("rand", (*Interp).rand),
		"each": iter("each", "'"),
		"peach": {Name: "peach", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.peach(a[0], a[1])
		}},
		"over":  iter("over", "/"),
		"scan":  iter("scan", "\\"),
		"prior": iter("prior", "':"),
		"enlist": {Name: "enlist", N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) == 1 {
				if f, err := prim1(",", a[0]); err != k.ErrNYI {
					return f, err
				}
			}
			return k.Uniform(append([]k.V(nil), a...)), nil
		}},
		"value": unary("value", (*Interp).valueOf),
		"get":   unary("get", (*Interp).valueOf),
		"eval": unary("eval", func(in *Interp, x k.V) (k.V, error) {
			return in.EvalTree(x)
		}),
		"reval": unary("reval", func(*Interp, k.V) (k.V, error) {
			return nil, k.Err("nyi: reval (eval with the writes -b blocks refused)")
		}),
		"parse": unary("parse", func(in *Interp, x k.V) (k.V, error) {
			s, ok := text(x)
			if !ok {
				return nil, k.ErrType
			}
			t, err := ParseTree(s)
			if err != nil {
				return nil, err
			}
			return functionalize(t), nil
		}),
		"show": unary("show", func(in *Interp, x k.V) (k.V, error) {
			s, err := in.show(x)
			if err != nil {
				return nil, err
			}
			io.WriteString(in.Stdout, s)
			return k.Null, nil
		}),
		"system": unary("system", func(in *Interp, x k.V) (k.V, error) {
			s, ok := text(x)
			if !ok {
				return nil, k.ErrType
			}
			return in.System(s)
		}),
		"exit": unary("exit", func(in *Interp, x k.V) (k.V, error) {
			if in.restricted() {
				return nil, k.Err("access")
			}
			code, ok := toInt(x)
			if !ok {
				return nil, k.ErrType
			}
			return nil, &ExitError{Code: int(code)}
		}),
		".Q.s1": unary(".Q.s1", func(in *Interp, x k.V) (k.V, error) {
			s, err := in.string1(x)
			return k.Chars(s), err
		}),
		".Q.w": unary(".Q.w", func(in *Interp, x k.V) (k.V, error) {
			return &k.Dict{Keys: k.Syms{"used", "heap", "peak", "wmax", "mmap", "mphy"}, Vals: workspace()}, nil
		}),
		".Q.s": unary(".Q.s", func(in *Interp, x k.V) (k.V, error) {
			s, err := in.show(x)
			return k.Chars(s), err
		}),
		"ej": {Name: "ej", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			return prim.Ej(a[0], a[1], a[2])
		}},
		"ssr": {Name: "ssr", Rank: 3, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 3 {
				return nil, k.ErrRank
			}
			if isFunc(a[2]) {
				return prim.SsrWith(a[0], a[1], func(m k.V) (k.V, error) {
					return in.apply(a[2], []k.V{m})
				})
			}
			return prim.Ssr(a[0], a[1], a[2])
		}},
		"set": {Name: "set", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			s, ok := a[0].(k.Sym)
			if !ok {
				return nil, k.ErrType
			}
			in.globals[string(s)] = a[1]
			return s, nil
		}},
	}
	for name, f := range insertKeywords() {
		kw[name] = f
	}
	return kw
}

// text reads a string argument.
func text(x k.V) (string, bool) {
	switch x := x.(type) {
	case k.Chars:
		return string(x), true
	case k.Char:
		return string(rune(x)), true
	}
	return "", false
}

// valueOf is value and get: a string is evaluated, a symbol names a
// variable, a parse tree list is evaluated; other data goes to the
// primitive (a dictionary's values).
func (in *Interp) valueOf(x k.V) (k.V, error) {
	switch x := x.(type) {
	case k.Chars, k.Char:
		s, _ := text(x)
		return in.value(k.Chars(s))
	case k.Sym:
		return in.lookup(string(x), nil)
	case k.List:
		// (f;x;y...) applies f, which may be named or given as text
		if len(x) > 0 {
			f := x[0]
			switch g := f.(type) {
			case k.Sym:
				v, err := in.lookup(string(g), nil)
				if err != nil {
					return nil, err
				}
				f = v
			case k.Chars:
				v, err := in.value(g)
				if err != nil {
					return nil, err
				}
				f = v
			}
			if isFunc(f) {
				return in.apply(f, append([]k.V(nil), x[1:]...))
			}
		}
	case *Proj:
		l := k.List{x.F}
		for _, a := range x.Args {
			if a == nil {
				a = k.Null
			}
			l = append(l, a)
		}
		return l, nil
	case *Derived:
		return x.F, nil
	case *Comp:
		return k.List{x.F, x.G}, nil
	case *Verb:
		if c := strings.Index(primCodes, x.Glyph); len(x.Glyph) == 1 && c >= 0 {
			return k.Long(c), nil
		}
		return x, nil
	case *Keyword:
		if x.Name == "value" || x.Name == "get" {
			return k.Long(strings.Index(primCodes, ".")), nil
		}
		return x, nil
	case k.Nil:
		return k.Long(0), nil
	case *Lambda:
		return in.lambdaValue(x), nil
	case k.Enum, *k.Enums:
		return in.resolve(x), nil
	}
	return prim1(".", x)
}

// primCodes lists the primitives in the order of the codes value gives
// them: :: is 0, + is 1 ... . is 19.
const primCodes = ":+-*%&|^=<>$,#_~!?@."

// value evaluates a string as q source at top level.
func (in *Interp) value(s k.Chars) (k.V, error) {
	if len(s) > 0 && s[0] == '\\' {
		v, err := in.System(string(s[1:]))
		if v == nil && err == nil {
			v = k.Null
		}
		return v, err
	}
	st, err := Parse(string(s))
	if err != nil {
		return nil, err
	}
	return in.run(st)
}
