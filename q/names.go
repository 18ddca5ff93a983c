package q

import (
	"kt/k"
)

// nameKeywords are the keywords that read a symbol argument as the name of
// a global: key `d and keys `t look the variable up, x xkey `t keys the
// global table t in place, and views lists the session's views (kt has
// none), and fby, which applies its function group by group.
func (in *Interp) nameKeywords() map[string]*Keyword {
	kw := map[string]*Keyword{
		"fby": {Name: "fby", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			return in.fby(a[0], a[1])
		}},
		"views": {Name: "views", Rank: 1, N: func(in *Interp, a []k.V) (k.V, error) {
			return k.Syms{}, nil
		}},
	}
	if m := in.primMonad("key"); m != nil {
		kw["key"] = &Keyword{Name: "key", Rank: 1, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 1 {
				return nil, k.ErrRank
			}
			if r, ok := in.keyValueEnum("key", a[0]); ok {
				return r, nil
			}
			return in.keyOf(m, a[0])
		}}
	}
	if m := in.primMonad("keys"); m != nil {
		kw["keys"] = &Keyword{Name: "keys", Rank: 1, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 1 {
				return nil, k.ErrRank
			}
			x := a[0]
			if s, ok := x.(k.Sym); ok {
				v, err := in.lookup(string(s), nil)
				if err != nil {
					return nil, err
				}
				x = v
			}
			return m(x)
		}}
	}
	if kx, ok := in.keywords["xkey"].(*Keyword); ok && kx.D != nil {
		d := kx.D
		kw["xkey"] = &Keyword{Name: "xkey", Rank: 2, N: func(in *Interp, a []k.V) (k.V, error) {
			if len(a) != 2 {
				return nil, k.ErrRank
			}
			s, byName := a[1].(k.Sym)
			if !byName {
				return d(a[0], a[1])
			}
			t, err := in.lookup(string(s), nil)
			if err != nil {
				return nil, err
			}
			r, err := d(a[0], t)
			if err != nil {
				return nil, err
			}
			in.globals[string(s)] = r
			return s, nil
		}}
	}
	return kw
}

// primMonad is the monadic function behind a keyword, or nil.
func (in *Interp) primMonad(name string) func(k.V) (k.V, error) {
	if f, ok := in.keywords[name].(*Keyword); ok && f.Rank == 1 {
		return f.M
	}
	return nil
}

// keyOf is key x, with a symbol read as a name: the keys of the
// dictionary or table it names, the name itself for other values, and ()
// for a name with no value.
func (in *Interp) keyOf(m func(k.V) (k.V, error), x k.V) (k.V, error) {
	s, ok := x.(k.Sym)
	if !ok {
		return m(x)
	}
	if r, ok := in.nsKey(string(s)); ok {
		return r, nil
	}
	v, found := in.globals[string(s)]
	if !found {
		return k.List{}, nil
	}
	switch v.(type) {
	case *k.Dict, *k.Table:
		return m(v)
	}
	return s, nil
}

// fby is (f;x) fby g: f applied to the items of x in each group of g, each
// result given back to the group's rows (an atom spreads over them).
func (in *Interp) fby(fx, g k.V) (k.V, error) {
	if fx.Type() != 0 || k.Count(fx) != 2 {
		return nil, k.ErrType
	}
	f, x := k.At(fx, 0), k.At(fx, 1)
	n := k.Count(x)
	if k.Count(g) != n {
		return nil, k.ErrLength
	}
	gr, err := prim1("group", g)
	if err != nil {
		return nil, err
	}
	d, ok := gr.(*k.Dict)
	if !ok {
		return nil, k.ErrType
	}
	out := make([]k.V, n)
	for gi := range k.Count(d.Vals) {
		idx := k.At(d.Vals, gi)
		sub, err := index(x, idx)
		if err != nil {
			return nil, err
		}
		r, err := in.apply(f, []k.V{sub})
		if err != nil {
			return nil, err
		}
		spread := !isList(r) || r.Type() >= k.TTable
		if !spread && k.Count(r) != k.Count(idx) {
			return nil, k.ErrLength
		}
		for j := range k.Count(idx) {
			i, ok := toInt(k.At(idx, j))
			if !ok || i < 0 || int(i) >= n {
				return nil, k.ErrIndex
			}
			if spread {
				out[i] = r
			} else {
				out[i] = k.At(r, j)
			}
		}
	}
	for _, v := range out {
		if v == nil {
			return nil, k.ErrLength
		}
	}
	if n == 0 {
		return k.List{}, nil
	}
	return k.Uniform(out), nil
}
